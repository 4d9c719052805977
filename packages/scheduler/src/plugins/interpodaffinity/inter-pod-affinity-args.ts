import {
  aggregateFieldErrors,
  type FieldError,
  fieldErrors,
  jsonTypeError,
  KubesimError,
} from "@kubesim/core";

/**
 * The `pluginConfig` args of InterPodAffinity (kubescheduler.config.k8s.io/v1
 * `InterPodAffinityArgs`).
 */
export interface InterPodAffinityArgs {
  /**
   * Score added, per matching pod, for existing pods whose *required* affinity the incoming
   * pod satisfies (0 disables it); 0..100, default 1.
   */
  readonly hardPodAffinityWeight?: number | null;
  /** When true and the incoming pod has no preferred (anti-)affinity, scoring is skipped. Default false. */
  readonly ignorePreferredTermsOfExistingPods?: boolean | null;
}

/** InterPodAffinity args after defaulting, as the plugin uses them. */
export interface ResolvedInterPodAffinityArgs {
  readonly hardPodAffinityWeight: number;
  readonly ignorePreferredTermsOfExistingPods: boolean;
}

/** Upstream's `DefaultHardPodAffinityWeight`. */
export const defaultHardPodAffinityWeight = 1;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Fills absent fields as upstream's `SetDefaults_InterPodAffinityArgs`: an absent (or
 * `null`) `hardPodAffinityWeight` becomes 1. Explicit values, including 0, are kept.
 * Args that are not an object are returned unchanged (validation reports them).
 *
 * @example
 * defaultInterPodAffinityArgs(undefined) // => { hardPodAffinityWeight: 1 }
 * defaultInterPodAffinityArgs({ hardPodAffinityWeight: 0 }) // => { hardPodAffinityWeight: 0 }
 */
export function defaultInterPodAffinityArgs(args: unknown): unknown {
  if (args === undefined || args === null) return { hardPodAffinityWeight: defaultHardPodAffinityWeight };
  if (!isRecord(args)) return args;
  if (args.hardPodAffinityWeight !== undefined && args.hardPodAffinityWeight !== null) return args;
  return { ...args, hardPodAffinityWeight: defaultHardPodAffinityWeight };
}

/**
 * Validates defaulted args as upstream's `ValidateInterPodAffinityArgs`:
 * `hardPodAffinityWeight` must lie in [0, 100]. Returns `[]` when valid.
 *
 * @example
 * validateInterPodAffinityArgs({ hardPodAffinityWeight: 101 })
 * // => [FieldValueInvalid hardPodAffinityWeight: "not in valid range [0, 100]"]
 */
export function validateInterPodAffinityArgs(args: unknown): FieldError[] {
  if (!isRecord(args)) return [jsonTypeError("", args, "object")];
  const errors: FieldError[] = [];
  const weight = args.hardPodAffinityWeight ?? 0;
  if (typeof weight !== "number" || !Number.isInteger(weight)) {
    errors.push(jsonTypeError("hardPodAffinityWeight", weight, "integer"));
  } else if (weight < 0 || weight > 100) {
    errors.push(fieldErrors.invalid("hardPodAffinityWeight", weight, "not in valid range [0, 100]"));
  }
  const ignore = args.ignorePreferredTermsOfExistingPods;
  if (ignore !== undefined && ignore !== null && typeof ignore !== "boolean") {
    errors.push(jsonTypeError("ignorePreferredTermsOfExistingPods", ignore, "boolean"));
  }
  return errors;
}

/**
 * Defaults and validates args for the plugin factory; throws a KubesimError listing the
 * field errors when they are invalid.
 */
export function resolveInterPodAffinityArgs(args: unknown): ResolvedInterPodAffinityArgs {
  const defaulted = defaultInterPodAffinityArgs(args);
  const errors = validateInterPodAffinityArgs(defaulted);
  if (errors.length > 0)
    throw new KubesimError(`invalid InterPodAffinityArgs: ${aggregateFieldErrors(errors)}`);
  const record = defaulted as InterPodAffinityArgs;
  return {
    hardPodAffinityWeight: record.hardPodAffinityWeight ?? defaultHardPodAffinityWeight,
    ignorePreferredTermsOfExistingPods: record.ignorePreferredTermsOfExistingPods === true,
  };
}

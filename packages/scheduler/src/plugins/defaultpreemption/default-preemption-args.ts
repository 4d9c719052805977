import { type FieldError, fieldErrors } from "@kubesim/core";

/** DefaultPreemption's `pluginConfig` args (kubescheduler.config.k8s.io/v1 `DefaultPreemptionArgs`). */
export interface DefaultPreemptionArgs {
  /** The share of potential nodes dry-run for candidates, 0–100 (default 10). */
  readonly minCandidateNodesPercentage: number;
  /** At least this many candidates are looked for, when that many nodes exist (default 100). */
  readonly minCandidateNodesAbsolute: number;
}

/** The v1 defaults: 10 percent, at least 100 nodes. */
export const defaultMinCandidateNodesPercentage = 10;
/** See {@link defaultMinCandidateNodesPercentage}. */
export const defaultMinCandidateNodesAbsolute = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownField(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Fills the absent fields of DefaultPreemption args as upstream's
 * `SetDefaults_DefaultPreemptionArgs` (percentage 10, absolute 100). Other values,
 * including explicit `null`, are kept for validation to judge. The input is not modified.
 */
export function defaultDefaultPreemptionArgs(args: unknown): unknown {
  const source = args === undefined || args === null ? {} : args;
  if (!isRecord(source)) return source;
  return {
    ...source,
    minCandidateNodesPercentage:
      ownField(source, "minCandidateNodesPercentage") ?? defaultMinCandidateNodesPercentage,
    minCandidateNodesAbsolute:
      ownField(source, "minCandidateNodesAbsolute") ?? defaultMinCandidateNodesAbsolute,
  };
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/**
 * Validates defaulted DefaultPreemption args as upstream's
 * `ValidateDefaultPreemptionArgs`: percentage in [0, 100], absolute ≥ 0, not both 0.
 */
export function validateDefaultPreemptionArgs(args: unknown): FieldError[] {
  if (!isRecord(args)) return [fieldErrors.typeInvalid("", args as object, "must be an object")];
  const errors: FieldError[] = [];
  const percentage = ownField(args, "minCandidateNodesPercentage");
  const absolute = ownField(args, "minCandidateNodesAbsolute");
  if (!isInteger(percentage)) {
    errors.push(
      fieldErrors.typeInvalid("minCandidateNodesPercentage", percentage as object, "must be an integer"),
    );
  } else if (percentage < 0 || percentage > 100) {
    errors.push(
      fieldErrors.invalid("minCandidateNodesPercentage", percentage, "not in valid range [0, 100]"),
    );
  }
  if (!isInteger(absolute)) {
    errors.push(
      fieldErrors.typeInvalid("minCandidateNodesAbsolute", absolute as object, "must be an integer"),
    );
  } else if (absolute < 0) {
    errors.push(fieldErrors.invalid("minCandidateNodesAbsolute", absolute, "not in valid range [0, inf)"));
  }
  if (percentage === 0 && absolute === 0) {
    errors.push(
      fieldErrors.invalid(
        "minCandidateNodesPercentage",
        percentage,
        "cannot be zero at the same time as minCandidateNodesAbsolute",
      ),
      fieldErrors.invalid(
        "minCandidateNodesAbsolute",
        absolute,
        "cannot be zero at the same time as minCandidateNodesPercentage",
      ),
    );
  }
  return errors;
}

/**
 * How many candidates the dry run must find among `numNodes` potential nodes (upstream
 * `calculateNumCandidates`): `numNodes × percentage / 100` (integer division), at least
 * the absolute minimum, at most `numNodes`.
 */
export function calculateNumCandidates(args: DefaultPreemptionArgs, numNodes: number): number {
  let count = Math.trunc((numNodes * args.minCandidateNodesPercentage) / 100);
  if (count < args.minCandidateNodesAbsolute) count = args.minCandidateNodesAbsolute;
  if (count > numNodes) count = numNodes;
  return count;
}

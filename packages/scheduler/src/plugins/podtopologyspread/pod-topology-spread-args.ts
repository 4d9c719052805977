import {
  aggregateFieldErrors,
  type FieldError,
  fieldErrors,
  fieldPath,
  isQualifiedName,
  jsonTypeError,
  KubesimError,
  type TopologySpreadConstraint,
} from "@kubesim/core";

/** How PodTopologySpread finds constraints for pods that define none (upstream's `PodTopologySpreadConstraintsDefaulting`). */
export const PodTopologySpreadDefaulting = {
  /** The built-in constraints: hostname maxSkew 3 and zone maxSkew 5, both ScheduleAnyway. */
  System: "System",
  /** The `defaultConstraints` given in the args. */
  List: "List",
} as const;

/** One of the {@link PodTopologySpreadDefaulting} values. */
export type PodTopologySpreadDefaulting =
  (typeof PodTopologySpreadDefaulting)[keyof typeof PodTopologySpreadDefaulting];

/**
 * The `pluginConfig` args of PodTopologySpread (kubescheduler.config.k8s.io/v1
 * `PodTopologySpreadArgs`). Default constraints carry no `labelSelector`: the selector is
 * deduced per pod from the Services, ReplicationControllers, ReplicaSets and StatefulSets
 * that select it.
 */
export interface PodTopologySpreadArgs {
  readonly defaultConstraints?: readonly TopologySpreadConstraint[] | null;
  /** Absent or `""` means {@link PodTopologySpreadDefaulting.System}. */
  readonly defaultingType?: PodTopologySpreadDefaulting | "" | null;
}

/** PodTopologySpread args after defaulting, as the plugin uses them. */
export interface ResolvedPodTopologySpreadArgs {
  readonly defaultConstraints: readonly TopologySpreadConstraint[];
  readonly defaultingType: PodTopologySpreadDefaulting;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Fills absent fields as upstream's `SetDefaults_PodTopologySpreadArgs`: only
 * `defaultingType` has a default (`System`). Other fields are kept as given, so an
 * explicit value is never replaced. Args that are not an object are returned unchanged
 * (validation reports them).
 *
 * @example
 * defaultPodTopologySpreadArgs(undefined) // => { defaultingType: "System" }
 * defaultPodTopologySpreadArgs({ defaultingType: "List" }) // => { defaultingType: "List" }
 */
export function defaultPodTopologySpreadArgs(args: unknown): unknown {
  if (args === undefined || args === null) return { defaultingType: PodTopologySpreadDefaulting.System };
  if (!isRecord(args)) return args;
  const defaultingType = args.defaultingType;
  if (defaultingType !== undefined && defaultingType !== null && defaultingType !== "") return args;
  return { ...args, defaultingType: PodTopologySpreadDefaulting.System };
}

const supportedDefaultingTypes = [PodTopologySpreadDefaulting.System, PodTopologySpreadDefaulting.List];
/** Sorted, as upstream's `sets.List`. */
const supportedActions = ["DoNotSchedule", "ScheduleAnyway"];

/**
 * Validates defaulted args as upstream's `ValidatePodTopologySpreadArgs`; paths are
 * relative to the args object (`defaultConstraints[0].maxSkew`). Returns `[]` when valid.
 *
 * @example
 * validatePodTopologySpreadArgs({ defaultingType: "System", defaultConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" }] })
 * // => [FieldValueInvalid defaultingType: "when .defaultConstraints are not empty"]
 */
export function validatePodTopologySpreadArgs(args: unknown): FieldError[] {
  if (!isRecord(args)) return [jsonTypeError("", args, "object")];
  const errors: FieldError[] = [];
  const rawConstraints = args.defaultConstraints;
  let constraints: readonly unknown[] = [];
  if (Array.isArray(rawConstraints)) constraints = rawConstraints;
  else if (rawConstraints !== undefined && rawConstraints !== null) {
    errors.push(jsonTypeError("defaultConstraints", rawConstraints, "array"));
  }

  const defaultingType = args.defaultingType;
  if (typeof defaultingType !== "string" || !supportedDefaultingTypes.includes(defaultingType as never)) {
    errors.push(
      fieldErrors.notSupported("defaultingType", typeof defaultingType === "string" ? defaultingType : "", [
        ...supportedDefaultingTypes,
      ]),
    );
  } else if (defaultingType === PodTopologySpreadDefaulting.System && constraints.length > 0) {
    errors.push(
      fieldErrors.invalid("defaultingType", defaultingType, "when .defaultConstraints are not empty"),
    );
  }

  const seen: Array<readonly [string, string]> = [];
  constraints.forEach((constraint, index) => {
    const path = fieldPath("defaultConstraints", index);
    if (!isRecord(constraint)) {
      errors.push(jsonTypeError(path, constraint, "object"));
      return;
    }
    const maxSkew = constraint.maxSkew ?? 0;
    if (typeof maxSkew !== "number" || !Number.isInteger(maxSkew)) {
      errors.push(jsonTypeError(`${path}.maxSkew`, maxSkew, "integer"));
    } else if (maxSkew <= 0) {
      errors.push(fieldErrors.invalid(`${path}.maxSkew`, maxSkew, "not in valid range (0, inf)"));
    }
    const topologyKey = stringField(constraint, "topologyKey", path, errors);
    if (topologyKey === "") errors.push(fieldErrors.required(`${path}.topologyKey`, "can not be empty"));
    else if (topologyKey !== undefined) {
      for (const message of isQualifiedName(topologyKey)) {
        errors.push(fieldErrors.invalid(`${path}.topologyKey`, topologyKey, message));
      }
    }
    const action = stringField(constraint, "whenUnsatisfiable", path, errors);
    if (action === "") errors.push(fieldErrors.required(`${path}.whenUnsatisfiable`, "can not be empty"));
    else if (action !== undefined && !supportedActions.includes(action)) {
      errors.push(fieldErrors.notSupported(`${path}.whenUnsatisfiable`, action, supportedActions));
    }
    if (constraint.labelSelector !== undefined && constraint.labelSelector !== null) {
      errors.push(
        fieldErrors.forbidden(
          `${path}.labelSelector`,
          "constraint must not define a selector, as they deduced for each pod",
        ),
      );
    }
    const identity = [topologyKey ?? "", action ?? ""] as const;
    if (seen.some(([key, when]) => key === identity[0] && when === identity[1])) {
      errors.push(fieldErrors.duplicate(path, `{${identity[0]}, ${identity[1]}}`));
    }
    seen.push(identity);
  });
  return errors;
}

/** A string field; absent or `null` reads as `""` (Go's zero value); another type is an error and reads as `undefined`. */
function stringField(
  record: Readonly<Record<string, unknown>>,
  name: string,
  path: string,
  errors: FieldError[],
): string | undefined {
  const value = record[name];
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  errors.push(jsonTypeError(`${path}.${name}`, value, "string"));
  return undefined;
}

/**
 * Defaults and validates args for the plugin factory (which upstream validates again in
 * `New`); throws a KubesimError listing the field errors when they are invalid.
 */
export function resolvePodTopologySpreadArgs(args: unknown): ResolvedPodTopologySpreadArgs {
  const defaulted = defaultPodTopologySpreadArgs(args);
  const errors = validatePodTopologySpreadArgs(defaulted);
  if (errors.length > 0) {
    throw new KubesimError(`invalid PodTopologySpreadArgs: ${aggregateFieldErrors(errors)}`);
  }
  const record = defaulted as PodTopologySpreadArgs;
  return {
    defaultConstraints: record.defaultConstraints ?? [],
    defaultingType: record.defaultingType as PodTopologySpreadDefaulting,
  };
}

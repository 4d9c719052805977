import { type FieldError, fieldErrors, fieldPath, isQualifiedName } from "@kubesim/core";

/** How NodeResourcesFit scores nodes (kubescheduler.config.k8s.io/v1 `ScoringStrategyType`). */
export const ScoringStrategyType = {
  LeastAllocated: "LeastAllocated",
  MostAllocated: "MostAllocated",
  RequestedToCapacityRatio: "RequestedToCapacityRatio",
} as const;

/** One of the {@link ScoringStrategyType} values. */
export type ScoringStrategyType = (typeof ScoringStrategyType)[keyof typeof ScoringStrategyType];

/** A resource a scoring strategy looks at, with its weight in the weighted average. */
export interface ResourceSpec {
  readonly name: string;
  readonly weight?: number;
}

/** One point of the RequestedToCapacityRatio shape: utilization 0–100 → score 0–10. */
export interface UtilizationShapePoint {
  readonly utilization: number;
  readonly score: number;
}

/** Parameters of the RequestedToCapacityRatio strategy. */
export interface RequestedToCapacityRatioParam {
  readonly shape?: readonly UtilizationShapePoint[] | null;
}

/** NodeResourcesFit's scoring strategy. */
export interface ScoringStrategy {
  readonly type?: ScoringStrategyType | string;
  /** `null` (explicit) stays `null` and makes Score fail with `resources not found`. */
  readonly resources?: readonly ResourceSpec[] | null;
  readonly requestedToCapacityRatio?: RequestedToCapacityRatioParam | null;
}

/** NodeResourcesFit's `pluginConfig` args (kubescheduler.config.k8s.io/v1 `NodeResourcesFitArgs`). */
export interface NodeResourcesFitArgs {
  /** Extended resources Filter ignores, by full name (`example.com/foo`). */
  readonly ignoredResources?: readonly string[] | null;
  /** Extended resource groups Filter ignores, by the prefix before `/` (`example.com`). */
  readonly ignoredResourceGroups?: readonly string[] | null;
  readonly scoringStrategy?: ScoringStrategy | null;
}

/** NodeResourcesBalancedAllocation's `pluginConfig` args. */
export interface NodeResourcesBalancedAllocationArgs {
  readonly resources?: readonly ResourceSpec[] | null;
}

/** The resources scored when none are configured: cpu and memory, weight 1 each. */
export const defaultScoringResources: readonly ResourceSpec[] = Object.freeze([
  Object.freeze({ name: "cpu", weight: 1 }),
  Object.freeze({ name: "memory", weight: 1 }),
]);

const supportedStrategyTypes: readonly string[] = [
  ScoringStrategyType.LeastAllocated,
  ScoringStrategyType.MostAllocated,
  ScoringStrategyType.RequestedToCapacityRatio,
];

// Upstream's MaxCustomPriorityScore: the top of the shape's score range.
const maxCustomPriorityScore = 10;
const maxResourceWeight = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownField(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Absent resources (or, under the v1 rules, an empty list) become cpu + memory; an absent
 * weight (or, under the v1 rules, a weight of 0) becomes 1.
 */
function defaultResourceList(resources: unknown, versioned: boolean): unknown {
  if (resources === undefined || (versioned && Array.isArray(resources) && resources.length === 0)) {
    return defaultScoringResources.map((resource) => ({ ...resource }));
  }
  if (!Array.isArray(resources)) return resources;
  return resources.map((resource: unknown) => {
    if (!isRecord(resource)) return resource;
    const weight = ownField(resource, "weight");
    return weight === undefined || (versioned && weight === 0) ? { ...resource, weight: 1 } : { ...resource };
  });
}

function defaultFitArgs(args: unknown, versioned: boolean): unknown {
  const source = args === undefined || args === null ? {} : args;
  if (!isRecord(source)) return source;
  const strategy = ownField(source, "scoringStrategy");
  if (strategy === undefined) {
    return {
      ...source,
      scoringStrategy: {
        type: ScoringStrategyType.LeastAllocated,
        resources: defaultScoringResources.map((resource) => ({ ...resource })),
      },
    };
  }
  if (!isRecord(strategy)) return { ...source };
  const resources = ownField(strategy, "resources");
  return {
    ...source,
    scoringStrategy: {
      ...strategy,
      resources: resources === null ? null : defaultResourceList(resources, versioned),
    },
  };
}

/**
 * Fills only the ABSENT fields of NodeResourcesFit args, as upstream's internal config
 * takes them (plugin tests, {@link evaluatePlugin}): no `scoringStrategy` → LeastAllocated
 * over cpu and memory (weight 1); absent `resources` → cpu and memory; absent weight → 1.
 * An explicit `null`, an empty list and a weight of 0 are kept (and then rejected or
 * reported as upstream does). The input is not modified.
 */
export function defaultNodeResourcesFitArgs(args: unknown): unknown {
  return defaultFitArgs(args, false);
}

/**
 * The kubescheduler.config.k8s.io/v1 defaulting of NodeResourcesFit args written in a
 * configuration file (`SetDefaults_NodeResourcesFitArgs`): as
 * {@link defaultNodeResourcesFitArgs}, and also an empty `resources` list → cpu and
 * memory, and a weight of 0 → 1.
 */
export function defaultNodeResourcesFitArgsV1(args: unknown): unknown {
  return defaultFitArgs(args, true);
}

function defaultBalancedArgs(args: unknown, versioned: boolean): unknown {
  const source = args === undefined || args === null ? {} : args;
  if (!isRecord(source)) return source;
  const resources = ownField(source, "resources");
  return { ...source, resources: resources === null ? null : defaultResourceList(resources, versioned) };
}

/**
 * Fills only the absent fields of NodeResourcesBalancedAllocation args: absent
 * `resources` → cpu and memory; absent weight → 1. An explicit `null` is kept.
 */
export function defaultNodeResourcesBalancedAllocationArgs(args: unknown): unknown {
  return defaultBalancedArgs(args, false);
}

/**
 * The v1 defaulting of NodeResourcesBalancedAllocation args in a configuration file
 * (`SetDefaults_NodeResourcesBalancedAllocationArgs`): also an empty list → cpu and
 * memory, and a weight of 0 → 1.
 */
export function defaultNodeResourcesBalancedAllocationArgsV1(args: unknown): unknown {
  return defaultBalancedArgs(args, true);
}

/** Upstream `ValidateLabelName`: every qualified-name problem as an Invalid error. */
function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((message) => fieldErrors.invalid(path, name, message));
}

function validateStringList(
  value: unknown,
  path: string,
  check: (item: string, itemPath: string) => FieldError[],
) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    return [fieldErrors.typeInvalid(path, value as object, "must be a list of strings")];
  const errors: FieldError[] = [];
  value.forEach((item: unknown, index) => {
    const itemPath = fieldPath(path, index);
    if (typeof item !== "string")
      errors.push(fieldErrors.typeInvalid(itemPath, item as object, "must be a string"));
    else errors.push(...check(item, itemPath));
  });
  return errors;
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** Upstream `validateResources`: each weight in (0, 100]. */
function validateResources(resources: unknown, path: string): FieldError[] {
  if (resources === undefined || resources === null) return [];
  if (!Array.isArray(resources))
    return [fieldErrors.typeInvalid(path, resources as object, "must be a list")];
  const errors: FieldError[] = [];
  resources.forEach((resource: unknown, index) => {
    const resourcePath = fieldPath(path, index);
    if (!isRecord(resource)) {
      errors.push(fieldErrors.typeInvalid(resourcePath, resource as object, "must be an object"));
      return;
    }
    const name = ownField(resource, "name");
    if (typeof name !== "string") {
      errors.push(
        fieldErrors.typeInvalid(fieldPath(resourcePath, "name"), name as object, "must be a string"),
      );
    }
    const weight = ownField(resource, "weight") ?? 0;
    if (!isInteger(weight)) {
      errors.push(
        fieldErrors.typeInvalid(fieldPath(resourcePath, "weight"), weight as object, "must be an integer"),
      );
    } else if (weight <= 0 || weight > maxResourceWeight) {
      errors.push(
        fieldErrors.invalid(
          fieldPath(resourcePath, "weight"),
          weight,
          `resource weight of ${String(name)} not in valid range (0, ${maxResourceWeight}]`,
        ),
      );
    }
  });
  return errors;
}

/** Upstream `validateFunctionShape`: at least one point, increasing utilization, values in range. */
function validateFunctionShape(shape: unknown, path: string): FieldError[] {
  if (shape === undefined || shape === null || (Array.isArray(shape) && shape.length === 0)) {
    return [fieldErrors.required(path, "at least one point must be specified")];
  }
  if (!Array.isArray(shape)) return [fieldErrors.typeInvalid(path, shape as object, "must be a list")];
  const errors: FieldError[] = [];
  const points: { utilization: unknown; score: unknown }[] = shape.map((point: unknown) =>
    isRecord(point)
      ? { utilization: ownField(point, "utilization") ?? 0, score: ownField(point, "score") ?? 0 }
      : { utilization: point, score: point },
  );
  for (let index = 1; index < points.length; index += 1) {
    const previous = points[index - 1]?.utilization;
    const current = points[index]?.utilization;
    if (isInteger(previous) && isInteger(current) && previous >= current) {
      errors.push(
        fieldErrors.invalid(
          fieldPath(path, index, "utilization"),
          current,
          "values must be sorted in increasing order",
        ),
      );
      break;
    }
  }
  points.forEach((point, index) => {
    const utilizationPath = fieldPath(path, index, "utilization");
    const scorePath = fieldPath(path, index, "score");
    if (!isInteger(point.utilization)) {
      errors.push(
        fieldErrors.typeInvalid(utilizationPath, point.utilization as object, "must be an integer"),
      );
    } else if (point.utilization < 0 || point.utilization > 100) {
      errors.push(fieldErrors.invalid(utilizationPath, point.utilization, "not in valid range [0, 100]"));
    }
    if (!isInteger(point.score)) {
      errors.push(fieldErrors.typeInvalid(scorePath, point.score as object, "must be an integer"));
    } else if (point.score < 0 || point.score > maxCustomPriorityScore) {
      errors.push(
        fieldErrors.invalid(scorePath, point.score, `not in valid range [0, ${maxCustomPriorityScore}]`),
      );
    }
  });
  return errors;
}

/**
 * Validates (defaulted) NodeResourcesFit args as upstream's `ValidateNodeResourcesFitArgs`:
 * `ignoredResources[i]` must be qualified names; `ignoredResourceGroups[i]` must not contain
 * `/` (`resource group name can't contain '/'`) and be qualified names;
 * `scoringStrategy.type` one of the three strategies; `scoringStrategy.resources[i].weight`
 * in (0, 100]; and when `requestedToCapacityRatio` is set, its shape is checked at
 * `scoringStrategy.shape` (upstream's path): non-empty, utilization strictly increasing and
 * in [0, 100], score in [0, 10].
 */
export function validateNodeResourcesFitArgs(args: unknown): FieldError[] {
  if (args === undefined || args === null) return [];
  if (!isRecord(args)) return [fieldErrors.typeInvalid("", args as object, "must be an object")];
  const errors: FieldError[] = [];
  errors.push(
    ...validateStringList(ownField(args, "ignoredResources"), "ignoredResources", validateLabelName),
  );
  errors.push(
    ...validateStringList(ownField(args, "ignoredResourceGroups"), "ignoredResourceGroups", (group, path) => [
      ...(group.includes("/")
        ? [fieldErrors.invalid(path, group, "resource group name can't contain '/'")]
        : []),
      ...validateLabelName(group, path),
    ]),
  );
  const strategy = ownField(args, "scoringStrategy");
  if (strategy === undefined || strategy === null) return errors;
  if (!isRecord(strategy)) {
    errors.push(fieldErrors.typeInvalid("scoringStrategy", strategy as object, "must be an object"));
    return errors;
  }
  const type = ownField(strategy, "type") ?? "";
  if (typeof type !== "string" || !supportedStrategyTypes.includes(type)) {
    errors.push(
      fieldErrors.notSupported(fieldPath("scoringStrategy", "type"), type as string, supportedStrategyTypes),
    );
  }
  errors.push(
    ...validateResources(ownField(strategy, "resources"), fieldPath("scoringStrategy", "resources")),
  );
  const ratio = ownField(strategy, "requestedToCapacityRatio");
  if (ratio !== undefined && ratio !== null) {
    const shape = isRecord(ratio) ? ownField(ratio, "shape") : ratio;
    errors.push(...validateFunctionShape(shape, fieldPath("scoringStrategy", "shape")));
  }
  return errors;
}

/**
 * Validates (defaulted) NodeResourcesBalancedAllocation args as upstream's
 * `ValidateNodeResourcesBalancedAllocationArgs`: no resource name twice
 * (`resources[i].name` Duplicate) and every weight exactly 1 (`must be 1`).
 */
export function validateNodeResourcesBalancedAllocationArgs(args: unknown): FieldError[] {
  if (args === undefined || args === null) return [];
  if (!isRecord(args)) return [fieldErrors.typeInvalid("", args as object, "must be an object")];
  const resources = ownField(args, "resources");
  if (resources === undefined || resources === null) return [];
  if (!Array.isArray(resources))
    return [fieldErrors.typeInvalid("resources", resources as object, "must be a list")];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  resources.forEach((resource: unknown, index) => {
    const resourcePath = fieldPath("resources", index);
    if (!isRecord(resource)) {
      errors.push(fieldErrors.typeInvalid(resourcePath, resource as object, "must be an object"));
      return;
    }
    const name = ownField(resource, "name");
    if (typeof name !== "string") {
      errors.push(
        fieldErrors.typeInvalid(fieldPath(resourcePath, "name"), name as object, "must be a string"),
      );
    } else if (seen.has(name)) {
      errors.push(fieldErrors.duplicate(fieldPath(resourcePath, "name"), name));
    } else {
      seen.add(name);
    }
    const weight = ownField(resource, "weight") ?? 0;
    if (weight !== 1)
      errors.push(fieldErrors.invalid(fieldPath(resourcePath, "weight"), weight as number, "must be 1"));
  });
  return errors;
}

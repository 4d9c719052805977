import { type FieldError, fieldErrors, fieldPath } from "../errors/index.js";
import { type FieldReader, readObjects, wrongType } from "./field-reader.js";
import { validateLabelSelectorInto } from "./label-selector.js";
import { validateLabelNameInto } from "./labels.js";

const whenUnsatisfiableValues = ["DoNotSchedule", "ScheduleAnyway"] as const;
const nodeInclusionPolicies = ["Honor", "Ignore"] as const;

function selectorKeys(constraint: FieldReader): Set<string> {
  const keys = new Set<string>();
  const selector = constraint.raw("labelSelector");
  if (typeof selector !== "object" || selector === null) return keys;
  const matchLabels = Object.hasOwn(selector, "matchLabels")
    ? (selector as Record<string, unknown>).matchLabels
    : undefined;
  if (typeof matchLabels === "object" && matchLabels !== null)
    for (const key of Object.keys(matchLabels)) keys.add(key);
  const expressions = Object.hasOwn(selector, "matchExpressions")
    ? (selector as Record<string, unknown>).matchExpressions
    : undefined;
  if (Array.isArray(expressions)) {
    for (const expression of expressions) {
      if (typeof expression === "object" && expression !== null && Object.hasOwn(expression, "key")) {
        const key = (expression as Record<string, unknown>).key;
        if (typeof key === "string") keys.add(key);
      }
    }
  }
  return keys;
}

function validateMatchLabelKeysInto(errors: FieldError[], constraint: FieldReader): void {
  const keys = constraint.strings("matchLabelKeys");
  if (keys === wrongType || keys === undefined || keys.length === 0) return;
  const path = constraint.childPath("matchLabelKeys");
  if (!constraint.has("labelSelector")) {
    errors.push(fieldErrors.forbidden(path, "must not be specified when labelSelector is not set"));
  }
  const inSelector = selectorKeys(constraint);
  keys.forEach((key, index) => {
    validateLabelNameInto(errors, key, fieldPath(path, index));
    if (inSelector.has(key)) {
      errors.push(
        fieldErrors.invalid(fieldPath(path, index), key, "exists in both matchLabelKeys and labelSelector"),
      );
    }
  });
}

function validateNodeInclusionPolicyInto(errors: FieldError[], constraint: FieldReader, key: string): void {
  const policy = constraint.string(key);
  if (policy === wrongType || policy === undefined) return;
  if (!(nodeInclusionPolicies as readonly string[]).includes(policy)) {
    errors.push(fieldErrors.notSupported(constraint.childPath(key), policy, nodeInclusionPolicies));
  }
}

/**
 * Validates `spec.topologySpreadConstraints` into `errors`: maxSkew above zero, a
 * topologyKey, whenUnsatisfiable DoNotSchedule or ScheduleAnyway, each
 * {topologyKey, whenUnsatisfiable} pair once, minDomains above zero and only with
 * DoNotSchedule, node inclusion policies Honor or Ignore, matchLabelKeys and the label
 * selector.
 */
export function validateTopologySpreadConstraintsInto(
  errors: FieldError[],
  value: unknown,
  path: string,
): void {
  const constraints = readObjects(value, path, errors);
  if (constraints === wrongType || constraints === undefined) return;
  const pairs = constraints.map((constraint) => {
    if (constraint === wrongType) return undefined;
    const topologyKey = constraint.raw("topologyKey");
    const whenUnsatisfiable = constraint.raw("whenUnsatisfiable");
    return `{${typeof topologyKey === "string" ? topologyKey : ""}, ${typeof whenUnsatisfiable === "string" ? whenUnsatisfiable : ""}}`;
  });
  constraints.forEach((constraint, index) => {
    if (constraint === wrongType) return;
    const maxSkew = constraint.integer("maxSkew");
    if (maxSkew !== wrongType && (maxSkew ?? 0) <= 0) {
      errors.push(
        fieldErrors.invalid(constraint.childPath("maxSkew"), maxSkew ?? 0, "must be greater than zero"),
      );
    }
    const topologyKey = constraint.string("topologyKey");
    if (topologyKey !== wrongType && !topologyKey) {
      errors.push(fieldErrors.required(constraint.childPath("topologyKey"), "can not be empty"));
    }
    const whenUnsatisfiable = constraint.string("whenUnsatisfiable");
    if (
      whenUnsatisfiable !== wrongType &&
      !(whenUnsatisfiableValues as readonly string[]).includes(whenUnsatisfiable ?? "")
    ) {
      errors.push(
        fieldErrors.notSupported(
          constraint.childPath("whenUnsatisfiable"),
          whenUnsatisfiable ?? "",
          whenUnsatisfiableValues,
        ),
      );
    }
    const pair = pairs[index];
    if (pair !== undefined && pairs.slice(index + 1).includes(pair)) {
      errors.push(fieldErrors.duplicate(constraint.childPath("{topologyKey, whenUnsatisfiable}"), pair));
    }
    const minDomains = constraint.integer("minDomains");
    if (minDomains !== wrongType && minDomains !== undefined) {
      const minDomainsPath = constraint.childPath("minDomains");
      if (minDomains <= 0)
        errors.push(fieldErrors.invalid(minDomainsPath, minDomains, "must be greater than zero"));
      if (whenUnsatisfiable !== "DoNotSchedule") {
        errors.push(
          fieldErrors.invalid(
            minDomainsPath,
            minDomains,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${whenUnsatisfiable === wrongType ? "" : (whenUnsatisfiable ?? "")}`,
          ),
        );
      }
    }
    validateNodeInclusionPolicyInto(errors, constraint, "nodeAffinityPolicy");
    validateNodeInclusionPolicyInto(errors, constraint, "nodeTaintsPolicy");
    validateMatchLabelKeysInto(errors, constraint);
    validateLabelSelectorInto(errors, constraint.raw("labelSelector"), constraint.childPath("labelSelector"));
  });
}

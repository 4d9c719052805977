import { type FieldError, fieldErrors, fieldPath, type NodeSelectorRequirement } from "@kubesim/core";
import { collectRequirementErrors, Requirement, type SelectorOperator } from "../labels/index.js";

/** The operators `matchExpressions` accepts, in upstream's order (used in NotSupported details). */
export const nodeSelectorOperators = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"] as const;

/** A node selector operator as the API spells it. */
export type NodeSelectorOperator = (typeof nodeSelectorOperators)[number];

const labelSelectorOperatorOf: Readonly<Record<NodeSelectorOperator, SelectorOperator>> = {
  In: "in",
  NotIn: "notin",
  Exists: "exists",
  DoesNotExist: "!",
  Gt: "gt",
  Lt: "lt",
};

function toSelectorOperator(operator: string): SelectorOperator | undefined {
  return Object.hasOwn(labelSelectorOperatorOf, operator)
    ? labelSelectorOperatorOf[operator as NodeSelectorOperator]
    : undefined;
}

/** The parsed `matchExpressions` of one term (label requirements, ANDed), or every error found. */
export type ParsedMatchExpressions =
  | { readonly requirements: readonly Requirement[]; readonly errors?: undefined }
  | { readonly requirements?: undefined; readonly errors: readonly FieldError[] };

/**
 * Parses a term's `matchExpressions` as upstream's `nodeSelectorRequirementsAsSelector`:
 * each operator maps to its label-selector operator and the requirement goes through the
 * label requirement validation (key, values by operator, Gt/Lt integers) at
 * `<path>[i]`; an unknown operator is a NotSupported error at `<path>[i].operator` (and
 * its key and values are not checked). Errors of every requirement are collected.
 *
 * @param path - the path of the `matchExpressions` list, e.g. `nodeSelectorTerms[0].matchExpressions`.
 */
export function parseMatchExpressions(
  requirements: readonly NodeSelectorRequirement[],
  path: string,
): ParsedMatchExpressions {
  const parsed: Requirement[] = [];
  const errors: FieldError[] = [];
  requirements.forEach((requirement, index) => {
    const requirementPath = fieldPath(path, index);
    const operator = toSelectorOperator(requirement.operator ?? "");
    if (operator === undefined) {
      errors.push(
        fieldErrors.notSupported(
          fieldPath(requirementPath, "operator"),
          requirement.operator ?? "",
          nodeSelectorOperators,
        ),
      );
      return;
    }
    const key = requirement.key ?? "";
    const requirementErrors = collectRequirementErrors(key, operator, requirement.values, requirementPath);
    if (requirementErrors.length > 0) {
      errors.push(...requirementErrors);
      return;
    }
    // Already validated above: build it directly rather than validating twice.
    parsed.push(new Requirement(key, operator, requirement.values ?? []));
  });
  return errors.length > 0 ? { errors } : { requirements: parsed };
}

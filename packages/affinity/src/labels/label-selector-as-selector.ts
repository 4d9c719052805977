import { compareGoStrings, fieldErrors, goQuote, type LabelSelector } from "@kubesim/core";
import {
  createRequirement,
  createSelectorError,
  type Requirement,
  type SelectorOperator,
} from "./requirement.js";
import { everything, nothing, type Selector, selectorFromRequirements } from "./selector.js";

/** meta/v1 `LabelSelectorOperator` → label selector operator. */
const expressionOperators: ReadonlyMap<string, SelectorOperator> = new Map<string, SelectorOperator>([
  ["In", "in"],
  ["NotIn", "notin"],
  ["Exists", "exists"],
  ["DoesNotExist", "!"],
]);

/**
 * Converts a meta/v1 `LabelSelector` into a selector (upstream's `metav1.LabelSelectorAsSelector`).
 *
 * - `null`/`undefined` → {@link nothing} (matches nothing);
 * - no `matchLabels` entries and no `matchExpressions` → {@link everything};
 * - each `matchLabels` entry becomes a validated `key=value` requirement (checked in sorted
 *   key order; upstream's map order is random), then each expression a validated
 *   In / NotIn / Exists / DoesNotExist requirement; the result is sorted by key.
 *
 * @throws StatusError (BadRequest) on the first invalid entry: the requirement's error as
 *   {@link createRequirement} (e.g. `values: Invalid value: []string(nil): for 'in', 'notin'
 *   operators, values set can't be empty`), or `"Gt" is not a valid label selector operator`
 *   (one FieldValueInvalid with field `""` and the operator as bad value).
 * @example
 * labelSelectorAsSelector({
 *   matchLabels: { app: "web" },
 *   matchExpressions: [{ key: "tier", operator: "NotIn", values: ["db"] }],
 * }).toString() // => "app=web,tier notin (db)"
 * labelSelectorAsSelector({}).isEmpty() // => true (matches everything)
 * labelSelectorAsSelector(undefined).matches({}) // => false
 * labelSelectorAsSelector({ matchExpressions: [{ key: "tier", operator: "In", values: [] }] })
 * // throws StatusError: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"
 * labelSelectorAsSelector({ matchExpressions: [{ key: "tier", operator: "Gt", values: ["1"] }] })
 * // throws StatusError: '"Gt" is not a valid label selector operator'
 */
export function labelSelectorAsSelector(selector: LabelSelector | null | undefined): Selector {
  if (selector === null || selector === undefined) return nothing();
  const matchLabels: Readonly<Record<string, unknown>> =
    typeof selector.matchLabels === "object" && selector.matchLabels !== null ? selector.matchLabels : {};
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  const labelKeys = Object.keys(matchLabels).sort(compareGoStrings);
  if (labelKeys.length + expressions.length === 0) return everything();

  const requirements: Requirement[] = [];
  for (const key of labelKeys) {
    requirements.push(createRequirement(key, "=", [textOf(matchLabels[key])]));
  }
  for (const expression of expressions) {
    const rawOperator = textOf(expression?.operator);
    const operator = expressionOperators.get(rawOperator);
    if (operator === undefined) {
      const message = `${goQuote(rawOperator)} is not a valid label selector operator`;
      throw createSelectorError(message, [fieldErrors.invalid("", rawOperator, message)]);
    }
    // Upstream copies the values with append([]string(nil), ...): an empty list becomes nil.
    const values: unknown = expression.values;
    const copied = Array.isArray(values) && values.length > 0 ? values.map(textOf) : null;
    requirements.push(createRequirement(textOf(expression.key), operator, copied));
  }
  return selectorFromRequirements(requirements);
}

/** A string field of an untrusted object; anything that is not a string reads as Go's zero value `""`. */
function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

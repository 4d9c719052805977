import { type FieldError, fieldErrors } from "../errors/index.js";
import { readObjects, wrongType } from "./field-reader.js";
import { validateLabelNameInto } from "./labels.js";
import { isValidLabelValue } from "./name-predicates.js";

/**
 * The taint effects upstream accepts, in its order (the order of the supported values
 * listed in a `NotSupported` error).
 *
 * @example
 * taintEffects.includes("NoExecute"); // => true
 * taintEffects.join(", "); // => "NoSchedule, PreferNoSchedule, NoExecute"
 */
export const taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;

/** Appends the error for an unsupported taint effect; an empty one is Required unless `allowEmpty`. */
export function validateTaintEffectInto(
  errors: FieldError[],
  effect: string,
  allowEmpty: boolean,
  path: string,
): void {
  if (!allowEmpty && effect === "") {
    errors.push(fieldErrors.required(path));
    return;
  }
  if (!(taintEffects as readonly string[]).includes(effect)) {
    errors.push(fieldErrors.notSupported(path, effect, taintEffects));
  }
}

/** Validates a list of tolerations into `errors` (upstream's `ValidateTolerations`). */
export function validateTolerationsInto(errors: FieldError[], value: unknown, path: string): void {
  const elements = readObjects(value, path, errors);
  if (elements === wrongType || elements === undefined) return;
  for (const toleration of elements) {
    if (toleration === wrongType) continue;
    const key = toleration.string("key");
    const operator = toleration.string("operator");
    const tolerationValue = toleration.string("value");
    const effect = toleration.string("effect");
    const seconds = toleration.integer("tolerationSeconds");
    if (
      key === wrongType ||
      operator === wrongType ||
      tolerationValue === wrongType ||
      effect === wrongType ||
      seconds === wrongType
    ) {
      continue;
    }
    const operatorPath = toleration.childPath("operator");
    if (key) validateLabelNameInto(errors, key, toleration.childPath("key"));
    // An empty key with Exists matches every taint; with any other operator it is meaningless.
    if (!key && operator !== "Exists") {
      errors.push(
        fieldErrors.invalid(
          operatorPath,
          operator ?? "",
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (seconds !== undefined && effect !== "NoExecute") {
      errors.push(
        fieldErrors.invalid(
          toleration.childPath("effect"),
          effect ?? "",
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    switch (operator ?? "") {
      case "Equal":
      case "": {
        const messages = isValidLabelValue(tolerationValue ?? "");
        if (messages.length > 0) {
          errors.push(fieldErrors.invalid(operatorPath, tolerationValue ?? "", messages.join(";")));
        }
        break;
      }
      case "Exists":
        if (tolerationValue) {
          errors.push(
            fieldErrors.invalid(
              operatorPath,
              tolerationValue,
              "value must be empty when `operator` is 'Exists'",
            ),
          );
        }
        break;
      default:
        errors.push(fieldErrors.notSupported(operatorPath, operator ?? "", ["Equal", "Exists"]));
    }
    if (effect) validateTaintEffectInto(errors, effect, true, toleration.childPath("effect"));
  }
}

/**
 * Validates pod tolerations: key a qualified name; empty key only with `Exists`; value a
 * label value for `Equal` and empty for `Exists`; `tolerationSeconds` only with
 * `NoExecute`; effect one of NoSchedule, PreferNoSchedule, NoExecute. Untrusted input.
 *
 * @example
 * validateTolerations([{ key: "a", operator: "Exists", value: "x" }], "spec.tolerations")[0]?.detail
 * // => "value must be empty when `operator` is 'Exists'"
 */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  validateTolerationsInto(errors, tolerations, path);
  return errors;
}

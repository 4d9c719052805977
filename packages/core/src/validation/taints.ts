import { type FieldError, fieldErrors } from "../errors/index.js";
import { readObjects, wrongType } from "./field-reader.js";
import { goTaint } from "./go-values.js";
import { validateLabelNameInto } from "./labels.js";
import { isValidLabelValue } from "./name-predicates.js";
import { validateTaintEffectInto } from "./tolerations.js";

/** Validates node taints into `errors` (upstream's `validateNodeTaints`). */
export function validateTaintsInto(errors: FieldError[], value: unknown, path: string): void {
  const elements = readObjects(value, path, errors);
  if (elements === wrongType || elements === undefined) return;
  const keysByEffect = new Map<string, Set<string>>();
  for (const taint of elements) {
    if (taint === wrongType) continue;
    const key = taint.string("key");
    const taintValue = taint.string("value");
    const effect = taint.string("effect");
    const timeAdded = taint.string("timeAdded");
    if (key === wrongType || taintValue === wrongType || effect === wrongType || timeAdded === wrongType)
      continue;
    validateLabelNameInto(errors, key ?? "", taint.childPath("key"));
    const messages = isValidLabelValue(taintValue ?? "");
    if (messages.length > 0) {
      errors.push(fieldErrors.invalid(taint.childPath("value"), taintValue ?? "", messages.join(";")));
    }
    validateTaintEffectInto(errors, effect ?? "", false, taint.childPath("effect"));
    let keys = keysByEffect.get(effect ?? "");
    if (keys?.has(key ?? "")) {
      const duplicate = fieldErrors.duplicate(
        taint.path,
        goTaint(key ?? "", taintValue ?? "", effect ?? "", timeAdded !== undefined),
      );
      errors.push({ ...duplicate, detail: "taints must be unique by key and effect pair" });
      continue;
    }
    if (keys === undefined) {
      keys = new Set();
      keysByEffect.set(effect ?? "", keys);
    }
    keys.add(key ?? "");
  }
}

/**
 * Validates node taints: key a qualified name, value a label value, effect required and
 * supported, and each key/effect pair once. Note that upstream reports node taint errors
 * under `metadata.taints`, not `spec.taints`; {@link validateNode} does the same.
 *
 * @example
 * validateTaints([{ key: "gpu", effect: "Sometimes" }], "metadata.taints")[0]?.field
 * // => "metadata.taints[0].effect"
 */
export function validateTaints(taints: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  validateTaintsInto(errors, taints, path);
  return errors;
}

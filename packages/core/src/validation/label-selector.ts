import { type FieldError, fieldErrors, fieldPath } from "../errors/index.js";
import { FieldReader, type WrongType, wrongType } from "./field-reader.js";
import type { LabelSelectorRequirementValue, LabelSelectorValue } from "./go-values.js";
import { validateLabelMapInto, validateLabelNameInto } from "./labels.js";
import { isValidLabelValue } from "./name-predicates.js";

/** A label selector after validation: its value (`undefined` when absent) and whether it was valid. */
export interface CheckedLabelSelector {
  readonly selector: LabelSelectorValue | undefined;
  /** True when no error was found, so the selector can be evaluated. */
  readonly valid: boolean;
}

function validateRequirementInto(
  errors: FieldError[],
  element: FieldReader | WrongType,
): LabelSelectorRequirementValue | undefined {
  if (element === wrongType) return undefined;
  const key = element.string("key");
  const operator = element.string("operator");
  const values = element.strings("values");
  if (key === wrongType || operator === wrongType || values === wrongType) return undefined;
  const valuesPath = element.childPath("values");
  const valueCount = values?.length ?? 0;
  switch (operator) {
    case "In":
    case "NotIn":
      if (valueCount === 0) {
        errors.push(fieldErrors.required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case "Exists":
    case "DoesNotExist":
      if (valueCount > 0) {
        errors.push(
          fieldErrors.forbidden(
            valuesPath,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
      break;
    default:
      errors.push(
        fieldErrors.invalid(element.childPath("operator"), operator ?? "", "not a valid selector operator"),
      );
  }
  validateLabelNameInto(errors, key ?? "", element.childPath("key"));
  values?.forEach((value, index) => {
    for (const message of isValidLabelValue(value)) {
      errors.push(fieldErrors.invalid(fieldPath(valuesPath, index), value, message));
    }
  });
  return { key: key ?? "", operator: operator ?? "", values };
}

/**
 * Validates a meta/v1 `LabelSelector` into `errors` (upstream's `ValidateLabelSelector`)
 * and returns it, so callers can also evaluate it. {@link wrongType} when it is not an object.
 */
export function validateLabelSelectorInto(
  errors: FieldError[],
  value: unknown,
  path: string,
): CheckedLabelSelector | WrongType {
  const before = errors.length;
  const reader = FieldReader.of(value, path, errors);
  if (reader === wrongType) return wrongType;
  if (!reader.present) return { selector: undefined, valid: true };
  const matchLabels = reader.stringMap("matchLabels");
  if (matchLabels !== wrongType) validateLabelMapInto(errors, matchLabels, reader.childPath("matchLabels"));
  const elements = reader.objects("matchExpressions");
  let matchExpressions: LabelSelectorRequirementValue[] | undefined;
  if (elements !== wrongType && elements !== undefined) {
    matchExpressions = [];
    for (const element of elements) {
      const requirement = validateRequirementInto(errors, element);
      if (requirement !== undefined) matchExpressions.push(requirement);
    }
  }
  return {
    selector: { matchLabels: matchLabels === wrongType ? undefined : matchLabels, matchExpressions },
    valid: errors.length === before,
  };
}

/**
 * Validates a meta/v1 `LabelSelector`: operators `In`/`NotIn` (with values),
 * `Exists`/`DoesNotExist` (without), keys as qualified names, values as label values.
 * Accepts untrusted input.
 *
 * @example
 * validateLabelSelector({ matchExpressions: [{ key: "app", operator: "Exists", values: ["x"] }] }, "spec.selector")
 * // => [{ type: "FieldValueForbidden", field: "spec.selector.matchExpressions[0].values", ... }]
 */
export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  validateLabelSelectorInto(errors, selector, path);
  return errors;
}

/** True when the selector has neither matchLabels nor matchExpressions (it selects everything). */
export function isEmptyLabelSelector(selector: LabelSelectorValue): boolean {
  const labelCount = selector.matchLabels === undefined ? 0 : Object.keys(selector.matchLabels).length;
  return labelCount + (selector.matchExpressions?.length ?? 0) === 0;
}

/**
 * Evaluates a valid selector against labels as `LabelSelectorAsSelector(...).Matches` does:
 * an absent selector matches nothing, an empty one everything.
 */
export function labelSelectorMatches(
  selector: LabelSelectorValue | undefined,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (selector === undefined) return false;
  const has = (key: string) => labels !== undefined && Object.hasOwn(labels, key);
  if (selector.matchLabels !== undefined) {
    for (const key of Object.keys(selector.matchLabels)) {
      if (!has(key) || labels?.[key] !== selector.matchLabels[key]) return false;
    }
  }
  for (const requirement of selector.matchExpressions ?? []) {
    const present = has(requirement.key);
    const value = present ? labels?.[requirement.key] : undefined;
    const listed = value !== undefined && (requirement.values ?? []).includes(value);
    switch (requirement.operator) {
      case "In":
        if (!listed) return false;
        break;
      case "NotIn":
        if (listed) return false;
        break;
      case "Exists":
        if (!present) return false;
        break;
      case "DoesNotExist":
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function normalizedExpressions(selector: LabelSelectorValue | undefined): string {
  return JSON.stringify(
    (selector?.matchExpressions ?? []).map((requirement) => [
      requirement.key,
      requirement.operator,
      requirement.values ?? [],
    ]),
  );
}

/**
 * Compares two selectors as upstream's semantic deep-equality does (absent and empty maps
 * or lists are equal; an absent selector equals only an absent one).
 */
export function labelSelectorsEqual(
  left: LabelSelectorValue | undefined,
  right: LabelSelectorValue | undefined,
): boolean {
  if (left === undefined || right === undefined) return left === right;
  const leftLabels = left.matchLabels ?? {};
  const rightLabels = right.matchLabels ?? {};
  const leftKeys = Object.keys(leftLabels);
  if (leftKeys.length !== Object.keys(rightLabels).length) return false;
  for (const key of leftKeys) {
    if (!Object.hasOwn(rightLabels, key) || rightLabels[key] !== leftLabels[key]) return false;
  }
  return normalizedExpressions(left) === normalizedExpressions(right);
}

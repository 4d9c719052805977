import { type FieldError, fieldErrors, goIntOrString } from "../errors/index.js";
import { jsonTypeError, type ReadResult, wrongType } from "./field-reader.js";
import { isValidPercent } from "./name-predicates.js";

/** An `intstr.IntOrString` value: a JSON integer or a string. */
export type IntOrString = number | string;

/** Reads an int-or-string field; absent reads as `undefined` (Go's zero value is the integer 0). */
export function readIntOrString(value: unknown, path: string, errors: FieldError[]): ReadResult<IntOrString> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" || (typeof value === "number" && Number.isInteger(value))) return value;
  errors.push(jsonTypeError(path, value, "integer or string"));
  return wrongType;
}

/** Go's `strconv.Atoi` as `IntValue()` uses it: 0 for anything that is not an integer. */
function atoi(text: string): number {
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : 0;
}

/** The percentage of a valid percent string (`"25%"` → 25), `undefined` for anything else. */
function percentValue(value: IntOrString): number | undefined {
  if (typeof value !== "string" || isValidPercent(value).length > 0) return undefined;
  return Number(value.slice(0, -1));
}

/**
 * The number an int-or-string stands for in the "is it zero" rules: the percentage of a
 * percent string, the integer, or `Atoi` of any other string (so `"abc"` counts as 0).
 */
export function intOrPercentValue(value: IntOrString | undefined): number {
  if (value === undefined) return 0;
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  return typeof value === "number" ? value : atoi(value);
}

/**
 * Appends the errors of `maxUnavailable`/`maxSurge` style fields (upstream's
 * `ValidatePositiveIntOrPercent`): a string must be a percent, an integer must not be
 * negative (reported with the plain integer as bad value).
 */
export function validatePositiveIntOrPercentInto(
  errors: FieldError[],
  value: IntOrString | undefined,
  path: string,
) {
  if (typeof value === "string") {
    for (const message of isValidPercent(value))
      errors.push(fieldErrors.invalid(path, goIntOrString(value), message));
  } else if ((value ?? 0) < 0) {
    errors.push(fieldErrors.invalid(path, value ?? 0, "must be greater than or equal to 0"));
  }
}

/** Appends `must not be greater than 100%` for a percent string above 100%. */
export function validateNotMoreThan100PercentInto(
  errors: FieldError[],
  value: IntOrString | undefined,
  path: string,
) {
  const percent = value === undefined ? undefined : percentValue(value);
  if (percent !== undefined && percent > 100 && value !== undefined) {
    errors.push(fieldErrors.invalid(path, goIntOrString(value), "must not be greater than 100%"));
  }
}

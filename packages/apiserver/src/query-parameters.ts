import { createBadRequestError, goQuote } from "@kubesim/core";

const trueValues = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const falseValues = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/**
 * A boolean query parameter as Go's `strconv.ParseBool` reads it (`1`, `t`, `true`, `True`,
 * ... and their false twins); `undefined` when absent.
 *
 * @throws StatusError 400 `strconv.ParseBool: parsing "x": invalid syntax` otherwise.
 */
export function booleanParameter(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (trueValues.has(value)) return true;
  if (falseValues.has(value)) return false;
  throw createBadRequestError(`strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
}

/**
 * A non-negative integer query parameter (`timeoutSeconds`, `gracePeriodSeconds`) as Go's
 * `strconv.ParseInt` reads it; `undefined` when absent or empty.
 *
 * @throws StatusError 400 `strconv.ParseInt: parsing "x": invalid syntax` otherwise.
 */
export function integerParameter(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  if (!/^[+-]?\d+$/.test(value)) {
    throw createBadRequestError(`strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`);
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    throw createBadRequestError(`strconv.ParseInt: parsing ${goQuote(value)}: value out of range`);
  }
  return number;
}

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

/**
 * The `dryRun` query parameter of a write (kube-apiserver's Create/Update/Patch/DeleteOptions):
 * `true` for `dryRun=All`, `false` when absent or empty.
 *
 * @throws StatusError 400 `dryRun: Unsupported value: "x": supported values: "All"` for any other value.
 */
export function dryRunParameter(query: URLSearchParams): boolean {
  return dryRunValues(query.getAll("dryRun"));
}

/**
 * Dry-run values (the query's, or a DeleteOptions body's `dryRun` list): `true` when there
 * is at least one and all are `All`.
 *
 * @throws StatusError 400 as {@link dryRunParameter} for any other value.
 */
export function dryRunValues(values: readonly unknown[]): boolean {
  const set = values.filter((value) => value !== "");
  const unsupported = set.find((value) => value !== "All");
  if (unsupported !== undefined) {
    throw createBadRequestError(
      `dryRun: Unsupported value: ${JSON.stringify(String(unsupported))}: supported values: "All"`,
    );
  }
  return set.length > 0;
}

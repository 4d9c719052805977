/**
 * The comparisons of JSONPath filters (`[?(@.x < 3)]`), with the semantics of Go's
 * text/template `eq`/`lt` that client-go forks: both sides must be booleans, integers, floats
 * or strings of the same kind; booleans only compare for (in)equality.
 */
import { compareGoStrings } from "@kubesim/core";
import { JsonPathError } from "./jsonpath-error.js";
import { kindOf, numberOf } from "./jsonpath-value.js";

const badComparisonType = "invalid type for comparison";
const badComparison = "incompatible types for comparison";

type BasicKind = "bool" | "int" | "float" | "string";

function basicKind(value: unknown): BasicKind {
  const kind = kindOf(value);
  if (kind === "bool" || kind === "int" || kind === "float" || kind === "string") return kind;
  throw new JsonPathError(badComparisonType);
}

function sameKind(left: unknown, right: unknown): BasicKind {
  const leftKind = basicKind(left);
  if (basicKind(right) !== leftKind) throw new JsonPathError(badComparison);
  return leftKind;
}

function equal(left: unknown, right: unknown): boolean {
  const kind = sameKind(left, right);
  if (kind === "int" || kind === "float") return numberOf(left) === numberOf(right);
  return left === right;
}

function less(left: unknown, right: unknown): boolean {
  const kind = sameKind(left, right);
  if (kind === "bool") throw new JsonPathError(badComparisonType);
  if (kind === "string") return compareGoStrings(left as string, right as string) < 0;
  return numberOf(left) < numberOf(right);
}

function lessOrEqual(left: unknown, right: unknown): boolean {
  return less(left, right) || equal(left, right);
}

const operators: ReadonlyMap<string, (left: unknown, right: unknown) => boolean> = new Map([
  ["==", equal],
  ["!=", (left, right) => !equal(left, right)],
  ["<", less],
  ["<=", lessOrEqual],
  [">", (left, right) => !lessOrEqual(left, right)],
  [">=", (left, right) => !less(left, right)],
]);

/**
 * Applies a filter operator.
 *
 * @throws JsonPathError `invalid type for comparison` (maps, slices, null, ordering booleans)
 *   or `incompatible types for comparison` (different kinds, e.g. an int64 and a string).
 */
export function compareValues(operator: string, left: unknown, right: unknown): boolean {
  const compare = operators.get(operator);
  if (compare === undefined) throw new JsonPathError(`unrecognized filter operator ${operator}`);
  return compare(left, right);
}

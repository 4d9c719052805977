/**
 * How the JSONPath engine sees data. kubectl runs templates over objects decoded from JSON
 * into Go's `map[string]interface{}`: whole numbers become `int64`, others `float64`. Here
 * data is plain JSON-like JavaScript; a number is an `int64` when it is a whole number in
 * int64 range, a `float64` otherwise. {@link JsonPathFloat} marks a float written in the
 * template (`3.0`), which stays a float64 whatever its value.
 */
import { compareGoStrings } from "@kubesim/core";

/** A float64 literal from a template, e.g. the `3.0` of `[?(@.x > 3.0)]`. */
export class JsonPathFloat {
  constructor(readonly value: number) {}
}

/** A JSON object read as a Go map. */
export type JsonPathMap = { readonly [key: string]: unknown };

/** The Go kinds the engine distinguishes. */
export type JsonPathKind = "invalid" | "nil" | "bool" | "int" | "float" | "string" | "slice" | "map";

const int64Limit = 2 ** 63;

/**
 * The Go kind of a value: `undefined` is Go's invalid (zero) `reflect.Value`, `null` a nil
 * interface.
 */
export function kindOf(value: unknown): JsonPathKind {
  switch (typeof value) {
    case "undefined":
      return "invalid";
    case "boolean":
      return "bool";
    case "string":
      return "string";
    case "number":
      return Number.isInteger(value) && Math.abs(value) < int64Limit ? "int" : "float";
    case "object":
      if (value === null) return "nil";
      if (value instanceof JsonPathFloat) return "float";
      return Array.isArray(value) ? "slice" : "map";
    default:
      return "invalid";
  }
}

/** The number a numeric value holds. */
export function numberOf(value: unknown): number {
  return value instanceof JsonPathFloat ? value.value : (value as number);
}

/**
 * A map's keys in Go's sorted order (Go iterates maps randomly; sorting keeps output
 * stable). Keys holding `undefined` are left out, as JSON leaves them out.
 */
export function sortedKeys(map: JsonPathMap): string[] {
  return Object.keys(map)
    .filter((key) => map[key] !== undefined)
    .sort(compareGoStrings);
}

/** A map's entry, or `undefined` when the key is absent (own keys only; `undefined` values count as absent). */
export function mapEntry(map: JsonPathMap, key: string): { value: unknown } | undefined {
  return Object.hasOwn(map, key) && map[key] !== undefined ? { value: map[key] } : undefined;
}

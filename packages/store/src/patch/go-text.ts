import { goNumber } from "@kubesim/core";
import { isJsonObject, type JsonValue } from "./json-value.js";

/*
 * Go's rendering of decoded JSON (`map[string]interface{}` trees), so patch error messages
 * read exactly as the API server's. Integers decode as int64 and other numbers as float64
 * there (the server decodes patches preserving integers).
 */

/** The Go type name of a decoded JSON value, as `reflect.TypeOf(value).String()` prints it. */
export function goTypeName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return "%!s(<nil>)";
  if (Array.isArray(value)) return "[]interface {}";
  switch (typeof value) {
    case "object":
      return "map[string]interface {}";
    case "number":
      return Number.isInteger(value) ? "int64" : "float64";
    case "boolean":
      return "bool";
    default:
      return "string";
  }
}

/** The JSON kind Go's decoder names in "cannot unmarshal X into ..." errors. */
export function goJsonKind(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "object":
      return "object";
    case "boolean":
      return "bool";
    default:
      return typeof value;
  }
}

/** A value as Go's `%v` prints it: `map[a:1 b:[x y]]`, `<nil>`, strings unquoted. */
export function goPrint(value: JsonValue | undefined): string {
  return goFormat(value, "v");
}

/** A value as Go's `%s` prints it: strings as themselves, anything else as `%!s(int64=1)`. */
export function goPrintString(value: JsonValue | undefined): string {
  return goFormat(value, "s");
}

function goFormat(value: JsonValue | undefined, verb: "s" | "v"): string {
  if (value === null || value === undefined) return verb === "v" ? "<nil>" : "%!s(<nil>)";
  if (Array.isArray(value)) return `[${value.map((item) => goFormat(item, verb)).join(" ")}]`;
  if (isJsonObject(value)) {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${key}:${goFormat(value[key], verb)}`);
    return `map[${members.join(" ")}]`;
  }
  if (typeof value === "string") return value;
  const text = typeof value === "number" ? goNumber(value) : String(value);
  return verb === "v" ? text : `%!s(${goTypeName(value)}=${text})`;
}

/** `expected a []interface {}, but received a string`, upstream's mergepatch.ErrBadArgType. */
export function badArgTypeMessage(expected: "map" | "slice", actual: JsonValue | undefined): string {
  const expectedName = expected === "map" ? "map[string]interface {}" : "[]interface {}";
  return `expected a ${expectedName}, but received a ${goTypeName(actual)}`;
}

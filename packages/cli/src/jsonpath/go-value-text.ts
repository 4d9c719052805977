/**
 * Go's renderings of JSON-decoded data, as kubectl prints them: `fmt.Print` (`%v`) for text,
 * `%#v` for the "object given to jsonpath engine" dump, and `encoding/json` for maps and
 * slices (compact, or indented with four spaces).
 */
import { goJsonString, goQuote } from "@kubesim/core";
import { JsonPathFloat, type JsonPathMap, kindOf, numberOf, sortedKeys } from "./jsonpath-value.js";

/** Go's `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`): `2.5`, `1e+06`, `1e-05`. */
export function goFloatText(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const sign = value < 0 ? "-" : "";
  const [mantissa = "", exponentText = "0"] = Math.abs(value).toExponential().split("e");
  const exponent = Number(exponentText);
  // Shortest formatting switches to %e below 1e-4 and from 1e6 on (precision 6).
  if (exponent < -4 || exponent >= 6) {
    const magnitude = Math.abs(exponent).toString().padStart(2, "0");
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${magnitude}`;
  }
  return `${sign}${String(Math.abs(value))}`;
}

/** An int64 as Go prints it. */
export function goIntegerText(value: number): string {
  return Number.isSafeInteger(value) ? String(value === 0 ? 0 : value) : BigInt(value).toString();
}

function numberText(value: unknown): string {
  return kindOf(value) === "int" ? goIntegerText(value as number) : goFloatText(numberOf(value));
}

/**
 * Go's `fmt.Print` of a scalar: strings as they are, numbers as int64 or float64, booleans,
 * `<nil>` for a nil interface and `<invalid reflect.Value>` for a missing value.
 */
export function goValueText(value: unknown): string {
  switch (kindOf(value)) {
    case "invalid":
      return "<invalid reflect.Value>";
    case "nil":
      return "<nil>";
    case "bool":
      return value ? "true" : "false";
    case "string":
      return value as string;
    case "int":
    case "float":
      return numberText(value);
    case "slice":
      return `[${(value as readonly unknown[]).map(goValueText).join(" ")}]`;
    case "map": {
      const map = value as JsonPathMap;
      return `map[${sortedKeys(map)
        .map((key) => `${key}:${goValueText(map[key])}`)
        .join(" ")}]`;
    }
  }
}

/**
 * Go's `%#v` of JSON-decoded data: `map[string]interface {}{"a":1, "b":[]interface {}{"x"}}`,
 * `interface {}(nil)` for null.
 */
export function goSyntaxText(value: unknown): string {
  switch (kindOf(value)) {
    case "invalid":
      return "<invalid reflect.Value>";
    case "nil":
      return "interface {}(nil)";
    case "bool":
      return value ? "true" : "false";
    case "string":
      return goQuote(value as string);
    case "int":
    case "float":
      return numberText(value);
    case "slice":
      return `[]interface {}{${(value as readonly unknown[]).map(goSyntaxText).join(", ")}}`;
    case "map": {
      const map = value as JsonPathMap;
      return `map[string]interface {}{${sortedKeys(map)
        .map((key) => `${goQuote(key)}:${goSyntaxText(map[key])}`)
        .join(", ")}}`;
    }
  }
}

/**
 * `json.Marshal` (no `indent`) or `json.MarshalIndent(value, "", indent)` of JSON-decoded
 * data: map keys sorted, Go's string escaping, no trailing newline.
 */
export function goJson(value: unknown, indent?: string): string {
  return writeJson(value, indent, "");
}

function writeJson(value: unknown, indent: string | undefined, current: string): string {
  switch (kindOf(value)) {
    case "invalid":
    case "nil":
      return "null";
    case "bool":
      return value ? "true" : "false";
    case "string":
      return goJsonString(value as string);
    case "int":
      return goIntegerText(value as number);
    case "float":
      return JSON.stringify(value instanceof JsonPathFloat ? value.value : value) ?? "null";
    case "slice": {
      const items = value as readonly unknown[];
      if (items.length === 0) return "[]";
      if (indent === undefined) return `[${items.map((item) => writeJson(item, indent, current)).join(",")}]`;
      const inner = current + indent;
      return `[\n${inner}${items.map((item) => writeJson(item, indent, inner)).join(`,\n${inner}`)}\n${current}]`;
    }
    case "map": {
      const map = value as JsonPathMap;
      const keys = sortedKeys(map);
      if (keys.length === 0) return "{}";
      if (indent === undefined) {
        return `{${keys.map((key) => `${goJsonString(key)}:${writeJson(map[key], indent, current)}`).join(",")}}`;
      }
      const inner = current + indent;
      const entries = keys.map((key) => `${goJsonString(key)}: ${writeJson(map[key], indent, inner)}`);
      return `{\n${inner}${entries.join(`,\n${inner}`)}\n${current}}`;
    }
  }
}

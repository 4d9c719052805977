import { compareGoStrings, goJsonString as goString } from "@kubesim/core";

/**
 * Compact JSON as Go's `encoding/json` writes a `map[string]interface{}`: keys in sorted
 * (byte) order, `<`, `>`, `&`, U+2028 and U+2029 escaped. Used where kubectl stores JSON
 * text in the object, such as the `kubectl.kubernetes.io/last-applied-configuration`
 * annotation. `undefined` members are dropped as `JSON.stringify` drops them.
 */
export function goCompactJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return goString(value);
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map((item) => goCompactJson(item)).join(",")}]`;
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareGoStrings);
    return `{${keys.map((key) => `${goString(key)}:${goCompactJson(record[key])}`).join(",")}}`;
  }
  return "null";
}

/** A JSON value as decoded from a manifest or read from the API. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** True for a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The JSON type of a value, as Go's `reflect.TypeOf` tells decoded JSON values apart. */
export function jsonType(value: unknown): "null" | "boolean" | "number" | "string" | "array" | "object" {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type === "boolean" || type === "number" || type === "string") return type;
  return "object";
}

/**
 * Sets `key` on `target` as an own data property, so untrusted keys such as `__proto__`
 * stay plain data instead of changing the prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `record[key]` when it is an own property, else `undefined`. */
export function getOwn(record: unknown, key: string): unknown {
  if (record === null || typeof record !== "object" || !Object.hasOwn(record, key)) return undefined;
  return (record as Record<string, unknown>)[key];
}

/** Structural equality of JSON values (key order ignored), as Go's `reflect.DeepEqual` on decoded JSON. */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  const type = jsonType(left);
  if (type !== jsonType(right)) return false;
  if (type === "array") {
    const leftArray = left as unknown[];
    const rightArray = right as unknown[];
    return (
      leftArray.length === rightArray.length &&
      leftArray.every((item, index) => jsonEqual(item, rightArray[index]))
    );
  }
  if (type === "object") {
    const leftRecord = left as Record<string, unknown>;
    const rightRecord = right as Record<string, unknown>;
    const leftKeys = Object.keys(leftRecord).filter((key) => leftRecord[key] !== undefined);
    const rightKeys = Object.keys(rightRecord).filter((key) => rightRecord[key] !== undefined);
    if (leftKeys.length !== rightKeys.length) return false;
    return leftKeys.every(
      (key) => Object.hasOwn(rightRecord, key) && jsonEqual(leftRecord[key], rightRecord[key]),
    );
  }
  return false;
}

/** A deep copy of a JSON value (`undefined` members dropped). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

import type { JsonObject } from "./json-object.js";

/**
 * A deep copy of JSON data the store owns (already sanitised: plain objects, arrays and
 * scalars, no cycles, bounded depth). Much faster than `structuredClone`, and a
 * `__proto__` key is copied as plain data.
 */
export function cloneObject<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const copy: unknown[] = new Array(length);
    for (let index = 0; index < length; index++) copy[index] = copyValue(value[index]);
    return copy;
  }
  const source = value as JsonObject;
  const copy: JsonObject = {};
  for (const key of Object.keys(source)) {
    const item = copyValue(source[key]);
    if (key === "__proto__") {
      Object.defineProperty(copy, key, { value: item, writable: true, enumerable: true, configurable: true });
    } else {
      copy[key] = item;
    }
  }
  return copy;
}

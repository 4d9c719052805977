/** `T` with its properties writable, for building an object field by field. */
export type WritableFields<T> = { -readonly [Key in keyof T]: T[Key] };

/**
 * A shallow copy of a JSON object's own enumerable fields, in their order, into a fresh
 * plain object the caller then adds fields to: the same object `{ ...source, a, b }`
 * gives (a field `source` already has keeps its place, new ones are appended), without the
 * cost V8 (Node 20) pays for adding new fields to a spread copy (microseconds per field;
 * this runs on every status write). `undefined` gives `{}`, as a spread does. A
 * `__proto__` field is defined as an own field, never used as the prototype.
 */
export function copyOwnFields<T extends object>(source: T | undefined): WritableFields<T> {
  const copy: Record<string, unknown> = {};
  if (source === undefined) return copy as WritableFields<T>;
  const record = source as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (key === "__proto__") {
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      copy[key] = value;
    }
  }
  return copy as WritableFields<T>;
}

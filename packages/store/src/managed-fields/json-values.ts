/** Small helpers over untrusted JSON values shared by the field-set walkers. */

/** A JSON object (not an array, not null). */
export type JsonRecord = Record<string, unknown>;

/** True for a JSON object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets an own property, also for keys such as `__proto__` (which stay plain data). */
export function setOwn(target: JsonRecord, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** An own property's value, or undefined. */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Exact JSON equality (structured-merge-diff's `value.Equals`): key order does not matter,
 * but a missing key differs from a `null` one.
 */
export function jsonValuesEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++)
      if (!jsonValuesEqual(left[index], right[index])) return false;
    return true;
  }
  if (Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  if (leftKeys.length !== Object.keys(right).length) return false;
  for (const key of leftKeys) {
    if (!Object.hasOwn(right, key)) return false;
    if (!jsonValuesEqual((left as JsonRecord)[key], (right as JsonRecord)[key])) return false;
  }
  return true;
}

/** A deep copy of a JSON value (own enumerable keys only, `__proto__` kept as data). */
export function copyJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const result: JsonRecord = {};
  for (const key of Object.keys(value)) setOwn(result, key, copyJson((value as JsonRecord)[key]));
  return result as T;
}

/** True for an empty map or list, `null`, or an absent value. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/**
 * Small accessors for defaulting untrusted JSON-shaped objects.
 *
 * @remarks
 * Defaulting runs before validation, so every field may hold the wrong type. These
 * helpers only touch a field when it is unset (`undefined` or `null`, which Go's JSON
 * decoder treats alike) or already has the expected type; anything else is left as it
 * is so that validation reports it. Keys that come from the input (resource names, label
 * keys) are written with {@link setOwnField}, never with `object[key] = value`, so a
 * `__proto__` key stays plain data.
 */

/** A JSON object: a plain record of unknown values. */
export type JsonObject = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when a field is absent: `undefined` or JSON `null` (a nil pointer in Go). */
export function isUnset(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** True when a field is Go's zero string: absent, null or `""`. */
export function isEmptyString(value: unknown): boolean {
  return isUnset(value) || value === "";
}

/** True when an integer field is Go's zero value: absent, null or `0`. */
export function isZeroNumber(value: unknown): boolean {
  return isUnset(value) || value === 0;
}

/** Reads an own property (never an inherited one such as `constructor`). */
export function getOwnField(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Writes an own data property, even for keys such as `__proto__`. */
export function setOwnField(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The object stored under `key`, or undefined when it is unset or not an object. */
export function objectField(parent: JsonObject, key: string): JsonObject | undefined {
  const value = parent[key];
  return isJsonObject(value) ? value : undefined;
}

/** The array stored under `key`, or undefined when it is unset or not an array. */
export function arrayField(parent: JsonObject, key: string): unknown[] | undefined {
  const value = parent[key];
  return Array.isArray(value) ? value : undefined;
}

/**
 * The object under `key`, created as `{}` when the field is unset (Go allocates
 * non-pointer structs, and defaulting allocates nil pointers). Returns undefined when
 * the field holds something that is not an object.
 */
export function ensureObjectField(parent: JsonObject, key: string): JsonObject | undefined {
  const value = parent[key];
  if (isUnset(value)) {
    const created: JsonObject = {};
    parent[key] = created;
    return created;
  }
  return isJsonObject(value) ? value : undefined;
}

/** Sets a string field when it is Go's zero string. */
export function defaultString(object: JsonObject, key: string, value: string): void {
  if (isEmptyString(object[key])) object[key] = value;
}

/** Sets a pointer field (number, boolean, object) when it is nil. */
export function defaultUnset(object: JsonObject, key: string, value: unknown): void {
  if (isUnset(object[key])) object[key] = value;
}

/** Sets a non-pointer integer field when it is Go's zero value. */
export function defaultNumber(object: JsonObject, key: string, value: number): void {
  if (isZeroNumber(object[key])) object[key] = value;
}

/** Calls `visit` on every element of the array under `key` that is an object. */
export function forEachObjectIn(
  parent: JsonObject,
  key: string,
  visit: (element: JsonObject, index: number) => void,
): void {
  const list = arrayField(parent, key);
  if (list === undefined) return;
  for (let index = 0; index < list.length; index++) {
    const element = list[index];
    if (isJsonObject(element)) visit(element, index);
  }
}

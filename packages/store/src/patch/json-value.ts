import { createBadRequestError } from "@kubesim/core";

/** A decoded JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A decoded JSON object. Keys are own properties only; `__proto__` is plain data. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * How deep a patch or object may nest. Go's JSON decoder stops at 10,000 levels; ours is
 * lower so the recursive algorithms below stay far from the JavaScript stack limit, and no
 * Kubernetes object comes near it.
 */
const maxNestingDepth = 1000;

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The own member `key` of `object`, or `undefined` (never an inherited property). */
export function getOwn(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets the own member `key`; a `__proto__` key becomes data instead of changing the prototype. */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/**
 * A deep copy of `value` as plain JSON data, sharing nothing with it. Values JSON cannot
 * hold are dropped from objects (or become `null` in arrays), as `JSON.stringify` does.
 *
 * @throws StatusError (BadRequest) when the value nests deeper than the decoder allows.
 */
export function cloneJson(value: unknown): JsonValue {
  return cloneAt(value, 0) ?? null;
}

function cloneAt(value: unknown, depth: number): JsonValue | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "bigint":
      return Number(value);
    case "object":
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (depth >= maxNestingDepth) throw createBadRequestError("json: exceeded max depth");
  if (Array.isArray(value)) {
    return value.map((item: unknown) => cloneAt(item, depth + 1) ?? null);
  }
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) {
    const member = cloneAt((value as Record<string, unknown>)[key], depth + 1);
    if (member !== undefined) setOwn(copy, key, member);
  }
  return copy;
}

/** Structural equality of two JSON values (member order does not matter). */
export function jsonEqual(left: JsonValue, right: JsonValue): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    return (
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => jsonEqual(item, right[index] ?? null))
    );
  }
  if (!isJsonObject(left) || !isJsonObject(right)) return false;
  const leftKeys = Object.keys(left);
  if (leftKeys.length !== Object.keys(right).length) return false;
  return leftKeys.every(
    (key) => Object.hasOwn(right, key) && jsonEqual(left[key] ?? null, right[key] ?? null),
  );
}

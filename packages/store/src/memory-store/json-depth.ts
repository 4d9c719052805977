import { prototypeIsClean } from "./clone-object.js";

/**
 * The deepest nesting the store accepts in an object or a patch. Kubernetes objects
 * nest a few dozen levels; the bound keeps every recursive walk far from the stack
 * limit and turns a circular structure into a clean error.
 */
export const maxObjectDepth = 1000;

/** True when `value` nests objects or arrays more than {@link maxObjectDepth} levels deep. */
export function exceedsMaxDepth(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  return prototypeIsClean() ? tooDeepFast(value, 0) : tooDeep(value, 0);
}

/**
 * {@link tooDeep} walking objects with `for…in`, which V8 serves from the shape's enum
 * cache without allocating a key array; only used while `Object.prototype` has no
 * enumerable property, so it sees exactly the own keys.
 */
function tooDeepFast(value: object, depth: number): boolean {
  if (depth >= maxObjectDepth) return true;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === "object" && item !== null && tooDeepFast(item, depth + 1)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === "object" && item !== null && tooDeepFast(item, depth + 1)) return true;
  }
  return false;
}

// Every write walks its whole object through here: scalars are skipped without a call.
function tooDeep(value: object, depth: number): boolean {
  if (depth >= maxObjectDepth) return true;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === "object" && item !== null && tooDeep(item, depth + 1)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let index = 0; index < keys.length; index++) {
    const item = record[keys[index] as string];
    if (typeof item === "object" && item !== null && tooDeep(item, depth + 1)) return true;
  }
  return false;
}

/**
 * Whether two JSON-like values are equal: primitives by `===`, arrays element by element,
 * plain objects key by key (in any order). Anything else — class instances, `undefined`
 * members that JSON would drop, NaN — counts as different, so a "yes" always means the
 * two serialize to the same JSON (up to key order).
 */
export function sameJson(left: unknown, right: unknown): boolean {
  if (left === right) return typeof left !== "number" || !Number.isNaN(left);
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) {
      const item = left[index];
      if (item === undefined || !sameJson(item, right[index])) return false;
    }
    return true;
  }
  if (Array.isArray(right) || !isPlainObject(left) || !isPlainObject(right)) return false;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    const value = (left as Record<string, unknown>)[key];
    if (value === undefined || !Object.hasOwn(right, key)) return false;
    if (!sameJson(value, (right as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** How deep {@link copyJsonData} goes before it hands the value to `structuredClone`. */
const maxDepth = 64;

class NotPlainData extends Error {}

function copyValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > maxDepth) throw new NotPlainData();
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = copyValue(value[index], depth + 1);
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new NotPlainData();
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = copyValue((value as Record<string, unknown>)[key], depth + 1);
    // An own "__proto__" key (from parsed JSON) stays data, never a prototype change.
    if (key === "__proto__") {
      Object.defineProperty(copy, key, {
        value: member,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      copy[key] = member;
    }
  }
  return copy;
}

/**
 * A deep copy of JSON-like data (plain objects, arrays, primitives), several times
 * faster than `structuredClone` for the small objects of pod templates. Anything else
 * (class instances, Dates, cycles or very deep nesting) is left to `structuredClone`, so
 * the result always equals `structuredClone(value)`.
 */
export function copyJsonData<T>(value: T): T {
  try {
    return copyValue(value, 0) as T;
  } catch (error) {
    if (error instanceof NotPlainData) return structuredClone(value);
    throw error;
  }
}

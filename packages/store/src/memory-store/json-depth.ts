/**
 * The deepest nesting the store accepts in an object or a patch. Kubernetes objects
 * nest a few dozen levels; the bound keeps every recursive walk far from the stack
 * limit and turns a circular structure into a clean error.
 */
export const maxObjectDepth = 1000;

/** True when `value` nests objects or arrays more than {@link maxObjectDepth} levels deep. */
export function exceedsMaxDepth(value: unknown): boolean {
  return tooDeep(value, 0);
}

function tooDeep(value: unknown, depth: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (depth >= maxObjectDepth) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (tooDeep(item, depth + 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (tooDeep(record[key], depth + 1)) return true;
  return false;
}

/**
 * Equality of decoded API values as upstream's `apiequality.Semantic.DeepEqual` sees them
 * after a Go round trip: a field that is absent, `null`, `""`, `0`, `false`, an empty
 * list or an object of such fields all decode to the Go zero value, so they compare
 * equal. Key order does not matter; list order does.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * True when `value` decodes to a Go zero value: absent, `null`, `""`, `0`, `false`, an
 * empty list, or an object whose fields (except `ignoredKey`) are all zero values. What
 * JSON cannot hold (non-finite numbers, functions, symbols) counts as absent.
 */
export function isGoZeroValue(value: unknown, ignoredKey?: string): boolean {
  switch (typeof value) {
    case "undefined":
    case "function":
    case "symbol":
      return true;
    case "string":
      return value === "";
    case "number":
      return value === 0 || !Number.isFinite(value);
    case "boolean":
      return !value;
    case "object":
      if (value === null) return true;
      if (Array.isArray(value)) return value.length === 0;
      for (const key of Object.keys(value)) {
        if (key !== ignoredKey && !isGoZeroValue((value as Record<string, unknown>)[key])) return false;
      }
      return true;
    default:
      return false;
  }
}

function recordsEqual(
  left: Record<string, unknown>,
  right: Record<string, unknown>,
  ignoredKey: string | undefined,
): boolean {
  for (const key of Object.keys(left)) {
    if (key === ignoredKey) continue;
    if (!semanticallyEqual(left[key], Object.hasOwn(right, key) ? right[key] : undefined)) return false;
  }
  for (const key of Object.keys(right)) {
    if (key === ignoredKey || Object.hasOwn(left, key)) continue;
    if (!isGoZeroValue(right[key])) return false;
  }
  return true;
}

/**
 * True when two decoded values are equal once Go zero values are dropped (see
 * {@link isGoZeroValue}): the same object or value compares equal at once, objects compare
 * field by field (absent and zero alike), lists element by element. With `ignoredKey`, that
 * field of two top-level objects is left out. Allocates nothing.
 *
 * @example
 * semanticallyEqual({ a: 1, b: "" }, { a: 1, c: [] }) // => true
 * semanticallyEqual([0], []) // => false (a list of one zero element is not empty)
 * semanticallyEqual({ key: "k", tolerationSeconds: 5 }, { key: "k" }, "tolerationSeconds") // => true
 */
export function semanticallyEqual(left: unknown, right: unknown, ignoredKey?: string): boolean {
  if (left === right) return true;
  if (isRecord(left) && isRecord(right)) return recordsEqual(left, right, ignoredKey);
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) {
      if (!semanticallyEqual(left[index], right[index])) return false;
    }
    return true;
  }
  // Different kinds of value (or different scalars) are equal only when both are zero.
  return isGoZeroValue(left, ignoredKey) && isGoZeroValue(right, ignoredKey);
}

/**
 * Defensive readers for fields of stored objects. Printers run on whatever a client
 * stored, so every access tolerates missing or mistyped fields instead of throwing, and
 * only own properties are read (a `__proto__` key is data, never a prototype).
 */

/** A plain object's own-property view, or `undefined` for anything else. */
export type FieldRecord = Readonly<Record<string, unknown>>;

/** `value` when it is a non-array object, otherwise `undefined`. */
export function asRecord(value: unknown): FieldRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as FieldRecord)
    : undefined;
}

/** `value` when it is an array, otherwise an empty array. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The own property `key` of `record`, or `undefined`. */
export function field(record: FieldRecord | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Follows a path of own properties, e.g. `path(pod, "spec", "nodeName")`. */
export function path(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    current = field(asRecord(current), key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The string at `keys`, or `""` (Go's zero value) when absent or not a string. */
export function stringAt(value: unknown, ...keys: readonly string[]): string {
  const found = path(value, ...keys);
  return typeof found === "string" ? found : "";
}

/** The integer at `keys`, or `0` (Go's zero value) when absent or not a finite number. */
export function integerAt(value: unknown, ...keys: readonly string[]): number {
  const found = path(value, ...keys);
  return typeof found === "number" && Number.isFinite(found) ? Math.trunc(found) : 0;
}

/** The own string-valued entries of a `map[string]string` field such as `labels`. */
export function stringMapAt(value: unknown, ...keys: readonly string[]): Map<string, string> {
  const record = asRecord(path(value, ...keys));
  const entries = new Map<string, string>();
  if (record === undefined) return entries;
  for (const key of Object.keys(record)) {
    const entry = record[key];
    entries.set(key, typeof entry === "string" ? entry : String(entry ?? ""));
  }
  return entries;
}

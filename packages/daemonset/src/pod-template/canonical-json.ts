import { compareGoStrings, KubesimError } from "@kubesim/core";

/** Options of {@link canonicalJson}. */
export interface CanonicalJsonOptions {
  /**
   * Leaves out object members whose value is `null`, so `{"a":null}` and `{}` give the same
   * text — as Go's decoder reads them into a typed object (array items stay).
   */
  readonly skipNullMembers?: boolean;
}

/**
 * Serialises JSON data with object keys sorted in Go's byte order at every level, so equal
 * data gives the same text whatever order its keys were inserted in.
 *
 * This is the text Go's `encoding/json` produces for a `map[string]interface{}` (which is
 * how upstream re-marshals a ControllerRevision's data). `undefined` members are skipped
 * and `undefined` array items become `null`, as `JSON.stringify` does; integer-like keys
 * keep their sorted place, where `JSON.stringify` would move them first.
 *
 * With `skipNullMembers`, `null` members are left out too (see {@link CanonicalJsonOptions}).
 *
 * @throws KubesimError when the value contains itself (a cyclic structure is not JSON).
 * @example
 * canonicalJson({ b: 1, a: { d: [true, null], c: "x" } }) // => '{"a":{"c":"x","d":[true,null]},"b":1}'
 * canonicalJson({ a: null, b: 1 }, { skipNullMembers: true }) // => '{"b":1}'
 */
export function canonicalJson(value: unknown, options: CanonicalJsonOptions = {}): string {
  const parts: string[] = [];
  write(value, parts, new Set(), options.skipNullMembers === true);
  return parts.join("");
}

function write(value: unknown, parts: string[], ancestors: Set<object>, skipNullMembers: boolean): void {
  if (value === null || typeof value !== "object") {
    parts.push(scalarJson(value));
    return;
  }
  if (ancestors.has(value)) throw new KubesimError("cannot serialise a cyclic structure as JSON");
  ancestors.add(value);
  if (Array.isArray(value)) {
    parts.push("[");
    for (let index = 0; index < value.length; index++) {
      if (index > 0) parts.push(",");
      const item: unknown = value[index];
      if (item === undefined || typeof item === "function") parts.push("null");
      else write(item, parts, ancestors, skipNullMembers);
    }
    parts.push("]");
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort(compareGoStrings);
    parts.push("{");
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined || typeof member === "function") continue;
      if (member === null && skipNullMembers) continue;
      if (!first) parts.push(",");
      first = false;
      parts.push(JSON.stringify(key), ":");
      write(member, parts, ancestors, skipNullMembers);
    }
    parts.push("}");
  }
  ancestors.delete(value);
}

function scalarJson(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return value.toString();
  return "null";
}

import { type FieldSelector, fieldsOf } from "@kubesim/affinity";
import type { JsonObject } from "./json-object.js";
import type { KindInfo } from "./kind-info.js";

/** Reads one selectable field of a stored object (`""` when absent), as a field selector sees it. */
export type FieldReader = (object: JsonObject) => string;

// Stored objects never change once committed, so their selectable fields can be cached by
// identity. A committed change is matched against its watches one after the other (its old
// and new state), so the fields of the last few objects are all that is worth keeping; a
// cache per object (a WeakMap) kept a field set alive for every version in the watch
// history and cost the garbage collector ephemeron work on every cycle.
const recentSize = 4;
const recentObjects: Array<JsonObject | undefined> = new Array(recentSize).fill(undefined);
const recentFields: Array<Record<string, string>> = new Array(recentSize).fill({});
let recentNext = 0;

function cachedFields(kind: string, object: JsonObject): Record<string, string> {
  for (let index = 0; index < recentSize; index++) {
    if (recentObjects[index] === object) return recentFields[index] as Record<string, string>;
  }
  const fields = fieldsOf(kind, object);
  recentObjects[recentNext] = object;
  recentFields[recentNext] = fields;
  recentNext = (recentNext + 1) % recentSize;
  return fields;
}

/**
 * One selectable field of a stored object as a field selector reads it (`""` when the kind
 * has no such field), from affinity's `fieldsOf`.
 */
export function selectableField(kind: string, object: JsonObject, field: string): string {
  const fields = cachedFields(kind, object);
  return Object.hasOwn(fields, field) ? (fields[field] as string) : "";
}

/** An own string property of an untrusted value, `""` otherwise (how `fieldsOf` reads a field). */
function ownText(value: unknown, key: string): string {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return "";
  const text = (value as Record<string, unknown>)[key];
  return typeof text === "string" ? text : "";
}

const readName: FieldReader = (object) => ownText(ownMember(object, "metadata"), "name");
const readNamespace: FieldReader = (object) => ownText(ownMember(object, "metadata"), "namespace");
const readNodeName: FieldReader = (object) => ownText(ownMember(object, "spec"), "nodeName");

function ownMember(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * A reader for the fields that selections pin most (a kubelet's `spec.nodeName`, a
 * `metadata.name` or `metadata.namespace` term) that reads the one field instead of
 * building the whole field set: the same value `fieldsOf` gives (its tests hold the two
 * together), at a fraction of the cost. `undefined` for any other field.
 */
export function directFieldReader(info: KindInfo, field: string): FieldReader | undefined {
  switch (field) {
    case "metadata.name":
      return readName;
    case "metadata.namespace":
      return info.namespaced ? readNamespace : undefined;
    case "spec.nodeName":
      return info.kind === "Pod" ? readNodeName : undefined;
    default:
      return undefined;
  }
}

/** A reader for any selectable field of a kind: direct when it can be, else from `fieldsOf`. */
export function fieldReader(info: KindInfo, field: string): FieldReader {
  const kind = info.kind;
  return directFieldReader(info, field) ?? ((object) => selectableField(kind, object, field));
}

/**
 * Compiles a non-empty field selector into a matcher on stored objects. When every term
 * names a field with a direct reader, only those fields are read (into a small record the
 * selector then judges, so its semantics stay affinity's); otherwise the object's whole
 * field set is computed.
 */
export function compileFieldMatcher(
  info: KindInfo,
  selector: FieldSelector,
): (object: JsonObject) => boolean {
  const readers = new Map<string, FieldReader>();
  for (const requirement of selector.requirements()) {
    const reader = directFieldReader(info, requirement.field);
    if (reader === undefined) {
      const kind = info.kind;
      return (object) => selector.matches(cachedFields(kind, object));
    }
    readers.set(requirement.field, reader);
  }
  const entries = [...readers];
  return (object) => {
    const fields: Record<string, string> = {};
    for (const [field, reader] of entries) fields[field] = reader(object);
    return selector.matches(fields);
  };
}

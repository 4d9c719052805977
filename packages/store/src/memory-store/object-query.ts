import {
  checkFieldSelectorSupported,
  everything,
  everythingFields,
  type FieldSelector,
  fieldsOf,
  parseSelector,
  type Selector,
} from "@kubesim/affinity";
import type { ListOptions } from "@kubesim/core";
import { type JsonObject, metadataOf, stringField, stringMapField } from "./json-object.js";
import { type KindInfo, objectKey } from "./kind-info.js";
import type { KindTable } from "./kind-table.js";

/** A compiled list or watch filter: namespace, label selector and field selector. */
export interface ObjectQuery {
  readonly info: KindInfo;
  /** Only this namespace (namespaced kinds); `undefined`: every namespace. */
  readonly namespace: string | undefined;
  readonly labelSelector: Selector;
  readonly fieldSelector: FieldSelector;
  /** Whether a stored object passes every filter. */
  matches(object: JsonObject): boolean;
}

// Stored objects never change once committed, so their selectable fields can be cached by identity.
const fieldCache = new WeakMap<JsonObject, Record<string, string>>();

function cachedFields(kind: string, object: JsonObject): Record<string, string> {
  let fields = fieldCache.get(object);
  if (fields === undefined) {
    fields = fieldsOf(kind, object);
    fieldCache.set(object, fields);
  }
  return fields;
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * Compiles list or watch options for a kind.
 *
 * @throws StatusError (BadRequest) with upstream's message for a label selector that does
 *   not parse or a field selector that does not parse or names an unsupported field.
 */
export function compileQuery(info: KindInfo, options: ListOptions | undefined): ObjectQuery {
  const labelText = asText(options?.labelSelector);
  const fieldText = asText(options?.fieldSelector);
  const labelSelector = labelText === "" ? everything() : parseSelector(labelText);
  const fieldSelector =
    fieldText === "" ? everythingFields() : checkFieldSelectorSupported(info.kind, fieldText);
  const requested = asText(options?.namespace);
  const namespace = info.namespaced && requested !== "" ? requested : undefined;
  const kind = info.kind;
  const checkLabels = !labelSelector.isEmpty();
  const checkFields = !fieldSelector.isEmpty();
  return {
    info,
    namespace,
    labelSelector,
    fieldSelector,
    matches(object: JsonObject): boolean {
      const metadata = metadataOf(object);
      if (namespace !== undefined && stringField(metadata, "namespace") !== namespace) return false;
      if (checkLabels && !labelSelector.matches(stringMapField(metadata, "labels"))) return false;
      return !checkFields || fieldSelector.matches(cachedFields(kind, object));
    },
  };
}

const emptyKeys: ReadonlySet<string> = new Set();

/** The candidate keys an index narrows the query to, or `undefined` when no index applies. */
function candidateKeys(table: KindTable, query: ObjectQuery): Iterable<string> | undefined {
  const { info, fieldSelector, labelSelector } = query;
  const namespace = query.namespace ?? fieldSelector.requiresExactMatch("metadata.namespace");
  const name = fieldSelector.requiresExactMatch("metadata.name");
  if (name !== undefined && (namespace !== undefined || !info.namespaced)) {
    return [objectKey(info, namespace ?? "", name)];
  }
  let best: ReadonlySet<string> | undefined;
  const consider = (keys: ReadonlySet<string> | undefined): boolean => {
    const narrowed = keys ?? emptyKeys;
    if (best === undefined || narrowed.size < best.size) best = narrowed;
    return best.size === 0;
  };
  if (info.namespaced && namespace !== undefined && consider(table.keysInNamespace(namespace))) return best;
  const nodeName = table.indexesNodeName ? fieldSelector.requiresExactMatch("spec.nodeName") : undefined;
  if (nodeName !== undefined && consider(table.keysOnNode(nodeName))) return best;
  for (const requirement of labelSelector.requirements()) {
    const value = labelSelector.requiresExactMatch(requirement.key);
    if (value !== undefined && consider(table.keysWithLabel(requirement.key, value))) return best;
  }
  return best;
}

/**
 * The keys of the stored objects that match `query`, in etcd key order. Uses the
 * smallest applicable index (name, namespace, node name, exact label) and filters the
 * candidates with the full query; without one it scans the table.
 */
export function selectKeys(table: KindTable, query: ObjectQuery): string[] {
  const candidates = candidateKeys(table, query);
  const selected: string[] = [];
  if (candidates === undefined) {
    for (const key of table.sortedKeys()) {
      const object = table.get(key);
      if (object !== undefined && query.matches(object)) selected.push(key);
    }
    return selected;
  }
  for (const key of candidates) {
    const object = table.get(key);
    if (object !== undefined && query.matches(object)) selected.push(key);
  }
  return selected.sort();
}

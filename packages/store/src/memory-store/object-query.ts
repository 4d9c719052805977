import {
  checkFieldSelectorSupported,
  everything,
  everythingFields,
  type FieldSelector,
  parseSelector,
  type Selector,
} from "@kubesim/affinity";
import type { ListOptions } from "@kubesim/core";
import { type JsonObject, metadataOf, stringField, stringMapField } from "./json-object.js";
import { type KindInfo, objectKey } from "./kind-info.js";
import type { KindTable } from "./kind-table.js";
import { compileFieldMatcher, type FieldReader, fieldReader } from "./selectable-field.js";
import { namespaceOptionField, type PinFieldReader, type WatchPin } from "./watch-index.js";

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

/**
 * Reads a watch pin's field of an object of a kind exactly as {@link ObjectQuery.matches}
 * reads it: the namespace option from `metadata.namespace`, any other pin as its field
 * selector reads it.
 */
export function pinFieldReader(info: KindInfo): PinFieldReader {
  const readers = new Map<string, FieldReader>();
  return (field, object) => {
    if (field === namespaceOptionField) return stringField(metadataOf(object), "namespace");
    let reader = readers.get(field);
    if (reader === undefined) {
      reader = fieldReader(info, field);
      readers.set(field, reader);
    }
    return reader(object);
  };
}

/**
 * The field value every object a query matches must have, for filing its watch (see
 * `WatchIndex`), or `undefined` when the query pins none. The most selective pin wins:
 * `metadata.name`, then the first other `field=value` term (e.g. `spec.nodeName`), then
 * the namespace.
 */
export function queryPin(query: ObjectQuery): WatchPin | undefined {
  const { fieldSelector } = query;
  const name = fieldSelector.requiresExactMatch("metadata.name");
  if (name !== undefined) return { field: "metadata.name", value: name };
  for (const requirement of fieldSelector.requirements()) {
    if (requirement.operator === "=" && requirement.field !== "metadata.namespace") {
      return { field: requirement.field, value: requirement.value };
    }
  }
  if (query.namespace !== undefined) return { field: namespaceOptionField, value: query.namespace };
  const namespace = fieldSelector.requiresExactMatch("metadata.namespace");
  return namespace === undefined ? undefined : { field: "metadata.namespace", value: namespace };
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
  const checkLabels = !labelSelector.isEmpty();
  const matchesFields = fieldSelector.isEmpty() ? undefined : compileFieldMatcher(info, fieldSelector);
  return {
    info,
    namespace,
    labelSelector,
    fieldSelector,
    matches(object: JsonObject): boolean {
      const metadata = metadataOf(object);
      if (namespace !== undefined && stringField(metadata, "namespace") !== namespace) return false;
      if (checkLabels && !labelSelector.matches(stringMapField(metadata, "labels"))) return false;
      return matchesFields === undefined || matchesFields(object);
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

import type { Comparison } from "./compare-values.js";
import { compareValues } from "./compare-values.js";
import type { FieldManagerScope } from "./field-manager-scope.js";
import { withoutResetFields, withoutServerMetadata } from "./field-manager-scope.js";
import { fieldSchemaForKind, zeroObjectForKind } from "./field-schema.js";
import type { FieldSet } from "./field-set.js";
import { isRecord, type JsonRecord } from "./json-values.js";
import {
  decodeManagedFields,
  encodeManagedFields,
  type ManagedTable,
  type ManagerEntry,
  managerIdentifier,
  putEntry,
} from "./managed-entries.js";

/** Upstream keeps at most this many Update managers; older ones merge into `ancient-changes`. */
const maxUpdateManagers = 10;

/** An object without `metadata.managedFields` (a shallow copy; the input is not changed). */
export function withoutManagedFields(object: unknown): unknown {
  if (!isRecord(object)) return object;
  const metadata = object.metadata;
  if (!isRecord(metadata) || !Object.hasOwn(metadata, "managedFields")) return object;
  const { managedFields: _managedFields, ...rest } = metadata;
  return { ...object, metadata: rest };
}

/** The request's `metadata.managedFields`, or undefined. */
export function managedFieldsOf(object: JsonRecord | undefined): unknown {
  const metadata = object?.metadata;
  return isRecord(metadata) && Object.hasOwn(metadata, "managedFields") ? metadata.managedFields : undefined;
}

/**
 * `value` with the fields of Go's zero object that it lacks filled in: in Go, non-pointer
 * structs and fields without `omitempty` are always present, so they never count as added
 * (no `"."`) or removed.
 */
function withZeroFields(value: unknown, zero: unknown): unknown {
  if (!isRecord(zero)) return value;
  if (value === undefined) return zero;
  if (!isRecord(value)) return value;
  let result: JsonRecord | undefined;
  for (const key of Object.keys(zero)) {
    const current = Object.hasOwn(value, key) ? value[key] : undefined;
    const filled = withZeroFields(current, zero[key]);
    if (filled !== current) {
      result ??= { ...value };
      result[key] = filled;
    }
  }
  return result ?? value;
}

/** Upstream's `isResetManagedFields`: `[]` or `[{}]` clears the table. */
function isReset(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && isRecord(entries[0]) && Object.keys(entries[0]).length === 0;
}

function decodeOrEmpty(entries: unknown): ManagedTable {
  try {
    return decodeManagedFields(entries);
  } catch {
    return new Map();
  }
}

/**
 * Upstream's `decodeLiveOrNew`: the ownership table a write starts from. A status write
 * keeps the stored one; `[]` or `[{}]` in the request clears it; a valid, non-empty table
 * in the request replaces it (kubectl's client-side to server-side migration writes it);
 * anything else keeps the stored one.
 */
export function startingTable(
  scope: FieldManagerScope,
  live: JsonRecord | undefined,
  next: JsonRecord,
): ManagedTable {
  const liveEntries = managedFieldsOf(live);
  if (scope.subresource !== "") return decodeOrEmpty(liveEntries);
  const requested = managedFieldsOf(next);
  if (isReset(requested)) return new Map();
  if (requested !== undefined && requested !== null) {
    const table = decodeOrEmpty(requested);
    if (table.size > 0) return table;
  }
  return decodeOrEmpty(liveEntries);
}

/** Sets (or removes) `metadata.managedFields` on an object the store owns. */
export function writeManagedFields(object: JsonRecord, table: ManagedTable): void {
  const metadata = object.metadata;
  if (!isRecord(metadata)) return;
  const encoded = encodeManagedFields(table);
  if (encoded === undefined) delete metadata.managedFields;
  else metadata.managedFields = encoded;
}

/**
 * Takes fields that changed away from every manager but `self` (upstream's `update`
 * with force): fields modified or added lose their other owners, removed fields lose all.
 * Managers left with nothing are dropped.
 */
export function releaseChangedFields(
  table: ManagedTable,
  comparison: Comparison,
  self: string | undefined,
): void {
  const changed = comparison.modified.union(comparison.added);
  for (const [identifier, entry] of [...table]) {
    if (identifier === self) continue;
    const remaining = entry.fields.difference(changed).difference(comparison.removed);
    if (remaining.isEmpty()) table.delete(identifier);
    else if (!remaining.equals(entry.fields)) table.set(identifier, { ...entry, fields: remaining });
  }
}

function capUpdateManagers(table: ManagedTable): void {
  const updaters = [...table].filter(([, entry]) => entry.operation === "Update");
  if (updaters.length <= maxUpdateManagers) return;
  const seconds = (entry: ManagerEntry) =>
    entry.time === undefined ? 0 : Math.floor(Date.parse(entry.time) / 1000) || 0;
  updaters.sort(
    ([leftId, left], [rightId, right]) => seconds(left) - seconds(right) || (leftId < rightId ? -1 : 1),
  );
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (const [identifier, entry] of updaters) {
    if (length <= maxUpdateManagers) break;
    const bucket = managerIdentifier("ancient-changes", "Update", entry.apiVersion, "");
    const first = firstByVersion.get(entry.apiVersion);
    if (first === undefined) {
      firstByVersion.set(entry.apiVersion, identifier);
      continue;
    }
    const bucketEntry = table.get(bucket) ?? {
      ...(table.get(first) as ManagerEntry),
      manager: "ancient-changes",
    };
    if (!table.has(bucket)) table.delete(first);
    table.set(bucket, {
      ...bucketEntry,
      manager: "ancient-changes",
      subresource: "",
      fields: entry.fields.union(bucketEntry.fields),
      time: entry.time,
    });
    table.delete(identifier);
    length--;
  }
}

/**
 * Records an Update by `manager` that turns `before` into `after` (upstream's
 * `FieldManager.Update` chain): the fields it added or changed become its own (merged into
 * its earlier Update entry at this apiVersion and subresource, with the write's time) and
 * are taken from other managers; removed fields are released. Server-set metadata and
 * reset fields are never owned. Objects nobody managed stay unmanaged unless they are
 * being created.
 */
export function recordUpdate(
  scope: FieldManagerScope,
  table: ManagedTable,
  before: unknown,
  after: unknown,
  manager: string,
  creating: boolean,
): void {
  if (table.size === 0 && !creating) return;
  const schema = fieldSchemaForKind(scope.kind);
  const zero = zeroObjectForKind(scope.kind);
  const comparison = compareValues(
    withZeroFields(withoutManagedFields(before), zero),
    withZeroFields(withoutManagedFields(after), zero),
    schema,
  );
  const filtered: Comparison = {
    added: withoutResetFields(comparison.added, scope),
    modified: withoutResetFields(comparison.modified, scope),
    removed: withoutResetFields(comparison.removed, scope),
  };
  releaseChangedFields(table, filtered, undefined);
  const owned: FieldSet = withoutServerMetadata(filtered.modified.union(filtered.added));
  if (owned.isEmpty()) {
    capUpdateManagers(table);
    return;
  }
  const identifier = managerIdentifier(manager, "Update", scope.apiVersion, scope.subresource);
  const previous = table.get(identifier);
  putEntry(table, {
    manager,
    operation: "Update",
    apiVersion: scope.apiVersion,
    subresource: scope.subresource,
    time: scope.now,
    fields: previous === undefined ? owned : owned.union(previous.fields),
  });
  capUpdateManagers(table);
}

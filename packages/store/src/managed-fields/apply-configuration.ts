import { createBadRequestError, createInternalError } from "@kubesim/core";
import { type Comparison, compareValues } from "./compare-values.js";
import { createApplyConflictError, type FieldConflict } from "./conflict-error.js";
import type { FieldManagerScope } from "./field-manager-scope.js";
import { withoutResetFields, withoutServerMetadata } from "./field-manager-scope.js";
import { applyBaseForKind, type FieldSchema, fieldSchemaForKind, zeroObjectForKind } from "./field-schema.js";
import { FieldSet } from "./field-set.js";
import { isRecord, type JsonRecord, jsonValuesEqual, own } from "./json-values.js";
import { allowedLastAppliedConflicts, buildLastApplied, lastAppliedAnnotation } from "./last-applied.js";
import { FieldSchemaError } from "./list-items.js";
import {
  decodeManagedFields,
  ManagedFieldsDecodeError,
  type ManagedTable,
  managerIdentifier,
} from "./managed-entries.js";
import { mergeValues } from "./merge-values.js";
import { recordUpdate, releaseChangedFields, withoutManagedFields } from "./record-update.js";
import { ensureNamedFieldsAreMembers, removeItems } from "./remove-items.js";
import { toFieldSet } from "./to-field-set.js";

/** The outcome of a server-side apply before defaulting and the update path. */
export interface AppliedConfiguration {
  /** The merged object (a new object, without managedFields). */
  readonly object: JsonRecord;
  /** The ownership table after the apply. */
  readonly table: ManagedTable;
  /** Whether the apply changed the object (apart from ownership). */
  readonly changed: boolean;
}

/** What a server-side apply needs to know about the write. */
export interface ApplyRequest {
  readonly scope: FieldManagerScope;
  /** The stored object, or undefined when the apply creates it. */
  readonly live: JsonRecord | undefined;
  /** The applied configuration (untrusted). */
  readonly configuration: JsonRecord;
  readonly manager: string;
  readonly force: boolean;
  /** The group (`apps`, `""`) and version of the kind, for the type check. */
  readonly group: string;
  readonly version: string;
}

function checkConfiguration(request: ApplyRequest): void {
  const { configuration, scope } = request;
  const apiVersion = own(configuration, "apiVersion");
  const kind = own(configuration, "kind");
  const expected = request.group === "" ? request.version : `${request.group}/${request.version}`;
  if (apiVersion !== expected || kind !== scope.kind) {
    const text = typeof apiVersion === "string" ? apiVersion : "";
    const slash = text.indexOf("/");
    const group = slash < 0 ? "" : text.slice(0, slash);
    const version = slash < 0 ? text : text.slice(slash + 1);
    throw createBadRequestError(
      `invalid object type: ${group}/${version}, Kind=${typeof kind === "string" ? kind : ""}`,
    );
  }
  const metadata = own(configuration, "metadata");
  if (
    isRecord(metadata) &&
    own(metadata, "managedFields") !== undefined &&
    own(metadata, "managedFields") !== null
  ) {
    throw createBadRequestError("metadata.managedFields must be nil");
  }
}

function describeObject(request: ApplyRequest): string {
  const metadata = own(request.configuration, "metadata");
  const name = isRecord(metadata) && typeof metadata.name === "string" ? metadata.name : "<unknown>";
  const namespace = isRecord(metadata) && typeof metadata.namespace === "string" ? metadata.namespace : "";
  return `${namespace}/${name}; ${request.group}/${request.version}, Kind=${request.scope.kind}`;
}

/** The fields `lastSet` owned that nobody owns any more, removed from the merged object (upstream's `prune`). */
function prune(
  merged: unknown,
  table: ManagedTable,
  lastSet: FieldSet | undefined,
  schema: FieldSchema,
): unknown {
  if (lastSet === undefined || lastSet.isEmpty()) return merged;
  const last = ensureNamedFieldsAreMembers(lastSet, schema);
  let owned = new FieldSet();
  for (const entry of table.values()) owned = owned.union(entry.fields);
  const ownedNamed = ensureNamedFieldsAreMembers(owned, schema);
  const pruned = removeItems(merged, last, schema);
  const mergedSet = ensureNamedFieldsAreMembers(toFieldSet(merged, schema), schema);
  const prunedSet = ensureNamedFieldsAreMembers(toFieldSet(pruned, schema), schema);
  const withOwned = removeItems(merged, mergedSet.difference(prunedSet.union(ownedNamed)), schema);
  const keptSet = ensureNamedFieldsAreMembers(toFieldSet(withOwned, schema), schema);
  return removeItems(merged, mergedSet.difference(keptSet).intersection(last), schema);
}

function findConflicts(table: ManagedTable, comparison: Comparison, self: string): FieldConflict[] {
  const changed = comparison.modified.union(comparison.added);
  const conflicts: FieldConflict[] = [];
  for (const [identifier, entry] of table) {
    if (identifier === self) continue;
    for (const path of entry.fields.intersection(changed).paths())
      conflicts.push({ identifier, entry, path });
  }
  return conflicts;
}

interface CoreOutcome {
  readonly object: unknown;
  readonly table: ManagedTable;
  readonly changed: boolean;
}

function applyOnce(
  request: ApplyRequest,
  live: unknown,
  starting: ManagedTable,
  force: boolean,
  schema: FieldSchema,
): CoreOutcome | FieldConflict[] {
  const { scope, configuration, manager } = request;
  const table: ManagedTable = new Map(starting);
  const identifier = managerIdentifier(manager, "Apply", scope.apiVersion, scope.subresource);
  const merged = mergeValues(live, configuration, schema);
  const lastSet = table.get(identifier)?.fields;
  const applied = withoutResetFields(toFieldSet(configuration, schema), scope);
  const previousTime = table.get(identifier)?.time;
  table.set(identifier, {
    manager,
    operation: "Apply",
    apiVersion: scope.apiVersion,
    subresource: scope.subresource,
    time: previousTime,
    fields: applied,
  });
  const result = prune(merged, table, lastSet, schema);
  const raw = compareValues(live, result, schema);
  const comparison: Comparison = {
    added: withoutResetFields(raw.added, scope),
    modified: withoutResetFields(raw.modified, scope),
    removed: withoutResetFields(raw.removed, scope),
  };
  const conflicts = findConflicts(table, comparison, identifier);
  if (conflicts.length > 0 && !force) return conflicts;
  releaseChangedFields(table, comparison, identifier);
  const changed = !jsonValuesEqual(live, result);
  const own = table.get(identifier);
  if (own !== undefined) {
    const stripped = withoutServerMetadata(own.fields);
    if (stripped.isEmpty()) table.delete(identifier);
    else table.set(identifier, { ...own, fields: stripped, time: changed ? scope.now : own.time });
  }
  return { object: result, table, changed };
}

/**
 * Server-side apply (upstream's `FieldManager.Apply` chain over structured-merge-diff):
 * merges the configuration into the live object; the manager's Apply entry then owns
 * exactly the applied fields; fields it applied before and no longer does are removed
 * unless another manager owns them; changing a field another manager owns is a 409
 * conflict unless `force` (which takes the field over). An object nobody managed is
 * first attributed to `before-first-apply`. For manager `kubectl`, conflicts on fields
 * whose live value still matches the `last-applied-configuration` annotation are taken
 * over silently, and that annotation, when present, is rewritten from the configuration.
 *
 * @throws StatusError 400 for a configuration of another kind or with managedFields,
 *   409 for conflicts, 500 for a configuration that does not fit the schema.
 */
export function applyConfiguration(request: ApplyRequest): AppliedConfiguration {
  checkConfiguration(request);
  const { scope } = request;
  const schema = fieldSchemaForKind(scope.kind);
  const live = withoutManagedFields(request.live ?? applyBaseForKind(scope.kind));
  let table: ManagedTable;
  try {
    table = decodeManagedFields(
      request.live === undefined
        ? undefined
        : request.live.metadata && own(request.live.metadata as JsonRecord, "managedFields"),
    );
  } catch (error) {
    const message = error instanceof ManagedFieldsDecodeError ? error.message : String(error);
    throw createInternalError(`failed to decode managed fields: ${message}`);
  }
  try {
    if (table.size === 0 && request.live !== undefined) {
      recordUpdate(scope, table, zeroObjectForKind(scope.kind), live, "before-first-apply", true);
    }
    let outcome = applyOnce(request, live, table, request.force, schema);
    if (Array.isArray(outcome) && request.manager === "kubectl" && isRecord(live)) {
      const allowed = allowedLastAppliedConflicts(live, request, schema);
      const remaining =
        allowed === undefined ? outcome : outcome.filter((conflict) => !allowed.has(conflict.path));
      if (remaining.length === 0) outcome = applyOnce(request, live, table, true, schema);
      else throw createApplyConflictError(remaining);
    }
    if (Array.isArray(outcome)) throw createApplyConflictError(outcome);
    const object = isRecord(outcome.object) ? outcome.object : {};
    if (request.manager === "kubectl") rewriteLastApplied(object, request.configuration);
    return { object, table: outcome.table, changed: outcome.changed };
  } catch (error) {
    if (error instanceof FieldSchemaError) {
      throw createInternalError(
        `failed to create typed patch object (${describeObject(request)}): ${error.message}`,
      );
    }
    throw error;
  }
}

function rewriteLastApplied(object: JsonRecord, configuration: JsonRecord): void {
  const metadata = object.metadata;
  if (!isRecord(metadata)) return;
  const annotations = metadata.annotations;
  if (!isRecord(annotations)) return;
  const current = own(annotations, lastAppliedAnnotation);
  if (typeof current !== "string" || current === "") return;
  annotations[lastAppliedAnnotation] = buildLastApplied(configuration);
}

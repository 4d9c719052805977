import type { FieldManagerScope } from "./field-manager-scope.js";
import { copyJson, type JsonRecord, jsonValuesEqual } from "./json-values.js";
import { managedFieldsOf, recordUpdate, startingTable, writeManagedFields } from "./record-update.js";

function copyLiveManagedFields(live: JsonRecord | undefined, next: JsonRecord): void {
  const entries = managedFieldsOf(live);
  const metadata = next.metadata as JsonRecord | undefined;
  if (metadata === undefined || metadata === null) return;
  if (entries === undefined) delete metadata.managedFields;
  else metadata.managedFields = copyJson(entries);
}

/**
 * Settles `metadata.managedFields` of an object a create, update, status update or
 * non-apply patch is about to store (`next`, which the store owns), `live` being the
 * stored object (undefined on create).
 *
 * With a `manager`, the write is recorded as upstream records an Update (see
 * `recordUpdate`). Without one (how kubesim's in-process components write) nothing is
 * computed: the stored entries are kept as they are, and an object nobody managed gets
 * no `managedFields` key. Either way a request that carries its own valid entries
 * replaces the table with them, and `[]` (or `[{}]`) clears it, as upstream allows.
 */
export function recordWrite(
  scope: FieldManagerScope,
  live: JsonRecord | undefined,
  next: JsonRecord,
  manager: string | undefined,
): void {
  if (manager === undefined) {
    const requested = managedFieldsOf(next);
    if (scope.subresource !== "" || requested === undefined) {
      copyLiveManagedFields(live, next);
      return;
    }
    if (live !== undefined && jsonValuesEqual(requested, managedFieldsOf(live))) return;
    writeManagedFields(next, startingTable(scope, live, next));
    return;
  }
  const table = startingTable(scope, live, next);
  recordUpdate(scope, table, live, next, manager, live === undefined);
  writeManagedFields(next, table);
}

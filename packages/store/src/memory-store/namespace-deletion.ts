import { createConflictError } from "@kubesim/core";
import type { CheckedDeleteOptions } from "./delete-options.js";
import { commitIfChanged, type DeleteTarget, deleteStored, workingCopy } from "./delete-stored.js";
import { foregroundDeletionFinalizer, orphanFinalizer } from "./deletion-finalizers.js";
import { type JsonObject, metadataOf, objectField, stringField, stringListField } from "./json-object.js";
import type { StoreState } from "./store-state.js";
import { formatTimestamp } from "./timestamps.js";

function checkNamespacePreconditions(target: DeleteTarget, options: CheckedDeleteOptions): void {
  const metadata = metadataOf(target.existing);
  const name = stringField(metadata, "name");
  const uid = stringField(metadata, "uid");
  if (options.uid !== undefined && options.uid !== uid) {
    throw createConflictError(
      target.info.groupResource,
      name,
      `Precondition failed: UID in precondition: ${options.uid}, UID in object meta: ${uid}`,
    );
  }
  const resourceVersion = stringField(metadata, "resourceVersion");
  if (options.resourceVersion !== undefined && options.resourceVersion !== resourceVersion) {
    throw createConflictError(
      target.info.groupResource,
      name,
      `Precondition failed: ResourceVersion in precondition: ${options.resourceVersion}, ResourceVersion in object meta: ${resourceVersion}`,
    );
  }
}

/** The namespace registry's choice of GC finalizers on first deletion. */
function namespaceFinalizers(current: readonly string[], options: CheckedDeleteOptions): string[] {
  const policy = options.propagationPolicy;
  const orphan = policy === undefined ? current.includes(orphanFinalizer) : policy === "Orphan";
  const foreground =
    policy === undefined ? current.includes(foregroundDeletionFinalizer) : policy === "Foreground";
  const finalizers = current.filter(
    (finalizer) => finalizer !== orphanFinalizer && finalizer !== foregroundDeletionFinalizer,
  );
  if (orphan) finalizers.push(orphanFinalizer);
  if (foreground) finalizers.push(foregroundDeletionFinalizer);
  const unchanged =
    finalizers.length === current.length && finalizers.every((name) => current.includes(name));
  return unchanged ? [...current] : finalizers;
}

/**
 * The namespace registry's delete: the first request sets `deletionTimestamp` and
 * `status.phase: Terminating` (the namespace then refuses new content) and keeps the
 * namespace; it is removed by a later delete (or finalize) once `spec.finalizers` is
 * empty, which the namespace controller does after emptying it.
 */
export function deleteNamespace(
  state: StoreState,
  target: DeleteTarget,
  options: CheckedDeleteOptions,
): JsonObject {
  checkNamespacePreconditions(target, options);
  const existing = target.existing;
  if (stringField(metadataOf(existing), "deletionTimestamp") === "") {
    const working = workingCopy(existing);
    const metadata = working.metadata as JsonObject;
    metadata.deletionTimestamp = formatTimestamp(state.clock.now());
    working.status = { ...objectField(existing, "status"), phase: "Terminating" };
    const finalizers = namespaceFinalizers(stringListField(metadata, "finalizers"), options);
    if (finalizers.length > 0) metadata.finalizers = finalizers;
    else delete metadata.finalizers;
    return commitIfChanged(state, target, working);
  }
  if (stringListField(objectField(existing, "spec"), "finalizers").length > 0) return existing;
  return deleteStored(state, target, options);
}

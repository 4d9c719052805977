import { cloneObject } from "./clone-object.js";
import type { CheckedDeleteOptions } from "./delete-options.js";
import { deletionFinalizers } from "./deletion-finalizers.js";
import { beforeDelete, markAsDeleting } from "./graceful-deletion.js";
import { type JsonObject, metadataOf, stringListField } from "./json-object.js";
import type { KindInfo } from "./kind-info.js";
import { jsonEqual } from "./object-equality.js";
import type { StoreState } from "./store-state.js";

/** The object a delete addresses. */
export interface DeleteTarget {
  readonly info: KindInfo;
  readonly key: string;
  readonly existing: JsonObject;
}

/** Commits `working` unless it equals the stored object; returns the stored state. */
export function commitIfChanged(state: StoreState, target: DeleteTarget, working: JsonObject): JsonObject {
  if (jsonEqual(working, target.existing)) return target.existing;
  return state.commitPut(target.info, target.key, working, target.existing);
}

/** A copy of a stored object whose metadata (and finalizer list) may be changed. */
export function workingCopy(existing: JsonObject): JsonObject {
  return { ...existing, metadata: cloneObject(metadataOf(existing) ?? {}) };
}

/**
 * Upstream's generic registry delete: preconditions, graceful deletion (pods), the
 * propagation policy's finalizers, and then either an update that marks the object as
 * deleting (it stays while finalizers or a grace period remain) or its removal.
 *
 * @returns the object as it was removed, or as it now stands when deletion is pending.
 */
export function deleteStored(
  state: StoreState,
  target: DeleteTarget,
  options: CheckedDeleteOptions,
): JsonObject {
  const { info, key, existing } = target;
  const working = workingCopy(existing);
  const metadata = working.metadata as JsonObject;
  const decision = beforeDelete(info, working, metadata, options, state.clock.now());
  if (decision.pending) return existing;
  const hadFinalizers = stringListField(metadataOf(existing), "finalizers").length > 0;
  const finalizers = deletionFinalizers(stringListField(metadata, "finalizers"), options.propagationPolicy);
  if (!decision.graceful && !hadFinalizers && !finalizers.changed) {
    state.commitDelete(info, key, existing);
    return existing;
  }
  if (finalizers.changed) {
    if (finalizers.finalizers.length > 0) metadata.finalizers = [...finalizers.finalizers];
    else delete metadata.finalizers;
  }
  const pendingFinalizers = finalizers.finalizers.length > 0;
  if (!decision.graceful) {
    if (!pendingFinalizers) {
      state.commitDelete(info, key, existing);
      return existing;
    }
    markAsDeleting(metadata, state.clock.now());
    return commitIfChanged(state, target, working);
  }
  const updated = commitIfChanged(state, target, working);
  if (pendingFinalizers || (options.gracePeriodSeconds ?? 0) > 0) return updated;
  state.commitDelete(info, key, updated);
  return updated;
}

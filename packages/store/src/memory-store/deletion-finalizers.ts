import type { PropagationPolicy } from "@kubesim/core";

/** The finalizer that makes the garbage collector orphan an object's dependents. */
export const orphanFinalizer = "orphan";
/** The finalizer that makes the garbage collector delete dependents before the owner. */
export const foregroundDeletionFinalizer = "foregroundDeletion";

/** The finalizers a deletion leaves on an object, and whether they changed. */
export interface DeletionFinalizers {
  readonly changed: boolean;
  readonly finalizers: readonly string[];
}

function shouldOrphan(finalizers: readonly string[], policy: PropagationPolicy | undefined): boolean {
  if (policy !== undefined) return policy === "Orphan";
  for (const finalizer of finalizers) {
    if (finalizer === orphanFinalizer) return true;
    if (finalizer === foregroundDeletionFinalizer) return false;
  }
  // No kubesim kind defaults to orphaning (apps/v1 workloads default to deleting dependents).
  return false;
}

function shouldDeleteInForeground(
  finalizers: readonly string[],
  policy: PropagationPolicy | undefined,
): boolean {
  if (policy !== undefined) return policy === "Foreground";
  return finalizers.includes(foregroundDeletionFinalizer);
}

/**
 * Upstream's `deletionFinalizersForGarbageCollection`: the propagation policy (or, without
 * one, the finalizers already present) decides whether `orphan` or `foregroundDeletion`
 * is on the object; the garbage collector acts on them later.
 */
export function deletionFinalizers(
  current: readonly string[],
  policy: PropagationPolicy | undefined,
): DeletionFinalizers {
  const finalizers = current.filter(
    (finalizer) => finalizer !== orphanFinalizer && finalizer !== foregroundDeletionFinalizer,
  );
  if (shouldOrphan(current, policy)) finalizers.push(orphanFinalizer);
  if (shouldDeleteInForeground(current, policy)) finalizers.push(foregroundDeletionFinalizer);
  const before = new Set(current);
  const after = new Set(finalizers);
  const changed = before.size !== after.size || [...after].some((finalizer) => !before.has(finalizer));
  return { changed, finalizers: changed ? finalizers : current };
}

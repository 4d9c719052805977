import type { KubeObject, WatchEventType } from "@kubesim/core";

/**
 * Follows the garbage collector's watch events and tells whether a pass could find
 * anything to do, without listing: a pass acts only on an object with an owner reference
 * (of a collected kind) whose owner is gone, on an object being deleted with the
 * `orphan` or `foregroundDeletion` finalizer, and on a terminating Namespace. Everything
 * else a pass reads leaves it idle, so while none of those exist the collector skips the
 * pass a watch event would have asked for (a pass lists every collected kind: O(objects)
 * per event otherwise).
 *
 * @remarks
 * The tracker sees the store as of the last event the collector consumed. A change the
 * store has committed but the collector not yet consumed arrives as an event of its own,
 * which asks for the pass then; so no work is lost, and passes still read the store fresh.
 */
export interface CollectionWorkTracker {
  /** Records a watch event on an object of `kind` (`BOOKMARK`s are ignored). */
  observe(kind: string, type: WatchEventType, object: KubeObject): void;
  /** True when some tracked object may need the collector (see the interface). */
  hasWork(): boolean;
  /** Forgets everything (the watches closed). */
  clear(): void;
}

interface TrackedObject {
  /** Uids of its owners of collected kinds, one entry per reference. */
  readonly ownerUids: readonly string[];
  /** Being deleted with a finalizer the collector removes, or a terminating Namespace. */
  readonly flagged: boolean;
}

const untracked: TrackedObject = Object.freeze({ ownerUids: Object.freeze([]), flagged: false });

/**
 * Creates a {@link CollectionWorkTracker}. `ownerKinds` are the kinds whose owners the
 * collector can see (references to other kinds are taken as pointing at live objects);
 * `handledFinalizers` the finalizers the collector removes.
 */
export function createCollectionWorkTracker(
  ownerKinds: ReadonlySet<string>,
  handledFinalizers: readonly string[],
): CollectionWorkTracker {
  // Every object seen, by uid (its owners and whether it is flagged).
  const objects = new Map<string, TrackedObject>();
  // Owner uid -> how many references of tracked objects point at it.
  const referenceCounts = new Map<string, number>();
  // References whose owner uid is not among the tracked objects.
  let danglingReferences = 0;
  let flaggedObjects = 0;

  function describe(kind: string, object: KubeObject): TrackedObject {
    const metadata = object.metadata;
    const beingDeleted = metadata?.deletionTimestamp !== undefined;
    const flagged =
      beingDeleted &&
      (kind === "Namespace" ||
        (metadata?.finalizers ?? []).some((finalizer) => handledFinalizers.includes(finalizer)));
    const references = metadata?.ownerReferences ?? [];
    if (!flagged && references.length === 0) return untracked;
    const ownerUids: string[] = [];
    for (const reference of references) {
      if (ownerKinds.has(reference.kind)) ownerUids.push(reference.uid);
    }
    return ownerUids.length === 0 && !flagged ? untracked : { ownerUids, flagged };
  }

  function remove(uid: string): void {
    const tracked = objects.get(uid);
    if (tracked === undefined) return;
    if (tracked.flagged) flaggedObjects -= 1;
    // Its own references go first, while it is still present (a reference to itself never dangled).
    for (const ownerUid of tracked.ownerUids) {
      const count = (referenceCounts.get(ownerUid) ?? 0) - 1;
      if (count > 0) referenceCounts.set(ownerUid, count);
      else referenceCounts.delete(ownerUid);
      if (!objects.has(ownerUid)) danglingReferences -= 1;
    }
    objects.delete(uid);
    // The other objects' references to it now dangle.
    danglingReferences += referenceCounts.get(uid) ?? 0;
  }

  function add(uid: string, tracked: TrackedObject): void {
    objects.set(uid, tracked);
    danglingReferences -= referenceCounts.get(uid) ?? 0;
    if (tracked.flagged) flaggedObjects += 1;
    for (const ownerUid of tracked.ownerUids) {
      referenceCounts.set(ownerUid, (referenceCounts.get(ownerUid) ?? 0) + 1);
      if (!objects.has(ownerUid)) danglingReferences += 1;
    }
  }

  return {
    observe(kind, type, object) {
      if (type === "BOOKMARK") return;
      const uid = object.metadata?.uid;
      if (uid === undefined || uid === "") return;
      remove(uid);
      if (type !== "DELETED") add(uid, describe(kind, object));
    },
    hasWork() {
      return danglingReferences > 0 || flaggedObjects > 0;
    },
    clear() {
      objects.clear();
      referenceCounts.clear();
      danglingReferences = 0;
      flaggedObjects = 0;
    },
  };
}

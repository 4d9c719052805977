import type { KubeObject } from "@kubesim/core";

const integerPattern = /^[0-9]+$/;

function isCanonicalInteger(value: string): boolean {
  // Digits only, no leading zero (except "0" itself), short enough for exact float comparison.
  const length = value.length;
  if (length === 0 || length > 15 || (length > 1 && value.charCodeAt(0) === 48)) return false;
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Orders two resourceVersions: negative when `left` is older, 0 when equal, positive when
 * newer. Kubernetes calls them opaque, but every server kubesim talks to (the memory store,
 * etcd) hands out increasing integers; anything else is only compared for equality, and
 * `undefined` means "different, order unknown".
 */
export function compareResourceVersions(
  left: string | undefined,
  right: string | undefined,
): number | undefined {
  if (left === right) return 0;
  if (left === undefined || right === undefined) return undefined;
  if (isCanonicalInteger(left) && isCanonicalInteger(right)) {
    // The store's usual case: no BigInt needed.
    const difference = Number(left) - Number(right);
    return difference < 0 ? -1 : difference > 0 ? 1 : 0;
  }
  if (!integerPattern.test(left) || !integerPattern.test(right)) return undefined;
  const difference = BigInt(left) - BigInt(right);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** What {@link ObjectCache.upsert} did. */
export interface CacheUpsertResult<T> {
  /** False when the cache already held this version or a newer one (nothing changed). */
  readonly applied: boolean;
  /** The version the cache held before, when there was one. */
  readonly previous: T | undefined;
}

function namespaceOf(object: KubeObject): string {
  return object.metadata?.namespace ?? "";
}

function nameOf(object: KubeObject): string {
  return object.metadata?.name ?? "";
}

/**
 * Told synchronously about every change an {@link ObjectCache} applies, in order:
 * `previous` undefined for an insertion, `current` undefined for a removal.
 */
export type ObjectCacheObserver<T> = (previous: T | undefined, current: T | undefined) => void;

/**
 * The controller's local copy of one kind, indexed by namespace then name — the role of a
 * client-go indexer. Watch events and the controller's own writes both go through
 * {@link ObjectCache.upsert} / {@link ObjectCache.remove}, which never move an object
 * back to an older resourceVersion: whichever of the two arrives first is applied, the
 * other is recognised as already seen. A removal made by the controller leaves a
 * tombstone so that late events about the removed object do not bring it back.
 * An optional observer sees every applied change, so indexes built beside the cache
 * cannot miss a write path.
 */
export class ObjectCache<T extends KubeObject> {
  private readonly namespaces = new Map<string, Map<string, T>>();
  private readonly tombstones = new Map<string, string | undefined>();
  private count = 0;

  constructor(private readonly observer?: ObjectCacheObserver<T>) {}

  /** How many objects the cache holds. */
  get size(): number {
    return this.count;
  }

  /** The object with this namespace and name (namespace `""` for cluster-scoped kinds). */
  get(namespace: string, name: string): T | undefined {
    return this.namespaces.get(namespace)?.get(name);
  }

  /** The objects of one namespace, in insertion order. */
  list(namespace: string): T[] {
    const objects = this.namespaces.get(namespace);
    return objects === undefined ? [] : [...objects.values()];
  }

  /** Every object, namespace by namespace. */
  *values(): IterableIterator<T> {
    for (const objects of this.namespaces.values()) yield* objects.values();
  }

  /**
   * Stores `object` unless the cache already holds the same or a newer version of it (or
   * a tombstone at least as new). Returns whether it was applied and what it replaced.
   */
  upsert(object: T): CacheUpsertResult<T> {
    const namespace = namespaceOf(object);
    const name = nameOf(object);
    const version = object.metadata?.resourceVersion;
    const tombstoneKey = this.tombstones.size === 0 ? "" : `${namespace}/${name}`;
    if (tombstoneKey !== "" && this.tombstones.has(tombstoneKey)) {
      const order = compareResourceVersions(version, this.tombstones.get(tombstoneKey));
      if (order !== undefined && order <= 0) return { applied: false, previous: undefined };
      this.tombstones.delete(tombstoneKey);
    }
    let objects = this.namespaces.get(namespace);
    if (objects === undefined) {
      objects = new Map();
      this.namespaces.set(namespace, objects);
    }
    const previous = objects.get(name);
    if (previous !== undefined) {
      const order = compareResourceVersions(version, previous.metadata?.resourceVersion);
      if (order !== undefined && order <= 0) return { applied: false, previous };
    } else {
      this.count++;
    }
    objects.set(name, object);
    this.observer?.(previous, object);
    return { applied: true, previous };
  }

  /**
   * Removes the object and returns it (undefined when absent). With `tombstoneVersion`,
   * later upserts of that version or older are ignored until {@link ObjectCache.forgetTombstone}
   * (the DELETED event) or a newer version arrives.
   */
  remove(namespace: string, name: string, tombstoneVersion?: string): T | undefined {
    const objects = this.namespaces.get(namespace);
    const previous = objects?.get(name);
    if (previous !== undefined && objects !== undefined) {
      objects.delete(name);
      this.count--;
      if (objects.size === 0) this.namespaces.delete(namespace);
      this.observer?.(previous, undefined);
    }
    if (tombstoneVersion !== undefined) this.tombstones.set(`${namespace}/${name}`, tombstoneVersion);
    return previous;
  }

  /** Drops the tombstone of an object; true when there was one. */
  forgetTombstone(namespace: string, name: string): boolean {
    return this.tombstones.delete(`${namespace}/${name}`);
  }
}

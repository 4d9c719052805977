import type { KubeObject } from "@kubesim/core";

/** An object with the key a paged list orders it by. */
export interface KeyedObject {
  readonly key: string;
  readonly object: KubeObject;
}

/** How long a first page's list is kept for its continuations (upstream: etcd compaction, ~5 min). */
const snapshotLifetimeMs = 5 * 60_000;
/** Lists kept at once; the oldest goes first. */
const maxSnapshots = 16;

/**
 * The sorted lists behind recently served first pages, so that a `continue` token is
 * answered from the same snapshot as upstream's etcd range reads at the token's
 * resourceVersion (consistent pages, and O(page) per continuation instead of a new list).
 * Entries hold the store's shared frozen objects, not copies.
 */
export class ListSnapshots {
  readonly #entries = new Map<string, { readonly keyed: readonly KeyedObject[]; readonly at: number }>();

  /** The snapshot saved under `key`, if it is still kept. */
  get(key: string, now: number): readonly KeyedObject[] | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (now - entry.at > snapshotLifetimeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.keyed;
  }

  /** Keeps `keyed` under `key`, dropping expired entries and the oldest beyond the bound. */
  set(key: string, keyed: readonly KeyedObject[], now: number): void {
    for (const [existing, entry] of this.#entries) {
      if (now - entry.at > snapshotLifetimeMs) this.#entries.delete(existing);
    }
    this.#entries.delete(key);
    this.#entries.set(key, { keyed, at: now });
    while (this.#entries.size > maxSnapshots) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}

/** The cache key of a list: what it selects and the resourceVersion it was read at. */
export function listSnapshotKey(
  kind: string,
  selection: {
    readonly namespace?: string;
    readonly labelSelector?: string;
    readonly fieldSelector?: string;
  },
  resourceVersion: string,
): string {
  return JSON.stringify([
    kind,
    selection.namespace ?? "",
    selection.labelSelector ?? "",
    selection.fieldSelector ?? "",
    resourceVersion,
  ]);
}

import { type Clock, createRandom, KubesimError } from "@kubesim/core";
import { createDecoded } from "./create-object.js";
import { decodeObject } from "./decode-object.js";
import { MemoryStore } from "./memory-store.js";
import { systemNamespaces } from "./namespace-lifecycle.js";
import { loadSnapshot, type StoreSnapshot } from "./store-snapshot.js";
import { StoreState } from "./store-state.js";

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Where creation and deletion timestamps and bookmark timers come from. */
  readonly clock: Clock;
  /** Seeds uids and generated name suffixes: the same seed and calls give the same results. */
  readonly seed: number | string;
  /**
   * Start from this snapshot instead of an empty cluster (the system namespaces are then
   * whatever the snapshot holds). The random source is seeded from `seed` and the
   * snapshot's resourceVersion, so a restored store does not repeat the uids of the one
   * that wrote it.
   */
  readonly snapshot?: StoreSnapshot;
  /** Changes kept per kind for watches that resume from a resourceVersion (default 10,000). */
  readonly historyLimit?: number;
  /** How often a watch opened with `allowWatchBookmarks` gets a BOOKMARK (default 60,000 ms, on `clock`). */
  readonly bookmarkIntervalMs?: number;
}

/** Changes kept per kind by default. */
export const defaultHistoryLimit = 10_000;
/** The bookmark interval by default, as upstream's watch cache (about a minute). */
export const defaultBookmarkIntervalMs = 60_000;

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new KubesimError(`${name} must be a positive number, got ${value}`);
  }
  return value;
}

/**
 * Creates an in-memory store that behaves like kube-apiserver over etcd (see
 * {@link MemoryStore}). A new store holds the namespaces `default`, `kube-system`,
 * `kube-public` and `kube-node-lease`, created through the normal create path.
 *
 * @example
 * const store = createMemoryStore({ clock: new VirtualClock(Date.parse("2026-01-01T00:00:00Z")), seed: 1 });
 * await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1" } });
 * (await store.list("Node")).items.length; // => 1
 *
 * @throws KubesimError for a bad option or an invalid snapshot.
 */
export function createMemoryStore(options: MemoryStoreOptions): MemoryStore {
  const snapshot = options.snapshot;
  const seed = snapshot === undefined ? options.seed : `${options.seed}@${snapshot.resourceVersion}`;
  const state = new StoreState({
    clock: options.clock,
    random: createRandom(seed),
    historyLimit: Math.floor(positive(options.historyLimit, defaultHistoryLimit, "historyLimit")),
    bookmarkIntervalMs: positive(options.bookmarkIntervalMs, defaultBookmarkIntervalMs, "bookmarkIntervalMs"),
  });
  if (snapshot !== undefined) {
    loadSnapshot(state, snapshot);
  } else {
    for (const name of systemNamespaces) {
      const namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name } };
      createDecoded(state, decodeObject(namespace, "create"), { ignoreResourceVersion: false });
    }
  }
  return new MemoryStore(state);
}

/** Restores a store from a snapshot: `createMemoryStore({ ...options, snapshot })`. */
export function restoreMemoryStore(
  snapshot: StoreSnapshot,
  options: Omit<MemoryStoreOptions, "snapshot">,
): MemoryStore {
  return createMemoryStore({ ...options, snapshot });
}

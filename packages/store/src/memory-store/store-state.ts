import { type Clock, createRandom, type Random, type TimerHandle } from "@kubesim/core";
import { freezeInPlace } from "./clone-object.js";
import type { JsonObject } from "./json-object.js";
import type { KindInfo } from "./kind-info.js";
import { KindTable } from "./kind-table.js";
import { MemoryWatch } from "./memory-watch.js";
import { type ObjectQuery, pinFieldReader, queryPin, selectKeys } from "./object-query.js";
import { parseWatchResourceVersion } from "./resource-version.js";
import { createTooLargeResourceVersionError } from "./store-errors.js";
import { type CommittedChange, WatchHistory } from "./watch-history.js";
import { WatchIndex } from "./watch-index.js";

/**
 * What a dry-run commit answers, as upstream's dry-run storage does: the object as the
 * write left it, with the stored resourceVersion for a change (no new revision) and, for a
 * create, whatever resourceVersion the create left (none, or the one it was sent with).
 */
function dryPut(object: JsonObject, previous: JsonObject | undefined): JsonObject {
  if (previous !== undefined) {
    (object.metadata as JsonObject).resourceVersion = (previous.metadata as JsonObject).resourceVersion;
  }
  return freezeInPlace(object);
}

interface KindState {
  readonly table: KindTable;
  readonly history: WatchHistory;
  readonly watches: WatchIndex<MemoryWatch<unknown>>;
}

/** Settings of the store's state. */
export interface StoreStateSettings {
  readonly clock: Clock;
  readonly random: Random;
  /** Changes kept per kind for watches that start at a resourceVersion. */
  readonly historyLimit: number;
  /** How often a watch that allows bookmarks gets one. */
  readonly bookmarkIntervalMs: number;
}

/** How a watch starts. */
export interface WatchStart {
  readonly resourceVersion: string;
  readonly allowWatchBookmarks: boolean;
  /** Deliver shared frozen objects instead of copies (the caller does not mutate them). */
  readonly sharedObjects?: boolean;
}

/**
 * The memory store's state: one table per kind, the cluster-wide resourceVersion
 * counter (etcd's revision), each kind's change history and open watches. Every
 * committed change bumps the counter, stamps the object with it, and is queued to the
 * kind's watches before the commit returns.
 */
export class StoreState {
  readonly clock: Clock;
  readonly #random: Random;
  readonly #settings: StoreStateSettings;
  /** Set while {@link StoreState.runDry} runs a write: commits then store nothing. */
  #dryRun = false;
  /** The random source of the running dry run (drawn lazily), so the real one never advances. */
  #dryRandom: Random | undefined;
  readonly #kinds = new Map<string, KindState>();
  #revision = 0;
  /** History before this revision is gone (a restored store starts here). */
  #historyStart = 0;

  constructor(settings: StoreStateSettings) {
    this.#settings = settings;
    this.clock = settings.clock;
    this.#random = settings.random;
  }

  /**
   * Where uids and generated names are drawn from. During a dry run it is a separate
   * source seeded from the revision, so a dry run leaves the store's own sequence (and
   * with it every later uid and generated name) exactly as it was.
   */
  get random(): Random {
    if (!this.#dryRun) return this.#random;
    this.#dryRandom ??= createRandom(`dry-run@${this.#revision}`);
    return this.#dryRandom;
  }

  /** Whether a dry run is under way (see {@link StoreState.runDry}). */
  get dryRun(): boolean {
    return this.#dryRun;
  }

  /**
   * Runs a write as a server-side dry run: every check runs as for the real write, but
   * {@link StoreState.commitPut} and {@link StoreState.commitDelete} store nothing, bump no
   * revision and send no watch event, and uids and generated names come from a separate
   * random source. Writes are synchronous, so the flag cannot leak into another call.
   */
  runDry<T>(write: () => T): T {
    if (this.#dryRun) return write();
    this.#dryRun = true;
    try {
      return write();
    } finally {
      this.#dryRun = false;
      this.#dryRandom = undefined;
    }
  }

  /** The revision of the last committed change (0 before any). */
  get revision(): number {
    return this.#revision;
  }

  /** The kinds that hold objects or watches. */
  kinds(): IterableIterator<string> {
    return this.#kinds.keys();
  }

  /** The table of a kind. */
  table(info: KindInfo): KindTable {
    return this.#kind(info).table;
  }

  /** The stored object of a kind under `key`. */
  get(info: KindInfo, key: string): JsonObject | undefined {
    return this.#kinds.get(info.kind)?.table.get(key);
  }

  /**
   * Commits a new or changed object: bumps the revision, stamps `object` with it, stores
   * it and queues the change to the kind's watches. `object` must be a fresh object the
   * store owns from now on (it may share parts of `previous`); it is deeply frozen here, so
   * it is never modified afterwards and can be handed to sharing callers as it is. In a dry
   * run it stores nothing and returns `object` (see `dryPut`).
   */
  commitPut(info: KindInfo, key: string, object: JsonObject, previous: JsonObject | undefined): JsonObject {
    if (this.#dryRun) return dryPut(object, previous);
    const revision = ++this.#revision;
    (object.metadata as JsonObject).resourceVersion = String(revision);
    freezeInPlace(object);
    const state = this.#kind(info);
    state.table.put(key, object);
    this.#publish(state, {
      resourceVersion: revision,
      type: previous ? "MODIFIED" : "ADDED",
      object,
      previous,
    });
    return object;
  }

  /**
   * Commits the removal of an object. Returns its last state stamped with the deletion's
   * revision (what watches receive). In a dry run it removes nothing and returns `previous`.
   */
  commitDelete(info: KindInfo, key: string, previous: JsonObject): JsonObject {
    if (this.#dryRun) return previous;
    const revision = ++this.#revision;
    const state = this.#kind(info);
    state.table.remove(key);
    const metadata = previous.metadata as JsonObject;
    const object = freezeInPlace({
      ...previous,
      metadata: { ...metadata, resourceVersion: String(revision) },
    });
    this.#publish(state, { resourceVersion: revision, type: "DELETED", object, previous });
    return object;
  }

  /** Stores an object as it is, without a change event (restoring a snapshot). */
  load(info: KindInfo, key: string, object: JsonObject): void {
    this.#kind(info).table.put(key, freezeInPlace(object));
  }

  /** Sets the revision and forgets all history before it (restoring a snapshot). */
  resetRevision(revision: number): void {
    this.#revision = revision;
    for (const state of this.#kinds.values()) state.history.compactTo(revision);
    this.#historyStart = revision;
  }

  /**
   * Opens a watch: replays what the start point asks for (the current objects as `ADDED`,
   * or the kept changes after a resourceVersion), then streams live changes.
   *
   * @throws StatusError 410 Expired when the history no longer reaches back to the
   *   requested resourceVersion, 504 Timeout when it is ahead of the store, 500 when it
   *   is not a number.
   */
  openWatch<T>(query: ObjectQuery, start: WatchStart): MemoryWatch<T> {
    const info = query.info;
    const requested = parseWatchResourceVersion(start.resourceVersion);
    if (requested > BigInt(this.#revision)) {
      throw createTooLargeResourceVersionError(requested.toString(), this.#revision);
    }
    const state = this.#kind(info);
    const replay = requested === 0n ? undefined : state.history.changesAfter(Number(requested));
    let timer: TimerHandle | undefined;
    const watch = new MemoryWatch<T>(
      query,
      (closed) => {
        state.watches.delete(closed as MemoryWatch<unknown>);
        if (timer !== undefined) this.clock.clearTimer(timer);
      },
      start.sharedObjects,
    );
    if (replay === undefined) {
      for (const key of selectKeys(state.table, query))
        watch.offerExisting(state.table.get(key) as JsonObject);
    } else {
      for (const change of replay) watch.offerChange(change);
    }
    state.watches.add(watch as MemoryWatch<unknown>, queryPin(query));
    if (start.allowWatchBookmarks) {
      const interval = this.#settings.bookmarkIntervalMs;
      const tick = (): void => {
        if (watch.closed) return;
        watch.offerBookmark(this.#revision);
        timer = this.clock.setTimer(tick, interval);
      };
      timer = this.clock.setTimer(tick, interval);
    }
    return watch;
  }

  /** How many watches are open on a kind. */
  openWatches(info: KindInfo): number {
    return this.#kinds.get(info.kind)?.watches.size ?? 0;
  }

  #publish(state: KindState, change: CommittedChange): void {
    state.history.push(change);
    for (const watch of state.watches.candidates(change)) watch.offerChange(change);
  }

  #kind(info: KindInfo): KindState {
    let state = this.#kinds.get(info.kind);
    if (state === undefined) {
      const history = new WatchHistory(this.#settings.historyLimit);
      history.compactTo(this.#historyStart);
      state = {
        table: new KindTable(info.kind === "Pod"),
        history,
        watches: new WatchIndex(pinFieldReader(info)),
      };
      this.#kinds.set(info.kind, state);
    }
    return state;
  }
}

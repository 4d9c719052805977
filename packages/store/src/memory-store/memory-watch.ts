import type { Watch, WatchEvent, WatchEventType } from "@kubesim/core";
import { cloneObject } from "./clone-object.js";
import type { JsonObject } from "./json-object.js";
import type { ObjectQuery } from "./object-query.js";
import { sharedCopyOf } from "./shared-object.js";
import type { CommittedChange } from "./watch-history.js";

interface QueuedEvent {
  readonly type: WatchEventType;
  readonly object: JsonObject;
}

type Waiter<T> = (result: IteratorResult<WatchEvent<T>, undefined>) => void;

const done: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** `object` with its `metadata.resourceVersion` replaced; the store's object is not touched. */
function withResourceVersion(object: JsonObject, resourceVersion: number): JsonObject {
  const metadata = object.metadata as JsonObject | undefined;
  return { ...object, metadata: { ...metadata, resourceVersion: String(resourceVersion) } };
}

/**
 * An open watch on the memory store. The store queues each change to every watch
 * synchronously when it commits it, so a consumer that reads late still sees every
 * change once, in commit order. Events are copied when read, so consumers own them;
 * a watch opened with `sharedObjects` instead gets the one frozen copy of each object
 * that every sharing watch gets (see {@link sharedCopyOf}).
 *
 * @remarks
 * The queue is unbounded: a watch nobody reads keeps every event until it is closed.
 * (Upstream's API server closes watchers that fall too far behind; kubesim leaves that
 * to the consumer.)
 */
export class MemoryWatch<T> implements Watch<T>, AsyncIterator<WatchEvent<T>, undefined> {
  readonly #query: ObjectQuery;
  readonly #onClose: (watch: MemoryWatch<T>) => void;
  readonly #shared: boolean;
  #queue: Array<QueuedEvent | undefined> = [];
  #head = 0;
  readonly #waiters: Array<Waiter<T>> = [];
  #closed = false;

  /**
   * @param query - which objects this watch sees.
   * @param onClose - called once when the watch closes, to release it.
   * @param shared - deliver shared frozen objects instead of copies the consumer owns.
   */
  constructor(query: ObjectQuery, onClose: (watch: MemoryWatch<T>) => void, shared = false) {
    this.#query = query;
    this.#onClose = onClose;
    this.#shared = shared;
  }

  /** Whether the watch has been closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Queues an `ADDED` event for an existing object when it matches (the initial state). */
  offerExisting(object: JsonObject): void {
    if (this.#query.matches(object)) this.#enqueue("ADDED", object);
  }

  /**
   * Queues what this watch sees of a committed change, as upstream's watch cache does: an
   * object that starts matching the selectors arrives as `ADDED`, one that stops matching
   * as `DELETED` (its previous state with the change's resourceVersion).
   */
  offerChange(change: CommittedChange): void {
    const query = this.#query;
    const previousMatches = change.previous !== undefined && query.matches(change.previous);
    if (change.type === "DELETED") {
      if (previousMatches) this.#enqueue("DELETED", change.object);
      return;
    }
    const currentMatches = query.matches(change.object);
    if (currentMatches) this.#enqueue(previousMatches ? "MODIFIED" : "ADDED", change.object);
    else if (previousMatches) {
      this.#enqueue("DELETED", withResourceVersion(change.previous as JsonObject, change.resourceVersion));
    }
  }

  /** Queues a `BOOKMARK` carrying the store's current resourceVersion. */
  offerBookmark(resourceVersion: number): void {
    const { apiVersion, kind } = this.#query.info.resource;
    this.#enqueue("BOOKMARK", { apiVersion, kind, metadata: { resourceVersion: String(resourceVersion) } });
  }

  /** The next event; resolves as done once the watch is closed. */
  next(): Promise<IteratorResult<WatchEvent<T>, undefined>> {
    if (this.#head < this.#queue.length) {
      const event = this.#queue[this.#head] as QueuedEvent;
      this.#queue[this.#head] = undefined;
      this.#head++;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
      return Promise.resolve({ done: false, value: this.#deliver(event) });
    }
    if (this.#closed) return Promise.resolve(done);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Ends a `for await` loop early: closes the watch. */
  return(): Promise<IteratorResult<WatchEvent<T>, undefined>> {
    this.close();
    return Promise.resolve(done);
  }

  /** Stops the watch: queued events are dropped and pending reads resolve as done. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = [];
    this.#head = 0;
    for (const waiter of this.#waiters.splice(0)) waiter(done);
    this.#onClose(this);
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent<T>, undefined> {
    return this;
  }

  #enqueue(type: WatchEventType, object: JsonObject): void {
    if (this.#closed) return;
    const waiter = this.#waiters.shift();
    if (waiter !== undefined) waiter({ done: false, value: this.#deliver({ type, object }) });
    else this.#queue.push({ type, object });
  }

  #deliver(event: QueuedEvent): WatchEvent<T> {
    const object = this.#shared ? sharedCopyOf(event.object) : cloneObject(event.object);
    return { type: event.type, object: object as T };
  }
}

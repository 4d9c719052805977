import { createResourceExpiredError } from "@kubesim/core";
import type { JsonObject } from "./json-object.js";

/** The kinds of committed change (a BOOKMARK is not a change). */
export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

/** One committed change of one object, as the watch cache keeps it. */
export interface CommittedChange {
  readonly resourceVersion: number;
  readonly type: ChangeType;
  /** The new state; for `DELETED`, the last state carrying the deletion's resourceVersion. */
  readonly object: JsonObject;
  /** The state before the change (`undefined` for `ADDED`). */
  readonly previous: JsonObject | undefined;
}

/**
 * The bounded window of recent changes of one kind, from which a watch that starts at a
 * resourceVersion is replayed (upstream's watch cache). When the window is full the
 * oldest change is dropped, and a watch from before it fails with 410 Expired.
 */
export class WatchHistory {
  readonly #ring: Array<CommittedChange | undefined>;
  #start = 0;
  #count = 0;
  #compactedRevision = 0;

  /** @param capacity - how many changes to keep (at least 1). */
  constructor(capacity: number) {
    this.#ring = new Array(Math.max(1, Math.floor(capacity)));
  }

  /** The oldest revision a watch may start from: every later change of the kind is kept. */
  get compactedRevision(): number {
    return this.#compactedRevision;
  }

  /** Records a change (changes arrive in revision order). */
  push(change: CommittedChange): void {
    const capacity = this.#ring.length;
    const evicting = this.#count === capacity;
    if (evicting) {
      this.#start = (this.#start + 1) % capacity;
      this.#count--;
    }
    this.#ring[(this.#start + this.#count) % capacity] = change;
    this.#count++;
    if (evicting) {
      // As upstream: a watch may start one revision before the oldest kept change.
      const oldest = this.#ring[this.#start] as CommittedChange;
      this.#compactedRevision = Math.max(this.#compactedRevision, oldest.resourceVersion - 1);
    }
  }

  /** Forgets every change up to `revision` (a restored store has no history before its snapshot). */
  compactTo(revision: number): void {
    if (revision > this.#compactedRevision) this.#compactedRevision = revision;
  }

  /**
   * The kept changes after `revision`, oldest first.
   *
   * @throws StatusError 410 Expired `too old resource version: <revision> (<oldest>)` when
   *   changes after `revision` have been dropped.
   */
  changesAfter(revision: number): CommittedChange[] {
    if (revision < this.#compactedRevision) {
      throw createResourceExpiredError(String(revision), String(this.#compactedRevision));
    }
    const capacity = this.#ring.length;
    let low = 0;
    let high = this.#count;
    while (low < high) {
      const middle = (low + high) >> 1;
      const change = this.#ring[(this.#start + middle) % capacity] as CommittedChange;
      if (change.resourceVersion <= revision) low = middle + 1;
      else high = middle;
    }
    const changes: CommittedChange[] = [];
    for (let index = low; index < this.#count; index++) {
      changes.push(this.#ring[(this.#start + index) % capacity] as CommittedChange);
    }
    return changes;
  }
}

import type { JsonObject } from "./json-object.js";

/**
 * The one field value a watch's selection pins: every object the watch can see has
 * `field` equal to `value`. `field` is a selectable field label (`spec.nodeName`,
 * `metadata.name`, ...) or {@link namespaceOptionField} for the watch's namespace option.
 */
export interface WatchPin {
  readonly field: string;
  readonly value: string;
}

/**
 * The pin field of a watch's `namespace` option. It cannot be a field label (those never
 * start with a NUL), so it never collides with a field selector's `metadata.namespace`,
 * which is read from the selectable fields instead.
 */
export const namespaceOptionField = "\u0000namespace";

/** Reads a pin field of an object exactly as the watch's matcher reads it. */
export type PinFieldReader = (field: string, object: JsonObject) => string;

/** A change as far as the index cares: the state before (if any) and the state after. */
export interface IndexedChange {
  readonly type: "ADDED" | "MODIFIED" | "DELETED";
  readonly object: JsonObject;
  readonly previous: JsonObject | undefined;
}

interface Entry<W> {
  readonly watch: W;
  /** Registration order: candidates are visited in it, as one set of watches would be. */
  readonly sequence: number;
  readonly bucket: Set<Entry<W>>;
  readonly pin: WatchPin | undefined;
}

function bySequence<W>(left: Entry<W>, right: Entry<W>): number {
  return left.sequence - right.sequence;
}

/**
 * The open watches of one kind, filed so that a committed change only visits the watches
 * that can see it. A watch whose selection pins a field to one value (a kubelet's
 * `spec.nodeName=<node>`, a `metadata.name=<name>` watch, a namespaced watch) is filed
 * under that value; the others are visited on every change. A change visits the watches
 * filed under its old and new values of each pinned field, plus the unpinned ones, in
 * registration order: the same watches, in the same order, that a scan of every watch
 * would find matching, because a pinned watch cannot match an object whose field differs
 * from its pin (neither before nor after the change, so it would queue nothing).
 *
 * @typeParam W - the watch type.
 */
export class WatchIndex<W> {
  readonly #readField: PinFieldReader;
  readonly #entries = new Map<W, Entry<W>>();
  readonly #unpinned = new Set<Entry<W>>();
  /** Pin field -> pinned value -> entries, each set in registration order. */
  readonly #pinned = new Map<string, Map<string, Set<Entry<W>>>>();
  #nextSequence = 0;

  /** @param readField - reads a pin field of an object as the watches' matchers read it. */
  constructor(readField: PinFieldReader) {
    this.#readField = readField;
  }

  /** How many watches are registered. */
  get size(): number {
    return this.#entries.size;
  }

  /** Registers a watch (after every watch registered before); a watch registered twice keeps its place. */
  add(watch: W, pin: WatchPin | undefined): void {
    if (this.#entries.has(watch)) return;
    const bucket = pin === undefined ? this.#unpinned : this.#bucket(pin);
    const entry: Entry<W> = { watch, sequence: this.#nextSequence++, bucket, pin };
    bucket.add(entry);
    this.#entries.set(watch, entry);
  }

  /** Unregisters a watch (no-op when it is not registered). */
  delete(watch: W): void {
    const entry = this.#entries.get(watch);
    if (entry === undefined) return;
    this.#entries.delete(watch);
    entry.bucket.delete(entry);
    const pin = entry.pin;
    if (pin === undefined || entry.bucket.size > 0) return;
    const byValue = this.#pinned.get(pin.field);
    if (byValue === undefined) return;
    byValue.delete(pin.value);
    if (byValue.size === 0) this.#pinned.delete(pin.field);
  }

  /**
   * The watches that may see `change`, in registration order: the unpinned ones and those
   * pinned to the old or the new value of their field (for `DELETED`, the old value only:
   * a deletion is seen by the watches that saw the object).
   */
  candidates(change: IndexedChange): W[] {
    const groups: Array<Set<Entry<W>>> = [];
    if (this.#unpinned.size > 0) groups.push(this.#unpinned);
    const previous = change.previous;
    const current = change.type === "DELETED" ? undefined : change.object;
    for (const [field, byValue] of this.#pinned) {
      const previousValue = previous === undefined ? undefined : this.#readField(field, previous);
      const currentValue = current === undefined ? undefined : this.#readField(field, current);
      if (previousValue !== undefined) {
        const group = byValue.get(previousValue);
        if (group !== undefined) groups.push(group);
      }
      if (currentValue !== undefined && currentValue !== previousValue) {
        const group = byValue.get(currentValue);
        if (group !== undefined) groups.push(group);
      }
    }
    const watches: W[] = [];
    if (groups.length === 1) {
      for (const entry of groups[0] as Set<Entry<W>>) watches.push(entry.watch);
      return watches;
    }
    const entries: Array<Entry<W>> = [];
    for (const group of groups) for (const entry of group) entries.push(entry);
    entries.sort(bySequence);
    for (const entry of entries) watches.push(entry.watch);
    return watches;
  }

  #bucket(pin: WatchPin): Set<Entry<W>> {
    let byValue = this.#pinned.get(pin.field);
    if (byValue === undefined) {
      byValue = new Map();
      this.#pinned.set(pin.field, byValue);
    }
    let bucket = byValue.get(pin.value);
    if (bucket === undefined) {
      bucket = new Set();
      byValue.set(pin.value, bucket);
    }
    return bucket;
  }
}

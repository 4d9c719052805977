type LabelMap = Readonly<Record<string, string>>;

/** A label value, or `undefined` when the key is absent (own keys only: labels are untrusted). */
export function labelOf(labels: LabelMap | undefined, key: string): string | undefined {
  return labels !== undefined && labels !== null && Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/**
 * Counts per topology pair (key, value), as upstream's `topologyToMatchedTermCount`.
 * Pairs whose count drops to zero are removed, so `size` is the number of pairs with a
 * non-zero count. Keyed by key then value, so label keys and values may hold any text.
 */
export class TopologyCounts {
  private readonly byKey = new Map<string, Map<string, number>>();
  private pairs = 0;

  /** The number of (key, value) pairs with a non-zero count. */
  get size(): number {
    return this.pairs;
  }

  /** The count of a pair (0 when absent). */
  get(key: string, value: string): number {
    return this.byKey.get(key)?.get(value) ?? 0;
  }

  /** Adds `delta` to a pair, removing it when it reaches zero. */
  add(key: string, value: string, delta: number): void {
    let values = this.byKey.get(key);
    if (values === undefined) {
      values = new Map();
      this.byKey.set(key, values);
    }
    const previous = values.get(value);
    const next = (previous ?? 0) + delta;
    if (next === 0) {
      if (previous !== undefined) {
        values.delete(value);
        this.pairs--;
        if (values.size === 0) this.byKey.delete(key);
      } else if (values.size === 0) {
        this.byKey.delete(key);
      }
      return;
    }
    if (previous === undefined) this.pairs++;
    values.set(value, next);
  }

  /** Adds `delta` to the pair (key, the node's value of key) when the node has the key (upstream's `update`). */
  addForNode(labels: LabelMap | undefined, key: string, delta: number): void {
    const value = labelOf(labels, key);
    if (value !== undefined) this.add(key, value, delta);
  }

  /**
   * True when some pair with a positive count matches one of the node's labels. Walks the
   * counted keys, not the node's labels, so it costs O(counted keys).
   */
  matchesAnyLabel(labels: LabelMap | undefined): boolean {
    for (const [key, values] of this.byKey) {
      const value = labelOf(labels, key);
      if (value !== undefined && (values.get(value) ?? 0) > 0) return true;
    }
    return false;
  }

  /** An independent copy. */
  clone(): TopologyCounts {
    const copy = new TopologyCounts();
    for (const [key, values] of this.byKey) copy.byKey.set(key, new Map(values));
    copy.pairs = this.pairs;
    return copy;
  }

  /** The pairs as `{ "key=value": count }`, for tests and explanations. */
  toRecord(): Record<string, number> {
    const record: Record<string, number> = {};
    for (const [key, values] of this.byKey) {
      for (const [value, count] of values) record[`${key}=${value}`] = count;
    }
    return record;
  }
}

interface HeapSlot<T> {
  value: T;
  readonly key: string;
  /** Insertion order: breaks ties of `less`, so equal items leave first in, first out. */
  readonly sequence: number;
  index: number;
}

/**
 * A binary min-heap of values with unique string keys (upstream's `heap.Heap`): O(log n)
 * push, pop, update and delete by key, O(1) lookup. Items that `less` finds equal leave
 * in insertion order, so a virtual clock that stamps many pods with the same millisecond
 * still yields first-in, first-out.
 */
export class KeyedHeap<T> {
  private readonly slots: HeapSlot<T>[] = [];
  private readonly byKey = new Map<string, HeapSlot<T>>();
  private nextSequence = 0;

  /**
   * @param keyOf - the unique key of a value.
   * @param less - true when the first value must leave before the second.
   */
  constructor(
    private readonly keyOf: (value: T) => string,
    private readonly less: (first: T, second: T) => boolean,
  ) {}

  /** How many values the heap holds. */
  get size(): number {
    return this.slots.length;
  }

  /** Whether a value with this key is in the heap. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The value with this key, or `undefined`. */
  get(key: string): T | undefined {
    return this.byKey.get(key)?.value;
  }

  /** The value that leaves next, without removing it. */
  peek(): T | undefined {
    return this.slots[0]?.value;
  }

  /** Removes and returns the value that leaves next. */
  pop(): T | undefined {
    const top = this.slots[0];
    if (top === undefined) return undefined;
    this.removeAt(0);
    return top.value;
  }

  /**
   * Inserts the value, or replaces the value with the same key and moves it to its new
   * place (keeping its insertion order for ties).
   */
  addOrUpdate(value: T): void {
    const key = this.keyOf(value);
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      existing.value = value;
      this.fix(existing.index);
      return;
    }
    const slot: HeapSlot<T> = { value, key, sequence: this.nextSequence++, index: this.slots.length };
    this.slots.push(slot);
    this.byKey.set(key, slot);
    this.up(slot.index);
  }

  /** Removes the value with this key; returns it, or `undefined` when absent. */
  delete(key: string): T | undefined {
    const slot = this.byKey.get(key);
    if (slot === undefined) return undefined;
    this.removeAt(slot.index);
    return slot.value;
  }

  /** Every value, in no particular order. */
  values(): T[] {
    return this.slots.map((slot) => slot.value);
  }

  /** Every value in the order they would leave (a sorted copy; the heap is unchanged). */
  sortedValues(): T[] {
    return [...this.slots]
      .sort((first, second) => (this.before(first, second) ? -1 : 1))
      .map((slot) => slot.value);
  }

  private before(first: HeapSlot<T>, second: HeapSlot<T>): boolean {
    if (this.less(first.value, second.value)) return true;
    // A later insertion never goes first unless `less` says so: only an earlier one needs
    // the reverse comparison (a tie leaves first in, first out).
    if (first.sequence > second.sequence) return false;
    return !this.less(second.value, first.value) && first.sequence < second.sequence;
  }

  private removeAt(index: number): void {
    const slots = this.slots;
    const removed = slots[index] as HeapSlot<T>;
    this.byKey.delete(removed.key);
    const last = slots.pop() as HeapSlot<T>;
    if (index === slots.length) return;
    slots[index] = last;
    last.index = index;
    this.fix(index);
  }

  private fix(index: number): void {
    if (!this.down(index)) this.up(index);
  }

  private swap(first: number, second: number): void {
    const slots = this.slots;
    const a = slots[first] as HeapSlot<T>;
    const b = slots[second] as HeapSlot<T>;
    slots[first] = b;
    slots[second] = a;
    b.index = first;
    a.index = second;
  }

  private up(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(this.slots[index] as HeapSlot<T>, this.slots[parent] as HeapSlot<T>)) return;
      this.swap(index, parent);
      index = parent;
    }
  }

  /** Sifts down; returns true when the slot moved. */
  private down(start: number): boolean {
    const slots = this.slots;
    let index = start;
    for (;;) {
      const left = index * 2 + 1;
      if (left >= slots.length) break;
      const right = left + 1;
      let smallest = left;
      if (right < slots.length && this.before(slots[right] as HeapSlot<T>, slots[left] as HeapSlot<T>)) {
        smallest = right;
      }
      if (!this.before(slots[smallest] as HeapSlot<T>, slots[index] as HeapSlot<T>)) break;
      this.swap(index, smallest);
      index = smallest;
    }
    return index !== start;
  }
}

/**
 * Go-compatible ordering primitives for label selectors: Go compares strings byte by byte
 * (UTF-8) and sorts requirements with `sort.Sort` (pattern-defeating quicksort, not stable).
 * Both matter for the canonical `String()` form, which must match upstream byte for byte.
 */

/** `less(a, b)` reports whether `a` must sort before `b`. */
type Less<T> = (left: T, right: T) => boolean;

/**
 * Sorts `items` in place exactly as Go 1.22+'s `sort.Sort` does (pdqsort with Go's pivot
 * choice, insertion sort for runs of at most 12, heapsort fallback and xorshift pattern
 * breaking), so that elements that compare equal end up in the same order as upstream's.
 */
export function goSort<T>(items: T[], less: Less<T>): void {
  const length = items.length;
  if (length <= 1) return;
  new GoSorter(items, less).pdqsort(0, length, bitLength(length));
}

/** Go's `bits.Len`: the number of bits needed to represent `value` (a non-negative integer). */
function bitLength(value: number): number {
  return value === 0 ? 0 : 32 - Math.clz32(value);
}

const maxInsertion = 12;
const shortestNinther = 50;
const maxSwaps = 4 * 3;
const maxSteps = 5;
const shortestShifting = 50;
const uint64Mask = (1n << 64n) - 1n;

enum SortedHint {
  Unknown = 0,
  Increasing = 1,
  Decreasing = 2,
}

/** One sort run; carries the array, the comparison and choosePivot's swap counter. */
class GoSorter<T> {
  private swaps = 0;

  constructor(
    private readonly items: T[],
    private readonly lessThan: Less<T>,
  ) {}

  private less(left: number, right: number): boolean {
    return this.lessThan(this.items[left] as T, this.items[right] as T);
  }

  private swap(left: number, right: number): void {
    const items = this.items;
    const held = items[left] as T;
    items[left] = items[right] as T;
    items[right] = held;
  }

  pdqsort(start: number, end: number, limit: number): void {
    let a = start;
    let b = end;
    let badPivotsLeft = limit;
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = b - a;
      if (length <= maxInsertion) {
        this.insertionSort(a, b);
        return;
      }
      if (badPivotsLeft === 0) {
        this.heapSort(a, b);
        return;
      }
      if (!wasBalanced) {
        this.breakPatterns(a, b);
        badPivotsLeft--;
      }
      let [pivot, hint] = this.choosePivot(a, b);
      if (hint === SortedHint.Decreasing) {
        this.reverseRange(a, b);
        pivot = b - 1 - (pivot - a);
        hint = SortedHint.Increasing;
      }
      if (wasBalanced && wasPartitioned && hint === SortedHint.Increasing) {
        if (this.partialInsertionSort(a, b)) return;
      }
      // Many elements equal to the pivot: split them off and carry on with the greater ones.
      if (a > 0 && !this.less(a - 1, pivot)) {
        a = this.partitionEqual(a, b, pivot);
        continue;
      }
      const [mid, alreadyPartitioned] = this.partition(a, b, pivot);
      wasPartitioned = alreadyPartitioned;
      const leftLength = mid - a;
      const rightLength = b - mid;
      const balanceThreshold = Math.trunc(length / 8);
      if (leftLength < rightLength) {
        wasBalanced = leftLength >= balanceThreshold;
        this.pdqsort(a, mid, badPivotsLeft);
        a = mid + 1;
      } else {
        wasBalanced = rightLength >= balanceThreshold;
        this.pdqsort(mid + 1, b, badPivotsLeft);
        b = mid;
      }
    }
  }

  private insertionSort(a: number, b: number): void {
    for (let i = a + 1; i < b; i++) {
      for (let j = i; j > a && this.less(j, j - 1); j--) this.swap(j, j - 1);
    }
  }

  private siftDown(low: number, high: number, first: number): void {
    let root = low;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= high) return;
      if (child + 1 < high && this.less(first + child, first + child + 1)) child++;
      if (!this.less(first + root, first + child)) return;
      this.swap(first + root, first + child);
      root = child;
    }
  }

  private heapSort(a: number, b: number): void {
    const first = a;
    const high = b - a;
    for (let i = Math.trunc((high - 1) / 2); i >= 0; i--) this.siftDown(i, high, first);
    for (let i = high - 1; i >= 0; i--) {
      this.swap(first, first + i);
      this.siftDown(0, i, first);
    }
  }

  private partition(a: number, b: number, pivot: number): [number, boolean] {
    this.swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    while (i <= j && this.less(i, a)) i++;
    while (i <= j && !this.less(j, a)) j--;
    if (i > j) {
      this.swap(j, a);
      return [j, true];
    }
    this.swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && this.less(i, a)) i++;
      while (i <= j && !this.less(j, a)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    this.swap(j, a);
    return [j, false];
  }

  private partitionEqual(a: number, b: number, pivot: number): number {
    this.swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    for (;;) {
      while (i <= j && !this.less(a, i)) i++;
      while (i <= j && this.less(a, j)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    return i;
  }

  private partialInsertionSort(a: number, b: number): boolean {
    let i = a + 1;
    for (let step = 0; step < maxSteps; step++) {
      while (i < b && !this.less(i, i - 1)) i++;
      if (i === b) return true;
      if (b - a < shortestShifting) return false;
      this.swap(i, i - 1);
      // Shift the smaller element to the left (Go's loop runs down to index 1, not to a).
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!this.less(j, j - 1)) break;
          this.swap(j, j - 1);
        }
      }
      // Shift the greater element to the right.
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!this.less(j, j - 1)) break;
          this.swap(j, j - 1);
        }
      }
    }
    return false;
  }

  private breakPatterns(a: number, b: number): void {
    const length = b - a;
    if (length < 8) return;
    let state = BigInt(length);
    const modulus = 2 ** bitLength(length);
    const middle = a + Math.trunc(length / 4) * 2;
    for (let index = middle - 1; index <= middle + 1; index++) {
      // Go's xorshift64 (13, 7, 17) on a uint64 state seeded with the length.
      state ^= (state << 13n) & uint64Mask;
      state ^= state >> 7n;
      state ^= (state << 17n) & uint64Mask;
      let other = Number(state & BigInt(modulus - 1));
      if (other >= length) other -= length;
      this.swap(index, a + other);
    }
  }

  private choosePivot(a: number, b: number): [number, SortedHint] {
    const length = b - a;
    const quarter = Math.trunc(length / 4);
    let i = a + quarter;
    let j = a + quarter * 2;
    let k = a + quarter * 3;
    this.swaps = 0;
    if (length >= 8) {
      if (length >= shortestNinther) {
        i = this.median(i - 1, i, i + 1);
        j = this.median(j - 1, j, j + 1);
        k = this.median(k - 1, k, k + 1);
      }
      j = this.median(i, j, k);
    }
    if (this.swaps === 0) return [j, SortedHint.Increasing];
    if (this.swaps === maxSwaps) return [j, SortedHint.Decreasing];
    return [j, SortedHint.Unknown];
  }

  /** The index (one of a, b, c) holding the median of the three; counts swaps like Go's order2. */
  private median(a: number, b: number, c: number): number {
    let first = a;
    let second = b;
    let third = c;
    if (this.less(second, first)) {
      this.swaps++;
      [first, second] = [second, first];
    }
    if (this.less(third, second)) {
      this.swaps++;
      [second, third] = [third, second];
    }
    if (this.less(second, first)) {
      this.swaps++;
      [first, second] = [second, first];
    }
    return second;
  }

  private reverseRange(a: number, b: number): void {
    let i = a;
    let j = b - 1;
    while (i < j) {
      this.swap(i, j);
      i++;
      j--;
    }
  }
}

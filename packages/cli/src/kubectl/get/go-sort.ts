/**
 * Go's `sort.Sort` (pattern-defeating quicksort since Go 1.19), which kubectl's `--sort-by`
 * uses. It is not stable: rows with equal keys end up in the order this exact algorithm
 * leaves them, so reproducing kubectl's output for ties needs the same algorithm, step for
 * step (insertion sort up to 12 elements, then pdqsort with its deterministic xorshift).
 */

/** What Go's `sort.Interface` provides: a length, a comparison and a swap by index. */
export interface GoSortable {
  readonly length: number;
  less(left: number, right: number): boolean;
  swap(left: number, right: number): void;
}

type SortedHint = "unknown" | "increasing" | "decreasing";

const maxInsertion = 12;
const shortestNinther = 50;
const maxSwaps = 4 * 3;
const maxSteps = 5;
const shortestShifting = 50;
const uint64Mask = (1n << 64n) - 1n;

/** `bits.Len`: the number of bits needed to write `value`. */
function bitLength(value: number): number {
  return 32 - Math.clz32(value);
}

/** Go's xorshift64 (13, 7, 17), seeded with the length being sorted. */
class XorShift {
  private state: bigint;

  constructor(seed: number) {
    this.state = BigInt(seed);
  }

  next(): bigint {
    let state = this.state;
    state ^= (state << 13n) & uint64Mask;
    state ^= state >> 7n;
    state ^= (state << 17n) & uint64Mask;
    this.state = state;
    return state;
  }
}

function insertionSort(data: GoSortable, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1);
  }
}

function siftDown(data: GoSortable, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && data.less(first + child, first + child + 1)) child++;
    if (!data.less(first + root, first + child)) return;
    data.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(data: GoSortable, a: number, b: number): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(data, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    data.swap(first, first + i);
    siftDown(data, 0, i, first);
  }
}

function partition(data: GoSortable, a: number, b: number, pivot: number): [number, boolean] {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && data.less(i, a)) i++;
  while (i <= j && !data.less(j, a)) j--;
  if (i > j) {
    data.swap(j, a);
    return [j, true];
  }
  data.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && data.less(i, a)) i++;
    while (i <= j && !data.less(j, a)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  data.swap(j, a);
  return [j, false];
}

function partitionEqual(data: GoSortable, a: number, b: number, pivot: number): number {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !data.less(a, i)) i++;
    while (i <= j && data.less(a, j)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partialInsertionSort(data: GoSortable, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !data.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    data.swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!data.less(j, j - 1)) break;
        data.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!data.less(j, j - 1)) break;
        data.swap(j, j - 1);
      }
    }
  }
  return false;
}

function breakPatterns(data: GoSortable, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  const random = new XorShift(length);
  const modulus = BigInt(2 ** bitLength(length));
  const middle = a + Math.floor(length / 4) * 2;
  for (let index = middle - 1; index <= middle + 1; index++) {
    let other = Number(random.next() & (modulus - 1n));
    if (other >= length) other -= length;
    data.swap(index, a + other);
  }
}

function choosePivot(data: GoSortable, a: number, b: number): [number, SortedHint] {
  const length = b - a;
  const counter = { swaps: 0 };
  const quarter = Math.floor(length / 4);
  let i = a + quarter;
  let j = a + quarter * 2;
  let k = a + quarter * 3;
  if (length >= 8) {
    if (length >= shortestNinther) {
      i = medianAdjacent(data, i, counter);
      j = medianAdjacent(data, j, counter);
      k = medianAdjacent(data, k, counter);
    }
    j = median(data, i, j, k, counter);
  }
  if (counter.swaps === 0) return [j, "increasing"];
  if (counter.swaps === maxSwaps) return [j, "decreasing"];
  return [j, "unknown"];
}

function order2(data: GoSortable, a: number, b: number, counter: { swaps: number }): [number, number] {
  if (data.less(b, a)) {
    counter.swaps++;
    return [b, a];
  }
  return [a, b];
}

function median(data: GoSortable, a: number, b: number, c: number, counter: { swaps: number }): number {
  let first = a;
  let second = b;
  let third = c;
  [first, second] = order2(data, first, second, counter);
  [second, third] = order2(data, second, third, counter);
  [first, second] = order2(data, first, second, counter);
  return second;
}

function medianAdjacent(data: GoSortable, a: number, counter: { swaps: number }): number {
  return median(data, a - 1, a, a + 1, counter);
}

function reverseRange(data: GoSortable, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) data.swap(i, j);
}

function pdqsort(data: GoSortable, start: number, end: number, badPivotsAllowed: number): void {
  let a = start;
  let b = end;
  let limit = badPivotsAllowed;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(data, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(data, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(data, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(data, a, b);
    if (hint === "decreasing") {
      reverseRange(data, a, b);
      pivot = b - 1 - (pivot - a);
      hint = "increasing";
    }
    if (wasBalanced && wasPartitioned && hint === "increasing" && partialInsertionSort(data, a, b)) return;
    if (a > 0 && !data.less(a - 1, pivot)) {
      a = partitionEqual(data, a, b, pivot);
      continue;
    }
    const [middle, alreadyPartitioned] = partition(data, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLength = middle - a;
    const rightLength = b - middle;
    const balanceThreshold = Math.floor(length / 8);
    if (leftLength < rightLength) {
      wasBalanced = leftLength >= balanceThreshold;
      pdqsort(data, a, middle, limit);
      a = middle + 1;
    } else {
      wasBalanced = rightLength >= balanceThreshold;
      pdqsort(data, middle + 1, b, limit);
      b = middle;
    }
  }
}

/**
 * Sorts in place exactly as Go's `sort.Sort` does (same comparisons, same swaps, same
 * order for equal elements).
 */
export function goSort(data: GoSortable): void {
  const length = data.length;
  if (length <= 1) return;
  pdqsort(data, 0, length, bitLength(length));
}

/** Sorts a copy of `items` with Go's `sort.Sort` and the given `less`. */
export function goSorted<T>(items: readonly T[], less: (left: T, right: T) => boolean): T[] {
  const sorted = [...items];
  goSort({
    length: sorted.length,
    less: (left, right) => less(sorted[left] as T, sorted[right] as T),
    swap: (left, right) => {
      const item = sorted[left] as T;
      sorted[left] = sorted[right] as T;
      sorted[right] = item;
    },
  });
  return sorted;
}

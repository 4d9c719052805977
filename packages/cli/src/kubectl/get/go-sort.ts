import { goSort } from "@kubesim/affinity";

/**
 * Sorts a copy of `items` with Go's `sort.Sort` (pattern-defeating quicksort, not stable)
 * and the given `less`, which kubectl's `--sort-by` and describe printers use: rows with
 * equal keys end up in the order that exact algorithm leaves them, as in kubectl's output.
 */
export function goSorted<T>(items: readonly T[], less: (left: T, right: T) => boolean): T[] {
  const sorted = [...items];
  goSort(sorted, less);
  return sorted;
}

import type { Quantity } from "./quantity.js";

/** -1, 0 or 1 as `left` is less than, equal to or greater than `right`; usable as a sort comparator. */
export function compareQuantities(left: Quantity, right: Quantity): -1 | 0 | 1 {
  return left.cmp(right);
}

/** `left + right`, in `left`'s format (or `right`'s when `left` is zero), as upstream `Add`. */
export function addQuantities(left: Quantity, right: Quantity): Quantity {
  return left.add(right);
}

/** `left - right`, in `left`'s format (or `right`'s when `left` is zero), as upstream `Sub`. */
export function subtractQuantities(left: Quantity, right: Quantity): Quantity {
  return left.sub(right);
}

/** Upstream's canonical string of a quantity; the same as `quantity.toString()`. */
export function formatQuantity(quantity: Quantity): string {
  return quantity.toString();
}

/**
 * `trunc(value · factor / divisor)` with Go int64 semantics for non-negative integers,
 * exact even when the product passes 2^53 (large byte counts times 100).
 */
export function scaledQuotient(value: number, factor: number, divisor: number): number {
  const product = value * factor;
  if (Number.isSafeInteger(product)) return Math.trunc(product / divisor);
  return Number((BigInt(Math.trunc(value)) * BigInt(factor)) / BigInt(Math.trunc(divisor)));
}

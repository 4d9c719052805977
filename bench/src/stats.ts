/**
 * The value at `quantile` (0..1) of `values` by the nearest-rank method (the smallest
 * value with at least that share of values at or below it); `null` for no values.
 */
export function percentile(values: readonly number[], quantile: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil(quantile * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Rounds to `digits` decimals (results.json keeps figures readable). */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The peak resident set size of this process so far, in MB (1 MB = 2^20 bytes). */
export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}

/**
 * The three ways a quantity can be written, as upstream's `resource.Format` values.
 *
 * @remarks
 * A parsed quantity remembers the kind of suffix it was written with and prints itself
 * the same way: `DecimalSI` uses `n u m k M G T P E`, `BinarySI` uses `Ki Mi Gi Ti Pi Ei`,
 * `DecimalExponent` uses `e<n>`.
 */
export const QuantityFormat = {
  /** Powers of 1000 with SI suffixes, e.g. `12M` (12 * 10^6). */
  DecimalSI: "DecimalSI",
  /** Powers of 1024 with binary suffixes, e.g. `12Mi` (12 * 2^20). */
  BinarySI: "BinarySI",
  /** Powers of ten written as an exponent, e.g. `12e6`. */
  DecimalExponent: "DecimalExponent",
} as const;

/** One of the {@link QuantityFormat} values. */
export type QuantityFormat = (typeof QuantityFormat)[keyof typeof QuantityFormat];

/**
 * The format itself when it is one of the three known ones, otherwise `DecimalExponent`.
 *
 * @remarks
 * Upstream prints a quantity with an unknown format as a decimal exponent; mapping the
 * value up front keeps {@link QuantityFormat} honest at run time with the same output.
 */
export function normalizeQuantityFormat(format: string): QuantityFormat {
  return format === QuantityFormat.DecimalSI || format === QuantityFormat.BinarySI
    ? format
    : QuantityFormat.DecimalExponent;
}

import { KubesimError } from "../errors/index.js";

/**
 * The most decimal digits one operation may spell out when it turns an exponent into
 * digits (adding `1e200000` to `1`, or `value()` of `1e200000`).
 *
 * @remarks
 * Quantities keep a base-10 exponent beside their digits, so `1e2000000000` parses and
 * prints without ever building the number. Upstream would build it and hang; we refuse
 * with a clear error instead of exhausting memory on untrusted input.
 */
export const maxMaterializedDigits = 100_000;

const smallPowerCount = 41;
const smallPowersOfTen: readonly bigint[] = (() => {
  const powers: bigint[] = [1n];
  for (let exponent = 1; exponent < smallPowerCount; exponent++) {
    powers.push((powers[exponent - 1] ?? 1n) * 10n);
  }
  return powers;
})();

/** 10^exponent for a non-negative exponent whose size the caller has already bounded. */
export function powerOfTen(exponent: number): bigint {
  return exponent < smallPowerCount ? (smallPowersOfTen[exponent] ?? 1n) : 10n ** BigInt(exponent);
}

/**
 * 10^exponent, refusing exponents above {@link maxMaterializedDigits}.
 *
 * @throws KubesimError when the power would be too large to compute.
 */
export function checkedPowerOfTen(exponent: number): bigint {
  if (exponent > maxMaterializedDigits) {
    throw new KubesimError(
      `quantity arithmetic needs 10^${exponent}, more than ${maxMaterializedDigits} digits; refusing to compute it`,
    );
  }
  return powerOfTen(exponent);
}

/** Number of decimal digits of |value| (1 for zero). */
export function decimalDigitCount(value: bigint): number {
  const text = value.toString();
  return value < 0n ? text.length - 1 : text.length;
}

/**
 * `unscaled * 10^exponent` expressed in units of 10^targetExponent, rounded away from
 * zero when inexact (upstream's rounding for `Value`, `MilliValue` and nano precision).
 */
export function scaleAwayFromZero(unscaled: bigint, exponent: number, targetExponent: number): bigint {
  const shift = exponent - targetExponent;
  if (shift >= 0) {
    return shift === 0 ? unscaled : unscaled * checkedPowerOfTen(shift);
  }
  if (unscaled === 0n) {
    return 0n;
  }
  const places = -shift;
  // |unscaled| < 10^places: the result is a non-zero fraction of one unit.
  if (places >= smallPowerCount && places >= decimalDigitCount(unscaled)) {
    return unscaled > 0n ? 1n : -1n;
  }
  const divisor = powerOfTen(places);
  const quotient = unscaled / divisor;
  if (quotient * divisor === unscaled) {
    return quotient;
  }
  return unscaled > 0n ? quotient + 1n : quotient - 1n;
}

/** Orders `left * 10^leftExponent` against `right * 10^rightExponent` without building huge powers. */
export function compareScaled(
  left: bigint,
  leftExponent: number,
  right: bigint,
  rightExponent: number,
): -1 | 0 | 1 {
  const leftSign = left > 0n ? 1 : left < 0n ? -1 : 0;
  const rightSign = right > 0n ? 1 : right < 0n ? -1 : 0;
  if (leftSign !== rightSign) {
    return leftSign < rightSign ? -1 : 1;
  }
  if (leftSign === 0) {
    return 0;
  }
  let alignedLeft = left;
  let alignedRight = right;
  const gap = leftExponent - rightExponent;
  if (gap !== 0) {
    if (gap >= smallPowerCount || gap <= -smallPowerCount) {
      // Different orders of magnitude decide without aligning; equal orders bound the gap
      // by the operands' own digit counts.
      const leftOrder = decimalDigitCount(left) + leftExponent;
      const rightOrder = decimalDigitCount(right) + rightExponent;
      if (leftOrder !== rightOrder) {
        return (leftOrder > rightOrder ? leftSign : -leftSign) as -1 | 1;
      }
    }
    if (gap > 0) {
      alignedLeft = left * powerOfTen(gap);
    } else {
      alignedRight = right * powerOfTen(-gap);
    }
  }
  return alignedLeft < alignedRight ? -1 : alignedLeft > alignedRight ? 1 : 0;
}

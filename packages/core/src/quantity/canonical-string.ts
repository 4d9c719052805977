import { checkedPowerOfTen } from "./decimal-math.js";
import { QuantityFormat } from "./quantity-format.js";

const binarySuffixes: readonly string[] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/**
 * The DecimalSI suffix for a power of ten that is a multiple of three.
 *
 * @remarks
 * Upstream (v1.32) has no suffix beyond `E` and, ignoring the failed lookup, prints no
 * suffix at all: `1000E` prints as `1`. Fixed upstream after v1.32; kept here on purpose.
 */
function decimalSISuffix(exponent: number): string {
  switch (exponent) {
    case -9:
      return "n";
    case -6:
      return "u";
    case -3:
      return "m";
    case 3:
      return "k";
    case 6:
      return "M";
    case 9:
      return "G";
    case 12:
      return "T";
    case 15:
      return "P";
    case 18:
      return "E";
    default:
      return "";
  }
}

function binarySIString(integer: bigint): string {
  let mantissa = integer;
  let powers = 0;
  while ((mantissa & 1023n) === 0n) {
    mantissa >>= 10n;
    powers++;
  }
  // Like DecimalSI beyond `E`, a power of 1024 beyond `Ei` loses its suffix upstream.
  return `${mantissa}${binarySuffixes[powers] ?? ""}`;
}

/**
 * Upstream's canonical form of `unscaled * 10^exponent` (see `Quantity.CanonicalizeBytes`).
 *
 * @remarks
 * `unscaled` must carry no trailing decimal zeros. The mantissa is kept whole and the
 * exponent is the largest multiple of three (or power of 1024) that loses nothing.
 * BinarySI values that are fractional or strictly between -1024 and 1024 print as DecimalSI.
 */
export function canonicalQuantityString(unscaled: bigint, exponent: number, format: QuantityFormat): string {
  if (unscaled === 0n) {
    return "0";
  }
  // With no trailing zeros in `unscaled`, the value is an integer exactly when exponent >= 0.
  if (format === QuantityFormat.BinarySI && exponent >= 0) {
    const integer = exponent === 0 ? unscaled : unscaled * checkedPowerOfTen(exponent);
    if (integer >= 1024n || integer <= -1024n) {
      return binarySIString(integer);
    }
  }
  const belowMultipleOfThree = ((exponent % 3) + 3) % 3;
  const mantissa =
    belowMultipleOfThree === 0 ? unscaled : unscaled * (belowMultipleOfThree === 1 ? 10n : 100n);
  const power = exponent - belowMultipleOfThree;
  if (format === QuantityFormat.DecimalExponent) {
    return power === 0 ? `${mantissa}` : `${mantissa}e${power}`;
  }
  return `${mantissa}${decimalSISuffix(power)}`;
}

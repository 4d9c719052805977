import { KubesimError } from "../errors/index.js";
import { canonicalQuantityString } from "./canonical-string.js";
import { checkedPowerOfTen, compareScaled, scaleAwayFromZero } from "./decimal-math.js";
import { normalizeQuantityFormat, type QuantityFormat } from "./quantity-format.js";

const quantityMarker = Symbol.for("kubesim.quantity.Quantity");
const hundredMillion = 100_000_000n;
// Beyond this size, stripping zeros through the decimal string beats repeated division.
const largeMantissa = 1n << 256n;

let setParsedText: (quantity: Quantity, text: string) => void;

/**
 * An exact Kubernetes resource quantity (upstream `resource.Quantity`): an arbitrary-size
 * integer times a power of ten, plus the format it prints in. No floating point is used.
 *
 * @remarks
 * Immutable: arithmetic returns new quantities. Build one with {@link parseQuantity},
 * {@link quantityFromValue} or {@link quantityFromMilli}; the constructor is the raw form.
 * `toString()` is upstream's `String()`, including its quirks (a string parsed in a form
 * upstream deems canonical is returned as written, e.g. `1.500k`).
 */
export class Quantity {
  /** How the quantity prints; upstream's `Format`. */
  readonly format: QuantityFormat;
  // value = unscaled * 10^exponent, with no trailing zeros in unscaled (zero is 0n, 0), so
  // equal values have equal fields and deep-equality checks compare values.
  private readonly unscaled: bigint;
  private readonly exponent: number;
  #text: string | undefined;

  static {
    setParsedText = (quantity, text) => {
      quantity.#text = text;
    };
  }

  /**
   * The quantity `unscaled * 10^exponent` printed in `format` (upstream `NewScaledQuantity`
   * generalised to any format).
   *
   * @param unscaled - the digits, as an integer of any size.
   * @param exponent - the power of ten, a safe integer.
   * @param format - the print format; an unknown string prints as `DecimalExponent`, as upstream.
   * @throws KubesimError when `unscaled` is not a bigint or `exponent` is not a safe integer.
   */
  constructor(unscaled: bigint, exponent: number, format: QuantityFormat) {
    if (typeof unscaled !== "bigint" || !Number.isSafeInteger(exponent)) {
      throw new KubesimError("a quantity needs a bigint mantissa and a safe integer exponent");
    }
    this.format = normalizeQuantityFormat(format);
    let mantissa = unscaled;
    let power = exponent;
    if (mantissa === 0n) {
      power = 0;
    } else if (mantissa % 10n === 0n) {
      if (mantissa >= largeMantissa || mantissa <= -largeMantissa) {
        const digits = mantissa.toString();
        let last = digits.length;
        while (digits.charCodeAt(last - 1) === 48) {
          last--;
        }
        power += digits.length - last;
        mantissa = BigInt(digits.slice(0, last));
      } else {
        while (mantissa % hundredMillion === 0n) {
          mantissa /= hundredMillion;
          power += 8;
        }
        while (mantissa % 10n === 0n) {
          mantissa /= 10n;
          power++;
        }
      }
    }
    this.unscaled = mantissa;
    this.exponent = power;
  }

  /** Upstream's canonical `String()`, e.g. `500m`, `1536Mi`, `12e6`, `0`. */
  toString(): string {
    if (this.#text === undefined) {
      this.#text = canonicalQuantityString(this.unscaled, this.exponent, this.format);
    }
    return this.#text;
  }

  /** The canonical string, so `JSON.stringify` writes quantities as the API server does. */
  toJSON(): string {
    return this.toString();
  }

  /** -1, 0 or 1 as this quantity is less than, equal to or greater than `other` (formats ignored). */
  cmp(other: Quantity): -1 | 0 | 1 {
    return compareScaled(this.unscaled, this.exponent, other.unscaled, other.exponent);
  }

  /**
   * The exact sum. Keeps this quantity's format, except that a zero receiver takes
   * `other`'s format, as upstream `Add` does.
   *
   * @throws KubesimError when the operands' exponents are too far apart to add exactly.
   */
  add(other: Quantity): Quantity {
    return this.combine(other, other.unscaled);
  }

  /**
   * The exact difference. Keeps this quantity's format, except that a zero receiver takes
   * `other`'s format, as upstream `Sub` does.
   *
   * @throws KubesimError when the operands' exponents are too far apart to subtract exactly.
   */
  sub(other: Quantity): Quantity {
    return this.combine(other, -other.unscaled);
  }

  /** The negated quantity, in the same format. */
  neg(): Quantity {
    return new Quantity(-this.unscaled, this.exponent, this.format);
  }

  /** True when the value is zero. */
  isZero(): boolean {
    return this.unscaled === 0n;
  }

  /** -1, 0 or 1: the sign of the value. */
  sign(): -1 | 0 | 1 {
    return this.unscaled > 0n ? 1 : this.unscaled < 0n ? -1 : 0;
  }

  /**
   * The value as an integer, rounded away from zero when fractional (upstream `Value()`:
   * `1.2` gives 2, `-1.2` gives -2). Exact for any size, where upstream overflows int64.
   *
   * @throws KubesimError when the integer would have more than 100000 digits.
   */
  value(): bigint {
    return scaleAwayFromZero(this.unscaled, this.exponent, 0);
  }

  /**
   * The value in thousandths, rounded away from zero when finer (upstream `MilliValue()`:
   * `1n` gives 1). Exact for any size, where upstream overflows int64.
   *
   * @throws KubesimError when the integer would have more than 100000 digits.
   */
  milliValue(): bigint {
    return scaleAwayFromZero(this.unscaled, this.exponent, -3);
  }

  private combine(other: Quantity, otherUnscaled: bigint): Quantity {
    if (this.unscaled === 0n) {
      return new Quantity(otherUnscaled, other.exponent, other.format);
    }
    if (otherUnscaled === 0n) {
      return new Quantity(this.unscaled, this.exponent, this.format);
    }
    const gap = this.exponent - other.exponent;
    if (gap === 0) {
      return new Quantity(this.unscaled + otherUnscaled, this.exponent, this.format);
    }
    if (gap > 0) {
      return new Quantity(
        this.unscaled * checkedPowerOfTen(gap) + otherUnscaled,
        other.exponent,
        this.format,
      );
    }
    return new Quantity(this.unscaled + otherUnscaled * checkedPowerOfTen(-gap), this.exponent, this.format);
  }
}

Object.defineProperty(Quantity.prototype, quantityMarker, { value: true });

/** True when `value` is a {@link Quantity} (from any copy of this package). */
export function isQuantity(value: unknown): value is Quantity {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[quantityMarker] === true
  );
}

/**
 * A parsed quantity that prints as `text`, because upstream's parser keeps the input
 * string when it judges it canonical. Internal to the quantity module.
 */
export function createParsedQuantity(
  unscaled: bigint,
  exponent: number,
  format: QuantityFormat,
  text: string | undefined,
): Quantity {
  const quantity = new Quantity(unscaled, exponent, format);
  if (text !== undefined) {
    setParsedText(quantity, text);
  }
  return quantity;
}

import { compareScaled, scaleAwayFromZero } from "./decimal-math.js";
import { createParsedQuantity, Quantity } from "./quantity.js";
import { QuantityFormat } from "./quantity-format.js";
import { QuantityParseError } from "./quantity-parse-error.js";

const plusCode = 43;
const minusCode = 45;
const dotCode = 46;
const zeroCode = 48;
const nineCode = 57;

const maxInt64 = 9_223_372_036_854_775_807n;
const minInt64 = -9_223_372_036_854_775_808n;
// Upstream's int64 fast path holds at most 18 digits (maxInt64Factors).
const maxFastDigits = 18;
const nanoExponent = -9;

function isDigit(code: number): boolean {
  return code >= zeroCode && code <= nineCode;
}

/** The characters upstream's scanner accepts at the start of a suffix: `eEinumkKMGTP`. */
function isSuffixLetter(code: number): boolean {
  switch (code) {
    case 101: // e
    case 69: // E
    case 105: // i
    case 110: // n
    case 117: // u
    case 109: // m
    case 107: // k
    case 75: // K
    case 77: // M
    case 71: // G
    case 84: // T
    case 80: // P
      return true;
    default:
      return false;
  }
}

function decimalSIExponent(suffix: string): number | undefined {
  switch (suffix) {
    case "":
      return 0;
    case "n":
      return -9;
    case "u":
      return -6;
    case "m":
      return -3;
    case "k":
      return 3;
    case "M":
      return 6;
    case "G":
      return 9;
    case "T":
      return 12;
    case "P":
      return 15;
    case "E":
      return 18;
    default:
      return undefined;
  }
}

function binarySIExponent(suffix: string): number | undefined {
  switch (suffix) {
    case "Ki":
      return 10;
    case "Mi":
      return 20;
    case "Gi":
      return 30;
    case "Ti":
      return 40;
    case "Pi":
      return 50;
    case "Ei":
      return 60;
    default:
      return undefined;
  }
}

/**
 * The exponent of an `e<n>`/`E<n>` suffix, or undefined when `<n>` is not an int64.
 *
 * @remarks
 * Upstream parses `<n>` as an int64 and then truncates it to int32, so `1e4294967296`
 * means 1 (with the input kept as its printed form). Reproduced exactly.
 */
function decimalExponent(suffix: string): number | undefined {
  const first = suffix.charCodeAt(0);
  if (suffix.length < 2 || (first !== 101 && first !== 69)) {
    return undefined;
  }
  let start = 1;
  const signCode = suffix.charCodeAt(1);
  if (signCode === plusCode || signCode === minusCode) {
    start = 2;
  }
  if (start === suffix.length) {
    return undefined;
  }
  for (let index = start; index < suffix.length; index++) {
    if (!isDigit(suffix.charCodeAt(index))) {
      return undefined;
    }
  }
  const literal = suffix.slice(1);
  if (suffix.length - start <= 15) {
    return Number(literal) | 0;
  }
  const parsed = BigInt(literal);
  if (parsed > maxInt64 || parsed < minInt64) {
    return undefined;
  }
  return Number(BigInt.asIntN(32, parsed));
}

function describeInput(input: unknown): string {
  if (typeof input === "object" || typeof input === "function") {
    return input === null ? "null" : Object.prototype.toString.call(input);
  }
  return String(input);
}

/**
 * Recently parsed texts and their quantities. Quantities are immutable and parsing is a
 * pure function of the text, so handing out the same instance again is safe; the same
 * few texts (`100m`, `500Mi`, `110`) are parsed on every pod and node write.
 */
const parsedQuantities = new Map<string, Quantity>();
const parsedQuantitiesLimit = 1024;
const cachedTextMaxLength = 64;

/**
 * Parses a Kubernetes quantity exactly as upstream `resource.ParseQuantity` does.
 *
 * @remarks
 * Grammar: an optional sign, digits with an optional `.` (`.5` and `5.` are fine), then a
 * suffix: `n u m k M G T P E` (DecimalSI), `Ki Mi Gi Ti Pi Ei` (BinarySI) or `e<n>`/`E<n>`
 * (DecimalExponent). No whitespace. Values finer than a nano are rounded away from zero
 * to one nano; BinarySI magnitudes are capped at 2^63-1; a BinarySI value strictly between
 * 0 and 1 in magnitude becomes DecimalSI. Upstream's scanner is looser than its message
 * says: a bare sign or suffix (`-`, `k`, `Ki`) parses as zero.
 *
 * A number is a JSON number from a manifest: upstream parses its JSON spelling, which is
 * JavaScript's `String(number)` (so `1.5` is `1500m`, `1e21` is kept as `1e+21`).
 * Recently parsed texts give the same (immutable) Quantity instance again.
 *
 * @throws QuantityParseError with upstream's exact message: `FormatWrong` for empty or
 * malformed text (including NaN and Infinity), `Suffix` for an unknown suffix, `Numeric`
 * when the number part has no digits where upstream needs them (e.g. `e-20`, `Pi`).
 */
export function parseQuantity(input: string | number): Quantity {
  if (typeof input !== "string" && typeof input !== "number") {
    throw new QuantityParseError("FormatWrong", describeInput(input));
  }
  const text = typeof input === "number" ? String(input) : input;
  const cached = parsedQuantities.get(text);
  if (cached !== undefined) return cached;
  const quantity = parseQuantityText(text);
  if (text.length <= cachedTextMaxLength) {
    if (parsedQuantities.size >= parsedQuantitiesLimit) {
      // Forget the oldest entry (a Map iterates in insertion order).
      const oldest = parsedQuantities.keys().next();
      if (oldest.done !== true) parsedQuantities.delete(oldest.value);
    }
    parsedQuantities.set(text, quantity);
  }
  return quantity;
}

function parseQuantityText(text: string): Quantity {
  const end = text.length;
  if (end === 0) {
    throw new QuantityParseError("FormatWrong", text);
  }
  if (text === "0") {
    return createParsedQuantity(0n, 0, QuantityFormat.DecimalSI, text);
  }

  // Scan: [sign] [zeros] [digits] [. digits] [suffix letters] [sign] [digits]
  let position = 0;
  const firstCode = text.charCodeAt(0);
  const negative = firstCode === minusCode;
  if (negative || firstCode === plusCode) {
    position = 1;
  }
  const integerStart = position;
  while (position < end && text.charCodeAt(position) === zeroCode) {
    position++;
  }
  const significantStart = position;
  while (position < end && isDigit(text.charCodeAt(position))) {
    position++;
  }
  const integerEnd = position;
  let fractionStart = position;
  if (position < end && text.charCodeAt(position) === dotCode) {
    position++;
    fractionStart = position;
    while (position < end && isDigit(text.charCodeAt(position))) {
      position++;
    }
  }
  const fractionEnd = position;
  const suffixStart = position;
  while (position < end && isSuffixLetter(text.charCodeAt(position))) {
    position++;
  }
  if (position < end) {
    const signCode = text.charCodeAt(position);
    if (signCode === plusCode || signCode === minusCode) {
      position++;
    }
    while (position < end && isDigit(text.charCodeAt(position))) {
      position++;
    }
    if (position < end) {
      throw new QuantityParseError("FormatWrong", text);
    }
  }

  const suffix = suffixStart === end ? "" : text.slice(suffixStart);
  let format: QuantityFormat = QuantityFormat.DecimalSI;
  let exponent = decimalSIExponent(suffix);
  if (exponent === undefined) {
    exponent = binarySIExponent(suffix);
    if (exponent !== undefined) {
      format = QuantityFormat.BinarySI;
    } else {
      exponent = decimalExponent(suffix);
      if (exponent === undefined) {
        throw new QuantityParseError("Suffix", text);
      }
      format = QuantityFormat.DecimalExponent;
    }
  }

  const binary = format === QuantityFormat.BinarySI;
  // Leading zeros are not counted; an all-zero integer part counts as the one digit "0".
  const integerLength = Math.max(1, integerEnd - significantStart);
  const fractionLength = fractionEnd - fractionStart;
  let precision: number;
  let scale = 0;
  if (binary) {
    // 2^exponent has about exponent*3/10 decimal digits (exponent is a multiple of 10).
    precision = fractionLength === 0 ? maxFastDigits - 3 - integerLength - (exponent * 3) / 10 - 1 : -1;
  } else {
    scale = exponent;
    precision = maxFastDigits - (integerLength + fractionLength);
  }

  if (precision >= 0) {
    // Go's int32 arithmetic wraps; so does this.
    scale = (scale - fractionLength) | 0;
    if (scale >= nanoExponent) {
      const integerDigits = integerEnd > significantStart ? text.slice(significantStart, integerEnd) : "0";
      const shifted =
        fractionLength === 0 ? integerDigits : integerDigits + text.slice(fractionStart, fractionEnd);
      const digits = BigInt(shifted);
      // Upstream keeps the input as the printed form when it looks canonical to it.
      const keepText = binary
        ? (digits & 7n) !== 0n
        : scale % 3 === 0 && !shifted.endsWith("000") && integerEnd > significantStart;
      const magnitude = binary ? digits << BigInt(exponent) : digits;
      return createParsedQuantity(
        negative ? -magnitude : magnitude,
        scale,
        format,
        keepText ? text : undefined,
      );
    }
  }

  // Arbitrary precision path (upstream's inf.Dec): it needs at least one digit.
  if (integerEnd - integerStart + fractionLength === 0) {
    throw new QuantityParseError("Numeric", text);
  }
  const digitText =
    (integerEnd > significantStart ? text.slice(significantStart, integerEnd) : "") +
    text.slice(fractionStart, fractionEnd);
  let magnitude = digitText.length === 0 ? 0n : BigInt(digitText);
  let valueExponent: number;
  if (binary) {
    magnitude <<= BigInt(exponent);
    valueExponent = -fractionLength;
  } else {
    // inf.Dec scales are int32 and wrap like upstream's: scale = len(denom) + (-exponent).
    valueExponent = -((fractionLength + (-exponent | 0)) | 0);
  }
  if (magnitude !== 0n && valueExponent < nanoExponent) {
    // A non-zero request finer than a nano still asks for something: round up to 1n.
    magnitude = scaleAwayFromZero(magnitude, valueExponent, nanoExponent);
    valueExponent = nanoExponent;
  }
  if (binary) {
    if (compareScaled(magnitude, valueExponent, maxInt64, 0) > 0) {
      magnitude = maxInt64;
      valueExponent = 0;
    }
    if (magnitude !== 0n && compareScaled(magnitude, valueExponent, 1n, 0) < 0) {
      format = QuantityFormat.DecimalSI;
    }
  }
  return new Quantity(negative ? -magnitude : magnitude, valueExponent, format);
}

/**
 * {@link parseQuantity} for text known to be valid (tests, constants).
 *
 * @throws QuantityParseError when it is not.
 */
export function mustParseQuantity(text: string): Quantity {
  return parseQuantity(text);
}

/**
 * Parses `text` as Go's `strconv.ParseInt(text, 10, 64)` does: an optional `+` or `-`, then
 * one or more ASCII digits (leading zeros allowed, no underscores or spaces), within the
 * int64 range. Returns the value as a number when it has at most 15 significant digits (so
 * it is exact), as a bigint otherwise, and `undefined` when Go would return an error.
 *
 * The common case allocates nothing, which matters because the Gt/Lt label matchers call
 * this for every node.
 */
export function parseInt64(text: string): number | bigint | undefined {
  const length = text.length;
  let index = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 0x2b || first === 0x2d) {
    negative = first === 0x2d;
    index = 1;
  }
  if (index >= length) return undefined;
  let value = 0;
  let significantDigits = 0;
  for (let position = index; position < length; position++) {
    const digit = text.charCodeAt(position) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    if (significantDigits > 0 || digit !== 0) {
      significantDigits++;
      value = value * 10 + digit;
    }
  }
  if (significantDigits <= 15) return negative ? -value : value;
  return parseLargeInt64(text, negative, index);
}

const int64Max = (1n << 63n) - 1n;
const int64Min = -(1n << 63n);

function parseLargeInt64(text: string, negative: boolean, digitsStart: number): bigint | undefined {
  const magnitude = BigInt(text.slice(digitsStart));
  const value = negative ? -magnitude : magnitude;
  return value > int64Max || value < int64Min ? undefined : value;
}

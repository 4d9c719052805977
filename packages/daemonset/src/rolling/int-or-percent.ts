import { goQuote, KubesimError } from "@kubesim/core";

const goIntPattern = /^[+-]?[0-9]+$/;
const int64Max = 2n ** 63n - 1n;
const int64Min = -(2n ** 63n);

/** Go's `strconv.Atoi` on a 64-bit platform, with its error text. */
function atoi(text: string): number {
  if (!goIntPattern.test(text)) throw new Error(`strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`);
  const value = BigInt(text);
  if (value > int64Max || value < int64Min) {
    throw new Error(`strconv.Atoi: parsing ${goQuote(text)}: value out of range`);
  }
  return Number(value);
}

function intOrPercentValue(value: number | string): { value: number; isPercent: boolean } {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error("invalid type: neither int nor percentage");
    return { value, isPercent: false };
  }
  if (!value.endsWith("%")) throw new Error("invalid type: string is not a percentage");
  try {
    return { value: atoi(value.slice(0, -1)), isPercent: true };
  } catch (error) {
    throw new Error(`invalid value ${goQuote(value)}: ${(error as Error).message}`);
  }
}

/**
 * Upstream's `intstr.GetScaledValueFromIntOrPercent`: an int-or-string budget such as
 * `maxUnavailable` turned into a count out of `total`.
 *
 * An integer is used as it is; a string must be a percentage (`"25%"`), scaled to
 * `ceil(p * total / 100)` when `roundUp`, else `floor` (float64 arithmetic, as Go).
 *
 * @throws KubesimError with upstream's message: `nil value for IntOrString` (absent), or
 *   `invalid value for IntOrString: ` + `invalid type: string is not a percentage` /
 *   `invalid value "abc%": strconv.Atoi: parsing "abc": invalid syntax` /
 *   `invalid type: neither int nor percentage` (a number with a fraction, or another type).
 * @example
 * scaledValueFromIntOrPercent("25%", 5, true) // => 2
 * scaledValueFromIntOrPercent(3, 5, true) // => 3
 */
export function scaledValueFromIntOrPercent(
  intOrPercent: number | string | null | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (intOrPercent === null || intOrPercent === undefined)
    throw new KubesimError("nil value for IntOrString");
  let parsed: { value: number; isPercent: boolean };
  try {
    if (typeof intOrPercent !== "number" && typeof intOrPercent !== "string") {
      throw new Error("invalid type: neither int nor percentage");
    }
    parsed = intOrPercentValue(intOrPercent);
  } catch (error) {
    throw new KubesimError(`invalid value for IntOrString: ${(error as Error).message}`);
  }
  if (!parsed.isPercent) return parsed.value;
  const scaled = (parsed.value * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

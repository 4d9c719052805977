/**
 * Go's shortest `%g` rendering of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`),
 * used by `fmt.Sprint` for table cells and by go-yaml for floats.
 */

/**
 * Formats `value` like Go's `strconv.FormatFloat(value, 'g', -1, 64)`: the shortest digits
 * that read back as the same number, in exponent form when the decimal exponent is below
 * -4 or at least 6 (`1e+06`, `1.5e-07`, `123456`, `0.0001`).
 */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const sign = value < 0 ? "-" : "";
  const [mantissa = "", exponentText = "0"] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const magnitude = Math.abs(exponent);
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? "-" : "+"}${magnitude < 10 ? "0" : ""}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fractionPart = digits.slice(exponent + 1);
  return `${sign}${integerPart}${fractionPart === "" ? "" : `.${fractionPart}`}`;
}

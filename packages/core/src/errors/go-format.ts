/**
 * Helpers that render values the way Go's fmt package does, so messages built from
 * them match the ones the Kubernetes API server writes byte for byte.
 */

/**
 * Quotes a string as Go's `%q` (strconv.Quote) does.
 *
 * @example
 * goQuote('say "hi"\n') // => "\"say \\\"hi\\\"\\n\""
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    switch (character) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\u0007":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (code < 0x20 || code === 0x7f) {
      out += `\\x${code.toString(16).padStart(2, "0")}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate is not valid UTF-8: Go prints the replacement character.
      out += "\\ufffd";
    } else if (!isGoPrintable(code)) {
      out +=
        code > 0xffff
          ? `\\U${code.toString(16).padStart(8, "0")}`
          : `\\u${code.toString(16).padStart(4, "0")}`;
    } else {
      out += character;
    }
  }
  return `${out}"`;
}

function isGoPrintable(code: number): boolean {
  if (code >= 0x80 && code < 0xa0) return false;
  if (code === 0xad) return false;
  if (code >= 0x2028 && code <= 0x2029) return false;
  if (code === 0xfeff || code === 0xfffe || code === 0xffff) return false;
  return !/\p{Cc}|\p{Cs}|\p{Co}|\p{Cn}|\p{Zl}|\p{Zp}/u.test(String.fromCodePoint(code));
}

/**
 * A value that already knows its Go `%#v` rendering, such as a
 * `map[string]string{...}` or an `intstr.IntOrString{...}`.
 */
export class GoValue {
  /**
   * @param rendered - the exact text Go's `%#v` (or a `String()` method) prints.
   * @param value - the JavaScript value it stands for.
   */
  constructor(
    readonly rendered: string,
    readonly value: unknown,
  ) {}

  toString(): string {
    return this.rendered;
  }
}

/**
 * Renders a label map as Go's `%#v` of `map[string]string` does (keys sorted);
 * `undefined`/`null` renders as `map[string]string(nil)`.
 */
export function goStringMap(map: Readonly<Record<string, string>> | null | undefined): GoValue {
  if (map === null || map === undefined) return new GoValue("map[string]string(nil)", map);
  const entries = Object.keys(map)
    .sort()
    .map((key) => `${goQuote(key)}:${goQuote(String(map[key]))}`);
  return new GoValue(`map[string]string{${entries.join(", ")}}`, map);
}

/**
 * Renders an int-or-string value as Go's `%#v` of `intstr.IntOrString` does:
 * `intstr.IntOrString{Type:0, IntVal:1, StrVal:""}` for integers and
 * `intstr.IntOrString{Type:1, IntVal:0, StrVal:"50%"}` for strings.
 */
export function goIntOrString(value: number | string): GoValue {
  if (typeof value === "number") {
    return new GoValue(`intstr.IntOrString{Type:0, IntVal:${Math.trunc(value)}, StrVal:""}`, value);
  }
  return new GoValue(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`, value);
}

/**
 * Renders a string slice as Go's `%#v` of `[]string` does: `[]string{"a", "b"}`,
 * `[]string(nil)` for nil.
 */
export function goStringSlice(values: readonly string[] | null | undefined): GoValue {
  if (values === null || values === undefined) return new GoValue("[]string(nil)", values);
  return new GoValue(`[]string{${values.map(goQuote).join(", ")}}`, values);
}

/** Formats a JavaScript number as Go's `%v` formats an int64 or float64. */
export function goNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 21) {
    const [mantissa, power = "0"] = value.toExponential().split("e");
    const powerNumber = Number(power);
    const sign = powerNumber < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(powerNumber)).padStart(2, "0")}`;
  }
  return String(value);
}

/**
 * How sigs.k8s.io/yaml hands scalars to go-yaml: it marshals to JSON and reads the JSON
 * back, so numbers come back as Go int64/uint64/float64 and strings ask for plain style
 * unless they would read as another type (then double-quoted) or hold a newline (literal).
 */
import { formatGoFloat } from "./go-float.js";
import { needsQuotes } from "./yaml-plain-resolution.js";

/** The style the encoder asks for; the emitter may still fall back to a quoted style. */
export type RequestedScalarStyle = "plain" | "double" | "literal";

const integerText = /^-?\d+$/;
const int64Min = -(1n << 63n);
const int64Max = (1n << 63n) - 1n;
const uint64Max = (1n << 64n) - 1n;

/** The style go-yaml's encoder requests for a string. */
export function requestedStringStyle(text: string): RequestedScalarStyle {
  if (text.includes("\n")) return "literal";
  return needsQuotes(text) ? "double" : "plain";
}

/**
 * A JSON number as go-yaml prints it after reading the JSON text back: integers that fit
 * int64 or uint64 as they are, anything else as a float in Go's shortest `%g` form.
 */
export function numberText(value: number): string {
  if (Number.isSafeInteger(value)) return String(value === 0 ? 0 : value);
  const text = JSON.stringify(value);
  if (integerText.test(text)) {
    const integer = BigInt(text);
    if (integer >= int64Min && integer <= int64Max) return integer.toString();
    if (integer > 0n && integer <= uint64Max) return text;
  }
  return formatGoFloat(value);
}

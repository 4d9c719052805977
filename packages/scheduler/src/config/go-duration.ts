import { goQuote } from "@kubesim/core";

const nanosecondsPerUnit: ReadonlyMap<string, bigint> = new Map([
  ["ns", 1n],
  ["us", 1_000n],
  ["µs", 1_000n], // U+00B5 micro sign
  ["μs", 1_000n], // U+03BC Greek mu
  ["ms", 1_000_000n],
  ["s", 1_000_000_000n],
  ["m", 60_000_000_000n],
  ["h", 3_600_000_000_000n],
]);
const maxDuration = (1n << 63n) - 1n;
const digitPattern = /^[0-9]*/;

function isDigitOrDot(character: string | undefined): boolean {
  return character === "." || (character !== undefined && character >= "0" && character <= "9");
}

/** A Go duration that did not parse; the message is Go's `time.ParseDuration` error. */
export class GoDurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoDurationError";
  }
}

/**
 * Parses a Go duration string (`"1h2m3.5s"`, `"300ms"`, `"-1.5h"`, `"0"`) into nanoseconds,
 * as Go's `time.ParseDuration`, with its error messages (`time: invalid duration "x"`,
 * `time: missing unit in duration "1"`, `time: unknown unit "d" in duration "1d"`).
 */
export function parseGoDurationNanoseconds(text: string): bigint {
  const invalid = () => new GoDurationError(`time: invalid duration ${goQuote(text)}`);
  let rest = text;
  let negative = false;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    negative = rest.startsWith("-");
    rest = rest.slice(1);
  }
  if (rest === "0") return 0n;
  if (rest === "") throw invalid();
  let total = 0n;
  while (rest !== "") {
    if (!isDigitOrDot(rest[0])) throw invalid();
    const whole = digitPattern.exec(rest)?.[0] ?? "";
    rest = rest.slice(whole.length);
    let fraction = "";
    let hasFraction = false;
    if (rest.startsWith(".")) {
      rest = rest.slice(1);
      fraction = digitPattern.exec(rest)?.[0] ?? "";
      rest = rest.slice(fraction.length);
      hasFraction = fraction.length > 0;
    }
    if (whole === "" && !hasFraction) throw invalid();
    let unitLength = 0;
    while (unitLength < rest.length && !isDigitOrDot(rest[unitLength])) unitLength++;
    if (unitLength === 0) throw new GoDurationError(`time: missing unit in duration ${goQuote(text)}`);
    const unitName = rest.slice(0, unitLength);
    rest = rest.slice(unitLength);
    const unit = nanosecondsPerUnit.get(unitName);
    if (unit === undefined) {
      throw new GoDurationError(`time: unknown unit ${goQuote(unitName)} in duration ${goQuote(text)}`);
    }
    let value = BigInt(whole === "" ? "0" : whole) * unit;
    if (hasFraction) {
      // Go scales the fraction in floating point; digits past nanoseconds are dropped.
      value += BigInt(Math.trunc(Number(`0.${fraction}`) * Number(unit)));
    }
    total += value;
    if (total > maxDuration) throw invalid();
  }
  return negative ? -total : total;
}

function fraction(value: bigint, digits: number): { text: string; rest: bigint } {
  let text = "";
  let remaining = value;
  let printing = false;
  for (let index = 0; index < digits; index++) {
    const digit = remaining % 10n;
    printing = printing || digit !== 0n;
    if (printing) text = `${digit}${text}`;
    remaining /= 10n;
  }
  return { text: text === "" ? "" : `.${text}`, rest: remaining };
}

/** Formats nanoseconds as Go's `time.Duration.String()`: `1h0m0s`, `1m30s`, `1.5s`, `500ms`, `0s`. */
export function formatGoDurationNanoseconds(nanoseconds: bigint): string {
  const negative = nanoseconds < 0n;
  const value = negative ? -nanoseconds : nanoseconds;
  const sign = negative ? "-" : "";
  if (value === 0n) return "0s";
  if (value < 1_000_000_000n) {
    if (value < 1_000n) return `${sign}${value}ns`;
    if (value < 1_000_000n) {
      const micro = fraction(value, 3);
      return `${sign}${micro.rest}${micro.text}µs`;
    }
    const milli = fraction(value, 6);
    return `${sign}${milli.rest}${milli.text}ms`;
  }
  const seconds = fraction(value, 9);
  let text = `${seconds.rest % 60n}${seconds.text}s`;
  const minutes = seconds.rest / 60n;
  if (minutes > 0n) {
    text = `${minutes % 60n}m${text}`;
    const hours = minutes / 60n;
    if (hours > 0n) text = `${hours}h${text}`;
  }
  return sign + text;
}

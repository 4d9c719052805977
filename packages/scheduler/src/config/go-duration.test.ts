import { describe, expect, it } from "vitest";
import { formatGoDurationNanoseconds, parseGoDurationNanoseconds } from "./go-duration.js";

describe("parseGoDurationNanoseconds", () => {
  it.each([
    { text: "0", expected: 0n },
    { text: "15s", expected: 15_000_000_000n },
    { text: "1h2m3.5s", expected: 3_723_500_000_000n },
    { text: "300ms", expected: 300_000_000n },
    { text: "1.5us", expected: 1_500n },
    { text: "2µs", expected: 2_000n },
    { text: "-1.5h", expected: -5_400_000_000_000n },
    { text: "+10ns", expected: 10n },
    { text: ".5s", expected: 500_000_000n },
  ])("reads $text", ({ text, expected }) => {
    expect(parseGoDurationNanoseconds(text)).toBe(expected);
  });

  it.each([
    { text: "", message: 'time: invalid duration ""' },
    { text: "abc", message: 'time: invalid duration "abc"' },
    { text: "1", message: 'time: missing unit in duration "1"' },
    { text: "1d", message: 'time: unknown unit "d" in duration "1d"' },
    { text: ".s", message: 'time: invalid duration ".s"' },
    { text: "9999999999h", message: 'time: invalid duration "9999999999h"' },
  ])("rejects $text", ({ text, message }) => {
    expect(() => parseGoDurationNanoseconds(text)).toThrow(message);
  });
});

describe("formatGoDurationNanoseconds", () => {
  it.each([
    { nanoseconds: 0n, expected: "0s" },
    { nanoseconds: 15_000_000_000n, expected: "15s" },
    { nanoseconds: 90_000_000_000n, expected: "1m30s" },
    { nanoseconds: 3_600_000_000_000n, expected: "1h0m0s" },
    { nanoseconds: 1_500_000_000n, expected: "1.5s" },
    { nanoseconds: 500_000_000n, expected: "500ms" },
    { nanoseconds: 1_500n, expected: "1.5µs" },
    { nanoseconds: 7n, expected: "7ns" },
    { nanoseconds: -1_000_000_000n, expected: "-1s" },
  ])("prints $nanoseconds ns as $expected", ({ nanoseconds, expected }) => {
    expect(formatGoDurationNanoseconds(nanoseconds)).toBe(expected);
  });
});

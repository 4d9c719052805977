import { describe, expect, it } from "vitest";
import {
  collectCommaSeparated,
  invalidFlagError,
  parseGoBool,
  parseGoDuration,
  parseGoInt,
} from "./flag-values.js";

describe("flag values", () => {
  it.each([
    { text: "0", milliseconds: 0 },
    { text: "30s", milliseconds: 30_000 },
    { text: "1m30s", milliseconds: 90_000 },
    { text: "1.5h", milliseconds: 5_400_000 },
    { text: "250ms", milliseconds: 250 },
    { text: "-2s", milliseconds: -2000 },
  ])("parses the Go duration $text", ({ text, milliseconds }) => {
    expect(parseGoDuration(text)).toBe(milliseconds);
  });

  it.each([
    { text: "5", message: 'time: missing unit in duration "5"' },
    { text: "5y", message: 'time: unknown unit "y" in duration "5y"' },
    { text: "soon", message: 'time: invalid duration "soon"' },
    { text: "", message: 'time: invalid duration ""' },
  ])("refuses the duration $text with Go's message", ({ text, message }) => {
    expect(() => parseGoDuration(text)).toThrow(message);
  });

  it("parses ints and refuses other text as strconv does", () => {
    expect(parseGoInt("-1")).toBe(-1);
    expect(() => parseGoInt("1.5")).toThrow('strconv.ParseInt: parsing "1.5": invalid syntax');
  });

  it.each([
    { text: "true", value: true },
    { text: "F", value: false },
    { text: "yes", value: undefined },
  ])("parses $text as a Go bool", ({ text, value }) => {
    expect(parseGoBool(text)).toBe(value);
  });

  it("formats an invalid flag value as kubectl does", () => {
    expect(
      invalidFlagError("drain", "--timeout", "soon", new Error('time: invalid duration "soon"')).message,
    ).toBe(
      'invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee \'kubesim drain --help\' for usage.',
    );
  });

  it("collects repeated and comma-separated -f values in order", () => {
    expect(collectCommaSeparated("c.yaml", collectCommaSeparated("a.yaml,b.yaml"))).toEqual([
      "a.yaml",
      "b.yaml",
      "c.yaml",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { parseClusterDuration } from "./parse-duration.js";

describe("parseClusterDuration", () => {
  it.each([
    { name: "a number is taken as milliseconds", input: 1500 as string | number, expected: 1500 },
    { name: "seconds are read", input: "90s", expected: 90_000 },
    { name: "minutes are read", input: "5m", expected: 300_000 },
    { name: "combined parts are added up", input: "1m30s", expected: 90_000 },
    { name: "milliseconds are read", input: "250ms", expected: 250 },
    { name: "hours with a fraction are read", input: "1.5h", expected: 5_400_000 },
  ])("$name", ({ input, expected }) => {
    expect(parseClusterDuration(input)).toBe(expected);
  });

  it.each([
    {
      name: "text without a unit is rejected",
      input: "90" as string | number,
      message: 'invalid duration "90": expected milliseconds or text such as "90s", "5m" or "1m30s"',
    },
    {
      name: "a negative number is rejected",
      input: -1,
      message: "invalid duration -1: must be a finite number of milliseconds >= 0",
    },
    {
      name: "an unknown unit is rejected",
      input: "3d",
      message: 'invalid duration "3d": expected milliseconds or text such as "90s", "5m" or "1m30s"',
    },
  ])("$name", ({ input, message }) => {
    expect(() => parseClusterDuration(input)).toThrow(message);
  });
});

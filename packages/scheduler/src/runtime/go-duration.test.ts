import { describe, expect, it } from "vitest";
import { goDurationString } from "./go-duration.js";

describe("goDurationString", () => {
  it.each([
    { name: "prints zero as 0s", ms: 0, expected: "0s" },
    { name: "prints sub-second durations in ms", ms: 500, expected: "500ms" },
    { name: "prints fractional seconds without trailing zeros", ms: 1500, expected: "1.5s" },
    { name: "prints whole seconds", ms: 10_000, expected: "10s" },
    { name: "prints minutes and seconds", ms: 90_000, expected: "1m30s" },
    { name: "keeps 0s after whole minutes", ms: 900_000, expected: "15m0s" },
    { name: "prints hours with minutes and seconds", ms: 7_200_000, expected: "2h0m0s" },
  ])("$name", ({ ms, expected }) => {
    expect(goDurationString(ms)).toBe(expected);
  });
});

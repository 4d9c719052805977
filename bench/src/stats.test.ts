import { describe, expect, it } from "vitest";
import { percentile, round } from "./stats.js";

describe("percentile", () => {
  it.each([
    { name: "the median of an odd count is the middle value", values: [5, 1, 3], quantile: 0.5, expected: 3 },
    {
      name: "the median of an even count is the lower middle value",
      values: [4, 1, 3, 2],
      quantile: 0.5,
      expected: 2,
    },
    {
      name: "p99 of a hundred values is the 99th smallest",
      values: Array.from({ length: 100 }, (_, index) => 100 - index),
      quantile: 0.99,
      expected: 99,
    },
    {
      name: "p99 of ten values is the largest",
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      quantile: 0.99,
      expected: 10,
    },
    { name: "a single value is every percentile", values: [7], quantile: 0.01, expected: 7 },
    {
      name: "values are ordered numerically, not as strings",
      values: [10, 9, 100],
      quantile: 0.5,
      expected: 10,
    },
    { name: "no values give null", values: [], quantile: 0.5, expected: null },
  ])("$name", ({ values, quantile, expected }) => {
    expect(percentile(values, quantile)).toBe(expected);
  });
});

describe("round", () => {
  it.each([
    { name: "rounds to two decimals", value: 1.23456, digits: 2, expected: 1.23 },
    { name: "rounds halves up", value: 2.5, digits: 0, expected: 3 },
    { name: "keeps integers", value: 42, digits: 1, expected: 42 },
  ])("$name", ({ value, digits, expected }) => {
    expect(round(value, digits)).toBe(expected);
  });
});

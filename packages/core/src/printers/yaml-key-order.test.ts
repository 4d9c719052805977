import { describe, expect, it } from "vitest";
import { sortYamlKeys } from "./yaml-key-order.js";

describe("isYamlKeyLess", () => {
  it.each([
    { name: "digit runs compare as numbers", keys: ["a10", "a2", "a1"], expected: ["a1", "a2", "a10"] },
    {
      name: "non-letters sort before letters",
      keys: ["ab", "a_b", "a-b", "a.b"],
      expected: ["a-b", "a.b", "a_b", "ab"],
    },
    {
      name: "upper case letters sort before lower case ones",
      keys: ["a", "B", "A", "b"],
      expected: ["A", "B", "a", "b"],
    },
    {
      name: "a leading zero makes a number sort after the same value without it",
      keys: ["a01", "a1", "a001"],
      expected: ["a1", "a01", "a001"],
    },
    { name: "a shorter prefix sorts first", keys: ["abc", "ab"], expected: ["ab", "abc"] },
    {
      name: "numbers overflowing int64 wrap around as in Go",
      keys: ["10", "12345678901234567890"],
      expected: ["12345678901234567890", "10"],
    },
  ])("$name", ({ keys, expected }) => {
    expect(sortYamlKeys(keys)).toEqual(expected);
  });
});

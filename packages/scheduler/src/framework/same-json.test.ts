import { describe, expect, it } from "vitest";
import { sameJson } from "./same-json.js";

describe("sameJson", () => {
  it.each([
    { name: "equal primitives", left: "a", right: "a", expected: true },
    { name: "different primitives", left: 1, right: "1", expected: false },
    { name: "NaN, which JSON writes as null", left: Number.NaN, right: Number.NaN, expected: false },
    {
      name: "objects with keys in another order",
      left: { a: 1, b: [2] },
      right: { b: [2], a: 1 },
      expected: true,
    },
    { name: "an extra key", left: { a: 1 }, right: { a: 1, b: 2 }, expected: false },
    {
      name: "an undefined member, which JSON drops",
      left: { a: undefined },
      right: { a: undefined },
      expected: false,
    },
    { name: "arrays in another order", left: [1, 2], right: [2, 1], expected: false },
    { name: "arrays of different length", left: [1], right: [1, 1], expected: false },
    { name: "an array and an object", left: [], right: {}, expected: false },
    { name: "nested equal values", left: { a: [{ b: null }] }, right: { a: [{ b: null }] }, expected: true },
    {
      name: "class instances, which JSON may write differently",
      left: new Date(0),
      right: new Date(1),
      expected: false,
    },
    { name: "null and an object", left: null, right: {}, expected: false },
    { name: "both undefined", left: undefined, right: undefined, expected: true },
  ])("$name: $expected", ({ left, right, expected }) => {
    expect(sameJson(left, right)).toBe(expected);
    expect(sameJson(right, left)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { createSortValueLess, UnsortableValueError } from "./sort-value-less.js";

describe("createSortValueLess", () => {
  it.each([
    { name: "smaller integers first", left: 2, right: 10, less: true },
    { name: "floats by value", left: 2.5, right: 1.5, less: false },
    { name: "quantities by amount, not by text", left: "500m", right: "2", less: true },
    { name: "numbers written as strings by amount", left: "9", right: "10", less: true },
    { name: "strings that are not quantities byte-wise", left: "node-2", right: "node-10", less: false },
    { name: "a quantity against a plain string byte-wise", left: "10", right: "a", less: true },
    { name: "null before a value", left: null, right: "a", less: true },
    { name: "a value after null", left: "a", right: null, less: false },
    { name: "two nulls as equal", left: null, right: null, less: false },
  ])("orders $name", ({ left, right, less }) => {
    expect(createSortValueLess()(left, right)).toBe(less);
  });

  it.each([
    { name: "an integer and a string", left: 1, right: "1", message: "unsortable interface: interface" },
    { name: "an integer and a float", left: 1, right: 1.5, message: "unsortable interface: interface" },
    { name: "booleans", left: true, right: false, message: "unsortable type: bool" },
    { name: "maps", left: { a: "b" }, right: {}, message: "unsortable type: map[string]interface {}" },
    { name: "slices", left: [1], right: [2], message: "unsortable type: []interface {}" },
  ])("refuses $name with kubectl's error", ({ left, right, message }) => {
    expect(() => createSortValueLess()(left, right)).toThrowError(new UnsortableValueError(message));
  });
});

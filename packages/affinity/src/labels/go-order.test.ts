import { compareGoStrings, sortedGoStrings } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { goSort } from "./go-order.js";

describe("compareGoStrings", () => {
  const cases: Array<{ name: string; left: string; right: string; sign: number }> = [
    { name: "equal strings compare equal", left: "abc", right: "abc", sign: 0 },
    { name: "a prefix sorts first", left: "ab", right: "abc", sign: -1 },
    { name: "upper case sorts before lower case", left: "Z", right: "a", sign: -1 },
    {
      name: "an astral character sorts after U+FFFF as in UTF-8",
      left: "\u{1f600}",
      right: "\uffff",
      sign: 1,
    },
    { name: "U+E000 sorts before an astral character", left: "\ue000", right: "\u{10000}", sign: -1 },
    { name: "astral characters compare by code point", left: "\u{1f600}", right: "\u{1f601}", sign: -1 },
  ];
  it.each(cases)("$name", ({ left, right, sign }) => {
    expect(Math.sign(compareGoStrings(left, right))).toBe(sign);
    expect(Math.sign(compareGoStrings(right, left))).toBe(sign === 0 ? 0 : -sign);
  });

  it("orders any strings as their UTF-8 bytes do", () => {
    const bytes = (text: string) => [...Buffer.from(text, "utf8")];
    const byteOrder = (left: string, right: string) => {
      const a = bytes(left);
      const b = bytes(right);
      for (let index = 0; index < Math.min(a.length, b.length); index++) {
        if (a[index] !== b[index]) return Math.sign((a[index] ?? 0) - (b[index] ?? 0));
      }
      return Math.sign(a.length - b.length);
    };
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (left, right) => {
        expect(Math.sign(compareGoStrings(left, right))).toBe(byteOrder(left, right));
      }),
    );
  });

  it("sorts string arrays in Go order", () => {
    expect(sortedGoStrings(["b", "\u{1f600}", "\uffff", "a"])).toEqual(["a", "b", "\uffff", "\u{1f600}"]);
  });
});

describe("goSort", () => {
  const byValue = (left: { value: number }, right: { value: number }) => left.value < right.value;

  it("sorts any array into a non-decreasing permutation of it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (numbers) => {
        const items = numbers.map((value, index) => ({ value, index }));
        goSort(items, byValue);
        expect(items.map((item) => item.value)).toEqual([...numbers].sort((a, b) => a - b));
        expect(items.map((item) => item.index).sort((a, b) => a - b)).toEqual(
          numbers.map((_, index) => index),
        );
      }),
    );
  });

  const shapes: Array<{ name: string; values: number[] }> = [
    { name: "an ascending run of 100", values: Array.from({ length: 100 }, (_, index) => index) },
    { name: "a descending run of 100", values: Array.from({ length: 100 }, (_, index) => 100 - index) },
    {
      name: "an organ pipe of 200",
      values: Array.from({ length: 200 }, (_, index) => Math.min(index, 200 - index)),
    },
    { name: "all equal values", values: Array.from({ length: 64 }, () => 7) },
    { name: "a sawtooth of 500", values: Array.from({ length: 500 }, (_, index) => index % 17) },
  ];
  it.each(shapes)("sorts $name", ({ values }) => {
    const items = values.map((value, index) => ({ value, index }));
    goSort(items, byValue);
    expect(items.map((item) => item.value)).toEqual([...values].sort((a, b) => a - b));
  });

  it("keeps the input order of equal elements for at most twelve elements (insertion sort)", () => {
    const items = [3, 1, 3, 1, 2, 3, 1, 2, 2, 3, 1, 2].map((value, index) => ({ value, index }));
    goSort(items, byValue);
    expect(items.map((item) => item.index)).toEqual([1, 3, 6, 10, 4, 7, 8, 11, 0, 2, 5, 9]);
  });

  it("is deterministic for longer inputs", () => {
    const make = () => Array.from({ length: 40 }, (_, index) => ({ value: (index * 7) % 5, index }));
    const first = make();
    const second = make();
    goSort(first, byValue);
    goSort(second, byValue);
    expect(first.map((item) => item.index)).toEqual(second.map((item) => item.index));
  });
});

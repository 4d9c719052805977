import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { goSorted } from "./go-sort.js";

interface Item {
  readonly key: number;
  readonly position: number;
}

function items(keys: readonly number[]): Item[] {
  return keys.map((key, position) => ({ key, position }));
}

describe("goSorted", () => {
  it("orders any input by its keys and keeps every element", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 400 }), (keys) => {
        const sorted = goSorted(items(keys), (left, right) => left.key < right.key);
        expect(sorted.map((item) => item.key)).toEqual([...keys].sort((left, right) => left - right));
        expect(sorted.map((item) => item.position).sort((left, right) => left - right)).toEqual(
          keys.map((_, index) => index),
        );
      }),
    );
  });

  it("keeps equal elements in input order up to twelve elements (insertion sort)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }), (keys) => {
        const sorted = goSorted(items(keys), (left, right) => left.key < right.key);
        const stable = items(keys).sort(
          (left, right) => left.key - right.key || left.position - right.position,
        );
        expect(sorted).toEqual(stable);
      }),
    );
  });

  it("sorts reversed, sorted and constant runs longer than the insertion threshold", () => {
    const length = 300;
    const reversed = Array.from({ length }, (_, index) => length - index);
    const constant = Array.from({ length }, () => 7);
    for (const keys of [reversed, [...reversed].reverse(), constant]) {
      const sorted = goSorted(items(keys), (left, right) => left.key < right.key);
      expect(sorted.map((item) => item.key)).toEqual([...keys].sort((left, right) => left - right));
    }
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyedHeap } from "./keyed-heap.js";

interface Item {
  readonly key: string;
  readonly rank: number;
}

function heapOf(items: readonly Item[]): KeyedHeap<Item> {
  const heap = new KeyedHeap<Item>(
    (item) => item.key,
    (first, second) => first.rank < second.rank,
  );
  for (const item of items) heap.addOrUpdate(item);
  return heap;
}

function drain(heap: KeyedHeap<Item>): string[] {
  const keys: string[] = [];
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) keys.push(item.key);
  return keys;
}

describe("KeyedHeap", () => {
  it.each([
    {
      name: "items leave lowest rank first",
      items: [
        { key: "c", rank: 3 },
        { key: "a", rank: 1 },
        { key: "b", rank: 2 },
      ],
      expected: ["a", "b", "c"],
    },
    {
      name: "items of equal rank leave in insertion order",
      items: [
        { key: "x", rank: 1 },
        { key: "y", rank: 1 },
        { key: "z", rank: 1 },
        { key: "w", rank: 0 },
      ],
      expected: ["w", "x", "y", "z"],
    },
  ])("$name", ({ items, expected }) => {
    expect(drain(heapOf(items))).toEqual(expected);
  });

  it("moves an updated item to its new place and keeps its tie order", () => {
    const heap = heapOf([
      { key: "a", rank: 1 },
      { key: "b", rank: 2 },
      { key: "c", rank: 2 },
    ]);
    heap.addOrUpdate({ key: "a", rank: 2 });
    expect(heap.size).toBe(3);
    expect(heap.sortedValues().map((item) => item.key)).toEqual(["a", "b", "c"]);
    heap.addOrUpdate({ key: "c", rank: 0 });
    expect(drain(heap)).toEqual(["c", "a", "b"]);
  });

  it("deletes by key and reports what it removed", () => {
    const heap = heapOf([
      { key: "a", rank: 1 },
      { key: "b", rank: 2 },
      { key: "c", rank: 3 },
    ]);
    expect(heap.delete("b")).toEqual({ key: "b", rank: 2 });
    expect(heap.delete("b")).toBeUndefined();
    expect(heap.has("b")).toBe(false);
    expect(heap.get("c")).toEqual({ key: "c", rank: 3 });
    expect(drain(heap)).toEqual(["a", "c"]);
  });

  it("always pops in (rank, insertion) order whatever the operations", () => {
    const operation = fc.oneof(
      fc.record({
        kind: fc.constant("add" as const),
        key: fc.integer({ min: 0, max: 20 }),
        rank: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({ kind: fc.constant("delete" as const), key: fc.integer({ min: 0, max: 20 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 80 }), (operations) => {
        const heap = new KeyedHeap<Item>(
          (item) => item.key,
          (first, second) => first.rank < second.rank,
        );
        // Reference model: key -> [rank, first insertion index].
        const model = new Map<string, { rank: number; order: number }>();
        let order = 0;
        for (const step of operations) {
          const key = String(step.key);
          if (step.kind === "add") {
            heap.addOrUpdate({ key, rank: step.rank });
            const existing = model.get(key);
            model.set(key, { rank: step.rank, order: existing?.order ?? order++ });
          } else {
            heap.delete(key);
            model.delete(key);
          }
        }
        const expected = [...model.entries()]
          .sort(([, first], [, second]) => first.rank - second.rank || first.order - second.order)
          .map(([key]) => key);
        expect(drain(heap)).toEqual(expected);
      }),
    );
  });
});

import { compareGoStrings, type Node } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NodeOrder, NodeSubset, SortedNodeNames } from "./node-order.js";
import { ObjectCache } from "./object-cache.js";

const pool = Array.from({ length: 40 }, (_, index) => `node-${index}`);
const unlistedPool = ["gone-b", "gone-a"];

describe("NodeSubset", () => {
  it("hands out the same first members as sorting the whole set, whatever was added and removed", () => {
    const operations = fc.array(
      fc.oneof(
        fc.record({ add: fc.constantFrom(...pool, ...unlistedPool) }),
        fc.record({ remove: fc.constantFrom(...pool, ...unlistedPool) }),
        fc.record({ first: fc.constantFrom(0, 1, 3, 10, Number.POSITIVE_INFINITY) }),
      ),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: pool.length }), operations, (listedCount, steps) => {
        const listed = pool.slice(0, listedCount).sort(compareGoStrings);
        const order = new NodeOrder(listed);
        const subset = new NodeSubset();
        subset.reorder(order);
        const model = new Set<string>();
        for (const step of steps) {
          if ("add" in step) {
            subset.add(step.add);
            model.add(step.add);
          } else if ("remove" in step) {
            subset.delete(step.remove);
            model.delete(step.remove);
          } else {
            const inList = listed.filter((name) => model.has(name));
            const outside = [...model].filter((name) => !listed.includes(name)).sort(compareGoStrings);
            expect(subset.first(step.first)).toEqual([...inList, ...outside].slice(0, step.first));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("starts its reading position over when the node list changes", () => {
    const subset = new NodeSubset();
    subset.reorder(new NodeOrder(["a", "b", "c", "d", "e", "f", "g", "h", "i"]));
    for (const name of ["a", "b", "c", "d", "e", "f", "g", "h", "i"]) subset.add(name);
    subset.delete("a");
    subset.delete("b");
    expect(subset.first(1)).toEqual(["c"]);
    subset.reorder(new NodeOrder(["0", "c", "d", "e", "f", "g", "h", "i"]));
    subset.add("0");
    expect(subset.first(2)).toEqual(["0", "c"]);
  });
});

describe("SortedNodeNames", () => {
  it("sorts in Go string order and keeps the same version until invalidated", () => {
    const cache = new ObjectCache<Node>();
    for (const name of ["node-10", "Node-2", "node-2"])
      cache.upsert({ metadata: { name, resourceVersion: "1" } });
    const names = new SortedNodeNames(cache);
    const first = names.order();
    expect(first.names).toEqual(["Node-2", "node-10", "node-2"]);
    expect(first.position("node-2")).toBe(2);
    expect(first.position("missing")).toBeUndefined();
    expect(names.order()).toBe(first);
    cache.upsert({ metadata: { name: "a", resourceVersion: "2" } });
    names.invalidate();
    expect(names.order().names).toEqual(["Node-2", "a", "node-10", "node-2"]);
  });
});

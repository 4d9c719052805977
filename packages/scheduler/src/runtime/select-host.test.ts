import { createRandom } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectHost, selectHostIndex } from "./select-host.js";

describe("selectHost", () => {
  it("picks the node with the highest total score", () => {
    const scores = [
      { name: "a", totalScore: 10 },
      { name: "b", totalScore: 30 },
      { name: "c", totalScore: 20 },
    ];
    expect(selectHost(scores, createRandom(1))).toBe("b");
  });

  it("throws empty priorityList for no nodes", () => {
    expect(() => selectHost([], createRandom(1))).toThrow("empty priorityList");
  });

  it("draws one random number per tie after the first and none without ties", () => {
    let draws = 0;
    const random = createRandom(7);
    const counting = {
      ...random,
      nextInt: (bound: number) => {
        draws++;
        return random.nextInt(bound);
      },
    };
    selectHost(
      [
        { name: "a", totalScore: 5 },
        { name: "b", totalScore: 9 },
        { name: "c", totalScore: 9 },
        { name: "d", totalScore: 9 },
      ],
      counting,
    );
    expect(draws).toBe(2);
    draws = 0;
    selectHost(
      [
        { name: "a", totalScore: 1 },
        { name: "b", totalScore: 2 },
      ],
      counting,
    );
    expect(draws).toBe(0);
  });

  it("spreads ties over every top node and repeats the same choices for the same seed", () => {
    const scores = ["a", "b", "c", "d"].map((name) => ({ name, totalScore: 50 }));
    const run = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 400 }, () => selectHost(scores, random));
    };
    const first = run(42);
    expect(run(42)).toEqual(first);
    const counts = new Map<string, number>();
    for (const name of first) counts.set(name, (counts.get(name) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(["a", "b", "c", "d"]);
    for (const count of counts.values()) expect(count).toBeGreaterThan(60);
  });
});

describe("selectHostIndex", () => {
  it("throws empty priorityList for no nodes", () => {
    expect(() => selectHostIndex(new Float64Array(0), 0, createRandom(1))).toThrow("empty priorityList");
  });

  it("chooses the node selectHost chooses and leaves the random source in the same state", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (totals, seed) => {
          const scores = totals.map((totalScore, index) => ({ name: `node-${index}`, totalScore }));
          const byObjects = createRandom(seed);
          const byIndex = createRandom(seed);
          const index = selectHostIndex(Float64Array.from(totals), totals.length, byIndex);
          expect(`node-${index}`).toBe(selectHost(scores, byObjects));
          expect(byIndex.nextInt(1_000_000)).toBe(byObjects.nextInt(1_000_000));
        },
      ),
    );
  });

  it("only looks at the first count totals", () => {
    expect(selectHostIndex(Float64Array.from([1, 5, 9]), 2, createRandom(3))).toBe(1);
  });
});

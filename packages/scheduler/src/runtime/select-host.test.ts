import { createRandom } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { selectHost } from "./select-host.js";

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

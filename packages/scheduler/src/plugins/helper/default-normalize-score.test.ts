import { describe, expect, it } from "vitest";
import { defaultNormalizeScore, maxNodeScore } from "./default-normalize-score.js";

// Upstream's TestDefaultNormalizeScore (pkg/scheduler/framework/plugins/helper).
const cases: ReadonlyArray<{ name: string; reverse: boolean; scores: number[]; expected: number[] }> = [
  {
    name: "scales 1..4 so the highest becomes 100",
    reverse: false,
    scores: [1, 2, 3, 4],
    expected: [25, 50, 75, 100],
  },
  {
    name: "reverses 1..4 so the highest becomes 0",
    reverse: true,
    scores: [1, 2, 3, 4],
    expected: [75, 50, 25, 0],
  },
  {
    name: "truncates the quotient as Go's integer division does",
    reverse: false,
    scores: [1000, 10, 20, 30],
    expected: [100, 1, 2, 3],
  },
  {
    name: "reverses after truncating",
    reverse: true,
    scores: [1000, 10, 20, 30],
    expected: [0, 99, 98, 97],
  },
  {
    name: "gives equal non-zero scores 100 each",
    reverse: false,
    scores: [1, 1, 1, 1],
    expected: [100, 100, 100, 100],
  },
  {
    name: "rounds small scores down to 0",
    reverse: false,
    scores: [1000, 1, 1, 1],
    expected: [100, 0, 0, 0],
  },
  { name: "reverses a zero score to 100", reverse: true, scores: [0, 1, 1, 1], expected: [100, 0, 0, 0] },
  { name: "leaves all-zero scores alone", reverse: false, scores: [0, 0], expected: [0, 0] },
  { name: "sets all-zero scores to 100 when reversed", reverse: true, scores: [0, 0], expected: [100, 100] },
];

describe("defaultNormalizeScore", () => {
  it.each(cases)("$name", ({ reverse, scores, expected }) => {
    const list = scores.map((score, index) => ({ name: `node${index}`, score }));
    expect(defaultNormalizeScore(maxNodeScore, reverse, list)).toBeUndefined();
    expect(list.map((entry) => entry.score)).toEqual(expected);
  });
});

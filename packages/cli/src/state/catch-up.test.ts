import { describe, expect, it } from "vitest";
import { maxSimulatedCatchUpMs, planCatchUp } from "./catch-up.js";

const saved = Date.parse("2026-03-01T00:00:00Z");

describe("planCatchUp", () => {
  it.each([
    { name: "No time passed: nothing to advance", now: saved, want: { startTime: saved, advanceMs: 0 } },
    {
      name: "A wall clock behind the cluster's clock never moves it back",
      now: saved - 60_000,
      want: { startTime: saved, advanceMs: 0 },
    },
    {
      name: "Five seconds later the clock advances five seconds",
      now: saved + 5_000,
      want: { startTime: saved, advanceMs: 5_000 },
    },
    {
      name: "Exactly the cap is still simulated from the saved time",
      now: saved + maxSimulatedCatchUpMs,
      want: { startTime: saved, advanceMs: maxSimulatedCatchUpMs },
    },
    {
      name: "A week later the clock jumps to ten minutes before now and simulates the rest",
      now: saved + 7 * 24 * 3_600_000,
      want: { startTime: saved + 7 * 24 * 3_600_000 - 600_000, advanceMs: 600_000 },
    },
  ])("$name", ({ now, want }) => {
    expect(planCatchUp(saved, now)).toEqual(want);
  });
});

import { describe, expect, it } from "vitest";
import { KubesimError } from "../errors/index.js";
import { RealClock } from "./real-clock.js";
import { VirtualClock } from "./virtual-clock.js";

const start = Date.parse("2026-11-29T00:00:00Z");

describe("VirtualClock", () => {
  it("starts at the given epoch milliseconds and only moves when advanced", () => {
    const clock = new VirtualClock(start);
    expect(clock.now()).toBe(start);
    clock.advance(1500);
    expect(clock.now()).toBe(start + 1500);
  });

  it("runs due timers in due-time order, ties in the order they were set, at their due time", () => {
    const clock = new VirtualClock(start);
    const seen: string[] = [];
    clock.setTimer(() => seen.push(`b@${clock.now() - start}`), 200);
    clock.setTimer(() => seen.push(`a@${clock.now() - start}`), 100);
    clock.setTimer(() => seen.push(`c@${clock.now() - start}`), 200);
    clock.setTimer(() => seen.push(`late@${clock.now() - start}`), 1000);
    expect(clock.advance(500)).toBe(3);
    expect(seen).toEqual(["a@100", "b@200", "c@200"]);
    expect(clock.now()).toBe(start + 500);
    expect(clock.nextTimerAt()).toBe(start + 1000);
  });

  it("runs timers that callbacks set when they fall due within the same advance", () => {
    const clock = new VirtualClock(start);
    const seen: number[] = [];
    clock.setTimer(() => {
      seen.push(clock.now() - start);
      clock.setTimer(() => seen.push(clock.now() - start), 50);
    }, 10);
    clock.advance(100);
    expect(seen).toEqual([10, 60]);
  });

  it("does not run a cleared timer and counts only pending ones", () => {
    const clock = new VirtualClock(start);
    let ran = false;
    const handle = clock.setTimer(() => {
      ran = true;
    }, 10);
    clock.setTimer(() => {}, 20);
    expect(clock.pendingTimers()).toBe(2);
    clock.clearTimer(handle);
    clock.clearTimer(handle);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.nextTimerAt()).toBe(start + 20);
    clock.advance(100);
    expect(ran).toBe(false);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("jumps to the next timer with runNextTimers", () => {
    const clock = new VirtualClock(start);
    clock.setTimer(() => {}, 90_000);
    expect(clock.runNextTimers()).toBe(1);
    expect(clock.now()).toBe(start + 90_000);
    expect(clock.runNextTimers()).toBe(0);
  });

  it.each([
    { name: "a negative duration", ms: -1 },
    { name: "an infinite duration", ms: Number.POSITIVE_INFINITY },
    { name: "NaN", ms: Number.NaN },
  ])("refuses to advance by $name", ({ ms }) => {
    const clock = new VirtualClock(start);
    expect(() => clock.advance(ms)).toThrowError(KubesimError);
    expect(clock.now()).toBe(start);
  });
});

describe("RealClock", () => {
  it("reads the wall clock and fires and clears timers", async () => {
    const clock = new RealClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
    let cleared = false;
    const handle = clock.setTimer(() => {
      cleared = true;
    }, 1);
    clock.clearTimer(handle);
    await new Promise<void>((resolve) => clock.setTimer(resolve, 1));
    expect(cleared).toBe(false);
  });
});

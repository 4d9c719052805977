import { VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { driveWithWallClock } from "./wall-clock-driver.js";

const start = Date.parse("2026-03-01T00:00:00Z");

function setup(frozen: boolean): {
  clock: VirtualClock;
  fired: string[];
  setWall(ms: number): void;
  sync(): void;
} {
  const clock = new VirtualClock(start);
  let wall = 1_000_000;
  const fired: string[] = [];
  clock.setTimer(() => fired.push(`now ${clock.now() - start}`), 0);
  clock.setTimer(() => fired.push(`1s ${clock.now() - start}`), 1_000);
  clock.setTimer(() => fired.push(`5s ${clock.now() - start}`), 5_000);
  // A tick far beyond the test, so only sync moves the clock.
  const driver = driveWithWallClock(clock, { frozen, wallNow: () => wall, tickMs: 3_600_000 });
  return {
    clock,
    fired,
    setWall: (ms) => {
      wall = 1_000_000 + ms;
    },
    sync: () => {
      driver.sync();
      driver.stop();
    },
  };
}

describe("driveWithWallClock", () => {
  it.each([
    {
      name: "A running clock moves by the wall time passed and runs the timers due on the way",
      frozen: false,
      wallMs: 1_500,
      now: 1_500,
      fired: ["now 0", "1s 1000"],
    },
    {
      name: "A running clock that the wall has not moved runs only the timers due now",
      frozen: false,
      wallMs: 0,
      now: 0,
      fired: ["now 0"],
    },
    {
      name: "A frozen clock stays put however much wall time passed, but runs the timers due now",
      frozen: true,
      wallMs: 60_000,
      now: 0,
      fired: ["now 0"],
    },
  ])("$name", ({ frozen, wallMs, now, fired }) => {
    const driven = setup(frozen);
    driven.setWall(wallMs);
    driven.sync();
    expect(driven.clock.now() - start).toBe(now);
    expect(driven.fired).toEqual(fired);
  });

  it("continues from where the clock stood, not from the wall clock's date", () => {
    const ahead = new VirtualClock(start + 300_000);
    let wall = 5;
    const driver = driveWithWallClock(ahead, { frozen: false, wallNow: () => wall, tickMs: 3_600_000 });
    wall = 2_005;
    driver.sync();
    driver.stop();
    expect(ahead.now()).toBe(start + 302_000);
  });

  it("moves the clock on its own every tick", async () => {
    const clock = new VirtualClock(start);
    let wall = 0;
    const driver = driveWithWallClock(clock, { frozen: false, wallNow: () => wall, tickMs: 5 });
    wall = 750;
    await new Promise((resolve) => setTimeout(resolve, 40));
    driver.stop();
    expect(clock.now()).toBe(start + 750);
  });
});

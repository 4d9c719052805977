import type { VirtualClock } from "@kubesim/core";

/** Options of {@link driveWithWallClock}. */
export interface WallClockDriverOptions {
  /**
   * True: time stays where the clock is (`KUBESIM_NOW` pins it); timers due at that instant
   * still run, so writes settle as they do in a `kubesim` command at that time.
   */
  readonly frozen: boolean;
  /** The wall clock, epoch milliseconds (default `Date.now`). */
  readonly wallNow?: () => number;
  /** How often the clock is moved on and due timers are run (default 50 ms). */
  readonly tickMs?: number;
}

/** A virtual clock moved along by the wall clock; see {@link driveWithWallClock}. */
export interface WallClockDriver {
  /** Moves the clock to the wall clock's time (relative to the start) and runs the timers due. */
  sync(): void;
  /** Stops moving the clock; `sync` still works. */
  stop(): void;
}

const defaultTickMs = 50;

/**
 * Makes a cluster's virtual clock run at wall-clock speed from wherever it stands: every
 * tick (and every {@link WallClockDriver.sync}) moves it to `start + (wall now - wall
 * start)`, running the timers that fall due on the way in order. The components react to
 * what the timers start on their own (their work queues run on microtasks), exactly as on
 * a real clock, but the cluster's time continues from its saved time even when that was
 * ahead of the wall (after `kubesim advance`), and a frozen clock keeps `KUBESIM_NOW`.
 */
export function driveWithWallClock(clock: VirtualClock, options: WallClockDriverOptions): WallClockDriver {
  const wallNow = options.wallNow ?? Date.now;
  const virtualStart = clock.now();
  const wallStart = wallNow();
  // A timer callback that reaches sync (through the served client) must not re-enter advance.
  let advancing = false;

  function sync(): void {
    if (advancing) return;
    advancing = true;
    try {
      const target = options.frozen ? virtualStart : virtualStart + (wallNow() - wallStart);
      clock.advance(Math.max(0, target - clock.now()));
    } finally {
      advancing = false;
    }
  }

  const interval = setInterval(sync, options.tickMs ?? defaultTickMs);
  interval.unref();
  return {
    sync,
    stop() {
      clearInterval(interval);
    },
  };
}

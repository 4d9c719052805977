/**
 * The most virtual time a command simulates step by step when it catches a cluster up to
 * the wall clock. Every pending timer (pod start-up, pod GC every 20 s, taint eviction after
 * `tolerationSeconds`, default 300 s) falls due well within ten minutes, so simulating more
 * only repeats idle controller loops; a cluster left alone for a week would otherwise cost
 * tens of thousands of settle rounds on the next command.
 */
export const maxSimulatedCatchUpMs = 10 * 60_000;

/** Where a restored cluster's clock starts and how far it then advances to reach `now`. */
export interface CatchUpPlan {
  /** The restored clock's start time (epoch milliseconds). */
  readonly startTime: number;
  /** How much virtual time to advance, timer by timer, after the restore. */
  readonly advanceMs: number;
}

/**
 * Plans the catch-up from the saved virtual time to `now`. Virtual time never goes back: a
 * clock ahead of the wall (after `kubesim advance`) stays where it is. A gap longer than
 * {@link maxSimulatedCatchUpMs} is jumped: the clock restarts at `now` minus that much, and
 * only the last stretch is simulated (timestamps in the store keep their values, so ages
 * and `tolerationSeconds` deadlines are still measured from them).
 */
export function planCatchUp(savedTime: number, now: number): CatchUpPlan {
  if (now <= savedTime) return { startTime: savedTime, advanceMs: 0 };
  const startTime = Math.max(savedTime, now - maxSimulatedCatchUpMs);
  return { startTime, advanceMs: now - startTime };
}

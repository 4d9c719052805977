/** A handle returned by {@link Clock.setTimer}, used to cancel the timer. */
export interface TimerHandle {
  readonly id: number;
}

/**
 * Where kubesim gets the time. Controllers, the scheduler and the store never read
 * `Date.now()` or call `setTimeout` themselves: a simulation passes a
 * {@link VirtualClock} (instant, deterministic), `kubesim serve` a {@link RealClock}.
 */
export interface Clock {
  /** The current time as epoch milliseconds. */
  now(): number;
  /** Runs `callback` once, `delayMs` milliseconds from now (0 or less: at the next chance). */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  /** Cancels a timer; cancelling one that already ran or was cancelled does nothing. */
  clearTimer(handle: TimerHandle): void;
}

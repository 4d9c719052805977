import type { Clock, TimerHandle } from "./clock.js";

/** The wall clock, for `kubesim serve` and anything that runs in real time. */
export class RealClock implements Clock {
  private nextId = 1;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();

  /** `Date.now()`. */
  now(): number {
    return Date.now();
  }

  /** A `setTimeout` that does not keep the process alive on its own. */
  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    const timeout = setTimeout(
      () => {
        this.timers.delete(id);
        callback();
      },
      Math.max(0, delayMs),
    );
    timeout.unref?.();
    this.timers.set(id, timeout);
    return { id };
  }

  /** Cancels a pending timer. */
  clearTimer(handle: TimerHandle): void {
    const timeout = this.timers.get(handle.id);
    if (timeout === undefined) return;
    clearTimeout(timeout);
    this.timers.delete(handle.id);
  }
}

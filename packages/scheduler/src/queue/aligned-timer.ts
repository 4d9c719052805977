import type { Clock, TimerHandle } from "@kubesim/core";

/**
 * A periodic loop (upstream's `wait.Until(f, period)`, ticking at `origin + k·period`)
 * that only arms a clock timer for the next tick that has work to do. It runs exactly
 * when the ticking loop would have acted, but leaves no timer pending while idle, so a
 * virtual clock can run a simulation to quiescence.
 */
export class AlignedTimer {
  private handle: TimerHandle | undefined;
  private dueAt: number | undefined;
  private lastTickAt: number | undefined;
  private closed = false;

  /**
   * @param clock - where time and timers come from.
   * @param periodMs - the loop's period.
   * @param originMs - when the loop started (its first tick).
   * @param onTick - the loop body.
   */
  constructor(
    private readonly clock: Clock,
    private readonly periodMs: number,
    private readonly originMs: number,
    private readonly onTick: () => void,
  ) {}

  /**
   * Makes sure a tick runs at the first grid time `>= earliestMs` (or `> earliestMs` when
   * `strictlyAfter`) that is not in the past and has not already run. An armed earlier
   * tick is kept: it re-arms for later work itself.
   */
  request(earliestMs: number, strictlyAfter = false): void {
    if (this.closed) return;
    const now = this.clock.now();
    let tick = this.gridTime(earliestMs, strictlyAfter);
    if (tick < now) tick = this.gridTime(now, false);
    if (tick === this.lastTickAt) tick += this.periodMs;
    if (this.dueAt !== undefined && this.dueAt <= tick) return;
    if (this.handle !== undefined) this.clock.clearTimer(this.handle);
    this.dueAt = tick;
    this.handle = this.clock.setTimer(() => this.fire(), tick - now);
  }

  /** Cancels the armed tick, if any; {@link request} may arm another. */
  cancel(): void {
    if (this.handle !== undefined) this.clock.clearTimer(this.handle);
    this.handle = undefined;
    this.dueAt = undefined;
  }

  /** Cancels the armed tick for good. */
  close(): void {
    this.cancel();
    this.closed = true;
  }

  private gridTime(timeMs: number, strictlyAfter: boolean): number {
    const periods = (timeMs - this.originMs) / this.periodMs;
    const index = strictlyAfter ? Math.floor(periods) + 1 : Math.ceil(periods);
    return this.originMs + index * this.periodMs;
  }

  private fire(): void {
    this.handle = undefined;
    this.dueAt = undefined;
    this.lastTickAt = this.clock.now();
    this.onTick();
  }
}

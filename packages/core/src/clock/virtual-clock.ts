import { KubesimError } from "../errors/index.js";
import type { Clock, TimerHandle } from "./clock.js";

interface VirtualTimer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/**
 * A clock that only moves when told to. Timers run in due-time order (ties in the
 * order they were set) while {@link VirtualClock.advance} moves time past them, so a
 * simulation that takes "5 minutes" costs microseconds and always runs the same way.
 *
 * @example
 * const clock = new VirtualClock(Date.parse("2026-01-01T00:00:00Z"));
 * clock.setTimer(() => console.log("fired"), 90_000);
 * clock.advance(90_000); // prints "fired"
 */
export class VirtualClock implements Clock {
  private current: number;
  private nextId = 1;
  // A binary min-heap ordered by (dueAt, id): O(log n) per timer.
  private readonly heap: VirtualTimer[] = [];
  private readonly cancelled = new Set<number>();
  private readonly pending = new Set<number>();

  /** @param startEpochMs - the initial time, epoch milliseconds (default 0). */
  constructor(startEpochMs = 0) {
    if (!Number.isFinite(startEpochMs)) {
      throw new KubesimError(
        `VirtualClock start time must be a finite number of milliseconds, got ${startEpochMs}`,
      );
    }
    this.current = startEpochMs;
  }

  /** The current virtual time as epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** Schedules `callback` at `now() + max(delayMs, 0)`. */
  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const timer: VirtualTimer = { id: this.nextId++, dueAt: this.current + delay, callback };
    this.push(timer);
    this.pending.add(timer.id);
    return { id: timer.id };
  }

  /** Cancels a pending timer. */
  clearTimer(handle: TimerHandle): void {
    if (this.pending.delete(handle.id)) this.cancelled.add(handle.id);
  }

  /** The due time of the earliest pending timer, or `undefined` when none is pending. */
  nextTimerAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.dueAt;
  }

  /** How many timers are pending. */
  pendingTimers(): number {
    return this.pending.size;
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due on the way, in order;
   * time is set to each timer's due time while it runs. Timers set by callbacks run in
   * the same call if they fall due before the end. Returns how many timers ran.
   */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new KubesimError(
        `cannot advance a VirtualClock by ${ms} ms: the duration must be a finite number >= 0`,
      );
    }
    const target = this.current + ms;
    let ran = 0;
    for (;;) {
      this.dropCancelled();
      const next = this.heap[0];
      if (next === undefined || next.dueAt > target) break;
      this.pop();
      this.pending.delete(next.id);
      this.current = Math.max(this.current, next.dueAt);
      ran++;
      next.callback();
    }
    this.current = target;
    return ran;
  }

  /**
   * Jumps to the earliest pending timer and runs every timer due at that instant.
   * Returns how many ran (0 when nothing is pending).
   */
  runNextTimers(): number {
    const next = this.nextTimerAt();
    if (next === undefined) return 0;
    return this.advance(Math.max(0, next - this.current));
  }

  private dropCancelled(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0] as VirtualTimer;
      if (!this.cancelled.has(top.id)) return;
      this.cancelled.delete(top.id);
      this.pop();
    }
  }

  private static before(a: VirtualTimer, b: VirtualTimer): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.id < b.id);
  }

  private push(timer: VirtualTimer): void {
    const heap = this.heap;
    heap.push(timer);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!VirtualClock.before(heap[index] as VirtualTimer, heap[parent] as VirtualTimer)) break;
      [heap[index], heap[parent]] = [heap[parent] as VirtualTimer, heap[index] as VirtualTimer];
      index = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (
        left < heap.length &&
        VirtualClock.before(heap[left] as VirtualTimer, heap[smallest] as VirtualTimer)
      ) {
        smallest = left;
      }
      if (
        right < heap.length &&
        VirtualClock.before(heap[right] as VirtualTimer, heap[smallest] as VirtualTimer)
      ) {
        smallest = right;
      }
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest] as VirtualTimer, heap[index] as VirtualTimer];
      index = smallest;
    }
  }
}

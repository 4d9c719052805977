import type { Clock, TimerHandle } from "@kubesim/core";
import type { ControllerRateLimiter } from "./controller-rate-limiter.js";

interface WaitingKey {
  readonly readyAt: number;
  readonly handle: TimerHandle;
}

/**
 * client-go's rate-limited delaying work queue, on an injected clock (no real timers).
 *
 * - A key is queued at most once (`add` of a queued key does nothing).
 * - A key being processed (between {@link WorkQueue.get} and {@link WorkQueue.done}) is
 *   never handed out twice; adding it meanwhile queues it again once `done` is called.
 * - {@link WorkQueue.addAfter} keeps only the earliest pending time per key.
 * - {@link WorkQueue.addRateLimited} waits as long as the rate limiter says.
 *
 * `onReady` is called whenever a key becomes available to {@link WorkQueue.get}.
 */
export class WorkQueue {
  private queue: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly waiting = new Map<string, WaitingKey>();
  private shuttingDown = false;

  constructor(
    private readonly clock: Clock,
    private readonly rateLimiter: ControllerRateLimiter,
    private readonly onReady: () => void = () => {},
  ) {}

  /** Queues `key` now. */
  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.onReady();
  }

  /** Queues `key` after `delayMs` on the clock (at once when `delayMs <= 0`). */
  addAfter(key: string, delayMs: number): void {
    if (this.shuttingDown) return;
    if (!(delayMs > 0)) {
      this.add(key);
      return;
    }
    const readyAt = this.clock.now() + delayMs;
    const existing = this.waiting.get(key);
    if (existing !== undefined) {
      if (existing.readyAt <= readyAt) return;
      this.clock.clearTimer(existing.handle);
    }
    const handle = this.clock.setTimer(() => {
      this.waiting.delete(key);
      this.add(key);
    }, delayMs);
    this.waiting.set(key, { readyAt, handle });
  }

  /** Queues `key` after the rate limiter's delay for it (one more failure). */
  addRateLimited(key: string): void {
    this.addAfter(key, this.rateLimiter.when(key));
  }

  /** Clears `key`'s failure history in the rate limiter. */
  forget(key: string): void {
    this.rateLimiter.forget(key);
  }

  /** How many times `key` has been requeued through the rate limiter. */
  numRequeues(key: string): number {
    return this.rateLimiter.numRequeues(key);
  }

  /** Takes the next key to process, or `undefined` when none is ready. */
  get(): string | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head] as string;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.processing.add(key);
    this.dirty.delete(key);
    return key;
  }

  /** Marks `key` as processed; it is queued again if it was added meanwhile. */
  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key) && !this.shuttingDown) {
      this.queue.push(key);
      this.onReady();
    }
  }

  /** How many keys are ready to be taken. */
  get length(): number {
    return this.queue.length - this.head;
  }

  /** How many keys wait on the clock (`addAfter`, `addRateLimited`). */
  get waitingCount(): number {
    return this.waiting.size;
  }

  /** How many keys are being processed. */
  get processingCount(): number {
    return this.processing.size;
  }

  /** Drops every queued and waiting key and cancels the timers; later adds are ignored. */
  shutDown(): void {
    this.shuttingDown = true;
    for (const waiting of this.waiting.values()) this.clock.clearTimer(waiting.handle);
    this.waiting.clear();
    this.queue = [];
    this.head = 0;
    this.dirty.clear();
  }
}

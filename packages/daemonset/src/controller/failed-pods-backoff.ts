import type { Clock } from "@kubesim/core";

/** First delay before a failed daemon pod on the same node is deleted again (kube-controller-manager: 1 s). */
export const failedPodsBackoffInitialMs = 1000;
/** Longest such delay (kube-controller-manager: 15 min). */
export const failedPodsBackoffMaxMs = 15 * 60 * 1000;
/** How often unused entries are dropped (upstream's `BackoffGCInterval`). */
export const failedPodsBackoffGcIntervalMs = 60 * 1000;

interface BackoffEntry {
  delayMs: number;
  lastUpdate: number;
}

/**
 * client-go's `flowcontrol.Backoff` (without jitter, as the DaemonSet controller uses
 * it): a per-key delay that starts at `initialMs`, doubles on every {@link FailedPodsBackoff.next}
 * up to `maxMs`, and is forgotten once unused for twice `maxMs`.
 */
export class FailedPodsBackoff {
  private readonly entries = new Map<string, BackoffEntry>();
  private lastGc: number;

  constructor(
    private readonly clock: Clock,
    private readonly initialMs = failedPodsBackoffInitialMs,
    private readonly maxMs = failedPodsBackoffMaxMs,
  ) {
    this.lastGc = clock.now();
  }

  /** Starts or lengthens the backoff of `key` at time `now`. */
  next(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (entry === undefined || this.expired(entry, now)) {
      this.entries.set(key, { delayMs: this.initialMs, lastUpdate: this.clock.now() });
      return;
    }
    entry.delayMs = Math.min(entry.delayMs * 2, this.maxMs);
    entry.lastUpdate = this.clock.now();
  }

  /** True while less than the current delay has passed since the last {@link FailedPodsBackoff.next}. */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined || this.expired(entry, now)) return false;
    return now - entry.lastUpdate < entry.delayMs;
  }

  /** The current delay of `key` (0 when it has none). */
  get(key: string): number {
    return this.entries.get(key)?.delayMs ?? 0;
  }

  /**
   * Drops entries unused for twice the maximum delay. Upstream runs this every minute on a
   * timer; kubesim runs it lazily when at least a minute has passed since the last run.
   */
  gc(): void {
    const now = this.clock.now();
    if (now - this.lastGc < failedPodsBackoffGcIntervalMs) return;
    this.lastGc = now;
    for (const [key, entry] of this.entries) {
      if (now - entry.lastUpdate > this.maxMs * 2) this.entries.delete(key);
    }
  }

  private expired(entry: BackoffEntry, now: number): boolean {
    return now - entry.lastUpdate > this.maxMs * 2;
  }
}

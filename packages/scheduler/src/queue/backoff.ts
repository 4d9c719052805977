/**
 * How long a pod waits in the backoff queue after its `attempts`-th failed attempt, as
 * upstream's `calculateBackoffDuration`: `initial` doubled once per attempt after the
 * first, capped at `max` (defaults 1 s, 2 s, 4 s, 8 s, 10 s, 10 s, …). Zero or one attempt
 * gives `initial`.
 *
 * @example
 * podBackoffDurationMs(1, 1000, 10000) // => 1000
 * podBackoffDurationMs(4, 1000, 10000) // => 8000
 * podBackoffDurationMs(5, 1000, 10000) // => 10000
 */
export function podBackoffDurationMs(attempts: number, initialMs: number, maxMs: number): number {
  let duration = initialMs;
  for (let attempt = 1; attempt < attempts; attempt++) {
    // Compared as upstream does (by subtraction), so the cap applies before doubling.
    if (duration > maxMs - duration) return maxMs;
    duration += duration;
  }
  return duration;
}

import type { KubectlContext } from "../kubectl-context.js";

/** How {@link pollCluster} waits. */
export interface PollClusterOptions {
  /** Give up after this much simulated time; 0 or absent waits up to `limitMs`. */
  readonly timeoutMs?: number;
  /** How far the simulation moves between checks (kubectl polls every second). Default 1 s. */
  readonly intervalMs?: number;
  /**
   * The most simulated time an unbounded wait may take (default 10 minutes): kubectl
   * would wait forever, a simulation that stopped changing would never end.
   */
  readonly limitMs?: number;
}

const defaultIntervalMs = 1000;
const defaultLimitMs = 10 * 60_000;

/**
 * Where kubectl waits (for evicted pods to go, for a rollout, for a deletion), moves the
 * simulated cluster forward `intervalMs` at a time (`cluster.advance`, which runs every
 * component due) until `done` answers true or the timeout passes. `done` is checked once
 * before any time passes. Resolves to whether it was satisfied.
 */
export async function pollCluster(
  context: Pick<KubectlContext, "cluster">,
  done: () => Promise<boolean>,
  options: PollClusterOptions = {},
): Promise<boolean> {
  const intervalMs = Math.max(1, options.intervalMs ?? defaultIntervalMs);
  const timeoutMs = options.timeoutMs ?? 0;
  const budgetMs = timeoutMs > 0 ? timeoutMs : (options.limitMs ?? defaultLimitMs);
  let elapsedMs = 0;
  for (;;) {
    if (await done()) return true;
    if (elapsedMs >= budgetMs) return false;
    const stepMs = Math.min(intervalMs, budgetMs - elapsedMs);
    await context.cluster.advance(stepMs);
    elapsedMs += stepMs;
  }
}

import { type Clock, KubesimError } from "@kubesim/core";

/** How long a key waits before it is retried (client-go's `workqueue.RateLimiter`). */
export interface ControllerRateLimiter {
  /** The delay before `key` may be processed again; each call counts as one more failure. */
  when(key: string): number;
  /** Clears the failure history of `key` (called after a successful sync). */
  forget(key: string): void;
  /** How many times `key` has been retried since it was last forgotten. */
  numRequeues(key: string): number;
}

/**
 * client-go's `ItemExponentialFailureRateLimiter`: `baseMs * 2^failures`, capped at
 * `maxMs`, counted per key.
 *
 * @example
 * const limiter = createItemExponentialFailureRateLimiter(5, 1_000_000);
 * [limiter.when("a"), limiter.when("a"), limiter.when("a")] // => [5, 10, 20]
 */
export function createItemExponentialFailureRateLimiter(
  baseMs: number,
  maxMs: number,
): ControllerRateLimiter {
  const failures = new Map<string, number>();
  return {
    when(key) {
      const exponent = failures.get(key) ?? 0;
      failures.set(key, exponent + 1);
      const delay = baseMs * 2 ** exponent;
      return Number.isFinite(delay) && delay <= maxMs ? delay : maxMs;
    },
    forget(key) {
      failures.delete(key);
    },
    numRequeues: (key) => failures.get(key) ?? 0,
  };
}

/**
 * client-go's `BucketRateLimiter` (golang.org/x/time/rate): one shared token bucket of
 * `burst` tokens refilled at `qps` per second on `clock`; every `when` reserves a token
 * and returns how long until it is available. It never forgets anything.
 *
 * @throws KubesimError when `qps` or `burst` is not a positive number.
 */
export function createBucketRateLimiter(clock: Clock, qps: number, burst: number): ControllerRateLimiter {
  if (!(qps > 0) || !(burst > 0)) {
    throw new KubesimError(
      `a bucket rate limiter needs qps > 0 and burst > 0, got qps ${qps}, burst ${burst}`,
    );
  }
  let tokens = burst;
  let last = clock.now();
  return {
    when() {
      const now = clock.now();
      if (now > last) {
        tokens = Math.min(burst, tokens + ((now - last) / 1000) * qps);
        last = now;
      }
      tokens -= 1;
      return tokens < 0 ? (-tokens / qps) * 1000 : 0;
    },
    forget() {},
    numRequeues: () => 0,
  };
}

/** client-go's `MaxOfRateLimiter`: the longest delay of all limiters. */
export function createMaxOfRateLimiter(...limiters: ControllerRateLimiter[]): ControllerRateLimiter {
  return {
    when(key) {
      let longest = 0;
      for (const limiter of limiters) longest = Math.max(longest, limiter.when(key));
      return longest;
    },
    forget(key) {
      for (const limiter of limiters) limiter.forget(key);
    },
    numRequeues(key) {
      let most = 0;
      for (const limiter of limiters) most = Math.max(most, limiter.numRequeues(key));
      return most;
    },
  };
}

/** Per-key retry delay of the default controller rate limiter: 5 ms, doubling. */
export const controllerRetryBaseDelayMs = 5;
/** Longest per-key retry delay of the default controller rate limiter: 1000 s. */
export const controllerRetryMaxDelayMs = 1_000_000;

/**
 * client-go's `DefaultControllerRateLimiter`, which the DaemonSet controller's queue
 * uses: the larger of a per-key exponential delay (5 ms doubling to 1000 s) and a shared
 * 10 qps / burst 100 token bucket, on the injected clock.
 */
export function createDefaultControllerRateLimiter(clock: Clock): ControllerRateLimiter {
  return createMaxOfRateLimiter(
    createItemExponentialFailureRateLimiter(controllerRetryBaseDelayMs, controllerRetryMaxDelayMs),
    createBucketRateLimiter(clock, 10, 100),
  );
}

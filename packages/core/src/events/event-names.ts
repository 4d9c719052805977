const nanosecondsPerMillisecond = 1_000_000n;

/**
 * A source of event timestamps in nanoseconds that never repeats: Kubernetes components
 * name events `<object>.<unix nanoseconds in hex>`, and a virtual clock can give two
 * events the same instant, so each call returns at least one nanosecond more than the last.
 *
 * @example
 * const next = createEventNanosecondSequence();
 * next(1000); // => 1000000000n
 * next(1000); // => 1000000001n
 */
export function createEventNanosecondSequence(): (nowMs: number) => bigint {
  let last = -1n;
  return (nowMs) => {
    let nanoseconds = BigInt(Math.floor(nowMs)) * nanosecondsPerMillisecond;
    if (nanoseconds <= last) nanoseconds = last + 1n;
    last = nanoseconds;
    return nanoseconds;
  };
}

/**
 * The name Kubernetes recorders give an event: `<object name>.<nanoseconds in hex>`.
 *
 * @example
 * eventName("nginx", 1000000001n); // => "nginx.3b9aca01"
 */
export function eventName(objectName: string, nanoseconds: bigint): string {
  return `${objectName}.${nanoseconds.toString(16)}`;
}

import { VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  createBucketRateLimiter,
  createDefaultControllerRateLimiter,
  createItemExponentialFailureRateLimiter,
  createMaxOfRateLimiter,
} from "./controller-rate-limiter.js";
import { WorkQueue } from "./work-queue.js";

function drain(queue: WorkQueue): string[] {
  const keys: string[] = [];
  for (let key = queue.get(); key !== undefined; key = queue.get()) keys.push(key);
  return keys;
}

describe("WorkQueue", () => {
  it("queues a key once however often it is added", () => {
    const queue = new WorkQueue(new VirtualClock(), createItemExponentialFailureRateLimiter(5, 1000));
    queue.add("default/a");
    queue.add("default/b");
    queue.add("default/a");
    expect(drain(queue)).toEqual(["default/a", "default/b"]);
  });

  it("never hands out a key being processed; one added meanwhile comes back after done", () => {
    const queue = new WorkQueue(new VirtualClock(), createItemExponentialFailureRateLimiter(5, 1000));
    queue.add("default/a");
    expect(queue.get()).toBe("default/a");
    queue.add("default/a");
    expect(queue.get()).toBeUndefined();
    expect(queue.processingCount).toBe(1);
    queue.done("default/a");
    expect(drain(queue)).toEqual(["default/a"]);
  });

  it.each`
    first  | second | readyAfter
    ${100} | ${50}  | ${50}
    ${10}  | ${100} | ${10}
  `(
    "addAfter($first) then addAfter($second) makes the key ready after $readyAfter ms",
    ({ first, second, readyAfter }) => {
      const clock = new VirtualClock();
      const queue = new WorkQueue(clock, createItemExponentialFailureRateLimiter(5, 1000));
      queue.addAfter("default/a", first);
      queue.addAfter("default/a", second);
      expect(queue.waitingCount).toBe(1);
      clock.advance(readyAfter - 1);
      expect(queue.length).toBe(0);
      clock.advance(1);
      expect(drain(queue)).toEqual(["default/a"]);
      clock.advance(1000);
      expect(queue.length).toBe(0);
    },
  );

  it("addRateLimited waits 5, 10, 20 ms on the clock, and forget starts over", () => {
    const clock = new VirtualClock();
    let ready = 0;
    const queue = new WorkQueue(clock, createItemExponentialFailureRateLimiter(5, 1000), () => ready++);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const start = clock.now();
      queue.addRateLimited("default/a");
      clock.runNextTimers();
      delays.push(clock.now() - start);
      for (const key of drain(queue)) queue.done(key);
    }
    expect(delays).toEqual([5, 10, 20]);
    expect(queue.numRequeues("default/a")).toBe(3);
    queue.forget("default/a");
    expect(queue.numRequeues("default/a")).toBe(0);
    expect(ready).toBe(3);
  });

  it("shutDown drops queued keys and cancels pending timers", () => {
    const clock = new VirtualClock();
    const queue = new WorkQueue(clock, createItemExponentialFailureRateLimiter(5, 1000));
    queue.add("default/a");
    queue.addAfter("default/b", 100);
    queue.shutDown();
    queue.add("default/c");
    expect(clock.pendingTimers()).toBe(0);
    expect(queue.length).toBe(0);
  });
});

describe("controller rate limiters", () => {
  it("the per-key exponential limiter doubles from the base and stops at the maximum", () => {
    const limiter = createItemExponentialFailureRateLimiter(5, 1_000_000);
    const delays = Array.from({ length: 20 }, () => limiter.when("k"));
    expect(delays.slice(0, 4)).toEqual([5, 10, 20, 40]);
    expect(delays[17]).toBe(655_360);
    expect(delays[18]).toBe(1_000_000);
    expect(limiter.when("other")).toBe(5);
  });

  it("the bucket limiter lets a burst of 100 through, then one key every 100 ms at 10 qps", () => {
    const clock = new VirtualClock();
    const limiter = createBucketRateLimiter(clock, 10, 100);
    const delays = Array.from({ length: 102 }, (_, index) => limiter.when(`k${index}`));
    expect(delays.slice(0, 100).every((delay) => delay === 0)).toBe(true);
    expect(delays.slice(100).map((delay) => Math.round(delay))).toEqual([100, 200]);
    clock.advance(1000);
    expect(Math.round(limiter.when("later"))).toBe(0);
  });

  it("the max-of limiter answers with the longest delay and forgets everywhere", () => {
    const limiter = createMaxOfRateLimiter(
      createItemExponentialFailureRateLimiter(5, 1000),
      createItemExponentialFailureRateLimiter(1, 1000),
    );
    expect([limiter.when("k"), limiter.when("k"), limiter.numRequeues("k")]).toEqual([5, 10, 2]);
    limiter.forget("k");
    expect(limiter.numRequeues("k")).toBe(0);
  });

  it("the default controller limiter starts at 5 ms", () => {
    const limiter = createDefaultControllerRateLimiter(new VirtualClock());
    expect([limiter.when("k"), limiter.when("k")]).toEqual([5, 10]);
  });

  it("a bucket limiter with no capacity is refused", () => {
    expect(() => createBucketRateLimiter(new VirtualClock(), 0, 100)).toThrow(
      "a bucket rate limiter needs qps > 0 and burst > 0, got qps 0, burst 100",
    );
  });
});

import { VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { ControllerExpectations, expectationsTimeoutMs } from "./controller-expectations.js";
import { FailedPodsBackoff, failedPodsBackoffMaxMs } from "./failed-pods-backoff.js";

describe("ControllerExpectations", () => {
  it.each`
    name                                                           | add   | del   | observe                           | satisfied
    ${"no record is satisfied"}                                    | ${-1} | ${-1} | ${[]}                             | ${true}
    ${"pending creations are not satisfied"}                       | ${2}  | ${0}  | ${["create"]}                     | ${false}
    ${"every creation and deletion observed is satisfied"}         | ${2}  | ${1}  | ${["create", "create", "delete"]} | ${true}
    ${"a deletion seen twice (negative count) is still satisfied"} | ${0}  | ${1}  | ${["delete", "delete"]}           | ${true}
  `("$name", ({ add, del, observe, satisfied }) => {
    const expectations = new ControllerExpectations(new VirtualClock());
    if (add >= 0) expectations.set("default/foo", add, del);
    for (const kind of observe as string[]) {
      if (kind === "create") expectations.creationObserved("default/foo");
      else expectations.deletionObserved("default/foo");
    }
    expect(expectations.satisfied("default/foo")).toBe(satisfied);
  });

  it("an unfulfilled record counts as satisfied once it is older than 5 minutes", () => {
    const clock = new VirtualClock();
    const expectations = new ControllerExpectations(clock);
    expectations.set("default/foo", 3, 0);
    clock.advance(expectationsTimeoutMs);
    expect(expectations.satisfied("default/foo")).toBe(false);
    clock.advance(1);
    expect(expectations.satisfied("default/foo")).toBe(true);
  });

  it("lower drops creations that were never attempted; delete forgets the record", () => {
    const expectations = new ControllerExpectations(new VirtualClock());
    expectations.set("default/foo", 10, 2);
    expectations.lower("default/foo", 7, 0);
    expect(expectations.get("default/foo")).toEqual({ add: 3, del: 2 });
    expectations.delete("default/foo");
    expect(expectations.get("default/foo")).toBeUndefined();
    expect(expectations.satisfied("default/foo")).toBe(true);
  });
});

describe("FailedPodsBackoff", () => {
  it("starts at 1 s, doubles on each next, and stops at 15 minutes", () => {
    const clock = new VirtualClock();
    const backoff = new FailedPodsBackoff(clock);
    const delays: number[] = [];
    for (let step = 0; step < 12; step++) {
      backoff.next("uid/1/node-0", clock.now());
      delays.push(backoff.get("uid/1/node-0"));
    }
    expect(delays).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 900_000, 900_000,
    ]);
  });

  it("is in backoff strictly before the delay has passed since the last next", () => {
    const clock = new VirtualClock();
    const backoff = new FailedPodsBackoff(clock);
    expect(backoff.isInBackOffSinceUpdate("k", clock.now())).toBe(false);
    backoff.next("k", clock.now());
    clock.advance(999);
    expect(backoff.isInBackOffSinceUpdate("k", clock.now())).toBe(true);
    clock.advance(1);
    expect(backoff.isInBackOffSinceUpdate("k", clock.now())).toBe(false);
  });

  it("an entry unused for twice the maximum starts over at 1 s and is garbage-collected", () => {
    const clock = new VirtualClock();
    const backoff = new FailedPodsBackoff(clock);
    backoff.next("k", clock.now());
    backoff.next("k", clock.now());
    expect(backoff.get("k")).toBe(2000);
    clock.advance(failedPodsBackoffMaxMs * 2 + 1);
    backoff.next("k", clock.now());
    expect(backoff.get("k")).toBe(1000);
    clock.advance(failedPodsBackoffMaxMs * 2 + 1);
    backoff.gc();
    expect(backoff.get("k")).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { createEventNanosecondSequence, eventName } from "./event-names.js";

describe("event names", () => {
  it("gives strictly increasing nanoseconds even when the clock does not move or goes back", () => {
    const next = createEventNanosecondSequence();
    expect([next(1000), next(1000), next(999), next(2000)]).toEqual([
      1_000_000_000n,
      1_000_000_001n,
      1_000_000_002n,
      2_000_000_000n,
    ]);
  });

  it.each([
    { name: "a pod", objectName: "nginx-x7k2p", nanoseconds: 1_000_000_001n, want: "nginx-x7k2p.3b9aca01" },
    { name: "a zero timestamp", objectName: "ds", nanoseconds: 0n, want: "ds.0" },
  ])("names the event of $name as <object>.<hex nanoseconds>", ({ objectName, nanoseconds, want }) => {
    expect(eventName(objectName, nanoseconds)).toBe(want);
  });
});

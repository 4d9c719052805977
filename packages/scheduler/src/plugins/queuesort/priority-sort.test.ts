import type { Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import type { QueuedPodInfo } from "../../framework/plugin.js";
import { createPrioritySort, prioritySortDefinition } from "./priority-sort.js";

const lowPriority = 10;
const highPriority = 100;
const earlier = Date.parse("2024-01-01T00:00:00Z");
const later = earlier + 1000;

function queued(priority: number | undefined, timestamp: number): QueuedPodInfo {
  const pod: Pod = {
    metadata: { name: "p" },
    spec: { containers: [], ...(priority === undefined ? {} : { priority }) },
  };
  return { pod, timestamp, attempts: 0, initialAttemptTimestamp: timestamp };
}

// Upstream's TestLess (pkg/scheduler/framework/plugins/queuesort), plus the absent-priority rule.
const cases = [
  {
    name: "a lower-priority pod sorts after a higher-priority one",
    first: queued(lowPriority, earlier),
    second: queued(highPriority, earlier),
    expected: false,
  },
  {
    name: "a higher-priority pod sorts before a lower-priority one",
    first: queued(highPriority, earlier),
    second: queued(lowPriority, earlier),
    expected: true,
  },
  {
    name: "with equal priority the pod queued earlier sorts first",
    first: queued(highPriority, earlier),
    second: queued(highPriority, later),
    expected: true,
  },
  {
    name: "with equal priority the pod queued later sorts second",
    first: queued(highPriority, later),
    second: queued(highPriority, earlier),
    expected: false,
  },
  {
    name: "an absent priority counts as 0",
    first: queued(undefined, earlier),
    second: queued(-1, earlier),
    expected: true,
  },
  {
    name: "two identical entries are not less than each other",
    first: queued(1, earlier),
    second: queued(1, earlier),
    expected: false,
  },
];

describe("PrioritySort", () => {
  it.each(cases)("$name", ({ first, second, expected }) => {
    expect(createPrioritySort().less(first, second)).toBe(expected);
  });

  it("is registered under its upstream name", () => {
    expect(prioritySortDefinition.name).toBe("PrioritySort");
    expect(createPrioritySort().name).toBe("PrioritySort");
  });
});

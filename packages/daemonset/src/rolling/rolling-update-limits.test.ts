import type { DaemonSet, DaemonSetUpdateStrategy } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { rollingUpdateLimits, surgeAllowed } from "./rolling-update-limits.js";

function withStrategy(updateStrategy: DaemonSetUpdateStrategy | undefined): DaemonSet {
  return {
    metadata: { name: "x" },
    spec: {
      selector: { matchLabels: { app: "x" } },
      template: { metadata: { labels: { app: "x" } } },
      ...(updateStrategy === undefined ? {} : { updateStrategy }),
    },
  };
}

// Upstream's test helpers: newUpdateSurge sets maxUnavailable 0 beside the surge.
const unavailable = (maxUnavailable: number | string): DaemonSetUpdateStrategy => ({
  type: "RollingUpdate",
  rollingUpdate: { maxUnavailable },
});
const surge = (maxSurge: number | string): DaemonSetUpdateStrategy => ({
  type: "RollingUpdate",
  rollingUpdate: { maxUnavailable: 0, maxSurge },
});

describe("rollingUpdateLimits (upstream TestGetUnavailableNumbers)", () => {
  it.each([
    {
      name: "no nodes and maxUnavailable 0 give no budget",
      strategy: unavailable(0),
      desired: 0,
      expected: { maxSurge: 0, maxUnavailable: 0 },
    },
    {
      name: "two nodes with maxUnavailable 1",
      strategy: unavailable(1),
      desired: 2,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: "two nodes with maxUnavailable 0 fall back to 1",
      strategy: unavailable(0),
      desired: 2,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: "two nodes with maxSurge 0 and maxUnavailable 0 fall back to 1",
      strategy: surge(0),
      desired: 2,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: "two nodes with maxUnavailable 50%",
      strategy: unavailable("50%"),
      desired: 2,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: "two nodes with maxSurge 50%",
      strategy: surge("50%"),
      desired: 2,
      expected: { maxSurge: 1, maxUnavailable: 0 },
    },
    {
      name: "two nodes with maxSurge 100%",
      strategy: surge("100%"),
      desired: 2,
      expected: { maxSurge: 2, maxUnavailable: 0 },
    },
    {
      name: "three nodes with maxUnavailable 50% round up to 2",
      strategy: unavailable("50%"),
      desired: 3,
      expected: { maxSurge: 0, maxUnavailable: 2 },
    },
  ])("$name", ({ strategy, desired, expected }) => {
    expect(rollingUpdateLimits(withStrategy(strategy), desired)).toEqual(expected);
  });

  it.each([
    {
      name: "25% of 5 nodes rounds up to 2",
      strategy: unavailable("25%"),
      desired: 5,
      expected: { maxSurge: 0, maxUnavailable: 2 },
    },
    {
      name: "1% of 1 node rounds up to 1",
      strategy: unavailable("1%"),
      desired: 1,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: "maxSurge 10% of 15,000 nodes",
      strategy: surge("10%"),
      desired: 15000,
      expected: { maxSurge: 1500, maxUnavailable: 0 },
    },
    {
      name: "an absent maxSurge counts as 0",
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 2 } },
      desired: 4,
      expected: { maxSurge: 0, maxUnavailable: 2 },
    },
    {
      name: "OnDelete has no budget but the fallback",
      strategy: { type: "OnDelete" },
      desired: 3,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: "RollingUpdate without rollingUpdate has no budget but the fallback",
      strategy: { type: "RollingUpdate" },
      desired: 3,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
  ])("$name", ({ strategy, desired, expected }) => {
    expect(rollingUpdateLimits(withStrategy(strategy as DaemonSetUpdateStrategy), desired)).toEqual(expected);
  });

  it.each([
    {
      name: "a maxUnavailable string without %",
      strategy: unavailable("5"),
      message:
        "invalid value for MaxUnavailable: invalid value for IntOrString: invalid type: string is not a percentage",
    },
    {
      name: "an absent maxUnavailable",
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } },
      message: "invalid value for MaxUnavailable: nil value for IntOrString",
    },
    {
      name: "a maxSurge that is not a number",
      strategy: surge("x%"),
      message:
        'invalid value for MaxSurge: invalid value for IntOrString: invalid value "x%": strconv.Atoi: parsing "x": invalid syntax',
    },
  ])("rejects $name with upstream's message", ({ strategy, message }) => {
    expect(() => rollingUpdateLimits(withStrategy(strategy as DaemonSetUpdateStrategy), 3)).toThrow(message);
  });
});

describe("surgeAllowed", () => {
  it.each([
    { name: "a surge of 1 allows surge", strategy: surge(1), expected: true },
    { name: "a surge of 1% allows surge (rounded up against 1)", strategy: surge("1%"), expected: true },
    { name: "a surge of 0 does not", strategy: surge(0), expected: false },
    { name: "a surge of 0% does not", strategy: surge("0%"), expected: false },
    { name: "an absent maxSurge does not", strategy: unavailable(1), expected: false },
    { name: "an invalid maxSurge does not", strategy: surge("abc"), expected: false },
    { name: "OnDelete does not", strategy: { type: "OnDelete" } as DaemonSetUpdateStrategy, expected: false },
    { name: "a DaemonSet without a strategy does not", strategy: undefined, expected: false },
  ])("$name", ({ strategy, expected }) => {
    expect(surgeAllowed(withStrategy(strategy))).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { throughputResult, timedRunsResult } from "./result.js";

describe("throughputResult", () => {
  it.each([
    {
      name: "200 pods in 2 s against an upstream 50 pods/s is 100 pods/s, ratio 2",
      fields: {
        workload: "w",
        nodes: 10,
        pods: 200,
        durationMs: 2000,
        latenciesMs: [3, 1, 2],
        upstreamPodsPerSecond: 50,
      },
      expected: { podsPerSecond: 100, p50Ms: 2, p99Ms: 3, ratio: 2, durationMs: 2000 },
    },
    {
      name: "no upstream threshold gives no ratio, and no latencies no percentiles",
      fields: {
        workload: "w",
        nodes: 0,
        pods: 3,
        durationMs: 1500,
        latenciesMs: [],
        upstreamPodsPerSecond: null,
      },
      expected: { podsPerSecond: 2, p50Ms: null, p99Ms: null, ratio: null, durationMs: 1500 },
    },
  ])("$name", ({ fields, expected }) => {
    const result = throughputResult(fields);
    expect(result).toEqual({
      workload: "w",
      nodes: fields.nodes,
      pods: fields.pods,
      upstreamPodsPerSecond: fields.upstreamPodsPerSecond,
      peakRssMb: result.peakRssMb,
      ...expected,
    });
    expect(result.peakRssMb).toBeGreaterThan(0);
  });
});

describe("timedRunsResult", () => {
  it("reports the run times' p50, p99 and mean, and no throughput", () => {
    const result = timedRunsResult({ workload: "get", nodes: 3, pods: 0, timesMs: [10, 30, 20, 40] });
    expect(result).toEqual({
      workload: "get",
      nodes: 3,
      pods: 0,
      podsPerSecond: null,
      p50Ms: 20,
      p99Ms: 40,
      peakRssMb: result.peakRssMb,
      upstreamPodsPerSecond: null,
      ratio: null,
      durationMs: 25,
    });
  });
});

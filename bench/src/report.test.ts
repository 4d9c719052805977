import { describe, expect, it } from "vitest";
import { checkTargets, renderReport } from "./report.js";
import { type WorkloadResult, workloadResult } from "./result.js";

function row(fields: Partial<Omit<WorkloadResult, "ratio">> & { workload: string }): WorkloadResult {
  return workloadResult({
    nodes: 100,
    pods: 100,
    podsPerSecond: null,
    p50Ms: null,
    p99Ms: null,
    peakRssMb: 50,
    upstreamPodsPerSecond: null,
    durationMs: 1000,
    ...fields,
  });
}

describe("workloadResult", () => {
  it.each([
    {
      name: "derives the ratio to upstream's threshold with one decimal",
      fields: { podsPerSecond: 1000.4, upstreamPodsPerSecond: 270 },
      expected: { podsPerSecond: 1000, ratio: 3.7 },
    },
    {
      name: "has no ratio when upstream has no threshold",
      fields: { podsPerSecond: 500, upstreamPodsPerSecond: null },
      expected: { podsPerSecond: 500, ratio: null },
    },
    {
      name: "has no ratio when the workload measures no throughput",
      fields: { podsPerSecond: null, upstreamPodsPerSecond: 18 },
      expected: { podsPerSecond: null, ratio: null },
    },
  ])("$name", ({ fields, expected }) => {
    const result = row({ workload: "X/1Nodes", ...fields });
    expect({ podsPerSecond: result.podsPerSecond, ratio: result.ratio }).toEqual(expected);
  });
});

describe("renderReport", () => {
  it("aligns the columns, right-aligning numbers and printing '-' for missing figures", () => {
    const text = renderReport([
      row({
        workload: "SchedulingBasic/5000Nodes_10000Pods",
        nodes: 5000,
        pods: 10000,
        podsPerSecond: 4321,
        p50Ms: 1.231,
        p99Ms: 9.5,
        upstreamPodsPerSecond: 270,
        durationMs: 2314,
      }),
      row({ workload: "Floor/15000Pods", nodes: 15000, pods: 15000, podsPerSecond: 900000, durationMs: 17 }),
    ]);
    expect(text).toBe(
      [
        "WORKLOAD                             NODES   PODS  PODS/S  P50 MS  P99 MS  RSS MB  UPSTREAM  RATIO  TIME MS",
        "SchedulingBasic/5000Nodes_10000Pods   5000  10000    4321    1.23    9.50      50       270  16.0x     2314",
        "Floor/15000Pods                      15000  15000  900000       -       -      50         -      -       17",
      ].join("\n"),
    );
  });
});

describe("checkTargets", () => {
  it.each([
    {
      name: "reports a met throughput target",
      rows: [row({ workload: "SchedulingBasic/5000Nodes_10000Pods", podsPerSecond: 6000 })],
      expected: ["SchedulingBasic/5000Nodes_10000Pods: 6000 pods/s (target >= 5000) met"],
    },
    {
      name: "reports a missed throughput target",
      rows: [row({ workload: "TopologySpreading/5000Nodes_5000Pods", podsPerSecond: 999 })],
      expected: ["TopologySpreading/5000Nodes_5000Pods: 999 pods/s (target >= 1000) missed"],
    },
    {
      name: "compares the two largest DaemonSet runs when one has twice the nodes, and the RSS of the smaller",
      rows: [
        row({
          workload: "SchedulingDaemonset/15000Nodes",
          nodes: 15000,
          pods: 15000,
          podsPerSecond: 60000,
          durationMs: 250,
          peakRssMb: 280,
        }),
        row({
          workload: "SchedulingDaemonset/30000Nodes",
          nodes: 30000,
          pods: 30000,
          podsPerSecond: 50000,
          durationMs: 600,
          peakRssMb: 500,
        }),
      ],
      expected: [
        "SchedulingDaemonset/15000Nodes: 60000 pods/s (target >= 50000) met",
        "Scaling 30000/15000 nodes: time ratio 2.40 (target <= 2.2) missed",
        "SchedulingDaemonset/15000Nodes peak RSS: 280 MB for 15000 nodes + 15000 pods (target <= 300) met",
      ],
    },
    {
      name: "puts the DaemonSet throughput beside the floor of the same pod count",
      rows: [
        row({ workload: "SchedulingDaemonset/1500Nodes", nodes: 1500, pods: 1500, podsPerSecond: 1000 }),
        row({ workload: "Floor/1500Pods", nodes: 1500, pods: 1500, podsPerSecond: 100000 }),
      ],
      expected: [
        "SchedulingDaemonset/1500Nodes: 1000 pods/s (target >= 50000) missed",
        "SchedulingDaemonset/1500Nodes peak RSS: 50 MB for 1500 nodes + 1500 pods (target <= 300) met",
        "Floor: 100000 pods/s; SchedulingDaemonset/1500Nodes runs at 1.00% of it",
      ],
    },
    {
      name: "checks the start-up median against 20 ms",
      rows: [row({ workload: "Startup/3NodeKubeadmCluster", nodes: 3, pods: 10, p50Ms: 12.345 })],
      expected: ["Startup/3NodeKubeadmCluster: p50 12.3 ms (target < 20) met"],
    },
    {
      name: "checks the CLI's cold start median against 250 ms",
      rows: [row({ workload: "CLI/ColdGetDsAllNamespaces", nodes: 3, pods: 0, p50Ms: 251.2 })],
      expected: ["CLI/ColdGetDsAllNamespaces: p50 251 ms (target < 250) missed"],
    },
    {
      name: "holds only the cold `kubesim get` to the CLI target, not `kubesim serve`'s start-up",
      rows: [
        row({ workload: "CLI/ServeStartup", nodes: 3, pods: 0, p50Ms: 400 }),
        row({ workload: "CLI/ColdGetDsAllNamespaces", nodes: 3, pods: 0, p50Ms: 160.4 }),
      ],
      expected: ["CLI/ColdGetDsAllNamespaces: p50 160 ms (target < 250) met"],
    },
  ])("$name", ({ rows, expected }) => {
    expect(checkTargets(rows)).toEqual(expected);
  });
});

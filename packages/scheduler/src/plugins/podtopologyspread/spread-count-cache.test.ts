import { requiredNodeAffinity } from "@kubesim/affinity";
import type { Node, Pod, TopologySpreadConstraint } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createNodeInfo, createNodeInfoLister } from "../../framework/node-info.js";
import { defaultFeatures, type NodeInfo } from "../../framework/types.js";
import { SchedulerCache } from "../../scheduler/scheduler-cache.js";
import { parseSpreadConstraints } from "./spread-constraint.js";
import { SpreadCountCache, type SpreadCountInput } from "./spread-count-cache.js";

const nodeCount = 8;

function clusterNode(index: number, zone: number, tainted: boolean): Node {
  return {
    metadata: {
      name: `node-${index}`,
      labels: {
        "kubernetes.io/hostname": `node-${index}`,
        // Zone 3 stands for "no zone label": such nodes do not count for zone constraints.
        ...(zone === 3 ? {} : { "topology.kubernetes.io/zone": `zone-${zone}` }),
        ...(index % 2 === 0 ? { disk: "ssd" } : {}),
      },
    },
    spec: tainted ? { taints: [{ key: "dedicated", value: "x", effect: "NoSchedule" }] } : {},
  };
}

/** The constraint sets a counting pod may carry. */
const constraintSets: readonly (readonly TopologySpreadConstraint[])[] = [
  [
    {
      maxSkew: 1,
      topologyKey: "topology.kubernetes.io/zone",
      whenUnsatisfiable: "DoNotSchedule",
      labelSelector: { matchLabels: { app: "a" } },
    },
  ],
  [
    {
      maxSkew: 1,
      topologyKey: "kubernetes.io/hostname",
      whenUnsatisfiable: "DoNotSchedule",
      labelSelector: { matchExpressions: [{ key: "app", operator: "Exists" }] },
    },
  ],
  [
    {
      maxSkew: 1,
      topologyKey: "topology.kubernetes.io/zone",
      whenUnsatisfiable: "DoNotSchedule",
      labelSelector: { matchLabels: { app: "b" } },
      nodeAffinityPolicy: "Ignore",
      nodeTaintsPolicy: "Honor",
    },
    {
      maxSkew: 2,
      topologyKey: "kubernetes.io/hostname",
      whenUnsatisfiable: "DoNotSchedule",
      labelSelector: { matchLabels: { app: "b" } },
    },
  ],
  [
    {
      maxSkew: 1,
      topologyKey: "topology.kubernetes.io/zone",
      whenUnsatisfiable: "DoNotSchedule",
      labelSelector: {},
      matchLabelKeys: ["app"],
    },
  ],
];

type Step =
  | {
      readonly kind: "add";
      readonly node: number;
      readonly app: number;
      readonly otherNamespace: boolean;
      readonly terminating: boolean;
    }
  | { readonly kind: "remove"; readonly pick: number }
  | { readonly kind: "node"; readonly node: number; readonly zone: number; readonly tainted: boolean }
  | {
      readonly kind: "count";
      readonly constraints: number;
      readonly app: number;
      readonly otherNamespace: boolean;
      readonly ssdOnly: boolean;
      readonly tolerates: boolean;
    };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("add" as const),
      node: fc.nat(nodeCount - 1),
      app: fc.nat(2),
      otherNamespace: fc.boolean(),
      terminating: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("node" as const),
      node: fc.nat(nodeCount - 1),
      zone: fc.nat(3),
      tainted: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("count" as const),
      constraints: fc.nat(constraintSets.length - 1),
      app: fc.nat(2),
      otherNamespace: fc.boolean(),
      ssdOnly: fc.boolean(),
      tolerates: fc.boolean(),
    }),
  },
);

const apps = ["a", "b", "c"];

function countingInput(next: Extract<Step, { kind: "count" }>): SpreadCountInput {
  const pod: Pod = {
    metadata: {
      name: "incoming",
      namespace: next.otherNamespace ? "other" : "default",
      labels: { app: apps[next.app] as string },
    },
    spec: {
      containers: [],
      ...(next.ssdOnly ? { nodeSelector: { disk: "ssd" } } : {}),
      ...(next.tolerates ? { tolerations: [{ key: "dedicated", operator: "Exists" }] } : {}),
    },
  };
  const features = { ...defaultFeatures, enableNodeInclusionPolicyInPodTopologySpread: true };
  const constraints = parseSpreadConstraints(
    constraintSets[next.constraints],
    pod.metadata?.labels,
    "DoNotSchedule",
    features,
  );
  return { pod, constraints, affinity: requiredNodeAffinity(pod), features };
}

/** Domain counts as ordered entries, so the comparison includes the order domains appear in. */
function entries(counts: readonly Map<string, number>[]): [string, number][][] {
  return counts.map((domainCounts) => [...domainCounts]);
}

describe("SpreadCountCache", () => {
  it("counts exactly as a full count does, domain order included, while pods and nodes change", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        const scheduler = new SchedulerCache();
        for (let index = 0; index < nodeCount; index++)
          scheduler.addNode(clusterNode(index, index % 4, false));
        const cache = new SpreadCountCache();
        const placed: Pod[] = [];
        steps.forEach((next, index) => {
          switch (next.kind) {
            case "add": {
              const pod: Pod = {
                metadata: {
                  name: `pod-${index}`,
                  uid: `pod-${index}`,
                  namespace: next.otherNamespace ? "other" : "default",
                  labels: { app: apps[next.app] as string },
                  ...(next.terminating ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}),
                },
                spec: { containers: [], nodeName: `node-${next.node}` },
              };
              scheduler.addPod(pod);
              placed.push(pod);
              return;
            }
            case "remove": {
              const victim = placed.splice(next.pick % Math.max(placed.length, 1), 1)[0];
              if (victim !== undefined) scheduler.removePod(victim);
              return;
            }
            case "node":
              scheduler.updateNode(clusterNode(next.node, next.zone, next.tainted));
              return;
            case "count": {
              const input = countingInput(next);
              const nodes = scheduler.snapshot().list();
              const expected = new SpreadCountCache().domainCounts(input, nodes);
              expect(entries(cache.domainCounts(input, nodes))).toEqual(entries(expected));
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    {
      name: "a node that gains an untolerated taint stops counting under nodeTaintsPolicy Honor",
      constraints: 2,
      change: (index: number) => clusterNode(index, index % 3, true),
      expected: [
        [
          ["zone-0", 1],
          ["zone-2", 0],
        ],
        [
          ["node-0", 1],
          ["node-1", 1],
          ["node-2", 0],
        ],
      ],
    },
    {
      name: "a node that loses its zone label stops counting for the zone",
      constraints: 0,
      change: (index: number) => clusterNode(index, 3, false),
      expected: [
        [
          ["zone-0", 0],
          ["zone-2", 0],
        ],
      ],
    },
  ])("$name", ({ constraints, change, expected }) => {
    const scheduler = new SchedulerCache();
    for (let index = 0; index < 3; index++) scheduler.addNode(clusterNode(index, index, false));
    for (const [index, app] of [
      [0, "b"],
      [1, "b"],
    ] as const) {
      scheduler.addPod({
        metadata: { name: `p${index}`, uid: `p${index}`, namespace: "default", labels: { app } },
        spec: { containers: [], nodeName: `node-${index}` },
      });
    }
    const input = countingInput({
      kind: "count",
      constraints,
      app: 1,
      otherNamespace: false,
      ssdOnly: false,
      tolerates: false,
    });
    const cache = new SpreadCountCache();
    cache.domainCounts(input, scheduler.snapshot().list());
    scheduler.updateNode(change(1));
    expect(entries(cache.domainCounts(input, scheduler.snapshot().list()))).toEqual(expected);
  });

  it("hands out maps the caller may change without changing later answers", () => {
    const scheduler = new SchedulerCache();
    for (let index = 0; index < 3; index++) scheduler.addNode(clusterNode(index, index, false));
    const input = countingInput({
      kind: "count",
      constraints: 0,
      app: 0,
      otherNamespace: false,
      ssdOnly: false,
      tolerates: false,
    });
    const cache = new SpreadCountCache();
    const first = cache.domainCounts(input, scheduler.snapshot().list());
    first[0]?.set("zone-0", 99);
    expect(entries(cache.domainCounts(input, scheduler.snapshot().list()))).toEqual([
      [
        ["zone-0", 0],
        ["zone-1", 0],
        ["zone-2", 0],
      ],
    ]);
  });

  it("recounts node infos that are not the scheduler cache's every time", () => {
    const input = countingInput({
      kind: "count",
      constraints: 0,
      app: 0,
      otherNamespace: false,
      ssdOnly: false,
      tolerates: false,
    });
    const pods: Pod[] = [];
    const plain: NodeInfo = {
      ...createNodeInfo(clusterNode(0, 0, false)),
      name: "node-0",
      generation: 1,
      get pods() {
        return pods.map((pod) => createNodeInfo(undefined, [pod]).pods[0]) as NodeInfo["pods"];
      },
    } as NodeInfo;
    const nodes = createNodeInfoLister([plain]).list();
    const cache = new SpreadCountCache();
    expect(entries(cache.domainCounts(input, nodes))).toEqual([[["zone-0", 0]]]);
    pods.push({
      metadata: { name: "p", namespace: "default", labels: { app: "a" } },
      spec: { containers: [], nodeName: "node-0" },
    });
    expect(entries(cache.domainCounts(input, nodes))).toEqual([[["zone-0", 1]]]);
  });
});

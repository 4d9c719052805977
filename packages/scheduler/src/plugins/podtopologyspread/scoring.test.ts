import type { Node, Pod, TopologySpreadConstraint } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  CycleState,
  codeName,
  type NodeScore,
  type PreScorePlugin,
  type ScoreExtensions,
  type ScorePlugin,
} from "../../framework/index.js";
import { createNodeInfo } from "../../framework/node-info.js";
import { createPodTopologySpread } from "./pod-topology-spread.js";
import type { PodTopologySpreadArgs } from "./pod-topology-spread-args.js";
import { podTopologySpreadPreScoreStateKey, SpreadPreScoreState } from "./scoring.js";
import {
  createTestCluster,
  existsSelector,
  labelsSelector,
  makeNode,
  makePod,
  unschedulableTaints as taints,
  testFeatures,
} from "./spread-test-fixtures.js";

const fooSelector = existsSelector("foo");
const barSelector = existsSelector("bar");
const hostname = "kubernetes.io/hostname";
const zoneLabel = "topology.kubernetes.io/zone";

type Plugin = PreScorePlugin & ScorePlugin & ScoreExtensions;

/** A pod on a node with the given labels (value "" unless given as `key=value`). */
function onNode(name: string, node: string, ...labels: string[]): Pod {
  const builder = makePod().name(name).node(node);
  for (const label of labels) {
    const [key, value] = label.split("=");
    builder.label(key as string, value ?? "");
  }
  return builder.obj();
}

function podsOn(node: string, count: number, ...labels: string[]): Pod[] {
  return Array.from({ length: count }, (_, index) =>
    onNode(`p-${node.slice(-1)}${index + 1}`, node, ...labels),
  );
}

function hostNodes(...names: string[]): Node[] {
  return names.map((name) => makeNode(name, { [hostname]: name }));
}

const replicaSetOwner = ["apps/v1", "ReplicaSet"] as const;

describe("PodTopologySpread PreScore Skip (upstream TestPreScoreSkip)", () => {
  it.each([
    {
      name: "the pod doesn't have soft topology spread Constraints",
      pod: makePod().name("p").namespace("default").obj(),
      args: { defaultingType: "List" } satisfies PodTopologySpreadArgs,
      nodes: hostNodes("node-a", "node-b"),
      objects: [] as object[],
    },
    {
      name: "default constraints and a replicaset that doesn't match",
      pod: makePod()
        .name("p")
        .namespace("default")
        .label("foo", "bar")
        .label("baz", "sup")
        .ownerReference("rs2", ...replicaSetOwner)
        .obj(),
      args: {
        defaultConstraints: [{ maxSkew: 2, topologyKey: "planet", whenUnsatisfiable: "ScheduleAnyway" }],
        defaultingType: "List",
      } satisfies PodTopologySpreadArgs,
      nodes: [makeNode("node-a", { planet: "mars" })],
      objects: [
        {
          kind: "ReplicaSet",
          metadata: { namespace: "default", name: "rs1" },
          spec: { selector: existsSelector("tar") },
        },
      ],
    },
  ])("$name", ({ pod, args, nodes, objects }) => {
    const cluster = createTestCluster(nodes, [], objects);
    const plugin = createPodTopologySpread(args, cluster.handle, testFeatures()) as Plugin;
    const status = plugin.preScore(new CycleState(), pod, cluster.nodeInfos);
    expect(status === undefined ? "Success" : codeName(status.code)).toBe("Skip");
  });
});

interface PreScoreStateCase {
  readonly name: string;
  readonly pod: Pod;
  readonly nodes: Node[];
  readonly objects?: object[];
  readonly args: PodTopologySpreadArgs;
  readonly want: {
    readonly constraints: ReadonlyArray<{
      topologyKey: string;
      maxSkew: number;
      selector: string;
      nodeAffinityPolicy: string;
      nodeTaintsPolicy: string;
    }>;
    readonly ignoredNodes: string[];
    readonly counts: ReadonlyArray<Record<string, number>>;
    readonly domains: readonly number[];
  };
  readonly enableNodeInclusionPolicy?: boolean;
}

function constraint(
  topologyKey: string,
  maxSkew: number,
  selector: string,
  nodeAffinityPolicy = "Honor",
  nodeTaintsPolicy = "Ignore",
) {
  return { topologyKey, maxSkew, selector, nodeAffinityPolicy, nodeTaintsPolicy };
}

const zoneNodes = [
  makeNode("node-a", { zone: "zone1", [hostname]: "node-a" }),
  makeNode("node-b", { zone: "zone1", [hostname]: "node-b" }),
  makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }),
];
const fooZoneNodes = [
  makeNode("node-a", { zone: "zone1", foo: "", [hostname]: "node-a" }),
  makeNode("node-b", { zone: "zone1", foo: "", [hostname]: "node-b" }),
  makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }),
];
const zoneBar = (policy: { affinity?: string; taints?: string } = {}) =>
  constraint("zone", 1, "bar", policy.affinity, policy.taints);

const preScoreStateCases: PreScoreStateCase[] = [
  {
    name: "normal case",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, hostname, "ScheduleAnyway", fooSelector)
      .obj(),
    nodes: zoneNodes,
    args: { defaultingType: "List" },
    want: {
      constraints: [constraint("zone", 1, "foo"), constraint(hostname, 1, "foo")],
      ignoredNodes: [],
      counts: [{ zone1: 0, zone2: 0 }, {}],
      domains: [2, 3],
    },
  },
  {
    name: "null selector",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "ScheduleAnyway", undefined).obj(),
    nodes: zoneNodes,
    args: { defaultingType: "List" },
    want: {
      constraints: [constraint("zone", 1, "")],
      ignoredNodes: [],
      counts: [{ zone1: 0, zone2: 0 }],
      domains: [2],
    },
  },
  {
    name: "node-x doesn't have label zone",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, hostname, "ScheduleAnyway", barSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", [hostname]: "node-a" }),
      makeNode("node-b", { zone: "zone1", [hostname]: "node-b" }),
      makeNode("node-x", { [hostname]: "node-x" }),
    ],
    args: { defaultingType: "List" },
    want: {
      constraints: [constraint("zone", 1, "foo"), constraint(hostname, 1, "bar")],
      ignoredNodes: ["node-x"],
      counts: [{ zone1: 0 }, {}],
      domains: [1, 2],
    },
  },
  {
    name: "system default constraints and a replicaset",
    pod: makePod()
      .name("p")
      .namespace("default")
      .label("foo", "tar")
      .label("baz", "sup")
      .ownerReference("rs1", ...replicaSetOwner)
      .obj(),
    args: { defaultingType: "System" },
    nodes: [
      makeNode("node-a", { [hostname]: "node-a", [zoneLabel]: "mars" }),
      makeNode("node-b", { [hostname]: "node-b", [zoneLabel]: "mars" }),
      // Nodes with no zone are not excluded. They are considered a separate zone.
      makeNode("node-c", { [hostname]: "node-c" }),
      makeNode("node-d", { [hostname]: "node-d" }),
    ],
    objects: [
      {
        kind: "ReplicaSet",
        metadata: { namespace: "default", name: "rs1" },
        spec: { selector: fooSelector },
      },
    ],
    want: {
      constraints: [constraint(hostname, 3, "foo"), constraint(zoneLabel, 5, "foo")],
      ignoredNodes: [],
      counts: [{}, { mars: 0, "": 0 }],
      domains: [4, 2],
    },
  },
  {
    name: "default constraints and a replicaset",
    pod: makePod()
      .name("p")
      .namespace("default")
      .label("foo", "tar")
      .label("baz", "sup")
      .ownerReference("rs1", ...replicaSetOwner)
      .obj(),
    args: {
      defaultConstraints: [
        { maxSkew: 1, topologyKey: hostname, whenUnsatisfiable: "ScheduleAnyway" },
        { maxSkew: 2, topologyKey: "rack", whenUnsatisfiable: "DoNotSchedule" },
        { maxSkew: 2, topologyKey: "planet", whenUnsatisfiable: "ScheduleAnyway" },
      ],
      defaultingType: "List",
    },
    nodes: [makeNode("node-a", { rack: "rack1", [hostname]: "node-a", planet: "mars" })],
    objects: [
      {
        kind: "ReplicaSet",
        metadata: { namespace: "default", name: "rs1" },
        spec: { selector: fooSelector },
      },
    ],
    want: {
      constraints: [constraint(hostname, 1, "foo"), constraint("planet", 2, "foo")],
      ignoredNodes: [],
      counts: [{}, { mars: 0 }],
      domains: [1, 1],
    },
  },
  {
    name: "default constraints and a replicaset, but pod has constraints",
    pod: makePod()
      .name("p")
      .namespace("default")
      .label("foo", "bar")
      .label("baz", "sup")
      .ownerReference("rs1", ...replicaSetOwner)
      .spreadConstraint(1, "zone", "DoNotSchedule", barSelector)
      .spreadConstraint(2, "planet", "ScheduleAnyway", labelsSelector({ baz: "sup" }))
      .obj(),
    args: {
      defaultConstraints: [{ maxSkew: 2, topologyKey: "galaxy", whenUnsatisfiable: "ScheduleAnyway" }],
      defaultingType: "List",
    },
    nodes: [makeNode("node-a", { planet: "mars", galaxy: "andromeda" })],
    objects: [
      {
        kind: "ReplicaSet",
        metadata: { namespace: "default", name: "rs1" },
        spec: { selector: fooSelector },
      },
    ],
    want: {
      constraints: [constraint("planet", 2, "baz=sup")],
      ignoredNodes: [],
      counts: [{ mars: 0 }],
      domains: [1],
    },
  },
  {
    name: "NodeAffinityPolicy honored with labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "zone", "ScheduleAnyway", barSelector)
      .obj(),
    nodes: fooZoneNodes,
    args: { defaultingType: "List" },
    want: { constraints: [zoneBar()], ignoredNodes: [], counts: [{ zone1: 0, zone2: 0 }], domains: [2] },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy ignored with labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "zone", "ScheduleAnyway", barSelector, undefined, "Ignore")
      .obj(),
    nodes: fooZoneNodes,
    args: { defaultingType: "List" },
    want: {
      constraints: [zoneBar({ affinity: "Ignore" })],
      ignoredNodes: [],
      counts: [{ zone1: 0, zone2: 0 }],
      domains: [2],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy honored with nodeAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("foo", [""])
      .spreadConstraint(1, "zone", "ScheduleAnyway", barSelector)
      .obj(),
    nodes: fooZoneNodes,
    args: { defaultingType: "List" },
    want: { constraints: [zoneBar()], ignoredNodes: [], counts: [{ zone1: 0, zone2: 0 }], domains: [2] },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy ignored with nodeAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("foo", [""])
      .spreadConstraint(1, "zone", "ScheduleAnyway", barSelector, undefined, "Ignore")
      .obj(),
    nodes: fooZoneNodes,
    args: { defaultingType: "List" },
    want: {
      constraints: [zoneBar({ affinity: "Ignore" })],
      ignoredNodes: [],
      counts: [{ zone1: 0, zone2: 0 }],
      domains: [2],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeTaintsPolicy honored",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", barSelector, undefined, undefined, "Honor")
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", foo: "", [hostname]: "node-a" }),
      makeNode("node-b", { zone: "zone1", foo: "", [hostname]: "node-b" }),
      makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }, taints),
    ],
    args: { defaultingType: "List" },
    want: {
      constraints: [zoneBar({ taints: "Honor" })],
      ignoredNodes: [],
      counts: [{ zone1: 0, zone2: 0 }],
      domains: [2],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeTaintsPolicy ignored",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", barSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", foo: "", [hostname]: "node-a" }),
      makeNode("node-b", { zone: "zone1", foo: "", [hostname]: "node-b" }),
      makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }, taints),
    ],
    args: { defaultingType: "List" },
    want: { constraints: [zoneBar()], ignoredNodes: [], counts: [{ zone1: 0, zone2: 0 }], domains: [2] },
    enableNodeInclusionPolicy: true,
  },
];

describe("PodTopologySpread PreScore state (upstream TestPreScoreStateEmptyNodes)", () => {
  it.each(preScoreStateCases)("$name", (testCase) => {
    const cluster = createTestCluster(testCase.nodes, [], testCase.objects ?? []);
    const plugin = createPodTopologySpread(
      testCase.args,
      cluster.handle,
      testFeatures(testCase.enableNodeInclusionPolicy ?? false),
    ) as Plugin;
    const cycleState = new CycleState();
    const feasible = testCase.nodes.map((node) => createNodeInfo(node));
    expect(plugin.preScore(cycleState, testCase.pod, feasible)).toBeUndefined();
    const state = cycleState.read<SpreadPreScoreState>(podTopologySpreadPreScoreStateKey);
    if (!(state instanceof SpreadPreScoreState)) throw new Error("no PreScore state");
    expect({
      constraints: state.constraints.map((spread) => ({
        topologyKey: spread.topologyKey,
        maxSkew: spread.maxSkew,
        selector: spread.selector.toString(),
        nodeAffinityPolicy: spread.nodeAffinityPolicy,
        nodeTaintsPolicy: spread.nodeTaintsPolicy,
      })),
      ignoredNodes: [...state.ignoredNodes],
      counts: state.domainCounts.map((counts) => Object.fromEntries(counts)),
      weights: state.weights,
    }).toEqual({
      constraints: testCase.want.constraints,
      ignoredNodes: testCase.want.ignoredNodes,
      counts: testCase.want.counts,
      weights: testCase.want.domains.map((size) => Math.log(size + 2)),
    });
  });
});

interface ScoreCase {
  readonly name: string;
  readonly pod: Pod;
  readonly existingPods?: Pod[];
  readonly nodes: Node[];
  readonly failedNodes?: Node[];
  readonly objects?: object[];
  readonly want: Record<string, number>;
  readonly enableNodeInclusionPolicy?: boolean;
  readonly enableMatchLabelKeys?: boolean;
}

const hostFoo = (maxSkew: number) =>
  makePod()
    .name("p")
    .label("foo", "")
    .spreadConstraint(maxSkew, hostname, "ScheduleAnyway", fooSelector)
    .obj();

/** Matching pods spread as 4/3/2/1 over node-a..node-d. */
const spread4321 = [
  ...podsOn("node-a", 4, "foo"),
  ...podsOn("node-b", 3, "foo"),
  ...podsOn("node-c", 2, "foo"),
  ...podsOn("node-d", 1, "foo"),
];
/** Matching pods spread as 2/1/0/3 over node-a..node-d. */
const spread2103 = [
  ...podsOn("node-a", 2, "foo"),
  ...podsOn("node-b", 1, "foo"),
  ...podsOn("node-d", 3, "foo"),
];
/** Matching pods spread as 4/2/1/3 over node-a, node-b, node-x, node-y. */
const spread4213 = [
  ...podsOn("node-a", 4, "foo"),
  ...podsOn("node-b", 2, "foo"),
  ...podsOn("node-x", 1, "foo"),
  ...podsOn("node-y", 3, "foo"),
];
const inclusionNodes = (taintC = false) => [
  makeNode("node-a", { node: "node-a", ...(taintC ? {} : { foo: "" }) }),
  makeNode("node-b", { node: "node-b", ...(taintC ? {} : { foo: "" }) }),
  makeNode("node-c", { node: "node-c" }, taintC ? taints : undefined),
];
const inclusionPods = [
  ...podsOn("node-a", 2, "foo"),
  ...podsOn("node-b", 1, "foo"),
  ...podsOn("node-c", 1, "foo"),
];
const fourZoneHostNodes = [
  makeNode("node-a", { zone: "zone1", [hostname]: "node-a" }),
  makeNode("node-b", { zone: "zone1", [hostname]: "node-b" }),
  makeNode("node-c", { zone: "zone2", [hostname]: "node-c" }),
  makeNode("node-d", { zone: "zone2", [hostname]: "node-d" }),
];

const scoreCases: ScoreCase[] = [
  {
    name: "one constraint on node, no existing pods",
    pod: hostFoo(1),
    nodes: hostNodes("node-a", "node-b"),
    want: { "node-a": 100, "node-b": 100 },
  },
  {
    name: "one constraint on node, only one node is candidate",
    pod: hostFoo(1),
    existingPods: [...podsOn("node-a", 2, "foo"), ...podsOn("node-b", 1, "foo")],
    nodes: hostNodes("node-a"),
    failedNodes: hostNodes("node-b"),
    want: { "node-a": 100 },
  },
  {
    name: "one constraint on node, all nodes have the same number of matching pods",
    pod: hostFoo(1),
    existingPods: [...podsOn("node-a", 1, "foo"), ...podsOn("node-b", 1, "foo")],
    nodes: hostNodes("node-a", "node-b"),
    want: { "node-a": 100, "node-b": 100 },
  },
  {
    name: "one constraint on node, all 4 nodes are candidates",
    pod: hostFoo(1),
    existingPods: spread2103,
    nodes: hostNodes("node-a", "node-b", "node-c", "node-d"),
    want: { "node-a": 20, "node-b": 60, "node-c": 100, "node-d": 0 },
  },
  {
    name: "one constraint on node, null selector",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, hostname, "ScheduleAnyway", undefined)
      .obj(),
    existingPods: spread2103,
    nodes: hostNodes("node-a", "node-b", "node-c", "node-d"),
    want: { "node-a": 100, "node-b": 100, "node-c": 100, "node-d": 100 },
  },
  {
    name: "one constraint on node, all 4 nodes are candidates, maxSkew=2",
    pod: hostFoo(2),
    existingPods: spread2103,
    nodes: hostNodes("node-a", "node-b", "node-c", "node-d"),
    want: { "node-a": 33, "node-b": 66, "node-c": 100, "node-d": 16 },
  },
  {
    name: "one constraint on node, all 4 nodes are candidates, maxSkew=3",
    pod: hostFoo(3),
    existingPods: spread4321,
    nodes: hostNodes("node-a", "node-b", "node-c", "node-d"),
    want: { "node-a": 44, "node-b": 66, "node-c": 77, "node-d": 100 },
  },
  {
    name: "system defaulting, nodes don't have zone, pods match service",
    pod: makePod().name("p").label("foo", "").obj(),
    existingPods: spread4321,
    nodes: hostNodes("node-a", "node-b", "node-c", "node-d"),
    objects: [{ kind: "Service", spec: { selector: { foo: "" } } }],
    want: { "node-a": 44, "node-b": 66, "node-c": 77, "node-d": 100 },
  },
  {
    name: "one constraint on node, 3 out of 4 nodes are candidates",
    pod: hostFoo(1),
    existingPods: spread4213,
    nodes: hostNodes("node-a", "node-b", "node-x"),
    failedNodes: hostNodes("node-y"),
    want: { "node-a": 33, "node-b": 83, "node-x": 100 },
  },
  {
    name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
    pod: hostFoo(1),
    existingPods: spread4213,
    nodes: [
      makeNode("node-a", { [hostname]: "node-a" }),
      makeNode("node-b", { n: "node-b" }),
      makeNode("node-x", { [hostname]: "node-x" }),
    ],
    failedNodes: hostNodes("node-y"),
    want: { "node-a": 16, "node-b": 0, "node-x": 100 },
  },
  {
    name: "one constraint on zone, 3 out of 4 nodes are candidates",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .obj(),
    existingPods: spread4213,
    nodes: [
      makeNode("node-a", { zone: "zone1", [hostname]: "node-a" }),
      makeNode("node-b", { zone: "zone1", [hostname]: "node-b" }),
      makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }),
    ],
    failedNodes: [makeNode("node-y", { zone: "zone2", [hostname]: "node-y" })],
    want: { "node-a": 75, "node-b": 75, "node-x": 100 },
  },
  {
    name: "two Constraints on zone and node, 2 out of 4 nodes are candidates",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, hostname, "ScheduleAnyway", fooSelector)
      .obj(),
    existingPods: [
      ...podsOn("node-a", 2, "foo"),
      ...podsOn("node-b", 1, "foo"),
      ...podsOn("node-x", 2, "foo"),
      ...podsOn("node-y", 4, "foo"),
    ],
    nodes: [
      makeNode("node-a", { zone: "zone1", [hostname]: "node-a" }),
      makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }),
    ],
    failedNodes: [
      makeNode("node-b", { zone: "zone1", [hostname]: "node-b" }),
      makeNode("node-y", { zone: "zone2", [hostname]: "node-y" }),
    ],
    want: { "node-a": 100, "node-x": 63 },
  },
  {
    name: "two Constraints on zone, 2 out of 4 nodes are candidates",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, "zone", "ScheduleAnyway", barSelector)
      .obj(),
    existingPods: [
      onNode("p-a1", "node-a", "foo", "bar"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo", "bar"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo", "bar"),
      onNode("p-y3", "node-y", "foo"),
    ],
    nodes: [makeNode("node-a", { zone: "zone1" }), makeNode("node-x", { zone: "zone2" })],
    failedNodes: [makeNode("node-b", { zone: "zone1" }), makeNode("node-y", { zone: "zone2" })],
    want: { "node-a": 85, "node-x": 100 },
  },
  {
    name: "two Constraints on zone and node, with different labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, hostname, "ScheduleAnyway", barSelector)
      .obj(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo", "bar"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "bar"),
    ],
    nodes: [
      makeNode("node-a", { zone: "zone1", [hostname]: "node-a" }),
      makeNode("node-b", { zone: "zone1", [hostname]: "node-b" }),
      makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }),
      makeNode("node-y", { zone: "zone2", [hostname]: "node-y" }),
    ],
    want: { "node-a": 60, "node-b": 20, "node-x": 100, "node-y": 60 },
  },
  {
    name: "two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, hostname, "ScheduleAnyway", barSelector)
      .obj(),
    existingPods: [
      onNode("p-b1", "node-b", "bar"),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-y1", "node-y", "foo", "bar"),
    ],
    nodes: [
      makeNode("node-a", { zone: "zone1", [hostname]: "node-a" }),
      makeNode("node-b", { zone: "zone1", [hostname]: "node-b" }),
      makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }),
      makeNode("node-y", { zone: "zone2", [hostname]: "node-y" }),
    ],
    want: { "node-a": 100, "node-b": 60, "node-x": 40, "node-y": 0 },
  },
  {
    name: "two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, hostname, "ScheduleAnyway", barSelector)
      .obj(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo", "bar"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "bar"),
    ],
    nodes: [
      makeNode("node-a", { zone: "zone1", [hostname]: "node-a" }),
      makeNode("node-b", { zone: "zone1", [hostname]: "node-b" }),
      makeNode("node-x", { zone: "zone2", [hostname]: "node-x" }),
    ],
    failedNodes: [makeNode("node-y", { zone: "zone2", [hostname]: "node-y" })],
    want: { "node-a": 50, "node-b": 25, "node-x": 100 },
  },
  {
    name: "existing pods in a different namespace do not count",
    pod: hostFoo(1),
    existingPods: [
      makePod().name("p-a1").namespace("ns1").node("node-a").label("foo", "").obj(),
      onNode("p-a2", "node-a", "foo"),
      ...podsOn("node-b", 2, "foo"),
    ],
    nodes: hostNodes("node-a", "node-b"),
    want: { "node-a": 100, "node-b": 33 },
  },
  {
    name: "terminating Pods should be excluded",
    pod: hostFoo(1),
    nodes: hostNodes("node-a", "node-b"),
    existingPods: [
      makePod().name("p-a").node("node-a").label("foo", "").terminating().obj(),
      onNode("p-b", "node-b", "foo"),
    ],
    want: { "node-a": 100, "node-b": 0 },
  },
  {
    name: "minDomains has no effect when ScheduleAnyway",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(2, "node", "ScheduleAnyway", fooSelector, 10)
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a" }),
      makeNode("node-b", { node: "node-b" }),
      makeNode("node-c", { node: "node-c" }),
    ],
    existingPods: [
      ...podsOn("node-a", 2, "foo"),
      ...podsOn("node-b", 2, "foo"),
      ...podsOn("node-c", 1, "foo"),
    ],
    want: { "node-a": 75, "node-b": 75, "node-c": 100 },
  },
  {
    name: "NodeAffinityPolicy honoed with labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "node", "ScheduleAnyway", fooSelector)
      .obj(),
    nodes: inclusionNodes(),
    existingPods: inclusionPods,
    want: { "node-a": 0, "node-b": 33, "node-c": 100 },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy ignored with labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "node", "ScheduleAnyway", fooSelector, undefined, "Ignore")
      .obj(),
    nodes: inclusionNodes(),
    existingPods: inclusionPods,
    want: { "node-a": 66, "node-b": 100, "node-c": 100 },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy honoed with nodeAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("foo", [""])
      .spreadConstraint(1, "node", "ScheduleAnyway", fooSelector)
      .obj(),
    nodes: inclusionNodes(),
    existingPods: inclusionPods,
    want: { "node-a": 0, "node-b": 33, "node-c": 100 },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy ignored with nodeAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("foo", [""])
      .spreadConstraint(1, "node", "ScheduleAnyway", fooSelector, undefined, "Ignore")
      .obj(),
    nodes: inclusionNodes(),
    existingPods: inclusionPods,
    want: { "node-a": 66, "node-b": 100, "node-c": 100 },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeTaintsPolicy honored",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "node", "ScheduleAnyway", fooSelector, undefined, undefined, "Honor")
      .obj(),
    nodes: inclusionNodes(true),
    existingPods: inclusionPods,
    want: { "node-a": 0, "node-b": 33, "node-c": 100 },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeTaintsPolicy ignored",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "node", "ScheduleAnyway", fooSelector)
      .obj(),
    nodes: inclusionNodes(true),
    existingPods: inclusionPods,
    want: { "node-a": 66, "node-b": 100, "node-c": 100 },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "matchLabelKeys ignored when feature gate disabled",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .label("baz", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector, undefined, undefined, undefined, ["baz"])
      .spreadConstraint(1, hostname, "ScheduleAnyway", barSelector, undefined, undefined, undefined, ["baz"])
      .obj(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo", "bar"),
      onNode("p-y1", "node-c", "foo"),
      onNode("p-y2", "node-c", "bar"),
    ],
    nodes: fourZoneHostNodes,
    want: { "node-a": 60, "node-b": 20, "node-c": 60, "node-d": 100 },
    enableMatchLabelKeys: false,
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector is empty",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", {}, undefined, undefined, undefined, ["foo"])
      .spreadConstraint(1, hostname, "ScheduleAnyway", {}, undefined, undefined, undefined, ["bar"])
      .obj(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo", "bar"),
      onNode("p-y1", "node-c", "foo"),
      onNode("p-y2", "node-c", "bar"),
    ],
    nodes: fourZoneHostNodes,
    want: { "node-a": 60, "node-b": 20, "node-c": 60, "node-d": 100 },
    enableMatchLabelKeys: true,
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .label("baz", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, hostname, "ScheduleAnyway", barSelector, undefined, undefined, undefined, ["baz"])
      .obj(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo", "bar", "baz"),
      onNode("p-c1", "node-c", "foo"),
      onNode("p-c2", "node-c", "bar"),
      onNode("p-d3", "node-c", "bar", "baz"),
    ],
    nodes: fourZoneHostNodes,
    want: { "node-a": 60, "node-b": 20, "node-c": 60, "node-d": 100 },
    enableMatchLabelKeys: true,
  },
];

function runScore(testCase: ScoreCase, args: PodTopologySpreadArgs = { defaultingType: "System" }) {
  const allNodes = [...testCase.nodes, ...(testCase.failedNodes ?? [])];
  const cluster = createTestCluster(allNodes, testCase.existingPods ?? [], testCase.objects ?? []);
  const plugin = createPodTopologySpread(
    args,
    cluster.handle,
    testFeatures(testCase.enableNodeInclusionPolicy ?? false, testCase.enableMatchLabelKeys ?? false),
  ) as Plugin;
  const state = new CycleState();
  const feasible = testCase.nodes.map((node) => cluster.nodeInfo(node.metadata?.name ?? ""));
  expect(plugin.preScore(state, testCase.pod, feasible)).toBeUndefined();
  const scores: NodeScore[] = feasible.map((nodeInfo) => {
    const { score, status } = plugin.score(state, testCase.pod, nodeInfo);
    expect(status).toBeUndefined();
    return { name: nodeInfo.name, score };
  });
  const raw = scores.map((entry) => entry.score);
  expect(plugin.scoreExtensions?.()?.normalizeScore(state, testCase.pod, scores)).toBeUndefined();
  return { raw, normalized: Object.fromEntries(scores.map((entry) => [entry.name, entry.score])) };
}

describe("PodTopologySpread Score (upstream TestPodTopologySpreadScore)", () => {
  it.each(scoreCases)("$name", (testCase) => {
    expect(runScore(testCase).normalized).toEqual(testCase.want);
  });

  it.each([
    // ln(4+2)=1.79: node-a 2·1.79=3.58→4, node-b 1.79→2, node-c 0, node-d 3·1.79=5.38→5.
    {
      name: "hostname spreading weighs each count by ln(nodes + 2) and rounds",
      maxSkew: 1,
      want: [4, 2, 0, 5],
    },
    // maxSkew 2 adds 1 to every node: 4.58→5, 2.79→3, 1, 6.38→6.
    { name: "maxSkew − 1 is added to every node's raw score", maxSkew: 2, want: [5, 3, 1, 6] },
  ])("$name", ({ maxSkew, want }) => {
    const { raw } = runScore({
      name: "raw",
      pod: hostFoo(maxSkew),
      existingPods: spread2103,
      nodes: hostNodes("node-a", "node-b", "node-c", "node-d"),
      want: {},
    });
    expect(raw).toEqual(want);
  });

  it("gives ignored nodes a raw score of 0", () => {
    const { raw } = runScore({
      name: "raw",
      pod: hostFoo(1),
      existingPods: spread4213,
      nodes: [makeNode("node-a", { [hostname]: "node-a" }), makeNode("node-b", { n: "node-b" })],
      want: {},
    });
    expect(raw).toEqual([Math.round(4 * Math.log(1 + 2)), 0]);
  });

  it("scores nothing without listers under System defaulting (no Service or controller selects the pod)", () => {
    const cluster = createTestCluster(hostNodes("node-a"), []);
    const plugin = createPodTopologySpread(undefined, cluster.handle, testFeatures()) as Plugin;
    const status = plugin.preScore(
      new CycleState(),
      makePod().name("p").label("foo", "").obj(),
      cluster.nodeInfos,
    );
    expect(status === undefined ? "Success" : codeName(status.code)).toBe("Skip");
  });

  it("uses a ReplicationController's selector for default constraints", () => {
    const pod = makePod()
      .name("p")
      .namespace("ns")
      .label("app", "web")
      .ownerReference("rc", "v1", "ReplicationController")
      .obj();
    const nodes = hostNodes("node-a", "node-b");
    const existing = [makePod().name("w1").namespace("ns").node("node-a").label("app", "web").obj()];
    const cluster = createTestCluster(nodes, existing, [
      {
        kind: "ReplicationController",
        metadata: { namespace: "ns", name: "rc" },
        spec: { selector: { app: "web" } },
      },
    ]);
    const plugin = createPodTopologySpread(undefined, cluster.handle, testFeatures()) as Plugin;
    const state = new CycleState();
    expect(plugin.preScore(state, pod, cluster.nodeInfos)).toBeUndefined();
    const scores = cluster.nodeInfos.map((nodeInfo) => ({
      name: nodeInfo.name,
      score: plugin.score(state, pod, nodeInfo).score,
    }));
    // Hostname maxSkew 3: node-a 1·ln(4)+2 = 3.39 → 3, node-b 0+2 = 2; zone is missing everywhere.
    expect(scores.map((entry) => entry.score)).toEqual([3, 2]);
    plugin.scoreExtensions?.()?.normalizeScore(state, pod, scores);
    expect(scores.map((entry) => entry.score)).toEqual([66, 100]);
  });

  it("reports an Error from Score when PreScore did not run", () => {
    const cluster = createTestCluster(hostNodes("node-a"));
    const plugin = createPodTopologySpread(undefined, cluster.handle, testFeatures()) as Plugin;
    const { status } = plugin.score(new CycleState(), hostFoo(1), cluster.nodeInfo("node-a"));
    expect(
      status === undefined ? undefined : { code: codeName(status.code), reasons: status.reasons },
    ).toEqual({
      code: "Error",
      reasons: ['error reading "PreScorePodTopologySpread" from cycleState: not found'],
    });
  });

  it("keeps a default constraint's maxSkew when it is given as List defaulting", () => {
    const defaults: TopologySpreadConstraint[] = [
      { maxSkew: 4, topologyKey: hostname, whenUnsatisfiable: "ScheduleAnyway" },
    ];
    const { raw } = runScore(
      {
        name: "list",
        pod: makePod().name("p").label("foo", "").obj(),
        existingPods: spread2103,
        nodes: hostNodes("node-a", "node-b", "node-c", "node-d"),
        objects: [{ kind: "Service", spec: { selector: { foo: "" } } }],
        want: {},
      },
      { defaultConstraints: defaults, defaultingType: "List" },
    );
    // count·ln(6) + 3: 6.58→7, 4.79→5, 3, 8.38→8.
    expect(raw).toEqual([7, 5, 3, 8]);
  });
});

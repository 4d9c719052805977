import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { CycleState, codeName, type FilterPlugin, type PreFilterPlugin } from "../../framework/index.js";
import { createNodeInfo } from "../../framework/node-info.js";
import {
  podTopologySpreadConstraintsNotMatchReason,
  podTopologySpreadNodeLabelNotMatchReason,
} from "./filtering.js";
import { createPodTopologySpread } from "./pod-topology-spread.js";
import {
  createTestCluster,
  existsSelector,
  makeNode,
  makePod,
  unschedulableTaints as taints,
  testFeatures,
} from "./spread-test-fixtures.js";

const fooSelector = existsSelector("foo");
const barSelector = existsSelector("bar");

type Plugin = PreFilterPlugin & FilterPlugin;
type Outcome = "Success" | "Unschedulable" | "UnschedulableAndUnresolvable";

/** The full status each outcome stands for: upstream's exact reasons. */
const statusOf: Record<Outcome, { code: string; reasons: string[] }> = {
  Success: { code: "Success", reasons: [] },
  Unschedulable: { code: "Unschedulable", reasons: [podTopologySpreadConstraintsNotMatchReason] },
  UnschedulableAndUnresolvable: {
    code: "UnschedulableAndUnresolvable",
    reasons: [podTopologySpreadNodeLabelNotMatchReason],
  },
};

interface FilterCase {
  readonly name: string;
  readonly pod: Pod;
  readonly nodes: Node[];
  readonly existingPods?: Pod[];
  readonly want: Record<string, Outcome>;
  readonly enableNodeInclusionPolicy?: boolean;
}

function zoneNodes(): Node[] {
  return [
    makeNode("node-a", { zone: "zone1", node: "node-a" }),
    makeNode("node-b", { zone: "zone1", node: "node-b" }),
    makeNode("node-x", { zone: "zone2", node: "node-x" }),
    makeNode("node-y", { zone: "zone2", node: "node-y" }),
  ];
}

/** A pod on a node with the given labels (all with the value ""). */
function onNode(name: string, node: string, ...labels: string[]): Pod {
  const builder = makePod().name(name).node(node);
  for (const label of labels) builder.label(label, "");
  return builder.obj();
}

/** Existing pods spread as 2/1/0/3 over node-a, node-b, node-x, node-y. */
const spread2103 = [
  onNode("p-a1", "node-a", "foo"),
  onNode("p-a2", "node-a", "foo"),
  onNode("p-b1", "node-b", "foo"),
  onNode("p-y1", "node-y", "foo"),
  onNode("p-y2", "node-y", "foo"),
  onNode("p-y3", "node-y", "foo"),
];

const fourNodesWithFoo = [
  makeNode("node-a", { node: "node-a", foo: "" }),
  makeNode("node-b", { node: "node-b", foo: "" }),
  makeNode("node-x", { node: "node-x", foo: "" }),
];

const oneOneZeroOne = [
  onNode("p-b1", "node-a", "foo"),
  onNode("p-b2", "node-b", "foo"),
  onNode("p-y1", "node-y", "foo"),
];

const singleConstraintCases: FilterCase[] = [
  {
    name: "no existing pods",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(),
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Success", "node-y": "Success" },
  },
  {
    name: "no existing pods, incoming pod doesn't match itself",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", barSelector).obj(),
    nodes: zoneNodes(),
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Success", "node-y": "Success" },
  },
  {
    name: "existing pods in a different namespace do not count",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: [
      makePod().name("p-a1").namespace("ns1").node("node-a").label("foo", "").obj(),
      makePod().name("p-b1").namespace("ns2").node("node-a").label("foo", "").obj(),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Unschedulable", "node-y": "Unschedulable" },
  },
  {
    name: "existing pods do not match null selector",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", undefined).obj(),
    nodes: zoneNodes(),
    existingPods: [onNode("p-x1", "node-x", "foo"), onNode("p-y1", "node-y", "foo")],
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Success", "node-y": "Success" },
  },
  {
    name: "pods spread across zones as 3/3, all nodes fit",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: spread2103,
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Success", "node-y": "Success" },
  },
  {
    name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", fooSelector).obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a" }),
      makeNode("node-b", { zon: "zone1", node: "node-b" }),
      makeNode("node-x", { zone: "zone2", node: "node-x" }),
      makeNode("node-y", { zone: "zone2", node: "node-y" }),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: {
      "node-a": "Success",
      "node-b": "UnschedulableAndUnresolvable",
      "node-x": "Unschedulable",
      "node-y": "Unschedulable",
    },
  },
  {
    name: "pod cannot be scheduled as all nodes don't have label 'rack'",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "rack", "DoNotSchedule", fooSelector).obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a" }),
      makeNode("node-x", { zone: "zone2", node: "node-x" }),
    ],
    want: { "node-a": "UnschedulableAndUnresolvable", "node-x": "UnschedulableAndUnresolvable" },
  },
  {
    name: "pods spread across nodes as 2/1/0/3, only node-x fits",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: spread2103,
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
  },
  {
    name: "pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit",
    pod: makePod().name("p").label("foo", "").spreadConstraint(2, "node", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: spread2103,
    want: { "node-a": "Unschedulable", "node-b": "Success", "node-x": "Success", "node-y": "Unschedulable" },
  },
  {
    name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
    pod: makePod().name("p").label("bar", "").spreadConstraint(1, "node", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: spread2103,
    want: { "node-a": "Unschedulable", "node-b": "Success", "node-x": "Success", "node-y": "Unschedulable" },
  },
  {
    name: "incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("node", ["node-a", "node-y"])
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: spread2103,
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Success", "node-y": "Unschedulable" },
  },
  {
    name: "terminating Pods should be excluded",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", fooSelector).obj(),
    nodes: [makeNode("node-a", { node: "node-a" }), makeNode("node-b", { node: "node-b" })],
    existingPods: [
      makePod().name("p-a").node("node-a").label("foo", "").terminating().obj(),
      onNode("p-b", "node-b", "foo"),
    ],
    want: { "node-a": "Success", "node-b": "Unschedulable" },
  },
  {
    name: "incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityNotIn("node", ["node-b"])
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-b1", "node-b", "foo"),
      onNode("p-b2", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Unschedulable", "node-y": "Unschedulable" },
  },
  {
    name: "pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(2, "node", "DoNotSchedule", fooSelector, 4)
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a" }),
      makeNode("node-b", { node: "node-b" }),
      makeNode("node-c", { node: "node-c" }),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-b2", "node-b", "foo"),
      onNode("p-c1", "node-c", "foo"),
    ],
    want: { "node-a": "Unschedulable", "node-b": "Unschedulable", "node-c": "Success" },
  },
  {
    name: "pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(2, "node", "DoNotSchedule", fooSelector, 2)
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a" }),
      makeNode("node-b", { node: "node-b" }),
      makeNode("node-c", { node: "node-c" }),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-b2", "node-b", "foo"),
      onNode("p-c1", "node-c", "foo"),
    ],
    want: { "node-a": "Success", "node-b": "Success", "node-c": "Success" },
  },
  {
    name: "pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(2, "zone", "DoNotSchedule", fooSelector, 3)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-b1", "node-a", "foo"),
      onNode("p-b2", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: { "node-a": "Unschedulable", "node-b": "Unschedulable", "node-x": "Success", "node-y": "Success" },
  },
  {
    name: "pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(2, "zone", "DoNotSchedule", fooSelector, 1)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-b1", "node-a", "foo"),
      onNode("p-b2", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Success", "node-y": "Success" },
  },
  {
    name: "NodeAffinityPolicy honored with labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: [...fourNodesWithFoo, makeNode("node-y", { node: "node-y" })],
    existingPods: oneOneZeroOne,
    want: { "node-a": "Unschedulable", "node-b": "Unschedulable", "node-x": "Success", "node-y": "Success" },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy ignored with labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector, undefined, "Ignore")
      .obj(),
    nodes: [...fourNodesWithFoo, makeNode("node-y", { node: "node-y" })],
    existingPods: oneOneZeroOne,
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy honored with nodeAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("foo", [""])
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: [...fourNodesWithFoo, makeNode("node-y", { node: "node-y" })],
    existingPods: oneOneZeroOne,
    want: { "node-a": "Unschedulable", "node-b": "Unschedulable", "node-x": "Success", "node-y": "Success" },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy ignored with nodeAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("foo", [""])
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector, undefined, "Ignore")
      .obj(),
    nodes: [...fourNodesWithFoo, makeNode("node-y", { node: "node-y" })],
    existingPods: oneOneZeroOne,
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeTaintsPolicy honored",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector, undefined, undefined, "Honor")
      .obj(),
    nodes: [...fourNodesWithFoo, makeNode("node-y", { node: "node-y" }, taints)],
    existingPods: oneOneZeroOne,
    want: { "node-a": "Unschedulable", "node-b": "Unschedulable", "node-x": "Success", "node-y": "Success" },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeTaintsPolicy ignored",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", fooSelector).obj(),
    nodes: [...fourNodesWithFoo, makeNode("node-y", { node: "node-y" }, taints)],
    existingPods: oneOneZeroOne,
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
    enableNodeInclusionPolicy: true,
  },
];

const multipleConstraintCases: FilterCase[] = [
  {
    name: "two Constraints on zone and node, spreads = [3/3, 2/1/0/3]",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: spread2103,
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
  },
  {
    name: "two Constraints on zone and node, spreads = [3/4, 2/1/0/4]",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [...spread2103, onNode("p-y4", "node-y", "foo")],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Unschedulable",
      "node-y": "Unschedulable",
    },
  },
  {
    name: "Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [onNode("p-a1", "node-a", "foo"), onNode("p-y1", "node-y", "bar")],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
  },
  {
    name: "Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-x1", "node-x", "bar"),
      onNode("p-y1", "node-y", "bar"),
    ],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Unschedulable",
      "node-y": "Unschedulable",
    },
  },
  {
    name: "Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo", "bar"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo", "bar"),
      onNode("p-y3", "node-y", "foo"),
    ],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Success",
      "node-x": "Unschedulable",
      "node-y": "Unschedulable",
    },
  },
  {
    name: "Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint",
    pod: makePod()
      .name("p")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-x1", "node-x", "bar"),
      onNode("p-y1", "node-y", "bar"),
    ],
    want: { "node-a": "Success", "node-b": "Success", "node-x": "Unschedulable", "node-y": "Unschedulable" },
  },
  {
    name: "two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a" }),
      makeNode("node-b", { zone: "zone1", node: "node-b" }),
      makeNode("node-x", { zone: "zone2" }),
      makeNode("node-y", { zone: "zone2", node: "node-y" }),
    ],
    existingPods: [onNode("p-a1", "node-a", "foo"), onNode("p-y3", "node-y", "foo")],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Success",
      "node-x": "UnschedulableAndUnresolvable",
      "node-y": "Unschedulable",
    },
  },
  {
    name: "two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector, undefined, "Ignore")
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a", foo: "" }),
      makeNode("node-b", { zone: "zone1", node: "node-b", foo: "" }),
      makeNode("node-x", { zone: "zone2", node: "node-x", foo: "" }),
      makeNode("node-y", { zone: "zone2", node: "node-y" }),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "two node inclusion Constraints, zone: honor/honor, node: honor/ignore",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector, undefined, undefined, "Honor")
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a", foo: "" }),
      makeNode("node-b", { zone: "zone1", node: "node-b", foo: "" }),
      makeNode("node-x", { zone: "zone2", node: "node-x", foo: "" }),
      makeNode("node-y", { zone: "zone2", node: "node-y" }, taints),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "two node inclusion Constraints, zone: honor/ignore, node: honor/ignore",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a", foo: "" }),
      makeNode("node-b", { zone: "zone1", node: "node-b" }),
      makeNode("node-x", { zone: "zone2", node: "node-x", foo: "" }),
      makeNode("node-y", { zone: "zone2", node: "node-y", foo: "" }, taints),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: { "node-a": "Unschedulable", "node-b": "Success", "node-x": "Success", "node-y": "Unschedulable" },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "two node inclusion Constraints, zone: honor/honor, node: ignore/ignore",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector, undefined, undefined, "Honor")
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector, undefined, "Ignore")
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a", foo: "" }),
      makeNode("node-b", { zone: "zone1", node: "node-b" }),
      makeNode("node-x", { zone: "zone2", node: "node-x", foo: "" }),
      makeNode("node-y", { zone: "zone2", node: "node-y", foo: "" }, taints),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Success",
      "node-y": "Unschedulable",
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "two Constraints on zone, spreads = [3/3, 2/1]",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", barSelector)
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo", "bar"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo", "bar"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo", "bar"),
      onNode("p-y3", "node-y", "foo"),
    ],
    want: { "node-a": "Unschedulable", "node-b": "Unschedulable", "node-x": "Success", "node-y": "Success" },
  },
  {
    name: "two Constraints on zone, spreads = [3/4, 2/1]",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", barSelector)
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo", "bar"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo", "bar"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo", "bar"),
      onNode("p-y3", "node-y", "foo"),
      onNode("p-y4", "node-y", "foo"),
    ],
    want: {
      "node-a": "Unschedulable",
      "node-b": "Unschedulable",
      "node-x": "Unschedulable",
      "node-y": "Unschedulable",
    },
  },
];

function runFilter(testCase: FilterCase): Record<string, { code: string; reasons: readonly string[] }> {
  const cluster = createTestCluster(testCase.nodes, testCase.existingPods ?? []);
  const plugin = createPodTopologySpread(
    { defaultingType: "List" },
    cluster.handle,
    testFeatures(testCase.enableNodeInclusionPolicy ?? false),
  ) as Plugin;
  const state = new CycleState();
  expect(plugin.preFilter(state, testCase.pod, cluster.nodeInfos).status).toBeUndefined();
  const got: Record<string, { code: string; reasons: readonly string[] }> = {};
  for (const nodeInfo of cluster.nodeInfos) {
    const status = plugin.filter(state, testCase.pod, nodeInfo);
    got[nodeInfo.name] =
      status === undefined ? statusOf.Success : { code: codeName(status.code), reasons: status.reasons };
  }
  return got;
}

function expectedStatuses(
  want: Record<string, Outcome>,
): Record<string, { code: string; reasons: string[] }> {
  return Object.fromEntries(Object.entries(want).map(([node, outcome]) => [node, statusOf[outcome]]));
}

describe("PodTopologySpread Filter", () => {
  describe("one constraint (upstream TestSingleConstraint)", () => {
    it.each(singleConstraintCases)("$name", (testCase) => {
      expect(runFilter(testCase)).toEqual(expectedStatuses(testCase.want));
    });
  });

  describe("several constraints (upstream TestMultipleConstraints)", () => {
    it.each(multipleConstraintCases)("$name", (testCase) => {
      expect(runFilter(testCase)).toEqual(expectedStatuses(testCase.want));
    });
  });

  it("reports an Error when PreFilter did not run (upstream TestPreFilterDisabled)", () => {
    const cluster = createTestCluster([]);
    const plugin = createPodTopologySpread(
      { defaultingType: "List" },
      cluster.handle,
      testFeatures(),
    ) as Plugin;
    const status = plugin.filter(new CycleState(), { spec: { containers: [] } }, createNodeInfo({}));
    expect(
      status === undefined ? undefined : { code: codeName(status.code), reasons: status.reasons },
    ).toEqual({
      code: "Error",
      reasons: ['reading "PreFilterPodTopologySpread" from cycleState: not found'],
    });
  });

  it("returns Skip from PreFilter when the pod has only soft constraints and defaulting is System", () => {
    const cluster = createTestCluster([makeNode("node-a", { zone: "zone1" })]);
    const plugin = createPodTopologySpread(undefined, cluster.handle, testFeatures()) as Plugin;
    const pod = makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .obj();
    const status = plugin.preFilter(new CycleState(), pod, cluster.nodeInfos).status;
    expect(status === undefined ? "Success" : codeName(status.code)).toBe("Skip");
  });

  it("reports an invalid label selector of the pod as a PreFilter Error", () => {
    const cluster = createTestCluster([makeNode("node-a", { zone: "zone1" })]);
    const plugin = createPodTopologySpread(undefined, cluster.handle, testFeatures()) as Plugin;
    const pod = makePod()
      .name("p")
      .spreadConstraint(1, "zone", "DoNotSchedule", {
        matchExpressions: [{ key: "foo", operator: "In", values: [] }],
      })
      .obj();
    const status = plugin.preFilter(new CycleState(), pod, cluster.nodeInfos).status;
    expect(
      status === undefined ? undefined : { code: codeName(status.code), reasons: status.reasons },
    ).toEqual({
      code: "Error",
      reasons: [
        "get constraints from pod: obtaining pod's hard topology spread constraints: values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
      ],
    });
  });
});

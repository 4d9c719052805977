import type { Node, Pod, Taint, Toleration } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { evaluatePlugin } from "../../evaluate-plugin/index.js";

function nodeWithTaints(name: string, taints: Taint[]): Node {
  return { metadata: { name }, spec: { taints } };
}

function podWithTolerations(name: string, tolerations: Toleration[]): Pod {
  return { metadata: { name }, spec: { containers: [], tolerations } };
}

const success = { code: "Success", reasons: [] };
const untolerated = (reason: string) => ({ code: "UnschedulableAndUnresolvable", reasons: [reason] });

// Upstream's TestTaintTolerationFilter (v1.32 reasons).
const filterCases: ReadonlyArray<{ name: string; pod: Pod; node: Node; want: unknown }> = [
  {
    name: "a pod without tolerations is not placed on a node with a NoSchedule taint",
    pod: podWithTolerations("pod1", []),
    node: nodeWithTaints("nodeA", [{ key: "dedicated", value: "user1", effect: "NoSchedule" }]),
    want: untolerated("node(s) had untolerated taint {dedicated: user1}"),
  },
  {
    name: "a pod tolerating user1 is placed on the node dedicated to user1",
    pod: podWithTolerations("pod1", [{ key: "dedicated", value: "user1", effect: "NoSchedule" }]),
    node: nodeWithTaints("nodeA", [{ key: "dedicated", value: "user1", effect: "NoSchedule" }]),
    want: success,
  },
  {
    name: "a pod tolerating user2 is not placed on the node dedicated to user1",
    pod: podWithTolerations("pod1", [
      { key: "dedicated", operator: "Equal", value: "user2", effect: "NoSchedule" },
    ]),
    node: nodeWithTaints("nodeA", [{ key: "dedicated", value: "user1", effect: "NoSchedule" }]),
    want: untolerated("node(s) had untolerated taint {dedicated: user1}"),
  },
  {
    name: "a toleration with operator Exists tolerates the taint whatever its value",
    pod: podWithTolerations("pod1", [{ key: "foo", operator: "Exists", effect: "NoSchedule" }]),
    node: nodeWithTaints("nodeA", [{ key: "foo", value: "bar", effect: "NoSchedule" }]),
    want: success,
  },
  {
    name: "a pod whose tolerations cover all of the node's taints is placed there",
    pod: podWithTolerations("pod1", [
      { key: "dedicated", operator: "Equal", value: "user2", effect: "NoSchedule" },
      { key: "foo", operator: "Exists", effect: "NoSchedule" },
    ]),
    node: nodeWithTaints("nodeA", [
      { key: "dedicated", value: "user2", effect: "NoSchedule" },
      { key: "foo", value: "bar", effect: "NoSchedule" },
    ]),
    want: success,
  },
  {
    name: "a toleration with matching key and value but another non-empty effect does not tolerate",
    pod: podWithTolerations("pod1", [
      { key: "foo", operator: "Equal", value: "bar", effect: "PreferNoSchedule" },
    ]),
    node: nodeWithTaints("nodeA", [{ key: "foo", value: "bar", effect: "NoSchedule" }]),
    want: untolerated("node(s) had untolerated taint {foo: bar}"),
  },
  {
    name: "a toleration with matching key and value and an empty effect tolerates a NoSchedule taint",
    pod: podWithTolerations("pod1", [{ key: "foo", operator: "Equal", value: "bar" }]),
    node: nodeWithTaints("nodeA", [{ key: "foo", value: "bar", effect: "NoSchedule" }]),
    want: success,
  },
  {
    name: "an untolerated PreferNoSchedule taint does not keep a pod with other tolerations off the node",
    pod: podWithTolerations("pod1", [
      { key: "dedicated", operator: "Equal", value: "user2", effect: "NoSchedule" },
    ]),
    node: nodeWithTaints("nodeA", [{ key: "dedicated", value: "user1", effect: "PreferNoSchedule" }]),
    want: success,
  },
  {
    name: "an untolerated PreferNoSchedule taint does not keep a pod without tolerations off the node",
    pod: podWithTolerations("pod1", []),
    node: nodeWithTaints("nodeA", [{ key: "dedicated", value: "user1", effect: "PreferNoSchedule" }]),
    want: success,
  },
  {
    name: "the first untolerated NoExecute or NoSchedule taint in node order is reported, with an empty value as {k: }",
    pod: podWithTolerations("pod1", []),
    node: nodeWithTaints("nodeA", [
      { key: "soft", effect: "PreferNoSchedule" },
      { key: "node.kubernetes.io/not-ready", effect: "NoExecute" },
      { key: "dedicated", value: "user1", effect: "NoSchedule" },
    ]),
    want: untolerated("node(s) had untolerated taint {node.kubernetes.io/not-ready: }"),
  },
];

// Upstream's TestTaintTolerationScore (the v1.32 cases): raw counts, then reversed normalization.
const scoreCases: ReadonlyArray<{
  name: string;
  pod: Pod;
  nodes: Node[];
  raw: number[];
  normalized: number[];
}> = [
  {
    name: "a node whose taints the pod tolerates scores higher than one with intolerable taints",
    pod: podWithTolerations("pod1", [
      { key: "foo", operator: "Equal", value: "bar", effect: "PreferNoSchedule" },
    ]),
    nodes: [
      nodeWithTaints("nodeA", [{ key: "foo", value: "bar", effect: "PreferNoSchedule" }]),
      nodeWithTaints("nodeB", [{ key: "foo", value: "blah", effect: "PreferNoSchedule" }]),
    ],
    raw: [0, 1],
    normalized: [100, 0],
  },
  {
    name: "nodes whose taints are all tolerated score the same however many taints they have",
    pod: podWithTolerations("pod1", [
      { key: "cpu-type", operator: "Equal", value: "arm64", effect: "PreferNoSchedule" },
      { key: "disk-type", operator: "Equal", value: "ssd", effect: "PreferNoSchedule" },
    ]),
    nodes: [
      nodeWithTaints("nodeA", []),
      nodeWithTaints("nodeB", [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }]),
      nodeWithTaints("nodeC", [
        { key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" },
        { key: "disk-type", value: "ssd", effect: "PreferNoSchedule" },
      ]),
    ],
    raw: [0, 0, 0],
    normalized: [100, 100, 100],
  },
  {
    name: "the more intolerable taints a node has the lower it scores",
    pod: podWithTolerations("pod1", [
      { key: "foo", operator: "Equal", value: "bar", effect: "PreferNoSchedule" },
    ]),
    nodes: [
      nodeWithTaints("nodeA", []),
      nodeWithTaints("nodeB", [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }]),
      nodeWithTaints("nodeC", [
        { key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" },
        { key: "disk-type", value: "ssd", effect: "PreferNoSchedule" },
      ]),
    ],
    raw: [0, 1, 2],
    normalized: [100, 50, 0],
  },
  {
    name: "only PreferNoSchedule taints and tolerations count for the score",
    pod: podWithTolerations("pod1", [
      { key: "cpu-type", operator: "Equal", value: "arm64", effect: "NoSchedule" },
      { key: "disk-type", operator: "Equal", value: "ssd", effect: "NoSchedule" },
    ]),
    nodes: [
      nodeWithTaints("nodeA", []),
      nodeWithTaints("nodeB", [{ key: "cpu-type", value: "arm64", effect: "NoSchedule" }]),
      nodeWithTaints("nodeC", [
        { key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" },
        { key: "disk-type", value: "ssd", effect: "PreferNoSchedule" },
      ]),
    ],
    raw: [0, 0, 2],
    normalized: [100, 100, 0],
  },
  {
    name: "without tolerations the pod prefers the node without taints",
    pod: podWithTolerations("pod1", []),
    nodes: [
      nodeWithTaints("nodeA", []),
      nodeWithTaints("nodeB", [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }]),
    ],
    raw: [0, 1],
    normalized: [100, 0],
  },
];

describe("TaintToleration", () => {
  describe("Filter", () => {
    it.each(filterCases)("$name", ({ pod, node, want }) => {
      expect(evaluatePlugin("TaintToleration", { pod, nodes: [node] }).filter).toEqual([want]);
    });
  });

  describe("Score", () => {
    it.each(scoreCases)("$name", ({ pod, nodes, raw, normalized }) => {
      const result = evaluatePlugin("TaintToleration", { pod, nodes });
      expect(result.preScore).toEqual(success);
      expect(result.scores).toEqual(raw);
      expect(result.normalizedScores).toEqual(normalized);
      expect(result.scoreStatus).toEqual(success);
    });

    it("reports an Error when Score runs without PreScore state", () => {
      const result = evaluatePlugin("TaintToleration", {
        pod: podWithTolerations("pod1", []),
        nodes: [nodeWithTaints("nodeA", [])],
        runPreScore: false,
      });
      expect(result.preScore).toBeUndefined();
      expect(result.scores).toBeUndefined();
      expect(result.scoreStatus).toEqual({
        code: "Error",
        reasons: ['failed to read "PreScoreTaintToleration" from cycleState: not found'],
      });
    });
  });
});

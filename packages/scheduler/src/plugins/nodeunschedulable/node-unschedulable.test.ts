import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { evaluatePlugin } from "../../evaluate-plugin/index.js";
import { defaultFeatures } from "../../framework/types.js";
import { createNodeUnschedulable } from "./node-unschedulable.js";

// Upstream's TestNodeUnschedulable, run through evaluatePlugin, plus the unknown-node case.
const cases: ReadonlyArray<{ name: string; pod: Pod; node: Node | undefined; want: unknown }> = [
  {
    name: "a pod is not placed on a node with spec.unschedulable true",
    pod: {},
    node: { spec: { unschedulable: true } },
    want: { code: "UnschedulableAndUnresolvable", reasons: ["node(s) were unschedulable"] },
  },
  {
    name: "a pod is placed on a normal node",
    pod: {},
    node: { spec: { unschedulable: false } },
    want: { code: "Success", reasons: [] },
  },
  {
    name: "a pod tolerating the unschedulable taint is placed on an unschedulable node",
    pod: {
      spec: {
        containers: [],
        tolerations: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }],
      },
    },
    node: { spec: { unschedulable: true } },
    want: { code: "Success", reasons: [] },
  },
  {
    name: "a toleration for another effect does not tolerate the unschedulable node",
    pod: {
      spec: {
        containers: [],
        tolerations: [{ key: "node.kubernetes.io/unschedulable", effect: "NoExecute" }],
      },
    },
    node: { spec: { unschedulable: true } },
    want: { code: "UnschedulableAndUnresolvable", reasons: ["node(s) were unschedulable"] },
  },
  {
    name: "a node whose object is unknown has unknown conditions",
    pod: {},
    node: undefined,
    want: { code: "UnschedulableAndUnresolvable", reasons: ["node(s) had unknown conditions"] },
  },
];

describe("NodeUnschedulable", () => {
  it.each(cases)("$name", ({ pod, node, want }) => {
    const result = evaluatePlugin("NodeUnschedulable", { pod, nodes: [node] });
    expect(result).toEqual({ filter: [want] });
  });

  it("registers node add, taint and label changes without queueing hints and toleration updates with them", () => {
    expect(createNodeUnschedulable(defaultFeatures).eventsToRegister()).toEqual([
      { resource: "Node", action: "Add" },
      { resource: "Node", action: "UpdateNodeTaint" },
      { resource: "Node", action: "UpdateNodeLabel" },
    ]);
    expect(
      createNodeUnschedulable({ ...defaultFeatures, enableSchedulingQueueHint: true }).eventsToRegister(),
    ).toEqual([
      { resource: "Node", action: "Add" },
      { resource: "Node", action: "UpdateNodeTaint" },
      { resource: "Pod", action: "UpdatePodTolerations" },
    ]);
  });
});

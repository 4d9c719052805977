import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { nodeSchedulingPropertiesChange, podSchedulingPropertiesChange } from "./cluster-event-changes.js";

const base: Node = {
  metadata: { name: "n", labels: { a: "1" }, annotations: { x: "y" } },
  spec: { unschedulable: true, taints: [{ key: "k", effect: "NoSchedule" }] },
  status: { allocatable: { cpu: "2" }, conditions: [{ type: "Ready", status: "True" }] },
};

describe("nodeSchedulingPropertiesChange", () => {
  it.each([
    {
      name: "reports nothing for a heartbeat-only change",
      change: (node: Node) => ({
        ...node,
        status: {
          ...node.status,
          conditions: [{ type: "Ready", status: "True", lastHeartbeatTime: "later" }],
        },
      }),
      expected: [],
    },
    {
      name: "reports uncordoning as a taint change",
      change: (node: Node) => ({ ...node, spec: { ...node.spec, unschedulable: false } }),
      expected: ["UpdateNodeTaint"],
    },
    { name: "does not report cordoning", change: (node: Node) => node, expected: [] },
    {
      name: "reports label changes",
      change: (node: Node) => ({ ...node, metadata: { ...node.metadata, labels: { a: "2" } } }),
      expected: ["UpdateNodeLabel"],
    },
    {
      name: "reports allocatable changes",
      change: (node: Node) => ({ ...node, status: { ...node.status, allocatable: { cpu: "4" } } }),
      expected: ["UpdateNodeAllocatable"],
    },
    {
      name: "reports taint changes",
      change: (node: Node) => ({ ...node, spec: { ...node.spec, taints: [] } }),
      expected: ["UpdateNodeTaint"],
    },
    {
      name: "reports condition status changes",
      change: (node: Node) => ({
        ...node,
        status: { ...node.status, conditions: [{ type: "Ready", status: "False" }] },
      }),
      expected: ["UpdateNodeCondition"],
    },
    {
      name: "reports annotation changes",
      change: (node: Node) => ({ ...node, metadata: { ...node.metadata, annotations: {} } }),
      expected: ["UpdateNodeAnnotation"],
    },
  ])("$name", ({ change, expected }) => {
    expect(nodeSchedulingPropertiesChange(change(base), base).map((event) => event.action)).toEqual(expected);
  });
});

describe("podSchedulingPropertiesChange", () => {
  const pod: Pod = {
    metadata: { name: "p", labels: { app: "a" } },
    spec: { nodeName: "n", containers: [{ name: "c", resources: { requests: { cpu: "1" } } }] },
  };
  it.each([
    {
      name: "reports a generic update when nothing relevant changed",
      next: pod,
      expected: ["AssignedPod/Update"],
    },
    {
      name: "reports label changes",
      next: { ...pod, metadata: { name: "p", labels: { app: "b" } } },
      expected: ["AssignedPod/UpdatePodLabel"],
    },
    {
      name: "reports smaller requests as a scale down",
      next: {
        ...pod,
        spec: { nodeName: "n", containers: [{ name: "c", resources: { requests: { cpu: "500m" } } }] },
      },
      expected: ["AssignedPod/UpdatePodScaleDown"],
    },
    {
      name: "uses UnscheduledPod for pods without a node",
      next: {
        ...pod,
        spec: { containers: pod.spec?.containers ?? [], tolerations: [{ operator: "Exists" }] },
      },
      expected: ["UnscheduledPod/UpdatePodTolerations"],
    },
  ])("$name", ({ next, expected }) => {
    expect(
      podSchedulingPropertiesChange(next, pod).map((event) => `${event.resource}/${event.action}`),
    ).toEqual(expected);
  });
});

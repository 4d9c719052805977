import { describe, expect, it } from "vitest";
import type { Node } from "../types/index.js";
import { defaultNode } from "./node-defaults.js";

const notReadyTaint = { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" };

function node(fields: Record<string, unknown>): Node {
  return { apiVersion: "v1", kind: "Node", metadata: { name: "node-1" }, ...fields } as Node;
}

describe("defaultNode", () => {
  it.each([
    {
      name: "Unset allocatable becomes a copy of capacity.",
      status: { capacity: { cpu: "4", memory: "16Gi", pods: "110" } },
      expected: {
        capacity: { cpu: "4", memory: "16Gi", pods: "110" },
        allocatable: { cpu: "4", memory: "16Gi", pods: "110" },
      },
    },
    {
      name: "A set allocatable is kept.",
      status: { capacity: { cpu: "4" }, allocatable: { cpu: "3800m" } },
      expected: { capacity: { cpu: "4" }, allocatable: { cpu: "3800m" } },
    },
    {
      name: "Without capacity, allocatable stays unset.",
      status: { nodeInfo: { kubeletVersion: "v1.32.4" } },
      expected: { nodeInfo: { kubeletVersion: "v1.32.4" } },
    },
    {
      name: "Quantities are stored in canonical form, rounded up to milli-units.",
      status: { capacity: { cpu: 4, memory: "16384Mi", "example.com/dongle": "0.0001" } },
      expected: {
        capacity: { cpu: "4", memory: "16Gi", "example.com/dongle": "1m" },
        allocatable: { cpu: "4", memory: "16Gi", "example.com/dongle": "1m" },
      },
    },
  ])("$name", ({ status, expected }) => {
    expect(defaultNode(node({ status }), { admission: false }).status).toStrictEqual(expected);
  });

  it("stores the same values when the same texts come again", () => {
    const capacity = { cpu: "0.5", memory: "four", pods: " 110 " };
    const expected = { cpu: "500m", memory: "four", pods: "110" };
    for (let round = 0; round < 3; round++) {
      expect(
        defaultNode(node({ status: { capacity } }), { admission: false }).status?.capacity,
      ).toStrictEqual(expected);
    }
  });

  it("makes the allocatable copy independent of capacity", () => {
    const defaulted = defaultNode(node({ status: { capacity: { cpu: "4" } } }));
    expect(defaulted.status?.allocatable).not.toBe(defaulted.status?.capacity);
  });

  it.each([
    {
      name: "A new node without taints gets the not-ready NoSchedule taint.",
      spec: undefined,
      expected: [notReadyTaint],
    },
    {
      name: "The not-ready taint is appended after existing taints.",
      spec: { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] },
      expected: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }, notReadyTaint],
    },
    {
      name: "An existing not-ready NoSchedule taint is not duplicated, whatever its value.",
      spec: { taints: [{ key: "node.kubernetes.io/not-ready", value: "x", effect: "NoSchedule" }] },
      expected: [{ key: "node.kubernetes.io/not-ready", value: "x", effect: "NoSchedule" }],
    },
    {
      name: "A not-ready NoExecute taint is a different taint, so NoSchedule is still added.",
      spec: { taints: [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }] },
      expected: [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }, notReadyTaint],
    },
  ])("$name", ({ spec, expected }) => {
    expect(defaultNode(node(spec === undefined ? {} : { spec })).spec?.taints).toStrictEqual(expected);
  });

  it.each([
    { name: "No taint is added on update.", options: { operation: "update" as const } },
    { name: "No taint is added with admission off.", options: { admission: false } },
  ])("$name", ({ options }) => {
    expect(defaultNode(node({}), options).spec).toBeUndefined();
  });

  it.each([
    {
      name: "podCIDR fills an empty podCIDRs.",
      spec: { podCIDR: "10.244.1.0/24" },
      expected: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"] },
    },
    {
      name: "podCIDRs fills an empty podCIDR.",
      spec: { podCIDRs: ["10.244.1.0/24", "fd00::/64"] },
      expected: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24", "fd00::/64"] },
    },
    {
      name: "A differing podCIDR wins over podCIDRs.",
      spec: { podCIDR: "10.0.0.0/24", podCIDRs: ["10.244.1.0/24"] },
      expected: { podCIDR: "10.0.0.0/24", podCIDRs: ["10.0.0.0/24"] },
    },
  ])("$name", ({ spec, expected }) => {
    expect(defaultNode(node({ spec }), { admission: false }).spec).toStrictEqual(expected);
  });
});

describe("defaultNode drops what Go's JSON encoding omits", () => {
  it.each([
    { name: "an empty taints list disappears", spec: { taints: [] }, expected: {} },
    { name: "unschedulable false disappears", spec: { unschedulable: false }, expected: {} },
    { name: "unschedulable true stays", spec: { unschedulable: true }, expected: { unschedulable: true } },
    {
      name: "a non-empty taints list stays",
      spec: { taints: [{ key: "a", effect: "NoSchedule" }] },
      expected: { taints: [{ key: "a", effect: "NoSchedule" }] },
    },
    { name: "an empty podCIDRs list disappears", spec: { podCIDRs: [] }, expected: {} },
  ])("$name", ({ spec, expected }) => {
    expect(defaultNode(node({ spec }), { operation: "update" }).spec).toEqual(expected);
  });
});

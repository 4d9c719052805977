import type { Node, NodeCondition, NodeSystemInfo } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { formatNodeRoles, nodeCells, nodeRoles, nodeStatus } from "./node-row.js";

const now = new Date("2026-11-29T19:21:30Z");

function node(
  options: { labels?: Record<string, string>; conditions?: NodeCondition[]; unschedulable?: boolean } = {},
): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: "node-1",
      creationTimestamp: "2026-11-26T19:11:30Z",
      ...(options.labels === undefined ? {} : { labels: options.labels }),
    },
    spec: options.unschedulable === undefined ? {} : { unschedulable: options.unschedulable },
    status: options.conditions === undefined ? {} : { conditions: options.conditions },
  };
}
const ready = (status: string): NodeCondition => ({ type: "Ready", status });

describe("nodeStatus", () => {
  it.each([
    {
      name: "a Ready=True condition reads Ready",
      input: node({ conditions: [ready("True")] }),
      expected: "Ready",
    },
    {
      name: "a Ready=False condition reads NotReady",
      input: node({ conditions: [ready("False")] }),
      expected: "NotReady",
    },
    {
      name: "a Ready=Unknown condition reads NotReady",
      input: node({ conditions: [ready("Unknown")] }),
      expected: "NotReady",
    },
    {
      name: "no Ready condition reads Unknown",
      input: node({ conditions: [{ type: "MemoryPressure", status: "False" }] }),
      expected: "Unknown",
    },
    { name: "no conditions at all read Unknown", input: node(), expected: "Unknown" },
    {
      name: "a cordoned ready node reads Ready,SchedulingDisabled",
      input: node({ conditions: [ready("True")], unschedulable: true }),
      expected: "Ready,SchedulingDisabled",
    },
    {
      name: "a cordoned node without conditions reads Unknown,SchedulingDisabled",
      input: node({ unschedulable: true }),
      expected: "Unknown,SchedulingDisabled",
    },
    {
      name: "the last of several Ready conditions wins",
      input: node({ conditions: [ready("True"), ready("False")] }),
      expected: "NotReady",
    },
    {
      name: "other conditions do not show",
      input: node({ conditions: [{ type: "DiskPressure", status: "True" }, ready("True")] }),
      expected: "Ready",
    },
  ])("$name", ({ input, expected }) => {
    expect(nodeStatus(input)).toBe(expected);
  });
});

describe("nodeRoles", () => {
  it.each([
    {
      name: "no role labels give no roles",
      labels: { "kubernetes.io/os": "linux" },
      roles: [],
      cell: "<none>",
    },
    {
      name: "a node-role label gives its suffix whatever its value",
      labels: { "node-role.kubernetes.io/control-plane": "" },
      roles: ["control-plane"],
      cell: "control-plane",
    },
    {
      name: "kubernetes.io/role adds its value and roles are sorted",
      labels: { "node-role.kubernetes.io/worker": "true", "kubernetes.io/role": "master" },
      roles: ["master", "worker"],
      cell: "master,worker",
    },
    {
      name: "the same role from both labels appears once",
      labels: { "node-role.kubernetes.io/master": "", "kubernetes.io/role": "master" },
      roles: ["master"],
      cell: "master",
    },
    {
      name: "an empty node-role suffix is ignored",
      labels: { "node-role.kubernetes.io/": "x" },
      roles: [],
      cell: "<none>",
    },
    {
      name: "an empty kubernetes.io/role value is ignored",
      labels: { "kubernetes.io/role": "" },
      roles: [],
      cell: "<none>",
    },
  ])("$name", ({ labels, roles, cell }) => {
    expect(nodeRoles(node({ labels }))).toEqual(roles);
    expect(formatNodeRoles(node({ labels }))).toBe(cell);
  });
});

describe("nodeCells", () => {
  it("prints the wide columns from the first address of each type and the node info", () => {
    const input: Node = {
      ...node({ conditions: [ready("True")], labels: { "node-role.kubernetes.io/control-plane": "" } }),
      status: {
        conditions: [ready("True")],
        addresses: [
          { type: "Hostname", address: "node-1" },
          { type: "InternalIP", address: "172.18.0.2" },
          { type: "InternalIP", address: "172.18.0.99" },
          { type: "ExternalIP", address: "203.0.113.7" },
        ],
        nodeInfo: {
          kubeletVersion: "v1.32.4",
          osImage: "Debian GNU/Linux 12 (bookworm)",
          kernelVersion: "6.8.0-stub",
          containerRuntimeVersion: "containerd://1.7.24",
        } as NodeSystemInfo,
      },
    };
    expect(nodeCells(input, now)).toEqual([
      "node-1",
      "Ready",
      "control-plane",
      "3d",
      "v1.32.4",
      "172.18.0.2",
      "203.0.113.7",
      "Debian GNU/Linux 12 (bookworm)",
      "6.8.0-stub",
      "containerd://1.7.24",
    ]);
  });

  it("prints <none> for missing addresses, <unknown> for missing node info and an empty version", () => {
    expect(nodeCells(node(), now).slice(4)).toEqual([
      "",
      "<none>",
      "<none>",
      "<unknown>",
      "<unknown>",
      "<unknown>",
    ]);
  });
});

import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { Code } from "../../framework/status.js";
import type { ResourceSpec } from "./args.js";
import {
  createNodeResourcesBalancedAllocation,
  nodeResourcesBalancedAllocationDefinition,
} from "./balanced-allocation.js";
import { makePod, makeSizedNode, scoreNodes } from "./test-fixtures.js";

// Ported from upstream balanced_allocation_test.go (pkg/scheduler/framework/plugins/noderesources, v1.32).

const cpuAndMemory = (node?: string) =>
  makePod({
    ...(node === undefined ? {} : { node }),
    requests: [
      { cpu: "1000m", memory: "2000" },
      { cpu: "2000m", memory: "3000" },
    ],
  });
const cpuOnly = (node: string) =>
  makePod({
    node,
    requests: [
      { cpu: "1000m", memory: "0" },
      { cpu: "2000m", memory: "0" },
    ],
  });
const cpuAndMemoryAndGpu = (node: string) =>
  makePod({
    node,
    requests: [
      { cpu: "1000m", memory: "2000" },
      { cpu: "2000m", memory: "3000", "nvidia.com/gpu": "3" },
    ],
  });
const defaultSet: ResourceSpec[] = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 },
];
const gpu = { "nvidia.com/gpu": 8 };

const cases: {
  name: string;
  pod: Pod;
  nodes: Node[];
  existing?: Pod[];
  resources?: ResourceSpec[];
  expected: [number, number];
  runPreScore?: boolean;
}[] = [
  {
    name: "nothing scheduled, nothing requested",
    pod: makePod(),
    nodes: [makeSizedNode("node1", 4000, 10000), makeSizedNode("node2", 4000, 10000)],
    expected: [100, 100],
  },
  {
    name: "nothing scheduled, resources requested, differently sized nodes",
    pod: cpuAndMemory(),
    nodes: [makeSizedNode("node1", 4000, 10000), makeSizedNode("node2", 6000, 10000)],
    expected: [87, 100],
  },
  {
    name: "no resources requested, pods without container scheduled",
    pod: makePod(),
    nodes: [makeSizedNode("node1", 4000, 10000), makeSizedNode("node2", 4000, 10000)],
    existing: [
      makePod({ node: "node1" }),
      makePod({ node: "node1" }),
      makePod({ node: "node2" }),
      makePod({ node: "node2" }),
    ],
    expected: [100, 100],
  },
  {
    name: "no resources requested, pods with container scheduled",
    pod: makePod(),
    nodes: [makeSizedNode("node1", 250, 1000 * 1024 * 1024), makeSizedNode("node2", 250, 1000 * 1024 * 1024)],
    existing: [makePod({ node: "node1", bareContainers: 1 }), makePod({ node: "node1", bareContainers: 1 })],
    expected: [100, 100],
  },
  {
    name: "no resources requested, pods scheduled with resources",
    pod: makePod(),
    nodes: [makeSizedNode("node1", 10000, 20000), makeSizedNode("node2", 10000, 20000)],
    existing: [cpuOnly("node1"), cpuOnly("node1"), cpuOnly("node2"), cpuAndMemory("node2")],
    expected: [70, 82],
  },
  {
    name: "resources requested, pods scheduled with resources",
    pod: cpuAndMemory(),
    nodes: [makeSizedNode("node1", 10000, 20000), makeSizedNode("node2", 10000, 20000)],
    existing: [cpuOnly("node1"), cpuAndMemory("node2")],
    expected: [82, 95],
  },
  {
    name: "resources requested, pods scheduled with resources, differently sized nodes",
    pod: cpuAndMemory(),
    nodes: [makeSizedNode("node1", 10000, 20000), makeSizedNode("node2", 10000, 50000)],
    existing: [cpuOnly("node1"), cpuAndMemory("node2")],
    expected: [82, 80],
  },
  {
    name: "requested resources at node capacity",
    pod: cpuOnly("node1"),
    nodes: [makeSizedNode("node1", 6000, 10000), makeSizedNode("node2", 6000, 10000)],
    existing: [cpuOnly("node1"), cpuAndMemory("node2")],
    expected: [50, 75],
  },
  {
    name: "zero node resources, pods scheduled with resources",
    pod: makePod(),
    nodes: [makeSizedNode("node1", 0, 0), makeSizedNode("node2", 0, 0)],
    existing: [cpuOnly("node1"), cpuAndMemory("node2")],
    expected: [100, 100],
  },
  {
    name: "include scalar resource on a node for balanced resource allocation",
    pod: makePod({ requests: [{ memory: "0", "nvidia.com/gpu": "1" }] }),
    nodes: [makeSizedNode("node1", 3500, 40000, gpu), makeSizedNode("node2", 3500, 40000, gpu)],
    existing: [cpuAndMemory("node2"), cpuAndMemoryAndGpu("node1")],
    resources: [...defaultSet, { name: "nvidia.com/gpu", weight: 1 }],
    expected: [70, 65],
  },
  {
    name: "node without the scalar resource results to a higher score",
    pod: makePod(),
    nodes: [makeSizedNode("node1", 3500, 40000, gpu), makeSizedNode("node2", 3500, 40000)],
    existing: [cpuOnly("node1"), cpuOnly("node2")],
    resources: [
      { name: "cpu", weight: 1 },
      { name: "nvidia.com/gpu", weight: 1 },
    ],
    expected: [100, 100],
  },
  {
    name: "resources requested, pods scheduled with resources if PreScore not called",
    pod: cpuAndMemory(),
    nodes: [makeSizedNode("node1", 10000, 20000), makeSizedNode("node2", 10000, 20000)],
    existing: [cpuOnly("node1"), cpuAndMemory("node2")],
    expected: [82, 95],
    runPreScore: false,
  },
];

describe("NodeResourcesBalancedAllocation (TestNodeResourcesBalancedAllocation)", () => {
  it.each(cases)("$name", ({ pod, nodes, existing, resources, expected, runPreScore }) => {
    const plugin = createNodeResourcesBalancedAllocation({ resources: resources ?? defaultSet });
    const { scores, statuses } = scoreNodes(plugin, pod, nodes, existing ?? [], runPreScore ?? true);
    expect(scores).toEqual([
      { name: "node1", score: expected[0] },
      { name: "node2", score: expected[1] },
    ]);
    expect(statuses).toEqual([undefined, undefined]);
  });

  it("fails Score with resources not found when the resource list is null", () => {
    const plugin = createNodeResourcesBalancedAllocation({ resources: null });
    const { scores, statuses } = scoreNodes(plugin, cpuAndMemory(), [makeSizedNode("node1", 4000, 10000)]);
    expect(scores).toEqual([{ name: "node1", score: 0 }]);
    expect(statuses[0]).toMatchObject({ code: Code.Error, reasons: ["resources not found"] });
  });

  it("refuses invalid args as upstream NewBalancedAllocation does", () => {
    expect(() => createNodeResourcesBalancedAllocation({ resources: [{ name: "cpu", weight: 2 }] })).toThrow(
      "resources[0].weight: Invalid value: 2: must be 1",
    );
  });

  it("scores cpu and memory after defaulting empty args", () => {
    const args = nodeResourcesBalancedAllocationDefinition.defaultArgs?.(undefined);
    expect(args).toEqual({ resources: defaultSet });
    const { scores } = scoreNodes(createNodeResourcesBalancedAllocation(args), cpuAndMemory(), [
      makeSizedNode("node1", 4000, 10000),
    ]);
    expect(scores).toEqual([{ name: "node1", score: 87 }]);
  });
});

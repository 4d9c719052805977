import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { Code } from "../../framework/status.js";
import { defaultFeatures } from "../../framework/types.js";
import type { ResourceSpec, UtilizationShapePoint } from "./args.js";
import { createNodeResourcesFit } from "./fit.js";
import { scaledQuotient } from "./integer-math.js";
import { brokenLinearFunction } from "./requested-to-capacity-ratio.js";
import { makeNode, makePod, makeSizedNode, scoreNodes } from "./test-fixtures.js";

// Ported from upstream least_allocated_test.go, most_allocated_test.go and
// requested_to_capacity_ratio_test.go (pkg/scheduler/framework/plugins/noderesources, v1.32).

const extendedRes = "abc.com/xyz";
const defaultResources: ResourceSpec[] = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 },
];
const extendedResourceSet: ResourceSpec[] = [...defaultResources, { name: extendedRes, weight: 1 }];

interface ScoreCase {
  name: string;
  pod: Pod;
  nodes: Node[];
  existing?: Pod[];
  resources: ResourceSpec[] | null;
  expected: [number, number] | [number];
  wantError?: boolean;
}

const twoContainers = () =>
  makePod({
    requests: [
      { cpu: "1000", memory: "2000" },
      { cpu: "2000", memory: "3000" },
    ],
  });
const nodes = (first: Record<string, string>, second?: Record<string, string>) =>
  second === undefined ? [makeNode("node1", first)] : [makeNode("node1", first), makeNode("node2", second)];
const small = { cpu: "4000", memory: "10000" };

function runScoreCase(type: string, testCase: ScoreCase, shape?: UtilizationShapePoint[]) {
  const plugin = createNodeResourcesFit(
    {
      scoringStrategy: {
        type,
        resources: testCase.resources,
        ...(shape === undefined ? {} : { requestedToCapacityRatio: { shape } }),
      },
    },
    defaultFeatures,
  );
  const { scores, statuses } = scoreNodes(plugin, testCase.pod, testCase.nodes, testCase.existing ?? []);
  expect(scores.map((entry) => entry.score)).toEqual(testCase.expected);
  for (const status of statuses) {
    if (testCase.wantError === true)
      expect(status).toMatchObject({ code: Code.Error, reasons: ["resources not found"] });
    else expect(status).toBeUndefined();
  }
}

const leastAllocatedCases: ScoreCase[] = [
  {
    name: "nothing scheduled, nothing requested",
    pod: makePod(),
    nodes: nodes(small, small),
    resources: defaultResources,
    expected: [100, 100],
  },
  {
    name: "nothing scheduled, resources requested, differently sized nodes",
    pod: twoContainers(),
    nodes: nodes(small, { cpu: "6000", memory: "10000" }),
    resources: defaultResources,
    expected: [37, 50],
  },
  {
    name: "resources not set, pods scheduled with error",
    pod: twoContainers(),
    nodes: nodes(small, { cpu: "6000", memory: "10000" }),
    resources: null,
    expected: [0, 0],
    wantError: true,
  },
  {
    name: "no resources requested, pods scheduled",
    pod: makePod(),
    nodes: nodes(small, small),
    existing: [
      makePod({ node: "node1" }),
      makePod({ node: "node1" }),
      makePod({ node: "node2" }),
      makePod({ node: "node2" }),
    ],
    resources: defaultResources,
    expected: [100, 100],
  },
  {
    name: "no resources requested, pods scheduled with resources",
    pod: makePod(),
    nodes: nodes({ cpu: "10000", memory: "20000" }, { cpu: "10000", memory: "20000" }),
    existing: [
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "5000" }] }),
    ],
    resources: defaultResources,
    expected: [70, 57],
  },
  {
    name: "resources requested, pods scheduled with resources",
    pod: twoContainers(),
    nodes: nodes({ cpu: "10000", memory: "20000" }, { cpu: "10000", memory: "20000" }),
    existing: [
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "5000" }] }),
    ],
    resources: defaultResources,
    expected: [57, 45],
  },
  {
    name: "resources requested, pods scheduled with resources, differently sized nodes",
    pod: twoContainers(),
    nodes: nodes({ cpu: "10000", memory: "20000" }, { cpu: "10000", memory: "50000" }),
    existing: [
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "5000" }] }),
    ],
    resources: defaultResources,
    expected: [57, 60],
  },
  {
    name: "requested resources exceed node capacity",
    pod: makePod({ requests: [{ cpu: "3000", memory: "0" }] }),
    nodes: nodes(small, small),
    existing: [
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "5000" }] }),
    ],
    resources: defaultResources,
    expected: [50, 25],
  },
  {
    name: "zero node resources, pods scheduled with resources",
    pod: makePod(),
    nodes: [makeNode("node1"), makeNode("node2")],
    existing: [
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "5000" }] }),
    ],
    resources: defaultResources,
    expected: [0, 0],
  },
  {
    name: "nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes",
    pod: twoContainers(),
    nodes: nodes(small, { cpu: "6000", memory: "10000" }),
    resources: [
      { name: "memory", weight: 2 },
      { name: "cpu", weight: 1 },
    ],
    expected: [41, 50],
  },
  {
    name: "bypass extended resource if the pod does not request",
    pod: twoContainers(),
    nodes: nodes({ cpu: "6000", memory: "10000" }, { cpu: "6000", memory: "10000", [extendedRes]: "4" }),
    resources: extendedResourceSet,
    expected: [50, 50],
  },
  {
    name: "honor extended resource if the pod requests",
    pod: makePod({ requests: [{ cpu: "3000", memory: "5000", [extendedRes]: "2" }] }),
    nodes: nodes(
      { cpu: "6000", memory: "10000", [extendedRes]: "4" },
      { cpu: "6000", memory: "10000", [extendedRes]: "10" },
    ),
    resources: extendedResourceSet,
    expected: [50, 60],
  },
  {
    name: "if the node doesn't have a resource",
    pod: makePod({ requests: [{ cpu: "3000", memory: "4000" }] }),
    nodes: nodes({ cpu: "6000", memory: "10000" }, { cpu: "6000", memory: "10000", [extendedRes]: "4" }),
    resources: [{ name: extendedRes, weight: 2 }, ...defaultResources],
    expected: [55, 55],
  },
];

describe("LeastAllocated (TestLeastAllocatedScoringStrategy)", () => {
  it.each(leastAllocatedCases)("$name", (testCase) => runScoreCase("LeastAllocated", testCase));
});

const mostAllocatedCases: ScoreCase[] = [
  {
    name: "nothing scheduled, nothing requested",
    pod: makePod(),
    nodes: nodes(small, small),
    resources: defaultResources,
    expected: [0, 0],
  },
  {
    name: "nothing scheduled, resources requested, differently sized nodes",
    pod: twoContainers(),
    nodes: nodes(small, { cpu: "6000", memory: "10000" }),
    resources: defaultResources,
    expected: [62, 50],
  },
  {
    name: "resources not set, pods scheduled with error",
    pod: twoContainers(),
    nodes: nodes(small, { cpu: "6000", memory: "10000" }),
    resources: null,
    expected: [0, 0],
    wantError: true,
  },
  {
    name: "no resources requested, pods scheduled with resources",
    pod: makePod(),
    nodes: nodes({ cpu: "10000", memory: "20000" }, { cpu: "10000", memory: "20000" }),
    existing: [
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "5000" }] }),
    ],
    resources: defaultResources,
    expected: [30, 42],
  },
  {
    name: "resources requested, pods scheduled with resources",
    pod: twoContainers(),
    nodes: nodes({ cpu: "10000", memory: "20000" }, { cpu: "10000", memory: "20000" }),
    existing: [
      makePod({ node: "node1", requests: [{ cpu: "3000", memory: "0" }] }),
      makePod({ node: "node2", requests: [{ cpu: "3000", memory: "5000" }] }),
    ],
    resources: defaultResources,
    expected: [42, 55],
  },
  {
    name: "resources requested equal node capacity",
    pod: makePod({
      requests: [
        { cpu: "2000", memory: "4000" },
        { cpu: "3000", memory: "5000" },
      ],
    }),
    nodes: nodes({ cpu: "5000", memory: "10000" }, { cpu: "10000", memory: "9000" }),
    resources: defaultResources,
    expected: [95, 75],
  },
  {
    name: "nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes",
    pod: twoContainers(),
    nodes: nodes(small, { cpu: "6000", memory: "10000" }),
    resources: [
      { name: "memory", weight: 2 },
      { name: "cpu", weight: 1 },
    ],
    expected: [58, 50],
  },
  {
    name: "no resources requested, pods scheduled, nonzero request for resource",
    pod: makePod({ bareContainers: 1 }),
    nodes: nodes({ cpu: "250m", memory: "1000Mi" }, { cpu: "250m", memory: "1000Mi" }),
    existing: [makePod({ node: "node1", bareContainers: 1 }), makePod({ node: "node1", bareContainers: 1 })],
    resources: defaultResources,
    expected: [80, 30],
  },
  {
    name: "bypass extended resource if the pod does not request",
    pod: twoContainers(),
    nodes: nodes({ cpu: "6000", memory: "10000" }, { cpu: "6000", memory: "10000", [extendedRes]: "4" }),
    resources: extendedResourceSet,
    expected: [50, 50],
  },
  {
    name: "honor extended resource if the pod request",
    pod: makePod({ requests: [{ cpu: "3000", memory: "5000", [extendedRes]: "2" }] }),
    nodes: nodes(
      { cpu: "6000", memory: "10000", [extendedRes]: "4" },
      { cpu: "6000", memory: "10000", [extendedRes]: "10" },
    ),
    resources: extendedResourceSet,
    expected: [50, 40],
  },
  {
    name: "if the node doesn't have a resource",
    pod: makePod({ requests: [{ cpu: "3000", memory: "4000" }] }),
    nodes: nodes({ cpu: "6000", memory: "10000" }, { cpu: "6000", memory: "10000", [extendedRes]: "4" }),
    resources: [{ name: extendedRes, weight: 2 }, ...defaultResources],
    expected: [45, 45],
  },
];

describe("MostAllocated (TestMostAllocatedScoringStrategy)", () => {
  it.each(mostAllocatedCases)("$name", (testCase) => runScoreCase("MostAllocated", testCase));
});

describe("strategy weights (the invalid-weight cases of the strategy tests)", () => {
  it.each([
    {
      name: "a negative weight is refused",
      type: "LeastAllocated",
      resources: [
        { name: "memory", weight: -1 },
        { name: "cpu", weight: 1 },
      ],
      path: "scoringStrategy.resources[0].weight",
      value: -1,
      resource: "memory",
    },
    {
      name: "a zero weight is refused",
      type: "LeastAllocated",
      resources: [
        { name: "memory", weight: 1 },
        { name: "cpu", weight: 0 },
      ],
      path: "scoringStrategy.resources[1].weight",
      value: 0,
      resource: "cpu",
    },
    {
      name: "a weight above 100 is refused",
      type: "MostAllocated",
      resources: [{ name: "memory", weight: 101 }],
      path: "scoringStrategy.resources[0].weight",
      value: 101,
      resource: "memory",
    },
  ])("$name", ({ type, resources, path, value, resource }) => {
    expect(() => createNodeResourcesFit({ scoringStrategy: { type, resources } }, defaultFeatures)).toThrow(
      `${path}: Invalid value: ${value}: resource weight of ${resource} not in valid range (0, 100]`,
    );
  });
});

const decreasingShape: UtilizationShapePoint[] = [
  { utilization: 0, score: 10 },
  { utilization: 100, score: 0 },
];

describe("RequestedToCapacityRatio (TestRequestedToCapacityRatioScoringStrategy)", () => {
  it.each<ScoreCase>([
    {
      name: "nothing scheduled, nothing requested (default - least requested nodes have priority)",
      pod: makePod(),
      nodes: nodes(small, small),
      existing: [makePod({ node: "node1" }), makePod({ node: "node1" })],
      resources: defaultResources,
      expected: [100, 100],
    },
    {
      name: "nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)",
      pod: twoContainers(),
      nodes: nodes(small, { cpu: "6000", memory: "10000" }),
      existing: [makePod({ node: "node1" }), makePod({ node: "node1" })],
      resources: defaultResources,
      expected: [38, 50],
    },
    {
      name: "no resources requested, pods scheduled with resources (default - least requested nodes have priority)",
      pod: makePod(),
      nodes: nodes(small, { cpu: "6000", memory: "10000" }),
      existing: [
        makePod({ node: "node1", requests: [{ cpu: "3000", memory: "5000" }] }),
        makePod({ node: "node2", requests: [{ cpu: "3000", memory: "5000" }] }),
      ],
      resources: defaultResources,
      expected: [38, 50],
    },
  ])("$name", (testCase) => runScoreCase("RequestedToCapacityRatio", testCase, decreasingShape));
});

describe("brokenLinearFunction (TestBrokenLinearFunction)", () => {
  it.each([
    {
      name: "interpolates between two points and is flat outside them",
      points: [
        { utilization: 10, score: 1 },
        { utilization: 90, score: 9 },
      ],
      assertions: [
        [-10, 1],
        [0, 1],
        [9, 1],
        [10, 1],
        [15, 1],
        [19, 1],
        [20, 2],
        [89, 8],
        [90, 9],
        [99, 9],
        [100, 9],
        [110, 9],
      ],
    },
    {
      name: "rises then falls through three points",
      points: [
        { utilization: 0, score: 2 },
        { utilization: 40, score: 10 },
        { utilization: 100, score: 0 },
      ],
      assertions: [
        [-10, 2],
        [0, 2],
        [20, 6],
        [30, 8],
        [40, 10],
        [70, 5],
        [100, 0],
        [110, 0],
      ],
    },
    {
      name: "stays constant on a flat shape",
      points: [
        { utilization: 0, score: 2 },
        { utilization: 40, score: 2 },
        { utilization: 100, score: 2 },
      ],
      assertions: [
        [-10, 2],
        [0, 2],
        [20, 2],
        [30, 2],
        [40, 2],
        [70, 2],
        [100, 2],
        [110, 2],
      ],
    },
  ])("$name", ({ points, assertions }) => {
    const score = brokenLinearFunction(points);
    expect(assertions.map(([utilization]) => score(utilization ?? 0))).toEqual(
      assertions.map(([, expected]) => expected),
    );
  });
});

const binPackingShape: UtilizationShapePoint[] = [
  { utilization: 0, score: 0 },
  { utilization: 100, score: 1 },
];
const megabytes = 1024 * 1024;

describe("RequestedToCapacityRatio bin packing (TestResourceBinPackingSingleExtended)", () => {
  const binNodes = [
    makeSizedNode("node1", 4000, 10000 * megabytes, { "intel.com/foo": 8 }),
    makeSizedNode("node2", 4000, 10000 * megabytes, { "intel.com/foo": 4 }),
  ];
  it.each<ScoreCase>([
    {
      name: "nothing scheduled, nothing requested",
      pod: makePod(),
      nodes: binNodes,
      resources: [{ name: "intel.com/foo", weight: 1 }],
      expected: [0, 0],
    },
    {
      name: "resources requested, pods scheduled with less resources",
      pod: makePod({ requests: [{ "intel.com/foo": "2" }] }),
      nodes: binNodes,
      existing: [makePod()],
      resources: [{ name: "intel.com/foo", weight: 1 }],
      expected: [2, 5],
    },
    {
      name: "resources requested, pods scheduled with resources, on node with existing pod running",
      pod: makePod({ requests: [{ "intel.com/foo": "2" }] }),
      nodes: binNodes,
      existing: [makePod({ node: "node2", requests: [{ "intel.com/foo": "2" }] })],
      resources: [{ name: "intel.com/foo", weight: 1 }],
      expected: [2, 10],
    },
    {
      name: "resources requested, pods scheduled with more resources",
      pod: makePod({ requests: [{ "intel.com/foo": "4" }] }),
      nodes: binNodes,
      existing: [makePod()],
      resources: [{ name: "intel.com/foo", weight: 1 }],
      expected: [5, 10],
    },
  ])("$name", (testCase) => runScoreCase("RequestedToCapacityRatio", testCase, binPackingShape));
});

describe("RequestedToCapacityRatio bin packing (TestResourceBinPackingMultipleExtended)", () => {
  const binNodes = [
    makeSizedNode("node1", 4000, 10000 * megabytes, { "intel.com/foo": 8, "intel.com/bar": 4 }),
    makeSizedNode("node2", 4000, 10000 * megabytes, { "intel.com/foo": 4, "intel.com/bar": 8 }),
  ];
  const resources = [
    { name: "intel.com/foo", weight: 3 },
    { name: "intel.com/bar", weight: 5 },
  ];
  it.each<ScoreCase>([
    {
      name: "nothing scheduled, nothing requested",
      pod: makePod(),
      nodes: binNodes,
      resources,
      expected: [0, 0],
    },
    {
      name: "resources requested, pods scheduled with less resources",
      pod: makePod({ requests: [{ "intel.com/foo": "2", "intel.com/bar": "2" }] }),
      nodes: binNodes,
      existing: [makePod()],
      resources,
      expected: [4, 3],
    },
    {
      name: "resources requested, pods scheduled with resources, on node with existing pod running",
      pod: makePod({ requests: [{ "intel.com/foo": "2", "intel.com/bar": "2" }] }),
      nodes: binNodes,
      existing: [makePod({ node: "node2", requests: [{ "intel.com/foo": "4", "intel.com/bar": "2" }] })],
      resources,
      expected: [4, 7],
    },
    {
      name: "resources requested, pods scheduled with more resources",
      pod: makePod({ requests: [{ "intel.com/foo": "4", "intel.com/bar": "2" }] }),
      nodes: binNodes,
      existing: [makePod()],
      resources,
      expected: [5, 5],
    },
  ])("$name", (testCase) => runScoreCase("RequestedToCapacityRatio", testCase, binPackingShape));
});

describe("scaledQuotient", () => {
  it.each([
    { name: "divides small values like Go integer division", value: 3000, divisor: 4000, expected: 75 },
    { name: "truncates toward zero", value: 1, divisor: 3, expected: 33 },
    {
      name: "stays exact when value × 100 passes 2^53",
      value: 2 ** 53 - 2,
      divisor: 2 ** 53 - 1,
      expected: Number((BigInt(2 ** 53 - 2) * 100n) / BigInt(2 ** 53 - 1)),
    },
  ])("$name", ({ value, divisor, expected }) => {
    expect(scaledQuotient(value, 100, divisor)).toBe(expected);
  });
});

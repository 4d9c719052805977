import { type Pod, VirtualClock } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CycleState } from "../../framework/cycle-state.js";
import { createNodeInfo, createNodeInfoLister } from "../../framework/node-info.js";
import { Code, type Status } from "../../framework/status.js";
import { defaultFeatures, type Features, type Handle } from "../../framework/types.js";
import type { NodeResourcesFitArgs } from "./args.js";
import {
  createNodeResourcesFit,
  fitsRequest,
  type InsufficientResource,
  nodeResourcesFitDefinition,
} from "./fit.js";
import { makeNode, makePod, scoreNodes } from "./test-fixtures.js";

// Ported from upstream pkg/scheduler/framework/plugins/noderesources/fit_test.go (v1.32).

const extendedA = "example.com/aaa";
const extendedB = "example.com/bbb";
const kubernetesIoA = "kubernetes.io/something";
const kubernetesIoB = "subdomain.kubernetes.io/something";
const hugePageA = "hugepages-2Mi";

/** Upstream `framework.Resource` literal used by `newResourcePod`. */
interface Usage {
  cpu?: number;
  memory?: number;
  ephemeral?: number;
  scalars?: Record<string, number>;
}

/** Requests as upstream's `newResourcePod` writes them: every base resource, even when 0. */
function requestsOf(usage: Usage): Record<string, string> {
  const requests: Record<string, string> = {
    cpu: `${usage.cpu ?? 0}m`,
    memory: String(usage.memory ?? 0),
    pods: "0",
    "ephemeral-storage": String(usage.ephemeral ?? 0),
  };
  for (const [name, amount] of Object.entries(usage.scalars ?? {})) requests[name] = String(amount);
  return requests;
}

function resourcePod(
  containers: Usage[],
  initContainers: Usage[] = [],
  overhead?: Record<string, string>,
): Pod {
  return makePod({
    requests: containers.map(requestsOf),
    initRequests: initContainers.map(requestsOf),
    ...(overhead === undefined ? {} : { overhead }),
  });
}

/** Upstream `makeAllocatableResources(milliCPU, memory, pods, extendedA, storage, hugePageA)`. */
function allocatable(
  milliCpu: number,
  memory: number,
  pods: number,
  extended: number,
  storage: number,
  hugePages: number,
) {
  return {
    cpu: `${milliCpu}m`,
    memory: String(memory),
    pods: String(pods),
    [extendedA]: String(extended),
    "ephemeral-storage": String(storage),
    [hugePageA]: String(hugePages),
  };
}

const defaultStrategy = {
  type: "LeastAllocated",
  resources: [
    { name: "cpu", weight: 1 },
    { name: "memory", weight: 1 },
  ],
};

function runFilter(
  args: NodeResourcesFitArgs,
  pod: Pod,
  existing: Pod,
  nodeAllocatable: Record<string, string>,
  features: Features = defaultFeatures,
) {
  const plugin = createNodeResourcesFit({ scoringStrategy: defaultStrategy, ...args }, features);
  const nodeInfo = createNodeInfo(makeNode("node", nodeAllocatable), [existing]);
  const state = new CycleState();
  const preFilter = plugin.preFilter(state, pod, [nodeInfo]);
  expect(preFilter.status).toBeUndefined();
  return { status: plugin.filter(state, pod, nodeInfo), nodeInfo };
}

function insufficient(
  resourceName: string,
  requested: number,
  used: number,
  capacity: number,
): InsufficientResource {
  return { resourceName, reason: `Insufficient ${resourceName}`, requested, used, capacity };
}

const enoughCases: {
  name: string;
  pod: Pod;
  existing: Usage;
  args?: NodeResourcesFitArgs;
  wantInsufficient: InsufficientResource[];
}[] = [
  {
    name: "no resources requested always fits",
    pod: makePod(),
    existing: { cpu: 10, memory: 20 },
    wantInsufficient: [],
  },
  {
    name: "too many resources fails",
    pod: resourcePod([{ cpu: 1, memory: 1 }]),
    existing: { cpu: 10, memory: 20 },
    wantInsufficient: [insufficient("cpu", 1, 10, 10), insufficient("memory", 1, 20, 20)],
  },
  {
    name: "too many resources fails due to init container cpu",
    pod: resourcePod([{ cpu: 1, memory: 1 }], [{ cpu: 3, memory: 1 }]),
    existing: { cpu: 8, memory: 19 },
    wantInsufficient: [insufficient("cpu", 3, 8, 10)],
  },
  {
    name: "too many resources fails due to highest init container cpu",
    pod: resourcePod(
      [{ cpu: 1, memory: 1 }],
      [
        { cpu: 3, memory: 1 },
        { cpu: 2, memory: 1 },
      ],
    ),
    existing: { cpu: 8, memory: 19 },
    wantInsufficient: [insufficient("cpu", 3, 8, 10)],
  },
  {
    name: "too many resources fails due to init container memory",
    pod: resourcePod([{ cpu: 1, memory: 1 }], [{ cpu: 1, memory: 3 }]),
    existing: { cpu: 9, memory: 19 },
    wantInsufficient: [insufficient("memory", 3, 19, 20)],
  },
  {
    name: "too many resources fails due to highest init container memory",
    pod: resourcePod(
      [{ cpu: 1, memory: 1 }],
      [
        { cpu: 1, memory: 3 },
        { cpu: 1, memory: 2 },
      ],
    ),
    existing: { cpu: 9, memory: 19 },
    wantInsufficient: [insufficient("memory", 3, 19, 20)],
  },
  {
    name: "init container fits because it's the max, not sum, of containers and init containers",
    pod: resourcePod([{ cpu: 1, memory: 1 }], [{ cpu: 1, memory: 1 }]),
    existing: { cpu: 9, memory: 19 },
    wantInsufficient: [],
  },
  {
    name: "multiple init containers fit because it's the max, not sum, of containers and init containers",
    pod: resourcePod(
      [{ cpu: 1, memory: 1 }],
      [
        { cpu: 1, memory: 1 },
        { cpu: 1, memory: 1 },
      ],
    ),
    existing: { cpu: 9, memory: 19 },
    wantInsufficient: [],
  },
  {
    name: "both resources fit",
    pod: resourcePod([{ cpu: 1, memory: 1 }]),
    existing: { cpu: 5, memory: 5 },
    wantInsufficient: [],
  },
  {
    name: "one resource memory fits",
    pod: resourcePod([{ cpu: 2, memory: 1 }]),
    existing: { cpu: 9, memory: 5 },
    wantInsufficient: [insufficient("cpu", 2, 9, 10)],
  },
  {
    name: "one resource cpu fits",
    pod: resourcePod([{ cpu: 1, memory: 2 }]),
    existing: { cpu: 5, memory: 19 },
    wantInsufficient: [insufficient("memory", 2, 19, 20)],
  },
  {
    name: "equal edge case",
    pod: resourcePod([{ cpu: 5, memory: 1 }]),
    existing: { cpu: 5, memory: 19 },
    wantInsufficient: [],
  },
  {
    name: "equal edge case for init container",
    pod: resourcePod([{ cpu: 4, memory: 1 }], [{ cpu: 5, memory: 1 }]),
    existing: { cpu: 5, memory: 19 },
    wantInsufficient: [],
  },
  {
    name: "extended resource fits",
    pod: resourcePod([{ scalars: { [extendedA]: 1 } }]),
    existing: {},
    wantInsufficient: [],
  },
  {
    name: "extended resource fits for init container",
    pod: resourcePod([{}], [{ scalars: { [extendedA]: 1 } }]),
    existing: {},
    wantInsufficient: [],
  },
  {
    name: "extended resource capacity enforced",
    pod: resourcePod([{ cpu: 1, memory: 1, scalars: { [extendedA]: 10 } }]),
    existing: { scalars: { [extendedA]: 0 } },
    wantInsufficient: [insufficient(extendedA, 10, 0, 5)],
  },
  {
    name: "extended resource capacity enforced for init container",
    pod: resourcePod([{}], [{ cpu: 1, memory: 1, scalars: { [extendedA]: 10 } }]),
    existing: { scalars: { [extendedA]: 0 } },
    wantInsufficient: [insufficient(extendedA, 10, 0, 5)],
  },
  {
    name: "extended resource allocatable enforced",
    pod: resourcePod([{ cpu: 1, memory: 1, scalars: { [extendedA]: 1 } }]),
    existing: { scalars: { [extendedA]: 5 } },
    wantInsufficient: [insufficient(extendedA, 1, 5, 5)],
  },
  {
    name: "extended resource allocatable enforced for init container",
    pod: resourcePod([{}], [{ cpu: 1, memory: 1, scalars: { [extendedA]: 1 } }]),
    existing: { scalars: { [extendedA]: 5 } },
    wantInsufficient: [insufficient(extendedA, 1, 5, 5)],
  },
  {
    name: "extended resource allocatable enforced for multiple containers",
    pod: resourcePod([
      { cpu: 1, memory: 1, scalars: { [extendedA]: 3 } },
      { cpu: 1, memory: 1, scalars: { [extendedA]: 3 } },
    ]),
    existing: { scalars: { [extendedA]: 2 } },
    wantInsufficient: [insufficient(extendedA, 6, 2, 5)],
  },
  {
    name: "extended resource allocatable admits multiple init containers",
    pod: resourcePod(
      [{}],
      [
        { cpu: 1, memory: 1, scalars: { [extendedA]: 3 } },
        { cpu: 1, memory: 1, scalars: { [extendedA]: 3 } },
      ],
    ),
    existing: { scalars: { [extendedA]: 2 } },
    wantInsufficient: [],
  },
  {
    name: "extended resource allocatable enforced for multiple init containers",
    pod: resourcePod(
      [{}],
      [
        { cpu: 1, memory: 1, scalars: { [extendedA]: 6 } },
        { cpu: 1, memory: 1, scalars: { [extendedA]: 3 } },
      ],
    ),
    existing: { scalars: { [extendedA]: 2 } },
    wantInsufficient: [insufficient(extendedA, 6, 2, 5)],
  },
  {
    name: "extended resource allocatable enforced for unknown resource",
    pod: resourcePod([{ cpu: 1, memory: 1, scalars: { [extendedB]: 1 } }]),
    existing: {},
    wantInsufficient: [insufficient(extendedB, 1, 0, 0)],
  },
  {
    name: "extended resource allocatable enforced for unknown resource for init container",
    pod: resourcePod([{}], [{ cpu: 1, memory: 1, scalars: { [extendedB]: 1 } }]),
    existing: {},
    wantInsufficient: [insufficient(extendedB, 1, 0, 0)],
  },
  {
    name: "kubernetes.io resource capacity enforced",
    pod: resourcePod([{ cpu: 1, memory: 1, scalars: { [kubernetesIoA]: 10 } }]),
    existing: {},
    wantInsufficient: [insufficient(kubernetesIoA, 10, 0, 0)],
  },
  {
    name: "kubernetes.io resource capacity enforced for init container",
    pod: resourcePod([{}], [{ cpu: 1, memory: 1, scalars: { [kubernetesIoB]: 10 } }]),
    existing: {},
    wantInsufficient: [insufficient(kubernetesIoB, 10, 0, 0)],
  },
  {
    name: "hugepages resource capacity enforced",
    pod: resourcePod([{ cpu: 1, memory: 1, scalars: { [hugePageA]: 10 } }]),
    existing: { scalars: { [hugePageA]: 0 } },
    wantInsufficient: [insufficient(hugePageA, 10, 0, 5)],
  },
  {
    name: "hugepages resource capacity enforced for init container",
    pod: resourcePod([{}], [{ cpu: 1, memory: 1, scalars: { [hugePageA]: 10 } }]),
    existing: { scalars: { [hugePageA]: 0 } },
    wantInsufficient: [insufficient(hugePageA, 10, 0, 5)],
  },
  {
    name: "hugepages resource allocatable enforced for multiple containers",
    pod: resourcePod([
      { cpu: 1, memory: 1, scalars: { [hugePageA]: 3 } },
      { cpu: 1, memory: 1, scalars: { [hugePageA]: 3 } },
    ]),
    existing: { scalars: { [hugePageA]: 2 } },
    wantInsufficient: [insufficient(hugePageA, 6, 2, 5)],
  },
  {
    name: "skip checking ignored extended resource",
    pod: resourcePod([{ cpu: 1, memory: 1, scalars: { [extendedB]: 1 } }]),
    existing: {},
    args: { ignoredResources: ["example.com/bbb"] },
    wantInsufficient: [],
  },
  {
    name: "resources + pod overhead fits",
    pod: resourcePod([{ cpu: 1, memory: 1 }], [], { cpu: "3m", memory: "13" }),
    existing: { cpu: 5, memory: 5 },
    wantInsufficient: [],
  },
  {
    name: "requests + overhead does not fit for memory",
    pod: resourcePod([{ cpu: 1, memory: 1 }], [], { cpu: "1m", memory: "15" }),
    existing: { cpu: 5, memory: 5 },
    wantInsufficient: [insufficient("memory", 16, 5, 20)],
  },
  {
    name: "skip checking ignored extended resource via resource groups",
    pod: resourcePod([{ cpu: 1, memory: 1, scalars: { [extendedB]: 1, [kubernetesIoA]: 1 } }]),
    existing: {},
    args: { ignoredResourceGroups: ["example.com"] },
    wantInsufficient: [insufficient(kubernetesIoA, 1, 0, 0)],
  },
  {
    name: "skip checking extended resource request with quantity zero via resource groups",
    pod: resourcePod([{ cpu: 1, memory: 1, scalars: { [extendedA]: 0 } }]),
    existing: { scalars: { [extendedA]: 6 } },
    wantInsufficient: [],
  },
  {
    name: "skip checking resource request with quantity zero",
    pod: makePod({ requests: [{ [extendedA]: "1" }] }),
    existing: { cpu: 20, memory: 30, scalars: { [extendedA]: 1 } },
    wantInsufficient: [],
  },
];

describe("NodeResourcesFit Filter (TestEnoughRequests)", () => {
  it.each(enoughCases)("$name", ({ pod, existing, args, wantInsufficient }) => {
    const { status, nodeInfo } = runFilter(
      args ?? {},
      pod,
      resourcePod([existing]),
      allocatable(10, 20, 32, 5, 20, 5),
    );
    const wantStatus: Status | undefined =
      wantInsufficient.length === 0
        ? undefined
        : { code: Code.Unschedulable, reasons: wantInsufficient.map((entry) => entry.reason) };
    expect(status).toEqual(wantStatus);
    expect(
      fitsRequest(
        pod,
        nodeInfo,
        args === undefined
          ? {}
          : {
              ...(args.ignoredResources ? { ignoredResources: args.ignoredResources } : {}),
              ...(args.ignoredResourceGroups ? { ignoredResourceGroups: args.ignoredResourceGroups } : {}),
            },
      ),
    ).toEqual(wantInsufficient);
  });

  it("reports several failing scalar resources sorted by name", () => {
    const pod = resourcePod([
      { scalars: { "example.com/zzz": 1, "example.com/aaa": 9, "example.com/mmm": 1 } },
    ]);
    const { status } = runFilter({}, pod, resourcePod([{}]), allocatable(10, 20, 32, 5, 20, 5));
    expect(status?.reasons).toEqual([
      "Insufficient example.com/aaa",
      "Insufficient example.com/mmm",
      "Insufficient example.com/zzz",
    ]);
  });
});

describe("NodeResourcesFit Filter (TestPreFilterDisabled)", () => {
  it("is an Error when PreFilter did not run", () => {
    const plugin = createNodeResourcesFit({ scoringStrategy: defaultStrategy }, defaultFeatures);
    const status = plugin.filter(new CycleState(), makePod(), createNodeInfo(makeNode("node")));
    expect(status?.code).toBe(Code.Error);
    expect(status?.reasons).toEqual(['error reading "PreFilterNodeResourcesFit" from cycleState: not found']);
  });
});

describe("NodeResourcesFit Filter (TestNotEnoughRequests)", () => {
  it.each([
    {
      name: "even without specified resources, predicate fails when there's no space for additional pod",
      pod: makePod(),
      existing: { cpu: 10, memory: 20 },
    },
    {
      name: "even if both resources fit, predicate fails when there's no space for additional pod",
      pod: resourcePod([{ cpu: 1, memory: 1 }]),
      existing: { cpu: 5, memory: 5 },
    },
    {
      name: "even for equal edge case, predicate fails when there's no space for additional pod",
      pod: resourcePod([{ cpu: 5, memory: 1 }]),
      existing: { cpu: 5, memory: 19 },
    },
    {
      name: "even for equal edge case, predicate fails when there's no space for additional pod due to init container",
      pod: resourcePod([{ cpu: 5, memory: 1 }], [{ cpu: 5, memory: 1 }]),
      existing: { cpu: 5, memory: 19 },
    },
  ])("$name", ({ pod, existing }) => {
    const { status } = runFilter({}, pod, resourcePod([existing]), allocatable(10, 20, 1, 0, 0, 0));
    expect(status).toEqual({ code: Code.Unschedulable, reasons: ["Too many pods"] });
  });
});

describe("NodeResourcesFit Filter (TestStorageRequests)", () => {
  it.each([
    {
      name: "empty storage requested, and pod fits",
      pod: resourcePod([{ cpu: 1, memory: 1 }]),
      existing: { cpu: 2, memory: 10 },
      reasons: [],
    },
    {
      name: "storage ephemeral local storage request exceeds allocatable",
      pod: resourcePod([{ ephemeral: 25 }]),
      existing: { cpu: 2, memory: 2 },
      reasons: ["Insufficient ephemeral-storage"],
    },
    {
      name: "ephemeral local storage is sufficient",
      pod: resourcePod([{ ephemeral: 5 }]),
      existing: { cpu: 2, memory: 2, ephemeral: 10 },
      reasons: [],
    },
    { name: "pod fits", pod: resourcePod([{ ephemeral: 10 }]), existing: { cpu: 2, memory: 2 }, reasons: [] },
  ])("$name", ({ pod, existing, reasons }) => {
    const { status } = runFilter({}, pod, resourcePod([existing]), allocatable(10, 20, 32, 5, 20, 5));
    expect(status).toEqual(reasons.length === 0 ? undefined : { code: Code.Unschedulable, reasons });
  });
});

describe("NodeResourcesFit (TestRestartableInitContainers)", () => {
  const plainPod = makePod({ bareContainers: 1 });
  const sidecarPod = (request?: string, sidecarRequest?: string) =>
    makePod({
      ...(request === undefined ? { bareContainers: 1 } : { requests: [{ cpu: request }] }),
      sidecarRequests: [sidecarRequest === undefined ? undefined : { cpu: sidecarRequest }],
    });
  it.each([
    {
      name: "allow pod without restartable init containers if sidecar containers is disabled",
      pod: plainPod,
      sidecars: false,
    },
    {
      name: "not allow pod with restartable init containers if sidecar containers is disabled",
      pod: sidecarPod(),
      sidecars: false,
      preFilterStatus: {
        code: Code.UnschedulableAndUnresolvable,
        reasons: ["Pod has a restartable init container and the SidecarContainers feature is disabled"],
      },
    },
    {
      name: "allow pod without restartable init containers if sidecar containers is enabled",
      pod: plainPod,
      sidecars: true,
    },
    {
      name: "allow pod with restartable init containers if sidecar containers is enabled",
      pod: sidecarPod(),
      sidecars: true,
    },
    {
      name: "allow pod if the total requested resources do not exceed the node's allocatable resources",
      pod: sidecarPod("1m", "1m"),
      sidecars: true,
    },
    {
      name: "not allow pod if the total requested resources do exceed the node's allocatable resources",
      pod: sidecarPod("1m", "2m"),
      sidecars: true,
      filterStatus: { code: Code.Unschedulable, reasons: ["Insufficient cpu"] },
    },
  ])("$name", ({ pod, sidecars, preFilterStatus, filterStatus }) => {
    const plugin = createNodeResourcesFit(
      { scoringStrategy: defaultStrategy },
      { ...defaultFeatures, enableSidecarContainers: sidecars },
    );
    const nodeInfo = createNodeInfo(makeNode("node", allocatable(2, 0, 1, 0, 0, 0)));
    const state = new CycleState();
    const preFilter = plugin.preFilter(state, pod, [nodeInfo]);
    expect(preFilter.status).toEqual(preFilterStatus);
    if (preFilter.status !== undefined) return;
    expect(plugin.filter(state, pod, nodeInfo)).toEqual(filterStatus);
  });
});

const scoreNodesList = [
  makeNode("node1", { cpu: "4000", memory: "10000" }),
  makeNode("node2", { cpu: "6000", memory: "10000" }),
];
const scoreExistingPods = [
  makePod({ node: "node1", requests: [{ cpu: "2000", memory: "4000" }] }),
  makePod({ node: "node2", requests: [{ cpu: "1000", memory: "2000" }] }),
];
const defaultResources = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 },
];

describe("NodeResourcesFit Score (TestFitScore)", () => {
  const cases = [
    {
      name: "RequestedToCapacityRatio with a decreasing shape",
      pod: makePod({ requests: [{ cpu: "3000", memory: "5000" }] }),
      strategy: {
        type: "RequestedToCapacityRatio",
        resources: defaultResources,
        requestedToCapacityRatio: {
          shape: [
            { utilization: 0, score: 10 },
            { utilization: 100, score: 0 },
          ],
        },
      },
      expected: [10, 32],
    },
    {
      name: "RequestedToCapacityRatio with an increasing shape",
      pod: makePod({ requests: [{ cpu: "3000", memory: "5000" }] }),
      strategy: {
        type: "RequestedToCapacityRatio",
        resources: defaultResources,
        requestedToCapacityRatio: {
          shape: [
            { utilization: 0, score: 0 },
            { utilization: 100, score: 10 },
          ],
        },
      },
      expected: [95, 68],
    },
    {
      name: "MostAllocated",
      pod: makePod({ requests: [{ cpu: "1000", memory: "2000" }] }),
      strategy: { type: "MostAllocated", resources: defaultResources },
      expected: [67, 36],
    },
    {
      name: "LeastAllocated",
      pod: makePod({ requests: [{ cpu: "1000", memory: "2000" }] }),
      strategy: { type: "LeastAllocated", resources: defaultResources },
      expected: [32, 63],
    },
  ];
  it.each(
    cases.flatMap((testCase) => [
      { ...testCase, name: `${testCase.name} scores nodes after PreScore`, runPreScore: true },
      { ...testCase, name: `${testCase.name} scores nodes when PreScore is not called`, runPreScore: false },
    ]),
  )("$name", ({ pod, strategy, expected, runPreScore }) => {
    const plugin = createNodeResourcesFit({ scoringStrategy: strategy }, defaultFeatures);
    const { scores, statuses } = scoreNodes(plugin, pod, scoreNodesList, scoreExistingPods, runPreScore);
    expect(scores).toEqual([
      { name: "node1", score: expected[0] },
      { name: "node2", score: expected[1] },
    ]);
    expect(statuses).toEqual([undefined, undefined]);
  });

  it.each([
    {
      name: "MostAllocated counts a sidecar container of an existing pod",
      type: "MostAllocated",
      expected: [67, 45],
    },
    {
      name: "LeastAllocated counts a sidecar container of an existing pod",
      type: "LeastAllocated",
      expected: [32, 55],
    },
  ])("$name", ({ type, expected }) => {
    const plugin = createNodeResourcesFit(
      { scoringStrategy: { type, resources: defaultResources } },
      defaultFeatures,
    );
    const nodes = [
      makeNode("node1", { cpu: "4000", memory: "10000" }),
      makeNode("node2", { cpu: "4000", memory: "10000" }),
    ];
    const existing = [
      makePod({
        node: "node1",
        requests: [{ cpu: "1000", memory: "2000" }],
        sidecarRequests: [{ cpu: "1000", memory: "2000" }],
      }),
      makePod({ node: "node2", requests: [{ cpu: "1000", memory: "2000" }] }),
    ];
    const { scores } = scoreNodes(
      plugin,
      makePod({ requests: [{ cpu: "1000", memory: "2000" }] }),
      nodes,
      existing,
    );
    expect(scores.map((entry) => entry.score)).toEqual(expected);
  });
});

describe("NodeResourcesFit (TestEventsToRegister)", () => {
  it.each([
    {
      name: "registers pod scale-down when InPlacePodVerticalScaling is enabled",
      features: { ...defaultFeatures, enableInPlacePodVerticalScaling: true },
      expected: [
        { resource: "Pod", action: "Delete" },
        { resource: "Pod", action: "UpdatePodScaleDown" },
        { resource: "Node", action: "Add" },
        { resource: "Node", action: "UpdateNodeAllocatable" },
        { resource: "Node", action: "UpdateNodeTaint" },
        { resource: "Node", action: "UpdateNodeLabel" },
      ],
    },
    {
      name: "registers only node add and allocatable updates when SchedulingQueueHint is enabled",
      features: { ...defaultFeatures, enableSchedulingQueueHint: true },
      expected: [
        { resource: "Pod", action: "Delete" },
        { resource: "Node", action: "Add" },
        { resource: "Node", action: "UpdateNodeAllocatable" },
      ],
    },
    {
      name: "registers pod deletion and node changes by default",
      features: defaultFeatures,
      expected: [
        { resource: "Pod", action: "Delete" },
        { resource: "Node", action: "Add" },
        { resource: "Node", action: "UpdateNodeAllocatable" },
        { resource: "Node", action: "UpdateNodeTaint" },
        { resource: "Node", action: "UpdateNodeLabel" },
      ],
    },
  ])("$name", ({ features, expected }) => {
    expect(createNodeResourcesFit({ scoringStrategy: defaultStrategy }, features).eventsToRegister()).toEqual(
      expected,
    );
  });
});

describe("nodeResourcesFitDefinition", () => {
  it("builds the default LeastAllocated plugin from defaulted empty args", () => {
    const args = nodeResourcesFitDefinition.defaultArgs?.(undefined);
    expect(nodeResourcesFitDefinition.validateArgs?.(args)).toEqual([]);
    const handle: Handle = {
      snapshotSharedLister: () => createNodeInfoLister([]),
      clock: new VirtualClock(),
    };
    const plugin = nodeResourcesFitDefinition.factory(args, handle, defaultFeatures);
    expect(plugin.name).toBe("NodeResourcesFit");
  });

  it.each([
    {
      name: "refuses args without a scoring strategy",
      args: { scoringStrategy: null },
      message: "scoring strategy not specified",
    },
    {
      name: "refuses an invalid weight with the validation message",
      args: { scoringStrategy: { type: "LeastAllocated", resources: [{ name: "cpu", weight: 101 }] } },
      message:
        "scoringStrategy.resources[0].weight: Invalid value: 101: resource weight of cpu not in valid range (0, 100]",
    },
    {
      name: "refuses RequestedToCapacityRatio without a shape",
      args: { scoringStrategy: { type: "RequestedToCapacityRatio", resources: defaultResources } },
      message:
        "scoring strategy RequestedToCapacityRatio needs scoringStrategy.requestedToCapacityRatio.shape",
    },
  ])("$name", ({ args, message }) => {
    expect(() => createNodeResourcesFit(args, defaultFeatures)).toThrow(message);
  });
});

describe("NodeResourcesFit Filter statuses", () => {
  it("lists exactly the reasons fitsRequest finds, in its order, for any pod and node", () => {
    const amount = fc.integer({ min: 0, max: 6 });
    fc.assert(
      fc.property(
        fc.record({ cpu: amount, memory: amount, ephemeral: amount, scalarA: amount, scalarB: amount }),
        fc.record({ cpu: amount, memory: amount, ephemeral: amount, scalarA: amount, scalarB: amount }),
        fc.record({
          cpu: amount,
          memory: amount,
          pods: fc.integer({ min: 0, max: 2 }),
          storage: amount,
          extended: amount,
        }),
        (wanted, used, capacity) => {
          const usage = (values: typeof wanted): Usage => ({
            cpu: values.cpu,
            memory: values.memory,
            ephemeral: values.ephemeral,
            scalars: { [extendedA]: values.scalarA, [extendedB]: values.scalarB },
          });
          const pod = resourcePod([usage(wanted)]);
          const { status, nodeInfo } = runFilter({}, pod, resourcePod([usage(used)]), {
            ...allocatable(
              capacity.cpu,
              capacity.memory,
              capacity.pods,
              capacity.extended,
              capacity.storage,
              0,
            ),
            [extendedB]: "3",
          });
          const expected = fitsRequest(pod, nodeInfo).map((entry) => entry.reason);
          expect(status === undefined ? [] : status.reasons).toEqual(expected);
          if (status !== undefined) expect(status.code).toBe(Code.Unschedulable);
        },
      ),
    );
  });

  it("answers the same shortage with the same status object", () => {
    const pod = resourcePod([{ cpu: 5 }]);
    const plugin = createNodeResourcesFit({ scoringStrategy: defaultStrategy }, defaultFeatures);
    const nodes = ["a", "b"].map((name) => createNodeInfo(makeNode(name, allocatable(1, 10, 10, 0, 0, 0))));
    const state = new CycleState();
    plugin.preFilter(state, pod, nodes);
    const [first, second] = nodes.map((nodeInfo) => plugin.filter(state, pod, nodeInfo));
    expect(first).toBe(second);
    expect(first?.reasons).toEqual(["Insufficient cpu"]);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

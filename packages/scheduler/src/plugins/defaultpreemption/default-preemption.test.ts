import { createRandom, type Node, type Pod, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { CycleState } from "../../framework/cycle-state.js";
import { createNodeInfo, createNodeInfoLister } from "../../framework/node-info.js";
import type { Plugin } from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { Code, codeName, createStatus, errorStatus, type Status } from "../../framework/status.js";
import type { NodeInfo } from "../../framework/types.js";
import type { SchedulerEventInput } from "../../runtime/framework-handle.js";
import { createFrameworkRuntime } from "../../runtime/framework-runtime.js";
import { NodeStatusMap } from "../../runtime/node-status-map.js";
import { createPluginDefinitionMap } from "../../runtime/plugin-set.js";
import { FakeApiClient } from "../../scheduler/fake-api-client.js";
import { defaultBinderDefinition } from "../defaultbinder/index.js";
import { nodeResourcesFitDefinition } from "../noderesources/index.js";
import { prioritySortDefinition } from "../queuesort/index.js";
import {
  defaultPreemptionDefinition,
  dryRunPreemption,
  podEligibleToPreemptOthers,
} from "./default-preemption.js";
import { calculateNumCandidates, validateDefaultPreemptionArgs } from "./default-preemption-args.js";
import { pickOneNodeForPreemption } from "./pick-node.js";

const negPriority = -100;
const lowPriority = 0;
const midPriority = 100;
const highPriority = 1000;
const veryHighPriority = 10000;

type Requests = Readonly<Record<string, string>>;
const smallRes: Requests = { cpu: "100m", memory: "100" };
const mediumRes: Requests = { cpu: "200m", memory: "200" };
const largeRes: Requests = { cpu: "300m", memory: "300" };
const veryLargeRes: Requests = { cpu: "500m", memory: "500" };
const onePodRes: Requests = { pods: "1" };
const nodeRes: Requests = { cpu: "200m", memory: "400" };

/** Upstream's epochTimeN are N nanoseconds apart; seconds keep the same order here. */
function epochTime(offset: number): string {
  return new Date(offset * 1000).toISOString().replace(".000", "");
}

interface PodOptions {
  readonly node?: string;
  readonly priority?: number;
  readonly req?: Requests;
  readonly startTime?: string;
  readonly labels?: Record<string, string>;
}

function makePod(name: string, options: PodOptions = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      uid: name,
      ...(options.labels ? { labels: options.labels } : {}),
    },
    spec: {
      containers: [
        {
          name: "c",
          image: "pause",
          ...(options.req ? { resources: { requests: { ...options.req } } } : {}),
        },
      ],
      schedulerName: "default-scheduler",
      ...(options.node === undefined ? {} : { nodeName: options.node }),
      ...(options.priority === undefined ? {} : { priority: options.priority }),
    },
    ...(options.startTime === undefined ? {} : { status: { startTime: options.startTime } }),
  };
}

function makeNode(name: string, capacity: Requests, labels: Record<string, string> = {}): Node {
  const resources = { pods: "32", ...capacity };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels },
    status: { capacity: resources, allocatable: resources },
  };
}

/** Upstream's TestPlugin: AddPod/RemovePod fail on nodes labelled error=true. */
const testPluginDefinition: PluginDefinition = {
  name: "test-plugin",
  factory: () => {
    const failOn =
      (verb: string) => (_state: CycleState, podToSchedule: Pod, _info: unknown, nodeInfo: NodeInfo) =>
        nodeInfo.node?.metadata?.labels?.error === "true"
          ? errorStatus(new Error(`failed to ${verb} pod: ${podToSchedule.metadata?.name}`))
          : undefined;
    return {
      name: "test-plugin",
      preFilter: () => ({}),
      preFilterExtensions: () => ({ addPod: failOn("add"), removePod: failOn("remove") }),
    } as Plugin;
  },
};

interface Scenario {
  readonly pod: Pod;
  readonly pods: readonly Pod[];
  readonly nodes: readonly Node[];
  readonly withTestPlugin?: boolean;
  readonly seed?: number;
}

function harness(scenario: Scenario) {
  const clock = new VirtualClock(Date.parse("2026-01-01T00:00:00Z"));
  const client = new FakeApiClient(() => clock.now());
  client.seed(...scenario.nodes, scenario.pod, ...scenario.pods);
  const nodeInfos = scenario.nodes.map((node) =>
    createNodeInfo(
      node,
      scenario.pods.filter((pod) => pod.spec?.nodeName === node.metadata?.name),
    ),
  );
  const lister = createNodeInfoLister(nodeInfos);
  const events: SchedulerEventInput[] = [];
  const preFilter = [
    { name: "NodeResourcesFit" },
    ...(scenario.withTestPlugin ? [{ name: "test-plugin" }] : []),
  ];
  const framework = createFrameworkRuntime({
    profile: {
      schedulerName: "default-scheduler",
      plugins: {
        queueSort: [{ name: "PrioritySort" }],
        preFilter,
        filter: [{ name: "NodeResourcesFit" }],
        postFilter: [{ name: "DefaultPreemption" }],
        bind: [{ name: "DefaultBinder" }],
      },
      pluginArgs: new Map(),
    },
    definitions: createPluginDefinitionMap([
      prioritySortDefinition,
      nodeResourcesFitDefinition,
      defaultPreemptionDefinition,
      defaultBinderDefinition,
      testPluginDefinition,
    ]),
    clock,
    snapshot: () => lister,
    services: {
      client,
      random: createRandom(scenario.seed ?? 4),
      nominatedPodsForNode: () => [],
      getPod: (namespace, name) =>
        [scenario.pod, ...scenario.pods].find(
          (pod) => pod.metadata?.namespace === namespace && pod.metadata?.name === name,
        ),
      recordEvent: (event) => events.push(event),
    },
  });
  const state = new CycleState();
  const preFilterStatus = framework.runPreFilterPlugins(state, scenario.pod, lister.list()).status;
  return { framework, state, client, events, lister, preFilterStatus, clock };
}

function statuses(
  entries: Record<string, Code>,
  absent: Code = Code.UnschedulableAndUnresolvable,
): NodeStatusMap {
  const map = new NodeStatusMap();
  for (const [node, code] of Object.entries(entries)) map.set(node, createStatus(code));
  map.absentNodesStatus = createStatus(absent);
  return map;
}

function summary(status: Status) {
  return { code: codeName(status.code), message: status.reasons.join(", ") };
}

describe("DefaultPreemption PostFilter (upstream TestPostFilter)", () => {
  it.each([
    {
      name: "pod with higher priority can be made schedulable",
      pod: makePod("p", { priority: highPriority }),
      pods: [makePod("p1", { node: "node1" })],
      nodes: [makeNode("node1", onePodRes)],
      filtered: statuses({ node1: Code.Unschedulable }),
      wantNominated: "node1",
      wantStatus: { code: "Success", message: "" },
    },
    {
      name: "pod with tied priority is still unschedulable",
      pod: makePod("p"),
      pods: [makePod("p1", { node: "node1" })],
      nodes: [makeNode("node1", onePodRes)],
      filtered: statuses({ node1: Code.Unschedulable }),
      wantNominated: "",
      wantStatus: {
        code: "Unschedulable",
        message: "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
      },
    },
    {
      name: "preemption should respect filteredNodesStatuses",
      pod: makePod("p", { priority: highPriority }),
      pods: [makePod("p1", { node: "node1" })],
      nodes: [makeNode("node1", onePodRes)],
      filtered: statuses({ node1: Code.UnschedulableAndUnresolvable }),
      wantNominated: "",
      wantStatus: {
        code: "Unschedulable",
        message: "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
      },
    },
    {
      name: "preemption should respect absent NodeToStatus entry meaning UnschedulableAndUnresolvable",
      pod: makePod("p", { priority: highPriority }),
      pods: [makePod("p1", { node: "node1" })],
      nodes: [makeNode("node1", onePodRes)],
      filtered: statuses({}),
      wantNominated: "",
      wantStatus: {
        code: "Unschedulable",
        message: "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
      },
    },
    {
      name: "pod can be made schedulable on one node",
      pod: makePod("p", { priority: midPriority }),
      pods: [
        makePod("p1", { priority: highPriority, node: "node1" }),
        makePod("p2", { priority: lowPriority, node: "node2" }),
      ],
      nodes: [makeNode("node1", onePodRes), makeNode("node2", onePodRes)],
      filtered: statuses({ node1: Code.Unschedulable, node2: Code.Unschedulable }),
      wantNominated: "node2",
      wantStatus: { code: "Success", message: "" },
    },
    {
      name: "pod can be made schedulable on minHighestPriority node (no PodDisruptionBudgets in kubesim)",
      pod: makePod("p", { priority: veryHighPriority }),
      pods: [
        makePod("p1", { priority: highPriority, node: "node1" }),
        makePod("p2", { priority: lowPriority, node: "node1" }),
        makePod("p3", { priority: midPriority, node: "node2" }),
      ],
      nodes: [makeNode("node1", onePodRes), makeNode("node2", onePodRes)],
      filtered: statuses({ node1: Code.Unschedulable, node2: Code.Unschedulable }),
      wantNominated: "node2",
      wantStatus: { code: "Success", message: "" },
    },
    {
      name: "no candidate nodes found, no enough resource after removing low priority pods",
      pod: makePod("p", { priority: highPriority, req: largeRes }),
      pods: [makePod("p1", { node: "node1" }), makePod("p2", { node: "node2" })],
      nodes: [makeNode("node1", nodeRes), makeNode("node2", nodeRes)],
      filtered: statuses({ node1: Code.Unschedulable, node2: Code.Unschedulable }),
      wantNominated: "",
      wantStatus: {
        code: "Unschedulable",
        message: "preemption: 0/2 nodes are available: 2 Insufficient cpu.",
      },
    },
    {
      name: "no candidate nodes found with mixed reasons, no lower priority pod and no enough CPU resource",
      pod: makePod("p", { priority: highPriority, req: largeRes }),
      pods: [
        makePod("p1", { node: "node1", priority: highPriority }),
        makePod("p2", { node: "node2" }),
        makePod("p3", { node: "node3", priority: highPriority }),
      ],
      nodes: [makeNode("node1", onePodRes), makeNode("node2", nodeRes), makeNode("node3", onePodRes)],
      filtered: statuses({ node1: Code.Unschedulable, node2: Code.Unschedulable, node3: Code.Unschedulable }),
      wantNominated: "",
      wantStatus: {
        code: "Unschedulable",
        message:
          "preemption: 0/3 nodes are available: 1 Insufficient cpu, 2 No preemption victims found for incoming pod.",
      },
    },
    {
      name: "no candidate nodes found with mixed reason, 2 UnschedulableAndUnresolvable nodes and 2 nodes don't have enough CPU resource",
      pod: makePod("p", { priority: highPriority, req: largeRes }),
      pods: [makePod("p1", { node: "node1" }), makePod("p2", { node: "node2" })],
      nodes: [
        makeNode("node1", nodeRes),
        makeNode("node2", nodeRes),
        makeNode("node3", nodeRes),
        makeNode("node4", nodeRes),
      ],
      filtered: statuses({
        node1: Code.Unschedulable,
        node2: Code.Unschedulable,
        node4: Code.UnschedulableAndUnresolvable,
      }),
      wantNominated: "",
      wantStatus: {
        code: "Unschedulable",
        message:
          "preemption: 0/4 nodes are available: 2 Insufficient cpu, 2 Preemption is not helpful for scheduling.",
      },
    },
    {
      name: "only one node but failed with TestPlugin",
      pod: makePod("p", { priority: highPriority, req: largeRes }),
      pods: [makePod("p1", { node: "node1" })],
      nodes: [makeNode("node1", largeRes, { error: "true" })],
      filtered: statuses({ node1: Code.Unschedulable }),
      withTestPlugin: true,
      wantNominated: undefined,
      wantStatus: {
        code: "Error",
        message: 'preemption: running RemovePod on PreFilter plugin "test-plugin": failed to remove pod: p',
      },
    },
    {
      name: "one failed with TestPlugin and the other pass",
      pod: makePod("p", { priority: highPriority, req: largeRes }),
      pods: [makePod("p1", { node: "node1" }), makePod("p2", { node: "node2", req: mediumRes })],
      nodes: [makeNode("node1", largeRes, { error: "true" }), makeNode("node2", largeRes)],
      filtered: statuses({ node1: Code.Unschedulable, node2: Code.Unschedulable }),
      withTestPlugin: true,
      wantNominated: "node2",
      wantStatus: { code: "Success", message: "" },
    },
  ])("$name", async ({ pod, pods, nodes, filtered, withTestPlugin, wantNominated, wantStatus }) => {
    const { framework, state } = harness({ pod, pods, nodes, withTestPlugin: withTestPlugin ?? false });
    const outcome = await framework.runPostFilterPlugins(state, pod, filtered);
    expect(summary(outcome.status)).toEqual(wantStatus);
    expect(outcome.result?.nominatedNodeName).toBe(wantNominated);
  });

  it("marks, deletes and reports each victim, and nominates the node", async () => {
    const pod = makePod("p", { priority: highPriority });
    const { framework, state, client, events } = harness({
      pod,
      pods: [makePod("p1", { node: "node1" })],
      nodes: [makeNode("node1", onePodRes)],
    });
    await framework.runPostFilterPlugins(state, pod, statuses({ node1: Code.Unschedulable }));
    expect(client.calls.filter((call) => !call.startsWith("get"))).toEqual([
      "updateStatus Pod default/p1",
      "delete Pod default/p1",
    ]);
    expect(client.objectsOf<Pod>("Pod").map((remaining) => remaining.metadata?.name)).toEqual(["p"]);
    expect(events).toEqual([
      {
        regarding: expect.objectContaining({ metadata: expect.objectContaining({ name: "p1" }) }),
        related: pod,
        type: "Normal",
        reason: "Preempted",
        action: "Preempting",
        note: "Preempted by pod p on node node1",
      },
    ]);
  });

  it("gives the victim the DisruptionTarget condition before deleting it", async () => {
    const pod = makePod("p", { priority: highPriority });
    const { framework, state, client } = harness({
      pod,
      pods: [makePod("p1", { node: "node1" })],
      nodes: [makeNode("node1", onePodRes)],
    });
    const written: unknown[] = [];
    const updateStatus = client.updateStatus.bind(client);
    client.updateStatus = async (object) => {
      written.push(structuredClone((object as { status?: unknown }).status));
      return updateStatus(object);
    };
    await framework.runPostFilterPlugins(state, pod, statuses({ node1: Code.Unschedulable }));
    expect(written).toEqual([
      {
        conditions: [
          {
            type: "DisruptionTarget",
            status: "True",
            lastProbeTime: null,
            lastTransitionTime: "2026-01-01T00:00:00Z",
            reason: "PreemptionByScheduler",
            message: "default-scheduler: preempting to accommodate a higher priority pod",
          },
        ],
      },
    ]);
  });

  it("refuses a pod with preemptionPolicy Never", async () => {
    const pod = { ...makePod("p", { priority: highPriority }) };
    pod.spec = { ...pod.spec, containers: pod.spec?.containers ?? [], preemptionPolicy: "Never" };
    const { framework, state } = harness({
      pod,
      pods: [makePod("p1", { node: "node1" })],
      nodes: [makeNode("node1", onePodRes)],
    });
    const outcome = await framework.runPostFilterPlugins(state, pod, statuses({ node1: Code.Unschedulable }));
    expect(summary(outcome.status)).toEqual({
      code: "Unschedulable",
      message: "preemption: not eligible due to preemptionPolicy=Never.",
    });
    expect(outcome.result).toBeUndefined();
  });

  it("answers an Error without the scheduler's handle (plugin tests)", async () => {
    const plugin = defaultPreemptionDefinition.factory(
      { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 },
      { snapshotSharedLister: () => createNodeInfoLister([]), clock: new VirtualClock(0) },
      {} as never,
    ) as Plugin & { postFilter: (...args: unknown[]) => Promise<{ status?: Status }> };
    const outcome = await plugin.postFilter(new CycleState(), makePod("p"), new NodeStatusMap());
    expect(outcome.status?.code).toBe(Code.Error);
  });
});

describe("podEligibleToPreemptOthers", () => {
  const terminating: Pod = {
    ...makePod("victim", { node: "node1", priority: lowPriority }),
    metadata: {
      name: "victim",
      namespace: "default",
      uid: "victim",
      deletionTimestamp: "2026-01-01T00:00:00Z",
    },
    status: { conditions: [{ type: "DisruptionTarget", status: "True", reason: "PreemptionByScheduler" }] },
  };
  const nominatedPod: Pod = {
    ...makePod("p", { priority: highPriority }),
    status: { nominatedNodeName: "node1" },
  };
  const nodeInfoOf = (name: string) =>
    name === "node1" ? createNodeInfo(makeNode("node1", onePodRes), [terminating]) : undefined;

  it.each([
    {
      name: "refuses while a lower-priority victim on the nominated node is terminating",
      status: createStatus(Code.Unschedulable),
      expected: { eligible: false, message: "not eligible due to a terminating pod on the nominated node." },
    },
    {
      name: "allows another try when the nominated node became unresolvable",
      status: createStatus(Code.UnschedulableAndUnresolvable),
      expected: { eligible: true, message: "" },
    },
  ])("$name", ({ status, expected }) => {
    expect(podEligibleToPreemptOthers(nominatedPod, status, nodeInfoOf)).toEqual(expected);
  });
});

describe("candidate selection (upstream TestSelectBestCandidate)", () => {
  const t = epochTime;
  it.each([
    {
      name: "a pod that fits on both nodes when lower priority pods are preempted",
      nodeNames: ["node1", "node2"],
      pod: makePod("p", { priority: highPriority, req: largeRes }),
      pods: [
        makePod("p1", { node: "node1", priority: midPriority, req: largeRes, startTime: t(0) }),
        makePod("p2", { node: "node2", priority: midPriority, req: largeRes, startTime: t(0) }),
      ],
      expected: ["node1", "node2"],
    },
    {
      name: "node with min highest priority pod is picked",
      nodeNames: ["node1", "node2", "node3"],
      pod: makePod("p", { priority: highPriority, req: veryLargeRes }),
      pods: [
        makePod("p1.1", { node: "node1", priority: midPriority, req: mediumRes, startTime: t(0) }),
        makePod("p1.2", { node: "node1", priority: midPriority, req: largeRes, startTime: t(0) }),
        makePod("p2.1", { node: "node2", priority: midPriority, req: mediumRes, startTime: t(0) }),
        makePod("p2.2", { node: "node2", priority: lowPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.1", { node: "node3", priority: lowPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.2", { node: "node3", priority: lowPriority, req: mediumRes, startTime: t(0) }),
      ],
      expected: ["node3"],
    },
    {
      name: "when highest priorities are the same, minimum sum of priorities is picked",
      nodeNames: ["node1", "node2", "node3"],
      pod: makePod("p", { priority: highPriority, req: veryLargeRes }),
      pods: [
        makePod("p1.1", { node: "node1", priority: midPriority, req: mediumRes, startTime: t(0) }),
        makePod("p1.2", { node: "node1", priority: midPriority, req: largeRes, startTime: t(0) }),
        makePod("p2.1", { node: "node2", priority: midPriority, req: largeRes, startTime: t(0) }),
        makePod("p2.2", { node: "node2", priority: lowPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.1", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.2", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(0) }),
      ],
      expected: ["node2"],
    },
    {
      name: "when highest priority and sum are the same, minimum number of pods is picked",
      nodeNames: ["node1", "node2", "node3"],
      pod: makePod("p", { priority: highPriority, req: veryLargeRes }),
      pods: [
        makePod("p1.1", { node: "node1", priority: midPriority, req: smallRes, startTime: t(0) }),
        makePod("p1.2", { node: "node1", priority: negPriority, req: smallRes, startTime: t(0) }),
        makePod("p1.3", { node: "node1", priority: midPriority, req: smallRes, startTime: t(0) }),
        makePod("p1.4", { node: "node1", priority: negPriority, req: smallRes, startTime: t(0) }),
        makePod("p2.1", { node: "node2", priority: midPriority, req: largeRes, startTime: t(0) }),
        makePod("p2.2", { node: "node2", priority: negPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.1", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.2", { node: "node3", priority: negPriority, req: smallRes, startTime: t(0) }),
        makePod("p3.3", { node: "node3", priority: lowPriority, req: smallRes, startTime: t(0) }),
      ],
      expected: ["node2"],
    },
    {
      name: "sum of adjusted priorities is considered",
      nodeNames: ["node1", "node2", "node3"],
      pod: makePod("p", { priority: highPriority, req: veryLargeRes }),
      pods: [
        makePod("p1.1", { node: "node1", priority: midPriority, req: smallRes, startTime: t(0) }),
        makePod("p1.2", { node: "node1", priority: negPriority, req: smallRes, startTime: t(0) }),
        makePod("p1.3", { node: "node1", priority: negPriority, req: smallRes, startTime: t(0) }),
        makePod("p2.1", { node: "node2", priority: midPriority, req: largeRes, startTime: t(0) }),
        makePod("p2.2", { node: "node2", priority: negPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.1", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.2", { node: "node3", priority: negPriority, req: smallRes, startTime: t(0) }),
        makePod("p3.3", { node: "node3", priority: lowPriority, req: smallRes, startTime: t(0) }),
      ],
      expected: ["node2"],
    },
    {
      name: "non-overlapping lowest high priority, sum priorities, and number of pods",
      nodeNames: ["node1", "node2", "node3", "node4"],
      pod: makePod("p", { priority: veryHighPriority, req: veryLargeRes }),
      pods: [
        makePod("p1.1", { node: "node1", priority: midPriority, req: smallRes, startTime: t(0) }),
        makePod("p1.2", { node: "node1", priority: lowPriority, req: smallRes, startTime: t(0) }),
        makePod("p1.3", { node: "node1", priority: lowPriority, req: smallRes, startTime: t(0) }),
        makePod("p2.1", { node: "node2", priority: highPriority, req: largeRes, startTime: t(0) }),
        makePod("p3.1", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(0) }),
        makePod("p3.2", { node: "node3", priority: lowPriority, req: smallRes, startTime: t(0) }),
        makePod("p3.3", { node: "node3", priority: lowPriority, req: smallRes, startTime: t(0) }),
        makePod("p3.4", { node: "node3", priority: lowPriority, req: mediumRes, startTime: t(0) }),
        makePod("p4.1", { node: "node4", priority: midPriority, req: mediumRes, startTime: t(0) }),
        makePod("p4.2", { node: "node4", priority: midPriority, req: smallRes, startTime: t(0) }),
        makePod("p4.3", { node: "node4", priority: midPriority, req: smallRes, startTime: t(0) }),
        makePod("p4.4", { node: "node4", priority: negPriority, req: smallRes, startTime: t(0) }),
      ],
      expected: ["node1"],
    },
    {
      name: "same priority, same number of victims, different start time for each node's pod",
      nodeNames: ["node1", "node2", "node3"],
      pod: makePod("p", { priority: highPriority, req: veryLargeRes }),
      pods: [
        makePod("p1.1", { node: "node1", priority: midPriority, req: mediumRes, startTime: t(2) }),
        makePod("p1.2", { node: "node1", priority: midPriority, req: mediumRes, startTime: t(2) }),
        makePod("p2.1", { node: "node2", priority: midPriority, req: mediumRes, startTime: t(3) }),
        makePod("p2.2", { node: "node2", priority: midPriority, req: mediumRes, startTime: t(3) }),
        makePod("p3.1", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(1) }),
        makePod("p3.2", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(1) }),
      ],
      expected: ["node2"],
    },
    {
      name: "same priority, same number of victims, different start time for all pods",
      nodeNames: ["node1", "node2", "node3"],
      pod: makePod("p", { priority: highPriority, req: veryLargeRes }),
      pods: [
        makePod("p1.1", { node: "node1", priority: midPriority, req: mediumRes, startTime: t(4) }),
        makePod("p1.2", { node: "node1", priority: midPriority, req: mediumRes, startTime: t(2) }),
        makePod("p2.1", { node: "node2", priority: midPriority, req: mediumRes, startTime: t(5) }),
        makePod("p2.2", { node: "node2", priority: midPriority, req: mediumRes, startTime: t(1) }),
        makePod("p3.1", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(3) }),
        makePod("p3.2", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(6) }),
      ],
      expected: ["node3"],
    },
    {
      name: "different priority, same number of victims, different start time for all pods",
      nodeNames: ["node1", "node2", "node3"],
      pod: makePod("p", { priority: highPriority, req: veryLargeRes }),
      pods: [
        makePod("p1.1", { node: "node1", priority: lowPriority, req: mediumRes, startTime: t(4) }),
        makePod("p1.2", { node: "node1", priority: midPriority, req: mediumRes, startTime: t(2) }),
        makePod("p2.1", { node: "node2", priority: midPriority, req: mediumRes, startTime: t(6) }),
        makePod("p2.2", { node: "node2", priority: lowPriority, req: mediumRes, startTime: t(1) }),
        makePod("p3.1", { node: "node3", priority: lowPriority, req: mediumRes, startTime: t(3) }),
        makePod("p3.2", { node: "node3", priority: midPriority, req: mediumRes, startTime: t(5) }),
      ],
      expected: ["node2"],
    },
  ])("$name", ({ nodeNames, pod, pods, expected }) => {
    const nodes = nodeNames.map((name) => makeNode(name, veryLargeRes));
    const { framework, state, lister, preFilterStatus, clock } = harness({ pod, pods, nodes });
    expect(preFilterStatus).toBeUndefined();
    const extension = framework.handle.scheduler;
    if (extension === undefined) throw new Error("the harness must give the framework scheduler services");
    const all = lister.list();
    const numCandidates = calculateNumCandidates(
      { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 },
      all.length,
    );
    const { candidates } = dryRunPreemption(extension, state, pod, all, 0, numCandidates, clock.now());
    expect(expected).toContain(pickOneNodeForPreemption(candidates, clock.now())?.nodeName);
  });

  it("lists the victims by descending importance, keeping the pods that still fit", () => {
    const pod = makePod("p", { priority: highPriority, req: largeRes });
    const pods = [
      makePod("low", { node: "node1", priority: lowPriority, req: mediumRes, startTime: t(1) }),
      makePod("mid", { node: "node1", priority: midPriority, req: mediumRes, startTime: t(1) }),
      makePod("tiny", {
        node: "node1",
        priority: negPriority,
        req: { cpu: "0", memory: "0" },
        startTime: t(1),
      }),
    ];
    const { framework, state, lister, clock } = harness({
      pod,
      pods,
      nodes: [makeNode("node1", veryLargeRes)],
    });
    const extension = framework.handle.scheduler;
    if (extension === undefined) throw new Error("the harness must give the framework scheduler services");
    const { candidates } = dryRunPreemption(extension, state, pod, lister.list(), 0, 1, clock.now());
    expect(candidates.map((candidate) => candidate.victims.map((victim) => victim.metadata?.name))).toEqual([
      ["low"],
    ]);
  });
});

describe("DefaultPreemption args", () => {
  it.each([
    {
      name: "accepts the defaults",
      args: { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 },
      fields: [],
    },
    {
      name: "rejects a percentage above 100",
      args: { minCandidateNodesPercentage: 101, minCandidateNodesAbsolute: 100 },
      fields: [["minCandidateNodesPercentage", "not in valid range [0, 100]"]],
    },
    {
      name: "rejects a negative absolute minimum",
      args: { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: -1 },
      fields: [["minCandidateNodesAbsolute", "not in valid range [0, inf)"]],
    },
    {
      name: "rejects both being zero",
      args: { minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 0 },
      fields: [
        ["minCandidateNodesPercentage", "cannot be zero at the same time as minCandidateNodesAbsolute"],
        ["minCandidateNodesAbsolute", "cannot be zero at the same time as minCandidateNodesPercentage"],
      ],
    },
  ])("$name", ({ args, fields }) => {
    expect(validateDefaultPreemptionArgs(args).map((error) => [error.field, error.detail])).toEqual(fields);
  });

  it.each([
    { name: "takes 10 percent but at least 100 nodes, capped at the node count", nodes: 50, expected: 50 },
    { name: "takes 100 of 500 nodes", nodes: 500, expected: 100 },
    { name: "takes 10 percent of 5000 nodes", nodes: 5000, expected: 500 },
  ])("$name", ({ nodes, expected }) => {
    expect(
      calculateNumCandidates({ minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 }, nodes),
    ).toBe(expected);
  });
});

import { type Event, type Node, type Pod, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { PluginRegistry } from "../framework/registry.js";
import { unschedulable } from "../framework/status.js";
import { createScheduler, type Scheduler } from "./create-scheduler.js";
import { FakeApiClient } from "./fake-api-client.js";

const startTime = Date.parse("2026-01-01T00:00:00Z");
const controlPlaneTaint = "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";

function makeNode(name: string, options: { controlPlane?: boolean; cpu?: string } = {}): Node {
  const resources = { cpu: options.cpu ?? "2", memory: "4Gi", pods: "110" };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "kubernetes.io/hostname": name,
        ...(options.controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}),
      },
    },
    spec: options.controlPlane
      ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }
      : {},
    status: { capacity: resources, allocatable: resources },
  };
}

interface PodOptions {
  readonly cpu?: string;
  readonly schedulerName?: string;
  readonly priority?: number;
  readonly pinnedTo?: string;
  readonly tolerateControlPlane?: boolean;
}

function makePod(name: string, options: PodOptions = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default" },
    spec: {
      containers: [
        {
          name: "app",
          image: "nginx:1.27",
          ...(options.cpu ? { resources: { requests: { cpu: options.cpu } } } : {}),
        },
      ],
      schedulerName: options.schedulerName ?? "default-scheduler",
      priority: options.priority ?? 0,
      ...(options.tolerateControlPlane
        ? {
            tolerations: [
              { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" },
            ],
          }
        : {}),
      ...(options.pinnedTo
        ? {
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [
                    { matchFields: [{ key: "metadata.name", operator: "In", values: [options.pinnedTo] }] },
                  ],
                },
              },
            },
          }
        : {}),
    },
  };
}

async function settle(scheduler: Scheduler): Promise<void> {
  for (let round = 0; round < 200; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    await scheduler.flush();
    if (scheduler.idle()) {
      await new Promise((resolve) => setImmediate(resolve));
      if (scheduler.idle()) return;
    }
  }
  throw new Error("the scheduler did not settle");
}

async function runCluster(options: { seed: number; pods: readonly Pod[]; nodes?: readonly Node[] }) {
  const clock = new VirtualClock(startTime);
  const client = new FakeApiClient(() => clock.now());
  client.seed(
    ...(options.nodes ?? [
      makeNode("control-plane", { controlPlane: true }),
      makeNode("node01"),
      makeNode("node02"),
    ]),
  );
  for (const pod of options.pods) await client.create(pod);
  const scheduler = createScheduler({
    client,
    clock,
    seed: options.seed,
    config: { apiVersion: "kubescheduler.config.k8s.io/v1", kind: "KubeSchedulerConfiguration" },
  });
  await scheduler.start();
  await settle(scheduler);
  const pods = new Map(client.objectsOf<Pod>("Pod").map((pod) => [pod.metadata?.name ?? "", pod]));
  const events = client.objectsOf<Event>("Event");
  return { client, clock, scheduler, pods, events };
}

function placements(pods: ReadonlyMap<string, Pod>): Record<string, string | undefined> {
  return Object.fromEntries([...pods].map(([name, pod]) => [name, pod.spec?.nodeName]));
}

describe("createScheduler end to end", () => {
  it("binds pods to untainted nodes and records Scheduled events as kube-scheduler does", async () => {
    const { pods, events, scheduler } = await runCluster({
      seed: 1,
      pods: [
        makePod("nginx-1", { cpu: "500m" }),
        makePod("nginx-2", { cpu: "500m" }),
        makePod("nginx-3", { cpu: "500m" }),
      ],
    });
    scheduler.stop();
    for (const pod of pods.values()) expect(["node01", "node02"]).toContain(pod.spec?.nodeName);
    const scheduled = events.filter((event) => event.reason === "Scheduled");
    expect(scheduled.map((event) => event.message).sort()).toEqual(
      [...pods.values()]
        .map((pod) => `Successfully assigned default/${pod.metadata?.name} to ${pod.spec?.nodeName}`)
        .sort(),
    );
    const first = scheduled[0] as Event & Record<string, unknown>;
    expect(first).toMatchObject({
      apiVersion: "v1",
      kind: "Event",
      type: "Normal",
      reason: "Scheduled",
      action: "Binding",
      reportingComponent: "default-scheduler",
      reportingInstance: "default-scheduler-kubesim",
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: "2026-01-01T00:00:00.000000Z",
      involvedObject: { apiVersion: "v1", kind: "Pod", namespace: "default" },
    });
    expect(first.metadata?.name).toMatch(/^nginx-\d\.[0-9a-f]+$/);
    expect(first.count).toBeUndefined();
  });

  it("reports a pod that fits nowhere with the exact FailedScheduling message and condition", async () => {
    const { pods, events, scheduler } = await runCluster({ seed: 1, pods: [makePod("huge", { cpu: "3" })] });
    scheduler.stop();
    const message = `0/3 nodes are available: 1 ${controlPlaneTaint}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`;
    expect(
      events.map((event) => [event.type, event.reason, event.message, (event as { action?: string }).action]),
    ).toEqual([["Warning", "FailedScheduling", message, "Scheduling"]]);
    const pod = pods.get("huge");
    expect(pod?.spec?.nodeName).toBeUndefined();
    expect(pod?.status?.conditions).toEqual([
      {
        type: "PodScheduled",
        status: "False",
        lastProbeTime: null,
        lastTransitionTime: "2026-01-01T00:00:00Z",
        reason: "Unschedulable",
        message,
      },
    ]);
  });

  it("places DaemonSet-style pods pinned with matchFields on their own node, control plane included", async () => {
    const { pods, scheduler } = await runCluster({
      seed: 3,
      pods: [
        makePod("agent-cp", { pinnedTo: "control-plane", tolerateControlPlane: true }),
        makePod("agent-1", { pinnedTo: "node01", tolerateControlPlane: true }),
        makePod("agent-2", { pinnedTo: "node02", tolerateControlPlane: true }),
      ],
    });
    scheduler.stop();
    expect(placements(pods)).toEqual({
      "agent-cp": "control-plane",
      "agent-1": "node01",
      "agent-2": "node02",
    });
  });

  it("leaves pods whose schedulerName matches no profile alone", async () => {
    const { pods, events, scheduler } = await runCluster({
      seed: 1,
      pods: [makePod("custom", { schedulerName: "my-scheduler" })],
    });
    scheduler.stop();
    expect(pods.get("custom")?.spec?.nodeName).toBeUndefined();
    expect(events).toEqual([]);
  });

  it("reports no nodes available when the cluster has none", async () => {
    const { events, pods, scheduler } = await runCluster({ seed: 1, nodes: [], pods: [makePod("lonely")] });
    scheduler.stop();
    expect(events.map((event) => event.message)).toEqual(["no nodes available to schedule pods"]);
    expect(pods.get("lonely")?.status?.conditions?.[0]).toMatchObject({ reason: "Unschedulable" });
  });

  it("repeats placements and event order for the same seed", async () => {
    const workload = Array.from({ length: 12 }, (_, index) => makePod(`web-${index}`, { cpu: "100m" }));
    const nodes = Array.from({ length: 6 }, (_, index) => makeNode(`worker-${index}`));
    const first = await runCluster({ seed: 42, pods: workload, nodes });
    const second = await runCluster({ seed: 42, pods: workload, nodes });
    first.scheduler.stop();
    second.scheduler.stop();
    expect(placements(second.pods)).toEqual(placements(first.pods));
    expect(second.events.map((event) => [event.metadata?.name, event.message])).toEqual(
      first.events.map((event) => [event.metadata?.name, event.message]),
    );
    expect(new Set(Object.values(placements(first.pods))).size).toBeGreaterThan(1);
  });

  it("preempts a lower-priority pod, nominates the node and binds the preemptor once the victim is gone", async () => {
    const nodes = [makeNode("node01", { cpu: "1" })];
    const clock = new VirtualClock(startTime);
    const client = new FakeApiClient(() => clock.now());
    client.seed(...nodes);
    await client.create({
      ...makePod("low", { cpu: "800m" }),
      spec: {
        ...makePod("low", { cpu: "800m" }).spec,
        containers: makePod("low", { cpu: "800m" }).spec?.containers ?? [],
        nodeName: "node01",
      },
    });
    const scheduler = createScheduler({ client, clock, seed: 7 });
    await scheduler.start();
    await settle(scheduler);
    await client.create(makePod("high", { cpu: "800m", priority: 1000 }));
    await settle(scheduler);
    // The preemptor was rejected once (victim still there), the victim was deleted and the
    // pod nominated; the victim's deletion requeues it and the next cycle binds it.
    clock.advance(1000);
    await settle(scheduler);
    scheduler.stop();
    const pods = client.objectsOf<Pod>("Pod");
    expect(pods.map((pod) => [pod.metadata?.name, pod.spec?.nodeName])).toEqual([["high", "node01"]]);
    const events = client.objectsOf<Event>("Event").map((event) => [event.reason, event.message]);
    expect(events).toEqual([
      ["Preempted", `Preempted by pod ${pods[0]?.metadata?.uid} on node node01`],
      ["FailedScheduling", "0/1 nodes are available: 1 Insufficient cpu."],
      ["Scheduled", "Successfully assigned default/high to node01"],
    ]);
    expect(pods[0]?.status?.nominatedNodeName).toBe("node01");
  });

  it("does not count finished pods against their node", async () => {
    const finished: Pod = {
      ...makePod("done", { cpu: "800m" }),
      status: { phase: "Succeeded" },
    };
    finished.spec = { ...(finished.spec ?? { containers: [] }), nodeName: "node01" };
    const { pods, scheduler } = await runCluster({
      seed: 1,
      nodes: [makeNode("node01", { cpu: "1" })],
      pods: [finished, makePod("next", { cpu: "800m" })],
    });
    scheduler.stop();
    expect(pods.get("next")?.spec?.nodeName).toBe("node01");
  });

  it("runs an out-of-tree Reserve plugin from the registry and reports its rejection as a one-node FitError", async () => {
    const clock = new VirtualClock(startTime);
    const client = new FakeApiClient(() => clock.now());
    client.seed(makeNode("node01"));
    await client.create(makePod("denied"));
    await client.create(makePod("allowed"));
    const registry = new PluginRegistry();
    const released: string[] = [];
    registry.register("Quota", () => ({
      name: "Quota",
      reserve: (_state: unknown, pod: Pod) =>
        pod.metadata?.name === "denied" ? unschedulable("quota exceeded") : undefined,
      unreserve: (_state: unknown, pod: Pod) => {
        released.push(pod.metadata?.name ?? "");
      },
    }));
    const scheduler = createScheduler({
      client,
      clock,
      seed: 1,
      registry,
      config: {
        apiVersion: "kubescheduler.config.k8s.io/v1",
        kind: "KubeSchedulerConfiguration",
        profiles: [
          { schedulerName: "default-scheduler", plugins: { reserve: { enabled: [{ name: "Quota" }] } } },
        ],
      },
    });
    await scheduler.start();
    await settle(scheduler);
    scheduler.stop();
    const pods = new Map(client.objectsOf<Pod>("Pod").map((pod) => [pod.metadata?.name, pod]));
    expect(pods.get("allowed")?.spec?.nodeName).toBe("node01");
    expect(pods.get("denied")?.spec?.nodeName).toBeUndefined();
    expect(pods.get("denied")?.status?.conditions?.[0]).toMatchObject({
      reason: "Unschedulable",
      message: "0/1 nodes are available: 1 quota exceeded.",
    });
    expect(released).toEqual(["denied"]);
  });

  it("explains every node with its filter result and each plugin's scores", async () => {
    const { scheduler } = await runCluster({ seed: 1, pods: [] });
    const explanation = scheduler.explain(makePod("probe", { cpu: "3" }));
    expect(explanation.nodes.map((node) => [node.name, node.filter])).toEqual([
      [
        "control-plane",
        { code: "UnschedulableAndUnresolvable", plugin: "TaintToleration", reasons: [controlPlaneTaint] },
      ],
      ["node01", { code: "Unschedulable", plugin: "NodeResourcesFit", reasons: ["Insufficient cpu"] }],
      ["node02", { code: "Unschedulable", plugin: "NodeResourcesFit", reasons: ["Insufficient cpu"] }],
    ]);
    expect(explanation.selected).toBeUndefined();
    const fits = scheduler.explain(makePod("small", { cpu: "100m" }));
    scheduler.stop();
    expect(fits.nodes.map((node) => node.filter.code)).toEqual([
      "UnschedulableAndUnresolvable",
      "Success",
      "Success",
    ]);
    // NodeAffinity, PodTopologySpread and InterPodAffinity skip at PreScore for a pod
    // without preferences, so they do not score, as upstream.
    expect(Object.keys(fits.nodes[1]?.scores ?? {}).sort()).toEqual([
      "ImageLocality",
      "NodeResourcesBalancedAllocation",
      "NodeResourcesFit",
      "TaintToleration",
    ]);
    expect(fits.nodes[1]?.scores?.TaintToleration).toEqual({ raw: 0, normalized: 100, weighted: 300 });
    expect(["node01", "node02"]).toContain(fits.selected);
  });
});

import { type ApiClient, type DaemonSet, StatusError, StatusReason, VirtualClock } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import type { DaemonPodScheduling } from "../pod-template/index.js";
import { createDaemonSetController, type DaemonSetController } from "./create-daemon-set-controller.js";
import {
  addDaemonPods,
  addNode,
  addNodes,
  createRecordingClient,
  type DaemonSetFixtureOptions,
  eventLines,
  freshStatus,
  listPods,
  type NodeFixtureOptions,
  newDaemonSet,
  podNodes,
  type RecordingClient,
  type RecordingClientOptions,
  readDaemonSet,
  statusOf,
  testStartMs,
} from "./test-fixtures.js";

interface Harness {
  readonly clock: VirtualClock;
  readonly store: ApiClient;
  readonly client: RecordingClient;
  readonly controller: DaemonSetController;
}

function createHarness(
  options: RecordingClientOptions & { scheduling?: DaemonPodScheduling; burstReplicas?: number } = {},
): Harness {
  const clock = new VirtualClock(testStartMs);
  const store = createMemoryStore({ clock, seed: 7 });
  const client = createRecordingClient(store, options);
  const controller = createDaemonSetController({
    client,
    clock,
    seed: 7,
    ...(options.scheduling === undefined ? {} : { scheduling: options.scheduling }),
    ...(options.burstReplicas === undefined ? {} : { burstReplicas: options.burstReplicas }),
  });
  return { clock, store, client, controller };
}

async function createDaemonSet(harness: Harness, daemonSet: DaemonSet): Promise<DaemonSet> {
  return harness.store.create(daemonSet);
}

/** Events other than pod-control ones (upstream's tests count only these). */
function controllerEvents(lines: readonly string[]): string[] {
  return lines.filter((line) => !/ (SuccessfulCreate|SuccessfulDelete):/.test(line));
}

const simpleNodeLabel = { color: "blue", speed: "fast" };
const noScheduleTaint = { key: "dedicated", value: "user1", effect: "NoSchedule" as const };
const noExecuteTaint = { key: "dedicated", value: "user1", effect: "NoExecute" as const };

interface PlacementCase {
  readonly name: string;
  readonly nodes: readonly (NodeFixtureOptions & { readonly name: string })[];
  readonly daemonSet?: DaemonSetFixtureOptions;
  readonly creates: readonly string[];
}

function nodeRange(first: number, count: number, options: NodeFixtureOptions = {}) {
  return Array.from({ length: count }, (_, index) => ({ name: `node-${first + index}`, ...options }));
}

const placementCases: PlacementCase[] = [
  {
    name: "a DaemonSet without node selector launches one pod on each of five nodes",
    nodes: nodeRange(0, 5),
    creates: ["node-0", "node-1", "node-2", "node-3", "node-4"],
  },
  { name: "a DaemonSet does nothing when there are no nodes", nodes: [], creates: [] },
  {
    name: "a DaemonSet launches its pod on the only node of a one-node cluster",
    nodes: [{ name: "only-node" }],
    creates: ["only-node"],
  },
  {
    name: "a nodeSelector limits the pods to the nodes carrying its labels",
    nodes: [...nodeRange(0, 4), ...nodeRange(4, 3, { labels: simpleNodeLabel })],
    daemonSet: { nodeSelector: simpleNodeLabel },
    creates: ["node-4", "node-5", "node-6"],
  },
  {
    name: "a nodeSelector that matches no node launches nothing",
    nodes: [...nodeRange(0, 4), ...nodeRange(4, 3, { labels: simpleNodeLabel })],
    daemonSet: { nodeSelector: { color: "red", speed: "fast" } },
    creates: [],
  },
  {
    name: "a template nodeName launches only on that node",
    nodes: nodeRange(0, 5),
    daemonSet: { podSpec: { nodeName: "node-0" } },
    creates: ["node-0"],
  },
  {
    name: "a template nodeName naming no node launches nothing",
    nodes: nodeRange(0, 5),
    daemonSet: { podSpec: { nodeName: "node-10" } },
    creates: [],
  },
  {
    name: "a template nodeName and a nodeSelector that agree launch on that node",
    nodes: [...nodeRange(0, 4), ...nodeRange(4, 3, { labels: simpleNodeLabel })],
    daemonSet: { nodeSelector: simpleNodeLabel, podSpec: { nodeName: "node-6" } },
    creates: ["node-6"],
  },
  {
    name: "a template nodeName and a nodeSelector that disagree launch nothing",
    nodes: [...nodeRange(0, 4), ...nodeRange(4, 3, { labels: simpleNodeLabel })],
    daemonSet: { nodeSelector: simpleNodeLabel, podSpec: { nodeName: "node-0" } },
    creates: [],
  },
  {
    name: "required node affinity limits the pods to matching nodes",
    nodes: [...nodeRange(0, 4), ...nodeRange(4, 3, { labels: simpleNodeLabel })],
    daemonSet: {
      podSpec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: "color", operator: "In", values: ["blue"] }] }],
            },
          },
        },
      },
    },
    creates: ["node-4", "node-5", "node-6"],
  },
  {
    name: "an untolerated NoSchedule taint keeps the pod off the node",
    nodes: [{ name: "tainted", taints: [noScheduleTaint] }],
    creates: [],
  },
  {
    name: "a tolerated NoSchedule taint does not keep the pod off the node",
    nodes: [{ name: "tainted", taints: [noScheduleTaint] }],
    daemonSet: { tolerations: [{ key: "dedicated", value: "user1", effect: "NoSchedule" }] },
    creates: ["tainted"],
  },
  {
    name: "a toleration on an untainted node changes nothing",
    nodes: [{ name: "node-0" }],
    daemonSet: { tolerations: [{ key: "dedicated", value: "user1", effect: "NoSchedule" }] },
    creates: ["node-0"],
  },
  {
    name: "the not-ready NoExecute taint is tolerated by the default DaemonSet tolerations",
    nodes: [{ name: "not-ready", taints: [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }] }],
    creates: ["not-ready"],
  },
  {
    name: "the unreachable NoExecute taint is tolerated by the default DaemonSet tolerations",
    nodes: [
      { name: "unreachable", taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute" }] },
    ],
    creates: ["unreachable"],
  },
  {
    name: "the not-ready NoSchedule taint is not covered by the default tolerations",
    nodes: [{ name: "not-ready", taints: [{ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }] }],
    creates: [],
  },
  {
    name: "disk, memory and PID pressure taints are tolerated by default",
    nodes: [
      {
        name: "pressure",
        taints: [
          { key: "node.kubernetes.io/disk-pressure", effect: "NoSchedule" },
          { key: "node.kubernetes.io/memory-pressure", effect: "NoSchedule" },
          { key: "node.kubernetes.io/pid-pressure", effect: "NoSchedule" },
        ],
      },
    ],
    creates: ["pressure"],
  },
  {
    name: "a cordoned node still gets its pod (the unschedulable taint is tolerated)",
    nodes: [
      {
        name: "cordoned",
        unschedulable: true,
        taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }],
      },
    ],
    creates: ["cordoned"],
  },
  {
    name: "network-unavailable keeps a pod without hostNetwork off the node",
    nodes: [
      {
        name: "no-network",
        taints: [{ key: "node.kubernetes.io/network-unavailable", effect: "NoSchedule" }],
      },
    ],
    creates: [],
  },
  {
    name: "network-unavailable is tolerated for a hostNetwork pod",
    nodes: [
      {
        name: "no-network",
        taints: [{ key: "node.kubernetes.io/network-unavailable", effect: "NoSchedule" }],
      },
    ],
    daemonSet: { podSpec: { hostNetwork: true } },
    creates: ["no-network"],
  },
];

describe("syncDaemonSet: where pods are created", () => {
  it.each(placementCases)("$name", async ({ nodes, daemonSet, creates }) => {
    const harness = createHarness();
    for (const node of nodes) await addNode(harness.store, node.name, node);
    await createDaemonSet(harness, newDaemonSet("foo", daemonSet));

    await harness.controller.syncDaemonSet("default/foo");

    expect([...harness.client.calls.creates].sort()).toEqual([...creates].sort());
    expect(harness.client.calls.deletes).toEqual([]);
    const pods = await listPods(harness.store);
    expect(podNodes(pods)).toEqual([...creates].sort());
    expect(await eventLines(harness.store)).toEqual(
      [...pods]
        .sort(
          (left, right) =>
            harness.client.calls.creates.indexOf(podNodes([left])[0] as string) -
            harness.client.calls.creates.indexOf(podNodes([right])[0] as string),
        )
        .map((pod) => `Normal SuccessfulCreate: Created pod: ${pod.metadata?.name}`),
    );
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual(freshStatus(creates.length));
  });
});

describe("syncDaemonSet: the two scheduling modes", () => {
  it.each`
    scheduling     | nodeName    | pinned
    ${"scheduler"} | ${""}       | ${true}
    ${"legacy"}    | ${"node-0"} | ${false}
  `(
    "in $scheduling mode the created pod has nodeName '$nodeName' and an affinity pin: $pinned",
    async ({ scheduling, nodeName, pinned }) => {
      const harness = createHarness({ scheduling });
      await addNodes(harness.store, 0, 1);
      await createDaemonSet(harness, newDaemonSet("foo"));

      await harness.controller.syncDaemonSet("default/foo");

      const [pod] = await listPods(harness.store);
      expect(pod?.spec?.nodeName ?? "").toBe(nodeName);
      expect(pod?.spec?.affinity ?? null).toEqual(
        pinned
          ? {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [
                    { matchFields: [{ key: "metadata.name", operator: "In", values: ["node-0"] }] },
                  ],
                },
              },
            }
          : null,
      );
      expect(pod?.metadata?.generateName).toBe("foo-");
      expect(pod?.metadata?.ownerReferences).toEqual([
        {
          apiVersion: "apps/v1",
          kind: "DaemonSet",
          name: "foo",
          uid: (await readDaemonSet(harness.store, "foo")).metadata?.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(pod?.metadata?.labels?.["pod-template-generation"]).toBe("1");
      expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual(freshStatus(1));
    },
  );
});

interface ExistingPodsCase {
  readonly name: string;
  readonly labelledNodes: number;
  readonly pods: readonly { node: string; count: number; matching: boolean }[];
  readonly creates: readonly string[];
  readonly deletesPerNode: Readonly<Record<string, number>>;
  readonly released: number;
}

const otherLabels = { app: "foo-other", type: "test" };

const existingPodsCases: ExistingPodsCase[] = [
  {
    name: "nodes without pods get one, extra pods are deleted, pods that stopped matching are released",
    labelledNodes: 0,
    pods: [
      { node: "node-1", count: 1, matching: true },
      { node: "node-2", count: 2, matching: true },
      { node: "node-3", count: 5, matching: true },
      { node: "node-4", count: 2, matching: false },
    ],
    creates: ["node-0", "node-4"],
    deletesPerNode: { "node-2": 1, "node-3": 4 },
    released: 2,
  },
  {
    name: "with a nodeSelector, pods on unselected nodes are deleted and selected nodes get pods",
    labelledNodes: 5,
    pods: [
      { node: "node-0", count: 2, matching: false },
      { node: "node-1", count: 3, matching: true },
      { node: "node-1", count: 1, matching: false },
      { node: "node-4", count: 1, matching: true },
    ],
    creates: ["node-5", "node-6", "node-7", "node-8", "node-9"],
    deletesPerNode: { "node-1": 3, "node-4": 1 },
    released: 3,
  },
  {
    name: "with a nodeSelector, existing pods are kept, pruned or replaced node by node",
    labelledNodes: 5,
    pods: [
      { node: "node-0", count: 1, matching: true },
      { node: "node-1", count: 3, matching: true },
      { node: "node-1", count: 2, matching: false },
      { node: "node-2", count: 4, matching: true },
      { node: "node-6", count: 13, matching: true },
      { node: "node-7", count: 4, matching: false },
      { node: "node-9", count: 1, matching: true },
      { node: "node-9", count: 1, matching: false },
    ],
    creates: ["node-5", "node-7", "node-8"],
    deletesPerNode: { "node-0": 1, "node-1": 3, "node-2": 4, "node-6": 12 },
    released: 7,
  },
];

describe("syncDaemonSet: nodes that already have pods", () => {
  it.each(existingPodsCases)("$name", async ({ labelledNodes, pods, creates, deletesPerNode, released }) => {
    const harness = createHarness();
    if (labelledNodes > 0) {
      await addNodes(harness.store, 0, 5);
      await addNodes(harness.store, 5, labelledNodes, { labels: simpleNodeLabel });
    } else {
      await addNodes(harness.store, 0, 5);
    }
    const daemonSet = await createDaemonSet(
      harness,
      newDaemonSet("foo", labelledNodes > 0 ? { nodeSelector: simpleNodeLabel } : {}),
    );
    for (const group of pods) {
      await addDaemonPods(
        harness.store,
        daemonSet,
        group.node,
        group.count,
        group.matching ? {} : { labels: otherLabels },
      );
    }
    // Every pod was created at the same instant: the oldest is the first by name.
    const before = await listPods(harness.store);

    await harness.controller.syncDaemonSet("default/foo");

    expect([...harness.client.calls.creates].sort()).toEqual([...creates].sort());
    const deletedByNode: Record<string, number> = {};
    for (const name of harness.client.calls.deletes) {
      const pod = before.find((candidate) => candidate.metadata?.name === name);
      const node = pod?.spec?.nodeName ?? "?";
      deletedByNode[node] = (deletedByNode[node] ?? 0) + 1;
    }
    expect(deletedByNode).toEqual(deletesPerNode);
    // Without a selector match the pods keep running but no longer belong to the DaemonSet.
    const after = await listPods(harness.store);
    const orphans = after.filter((pod) => pod.metadata?.labels?.type === "test");
    expect(orphans.length).toBe(released);
    expect(orphans.every((pod) => (pod.metadata?.ownerReferences ?? []).length === 0)).toBe(true);
    // Duplicates keep the oldest pod: the first by name among equal creation times.
    for (const [node, count] of Object.entries(deletesPerNode)) {
      const onNode = before
        .filter((pod) => pod.spec?.nodeName === node && pod.metadata?.labels?.type !== "test")
        .map((pod) => pod.metadata?.name ?? "")
        .sort();
      if (labelledNodes === 0 || Number(node.slice(5)) >= 5) {
        expect(harness.client.calls.deletes.filter((name) => onNode.includes(name)).sort()).toEqual(
          onNode.slice(1),
        );
        expect(onNode.length - 1).toBe(count);
      }
    }
    expect(controllerEvents(await eventLines(harness.store))).toEqual([]);
  });

  it("an orphan pod matching the selector is adopted instead of creating another on its node", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 2);
    const daemonSet = await createDaemonSet(harness, newDaemonSet("foo"));
    const [orphan] = await addDaemonPods(harness.store, daemonSet, "node-0", 1, { orphan: true });

    await harness.controller.syncDaemonSet("default/foo");

    expect(harness.client.calls.creates).toEqual(["node-1"]);
    const adopted = await harness.store.get("Pod", orphan?.metadata?.name ?? "", { namespace: "default" });
    expect(adopted.metadata?.ownerReferences).toEqual([
      {
        apiVersion: "apps/v1",
        kind: "DaemonSet",
        name: "foo",
        uid: daemonSet.metadata?.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual(freshStatus(2));
  });

  it("adoption re-reads the DaemonSet and refuses when it has just been deleted", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 1);
    await createDaemonSet(harness, {
      ...newDaemonSet("foo"),
      metadata: { name: "foo", namespace: "default", finalizers: ["example.com/hold"] },
    });
    const stored = await readDaemonSet(harness.store, "foo");
    const [orphan] = await addDaemonPods(harness.store, stored, "node-0", 1, { orphan: true });
    await harness.store.delete("DaemonSet", "foo", { namespace: "default" });
    const deletedAt = (await readDaemonSet(harness.store, "foo")).metadata?.deletionTimestamp;
    // The first read (the "cache") still shows the DaemonSet alive; the uncached re-read does not.
    let reads = 0;
    const racing: ApiClient = {
      ...harness.client,
      get: async (kind, name, options) => {
        const object = await harness.client.get(kind, name, options);
        if (kind !== "DaemonSet" || reads++ > 0) return object;
        const { deletionTimestamp: _, ...metadata } = (object as DaemonSet).metadata ?? {};
        return { ...object, metadata } as never;
      },
    };
    const controller = createDaemonSetController({ client: racing, clock: harness.clock, seed: 7 });

    await expect(controller.syncDaemonSet("default/foo")).rejects.toThrow(
      `couldn't get node to daemon pod mapping for daemon set "foo": can't adopt Pod default/${orphan?.metadata?.name} (${orphan?.metadata?.uid}): default/foo has just been deleted at ${deletedAt}`,
    );
    expect(harness.client.calls.creates).toEqual([]);
    expect(harness.client.calls.deletes).toEqual([]);
  });

  it("a terminating pod on a node is neither replaced nor deleted again", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 1);
    const daemonSet = await createDaemonSet(harness, newDaemonSet("foo"));
    const [pod] = await addDaemonPods(harness.store, daemonSet, "node-0", 1);
    await harness.store.delete("Pod", pod?.metadata?.name ?? "", { namespace: "default" });

    await harness.controller.syncDaemonSet("default/foo");

    expect(harness.client.calls).toEqual({ creates: [], deletes: [], statusWrites: 1 });
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual(freshStatus(1));
  });

  it("an untolerated NoSchedule taint keeps a running pod where it is (counted as misscheduled)", async () => {
    const harness = createHarness();
    await addNode(harness.store, "tainted", { taints: [noScheduleTaint] });
    const daemonSet = await createDaemonSet(harness, newDaemonSet("intolerant"));
    await addDaemonPods(harness.store, daemonSet, "tainted", 1);

    await harness.controller.syncDaemonSet("default/intolerant");

    expect(harness.client.calls.creates).toEqual([]);
    expect(harness.client.calls.deletes).toEqual([]);
    expect(statusOf(await readDaemonSet(harness.store, "intolerant"))).toEqual({
      ...freshStatus(0, 0, 1),
      numberUnavailable: 0,
    });
  });

  it("an untolerated NoExecute taint makes the controller delete the running pod", async () => {
    const harness = createHarness();
    await addNode(harness.store, "tainted", { taints: [noExecuteTaint] });
    const daemonSet = await createDaemonSet(harness, newDaemonSet("intolerant"));
    const [pod] = await addDaemonPods(harness.store, daemonSet, "tainted", 1);

    await harness.controller.syncDaemonSet("default/intolerant");

    expect(harness.client.calls.creates).toEqual([]);
    expect(harness.client.calls.deletes).toEqual([pod?.metadata?.name]);
    expect(await eventLines(harness.store)).toEqual([
      `Normal SuccessfulDelete: Deleted pod: ${pod?.metadata?.name}`,
    ]);
  });

  it("an unbound pod pinned to a node that no longer exists is deleted by the controller", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 2);
    await createDaemonSet(harness, newDaemonSet("foo"));
    await harness.controller.syncDaemonSet("default/foo");
    const pinned = (await listPods(harness.store)).find((pod) => podNodes([pod])[0] === "node-1");
    await harness.store.delete("Node", "node-1");
    harness.client.reset();

    await harness.controller.syncDaemonSet("default/foo");

    expect(harness.client.calls.deletes).toEqual([pinned?.metadata?.name]);
    expect(podNodes(await listPods(harness.store))).toEqual(["node-0"]);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual(freshStatus(1));
  });
});

interface FailedPodsCase {
  readonly name: string;
  readonly failed: number;
  readonly running: number;
  readonly creates: number;
  readonly deletes: number;
  readonly failedEvents: number;
}

const failedPodsCases: FailedPodsCase[] = [
  { name: "one running pod: nothing to do", failed: 0, running: 1, creates: 0, deletes: 0, failedEvents: 0 },
  { name: "no pod: one is created", failed: 0, running: 0, creates: 1, deletes: 0, failedEvents: 0 },
  {
    name: "one failed pod: it is killed and its replacement waits for the next sync",
    failed: 1,
    running: 0,
    creates: 0,
    deletes: 1,
    failedEvents: 1,
  },
  {
    name: "one failed and three running pods: the failed one and two extra ones are killed",
    failed: 1,
    running: 3,
    creates: 0,
    deletes: 3,
    failedEvents: 1,
  },
];

describe("syncDaemonSet: failed and succeeded pods", () => {
  it.each(failedPodsCases)("$name", async ({ failed, running, creates, deletes, failedEvents }) => {
    for (const strategy of ["OnDelete", "RollingUpdate"] as const) {
      const harness = createHarness();
      await addNodes(harness.store, 0, 1);
      const daemonSet = await createDaemonSet(
        harness,
        newDaemonSet("foo", { updateStrategy: { type: strategy } }),
      );
      const failedPods = await addDaemonPods(harness.store, daemonSet, "node-0", failed, { phase: "Failed" });
      await addDaemonPods(harness.store, daemonSet, "node-0", running);

      await harness.controller.syncDaemonSet("default/foo");

      expect(harness.client.calls.creates.length).toBe(creates);
      expect(harness.client.calls.deletes.length).toBe(deletes);
      expect(controllerEvents(await eventLines(harness.store))).toEqual(
        failedPods
          .slice(0, failedEvents)
          .map(
            (pod) =>
              `Warning FailedDaemonPod: Found failed daemon pod default/${pod.metadata?.name} on node node-0, will try to kill it`,
          ),
      );
    }
  });

  it("killing failed pods on a node backs off 1 s, then 2 s, on the controller's clock", async () => {
    const harness = createHarness();
    const daemonSet = await createDaemonSet(harness, newDaemonSet("foo"));
    // The backoff key holds status.observedGeneration: settle it first (upstream's does the same).
    await harness.controller.syncDaemonSet("default/foo");
    await addNodes(harness.store, 0, 1);
    harness.client.reset();
    const failedEvent = (name: string | undefined) =>
      `Warning FailedDaemonPod: Found failed daemon pod default/${name} on node node-0, will try to kill it`;

    const [first] = await addDaemonPods(harness.store, daemonSet, "node-0", 1, { phase: "Failed" });
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.deletes).toEqual([first?.metadata?.name]);

    // The kubelet rejects the replacement at once: it is left alone inside the 1 s window.
    harness.client.reset();
    const [second] = await addDaemonPods(harness.store, daemonSet, "node-0", 1, { phase: "Failed" });
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.creates).toEqual([]);
    expect(harness.client.calls.deletes).toEqual([]);

    harness.clock.advance(999);
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.deletes).toEqual([]);

    harness.clock.advance(1);
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.deletes).toEqual([second?.metadata?.name]);

    // Now the window is 2 s.
    harness.client.reset();
    const [third] = await addDaemonPods(harness.store, daemonSet, "node-0", 1, { phase: "Failed" });
    harness.clock.advance(1999);
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.deletes).toEqual([]);
    harness.clock.advance(1);
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.deletes).toEqual([third?.metadata?.name]);

    expect(controllerEvents(await eventLines(harness.store))).toEqual([
      failedEvent(first?.metadata?.name),
      failedEvent(second?.metadata?.name),
      failedEvent(third?.metadata?.name),
    ]);
    // With the node empty again, the next sync creates the replacement.
    harness.client.reset();
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.creates).toEqual(["node-0"]);
  });

  it("a succeeded pod is deleted at once with a Normal SucceededDaemonPod event", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 1);
    const daemonSet = await createDaemonSet(harness, newDaemonSet("foo"));
    const [pod] = await addDaemonPods(harness.store, daemonSet, "node-0", 1, { phase: "Succeeded" });

    await harness.controller.syncDaemonSet("default/foo");

    expect(harness.client.calls.deletes).toEqual([pod?.metadata?.name]);
    expect(await eventLines(harness.store)).toEqual([
      `Normal SucceededDaemonPod: Found succeeded daemon pod default/${pod?.metadata?.name} on node node-0, will try to delete it`,
      `Normal SuccessfulDelete: Deleted pod: ${pod?.metadata?.name}`,
    ]);
  });
});

const quotaMessage =
  'pods "foo-" is forbidden: exceeded quota: pods-quota, requested: pods=1, used: pods=10, limited: pods=10';

function quotaError(): StatusError {
  return new StatusError({ message: quotaMessage, reason: StatusReason.Forbidden, code: 403 });
}

describe("syncDaemonSet: slow start and burst limits", () => {
  it("a Forbidden create ends the slow-start batch, records FailedCreate and rejects the pass", async () => {
    const harness = createHarness({ failPodCreate: (attempt) => (attempt >= 10 ? quotaError() : undefined) });
    await addNodes(harness.store, 0, 100);
    await createDaemonSet(harness, newDaemonSet("foo"));

    await expect(harness.controller.syncDaemonSet("default/foo")).rejects.toThrow(quotaMessage);

    // Batches 1, 2, 4 succeed; the batch of 8 has 3 successes and 5 failures; the rest is not tried.
    expect(harness.client.calls.creates.length).toBe(15);
    const lines = await eventLines(harness.store);
    expect(lines.filter((line) => line.startsWith("Normal SuccessfulCreate")).length).toBe(10);
    expect(lines.filter((line) => line.startsWith("Warning FailedCreate"))).toEqual([
      `Warning FailedCreate: Error creating: ${quotaMessage}`,
    ]);
    // The five identical failures are one Event counted five times, as client-go aggregates them.
    const failedCreates = (await harness.store.list("Event", { namespace: "default" })).items.filter(
      (event) => event.reason === "FailedCreate",
    );
    expect(failedCreates.map((event) => event.count)).toEqual([5]);
    // Status is still written after the failure.
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual({
      ...freshStatus(100, 10),
      observedGeneration: 1,
    });
  });

  it("a single failed create rejects with the create's own StatusError", async () => {
    const harness = createHarness({ failPodCreate: () => quotaError() });
    await addNodes(harness.store, 0, 3);
    await createDaemonSet(harness, newDaemonSet("foo"));

    const failure = await harness.controller.syncDaemonSet("default/foo").catch((error: unknown) => error);

    expect(StatusError.isInstance(failure) && failure.reason).toBe("Forbidden");
    expect(harness.client.calls.creates).toEqual(["node-0"]);
  });

  it("after a failed batch the next sync starts again with one pod and finishes the job", async () => {
    let failing = true;
    const harness = createHarness({
      failPodCreate: (attempt) => (failing && attempt >= 2 ? quotaError() : undefined),
    });
    await addNodes(harness.store, 0, 10);
    await createDaemonSet(harness, newDaemonSet("foo"));
    await expect(harness.controller.syncDaemonSet("default/foo")).rejects.toThrow(quotaMessage);
    expect(harness.client.calls.creates.length).toBe(3);

    failing = false;
    harness.client.reset();
    await harness.controller.syncDaemonSet("default/foo");

    expect(harness.client.calls.creates).toEqual([
      "node-2",
      "node-3",
      "node-4",
      "node-5",
      "node-6",
      "node-7",
      "node-8",
      "node-9",
    ]);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual(freshStatus(10));
  });

  it("burstReplicas caps the creations of one sync", async () => {
    const harness = createHarness({ burstReplicas: 3 });
    await addNodes(harness.store, 0, 5);
    await createDaemonSet(harness, newDaemonSet("foo"));

    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.creates).toEqual(["node-0", "node-1", "node-2"]);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual(freshStatus(5, 3));

    harness.client.reset();
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.creates).toEqual(["node-3", "node-4"]);
  });
});

describe("syncDaemonSet: DaemonSets it must leave alone", () => {
  it("a DaemonSet that no longer exists makes the pass a no-op", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 2);

    await harness.controller.syncDaemonSet("default/gone");

    expect(harness.client.calls).toEqual({ creates: [], deletes: [], statusWrites: 0 });
    expect(await eventLines(harness.store)).toEqual([]);
  });

  it("a DaemonSet being deleted gets no pods and no status write", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 2);
    await createDaemonSet(harness, {
      ...newDaemonSet("foo"),
      metadata: { name: "foo", namespace: "default", finalizers: ["example.com/hold"] },
    });
    await harness.store.delete("DaemonSet", "foo", { namespace: "default" });

    await harness.controller.syncDaemonSet("default/foo");

    expect(harness.client.calls).toEqual({ creates: [], deletes: [], statusWrites: 0 });
    expect((await readDaemonSet(harness.store, "foo")).status?.observedGeneration ?? 0).toBe(0);
  });

  it("an empty selector records SelectingAll and touches nothing", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 2);
    await createDaemonSet(harness, newDaemonSet("foo"));
    // The API server refuses an empty selector; one can still arrive from an old server version.
    const selectingAll: ApiClient = {
      ...harness.client,
      get: async (kind, name, options) => {
        const object = await harness.client.get(kind, name, options);
        return (
          kind === "DaemonSet" ? { ...object, spec: { ...(object as DaemonSet).spec, selector: {} } } : object
        ) as never;
      },
    };
    const controller = createDaemonSetController({ client: selectingAll, clock: harness.clock, seed: 7 });

    await controller.syncDaemonSet("default/foo");

    expect(harness.client.calls).toEqual({ creates: [], deletes: [], statusWrites: 0 });
    expect(await eventLines(harness.store)).toEqual([
      "Warning SelectingAll: This daemon set is selecting all pods. A non-empty selector is required.",
    ]);
  });

  it("a malformed key is rejected with client-go's message", async () => {
    const harness = createHarness();
    await expect(harness.controller.syncDaemonSet("a/b/c")).rejects.toThrow('unexpected key format: "a/b/c"');
  });
});

describe("syncDaemonSet: events and status of one pass", () => {
  it("events are core/v1 Events on the DaemonSet, written before the pass returns", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 1);
    const daemonSet = await createDaemonSet(harness, newDaemonSet("foo"));

    await harness.controller.syncDaemonSet("default/foo");

    const [pod] = await listPods(harness.store);
    const [event] = (await harness.store.list("Event", { namespace: "default" })).items;
    expect(event).toMatchObject({
      metadata: { name: `foo.${(BigInt(testStartMs) * 1_000_000n).toString(16)}`, namespace: "default" },
      involvedObject: {
        kind: "DaemonSet",
        namespace: "default",
        name: "foo",
        uid: daemonSet.metadata?.uid,
        apiVersion: "apps/v1",
        resourceVersion: daemonSet.metadata?.resourceVersion,
      },
      reason: "SuccessfulCreate",
      message: `Created pod: ${pod?.metadata?.name}`,
      source: { component: "daemonset-controller" },
      reportingComponent: "daemonset-controller",
      firstTimestamp: "2026-01-01T00:00:00Z",
      lastTimestamp: "2026-01-01T00:00:00Z",
      count: 1,
      type: "Normal",
    });
  });

  it("a never-started controller reads through the client: one get, one list per kind", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 3);
    await createDaemonSet(harness, newDaemonSet("foo"));
    const reads: string[] = [];
    const counting: ApiClient = {
      ...harness.client,
      get: (kind, name, options) => {
        reads.push(`get ${kind}`);
        return harness.client.get(kind, name, options);
      },
      list: (kind, options) => {
        reads.push(`list ${kind} ${options?.namespace ?? "*"}`);
        return harness.client.list(kind, options);
      },
    };
    const controller = createDaemonSetController({ client: counting, clock: harness.clock, seed: 7 });

    await controller.syncDaemonSet("default/foo");

    expect(reads).toEqual([
      "get DaemonSet",
      "list Node *",
      "list Pod default",
      "list ControllerRevision default",
    ]);
    expect(harness.client.calls.creates.length).toBe(3);
  });

  it("one pass sees its own creates in the status it writes, and a second pass writes nothing", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 5);
    await createDaemonSet(harness, newDaemonSet("foo"));

    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.statusWrites).toBe(1);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual(freshStatus(5));

    harness.client.reset();
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls).toEqual({ creates: [], deletes: [], statusWrites: 0 });
  });

  it("numberReady and numberAvailable follow the pods' Ready condition and minReadySeconds", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 2, { labels: simpleNodeLabel });
    const daemonSet = await createDaemonSet(harness, newDaemonSet("foo", { minReadySeconds: 10 }));
    const pods = [
      ...(await addDaemonPods(harness.store, daemonSet, "node-0", 1)),
      ...(await addDaemonPods(harness.store, daemonSet, "node-1", 1)),
    ];

    await harness.controller.syncDaemonSet("default/foo");
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual({
      ...freshStatus(2),
      updatedNumberScheduled: 2,
    });

    for (const pod of pods) {
      await harness.store.updateStatus({
        ...pod,
        status: {
          phase: "Running",
          conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2026-01-01T00:00:00Z" }],
        },
      });
    }
    await harness.controller.syncDaemonSet("default/foo");
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toMatchObject({
      numberReady: 2,
      numberAvailable: 0,
      numberUnavailable: 2,
    });

    harness.clock.advance(10_001);
    await harness.controller.syncDaemonSet("default/foo");
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toMatchObject({
      numberReady: 2,
      numberAvailable: 2,
      numberUnavailable: 0,
    });
  });

  it("observedGeneration follows metadata.generation after a spec change", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 1);
    await createDaemonSet(harness, newDaemonSet("foo", { updateStrategy: { type: "OnDelete" } }));
    await harness.controller.syncDaemonSet("default/foo");
    const stored = await readDaemonSet(harness.store, "foo");
    await harness.store.update({ ...stored, spec: { ...stored.spec, minReadySeconds: 5 } } as DaemonSet);

    await harness.controller.syncDaemonSet("default/foo");

    const after = await readDaemonSet(harness.store, "foo");
    expect(after.metadata?.generation).toBe(2);
    expect(statusOf(after).observedGeneration).toBe(2);
  });
});

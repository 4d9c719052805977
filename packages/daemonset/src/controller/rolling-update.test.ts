import {
  type ApiClient,
  type DaemonSet,
  type DaemonSetUpdateStrategy,
  type Toleration,
  VirtualClock,
} from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import type { DaemonPodScheduling } from "../pod-template/index.js";
import { createDaemonSetController, type DaemonSetController } from "./create-daemon-set-controller.js";
import {
  addNode,
  addNodes,
  createRecordingClient,
  finishTerminatingPods,
  listPods,
  markPodsReady,
  newDaemonSet,
  type RecordingClient,
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

function createHarness(scheduling: DaemonPodScheduling = "scheduler"): Harness {
  const clock = new VirtualClock(testStartMs);
  const store = createMemoryStore({ clock, seed: 11 });
  const client = createRecordingClient(store);
  const controller = createDaemonSetController({ client, clock, seed: 11, scheduling });
  return { clock, store, client, controller };
}

/** One step of a rollout script: a sync with its expected [creates, deletes], or an outside action. */
type Step = readonly [creates: number, deletes: number] | "ready" | "kubelet";

async function runScript(harness: Harness, script: readonly Step[]): Promise<string[]> {
  const seen: string[] = [];
  for (const step of script) {
    if (step === "ready") {
      await markPodsReady(harness.store, new Date(harness.clock.now()).toISOString());
      seen.push("ready");
    } else if (step === "kubelet") {
      await finishTerminatingPods(harness.store);
      seen.push("kubelet");
    } else {
      harness.client.reset();
      await harness.controller.syncDaemonSet("default/foo");
      seen.push(
        `${harness.client.calls.creates.length} creates, ${harness.client.calls.deletes.length} deletes`,
      );
    }
  }
  return seen;
}

function describeScript(script: readonly Step[]): string[] {
  return script.map((step) => (typeof step === "string" ? step : `${step[0]} creates, ${step[1]} deletes`));
}

async function changeTemplate(
  store: ApiClient,
  change: { image?: string; strategy?: DaemonSetUpdateStrategy; tolerations?: Toleration[] | undefined },
): Promise<DaemonSet> {
  const stored = await readDaemonSet(store, "foo");
  const spec = structuredClone(stored.spec) as NonNullable<DaemonSet["spec"]>;
  const podSpec = spec.template.spec as NonNullable<typeof spec.template.spec>;
  if (change.image !== undefined) (podSpec.containers[0] as { image?: string }).image = change.image;
  if ("tolerations" in change) {
    if (change.tolerations === undefined) delete podSpec.tolerations;
    else podSpec.tolerations = change.tolerations;
  }
  if (change.strategy !== undefined) spec.updateStrategy = change.strategy;
  return store.update({ ...stored, spec });
}

function rollingUpdate(
  maxUnavailable: number | string,
  maxSurge: number | string = 0,
): DaemonSetUpdateStrategy {
  return { type: "RollingUpdate", rollingUpdate: { maxUnavailable, maxSurge } };
}

interface RolloutCase {
  readonly name: string;
  readonly nodes: number;
  readonly strategy: DaemonSetUpdateStrategy;
  readonly script: readonly Step[];
}

const rolloutCases: RolloutCase[] = [
  {
    name: "maxUnavailable 2 replaces two pods at a time, deleting first and creating on the next sync",
    nodes: 5,
    strategy: rollingUpdate(2),
    script: [[0, 2], [2, 0], "ready", [0, 2], [2, 0], "ready", [0, 1], [1, 0], "ready", [0, 0]],
  },
  {
    name: "maxUnavailable 50% of 5 nodes rounds up to 3",
    nodes: 5,
    strategy: rollingUpdate("50%"),
    script: [[0, 3], [3, 0], "ready", [0, 2], [2, 0], "ready", [0, 0]],
  },
  {
    name: "new pods that are not ready yet use up the maxUnavailable budget",
    nodes: 5,
    strategy: rollingUpdate(3),
    script: [[0, 3], [3, 0], [0, 0], [0, 0], "ready", [0, 2], [2, 0], "ready", [0, 0]],
  },
  {
    name: "maxSurge 2 creates two new pods beside old ones and deletes the old ones once the new are ready",
    nodes: 5,
    strategy: rollingUpdate(0, 2),
    script: [[2, 0], [0, 0], "ready", [2, 2], [0, 0], "ready", [1, 2], [0, 0], "ready", [0, 1], [0, 0]],
  },
  {
    name: "maxSurge 20% of 5 nodes rounds up to 1",
    nodes: 5,
    strategy: rollingUpdate(0, "20%"),
    script: [
      [1, 0],
      [0, 0],
      "ready",
      [1, 1],
      [0, 0],
      "ready",
      [1, 1],
      [0, 0],
      "ready",
      [1, 1],
      [0, 0],
      "ready",
      [1, 1],
      [0, 0],
      "ready",
      [0, 1],
      [0, 0],
    ],
  },
];

describe("rolling update", () => {
  it.each(rolloutCases)("$name", async ({ nodes, strategy, script }) => {
    const harness = createHarness();
    await addNodes(harness.store, 0, nodes);
    await harness.store.create(newDaemonSet("foo", { updateStrategy: { type: "OnDelete" } }));
    await harness.controller.syncDaemonSet("default/foo");
    await markPodsReady(harness.store, "2026-01-01T00:00:00Z");
    await changeTemplate(harness.store, { image: "registry.k8s.io/pause:3.10", strategy });

    expect(await runScript(harness, script)).toEqual(describeScript(script));

    const pods = await listPods(harness.store);
    expect(pods.every((pod) => pod.spec?.containers[0]?.image === "registry.k8s.io/pause:3.10")).toBe(true);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toMatchObject({
      desiredNumberScheduled: nodes,
      currentNumberScheduled: nodes,
      updatedNumberScheduled: nodes,
      observedGeneration: 2,
    });
  });

  it("with surge, the pod on a node that stops qualifying goes only once another pod is available", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 5);
    const controlPlane = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const };
    const stored = await harness.store.get("Node", "node-0");
    await harness.store.update({ ...stored, spec: { ...stored.spec, taints: [controlPlane] } });
    await harness.store.create(
      newDaemonSet("foo", {
        updateStrategy: rollingUpdate(0, 1),
        tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists" }],
      }),
    );
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.creates.length).toBe(5);
    await markPodsReady(harness.store, "2026-01-01T00:00:00Z");
    await changeTemplate(harness.store, { tolerations: undefined });

    const script: Step[] = [
      [1, 1],
      [0, 0],
      "ready",
      [1, 1],
      [0, 0],
      "ready",
      [1, 1],
      [0, 0],
      "ready",
      [1, 1],
      [0, 0],
      "ready",
      [0, 1],
      [0, 0],
    ];
    expect(await runScript(harness, script)).toEqual(describeScript(script));
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toMatchObject({
      desiredNumberScheduled: 4,
      currentNumberScheduled: 4,
      numberMisscheduled: 0,
      updatedNumberScheduled: 4,
      numberAvailable: 4,
    });
  });

  it("in legacy mode deleted pods stay Terminating until the kubelet confirms, and block their node", async () => {
    const harness = createHarness("legacy");
    await addNodes(harness.store, 0, 2);
    await harness.store.create(newDaemonSet("foo", { updateStrategy: { type: "OnDelete" } }));
    await harness.controller.syncDaemonSet("default/foo");
    await markPodsReady(harness.store, "2026-01-01T00:00:00Z");
    await changeTemplate(harness.store, { image: "registry.k8s.io/pause:3.10", strategy: rollingUpdate(1) });

    const script: Step[] = [
      [0, 1],
      [0, 0],
      "kubelet",
      [1, 0],
      "ready",
      [0, 1],
      "kubelet",
      [1, 0],
      "ready",
      [0, 0],
    ];
    expect(await runScript(harness, script)).toEqual(describeScript(script));
    const pods = await listPods(harness.store);
    expect(pods.map((pod) => pod.spec?.nodeName).sort()).toEqual(["node-0", "node-1"]);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toMatchObject({
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
  });
});

describe("OnDelete", () => {
  it("a template change replaces nothing until a pod is deleted; the replacement uses the new template", async () => {
    const harness = createHarness();
    await addNodes(harness.store, 0, 3);
    await harness.store.create(newDaemonSet("foo", { updateStrategy: { type: "OnDelete" } }));
    await harness.controller.syncDaemonSet("default/foo");
    await changeTemplate(harness.store, { image: "registry.k8s.io/pause:3.10" });

    harness.client.reset();
    await harness.controller.syncDaemonSet("default/foo");
    expect(harness.client.calls.creates).toEqual([]);
    expect(harness.client.calls.deletes).toEqual([]);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toMatchObject({
      currentNumberScheduled: 3,
      updatedNumberScheduled: 0,
      observedGeneration: 2,
    });

    const [victim] = await listPods(harness.store);
    await harness.store.delete("Pod", victim?.metadata?.name ?? "", { namespace: "default" });
    harness.client.reset();
    await harness.controller.syncDaemonSet("default/foo");

    expect(harness.client.calls.creates.length).toBe(1);
    const replaced = (await listPods(harness.store)).filter(
      (pod) => pod.spec?.containers[0]?.image === "registry.k8s.io/pause:3.10",
    );
    expect(replaced.map((pod) => pod.metadata?.labels?.["pod-template-generation"])).toEqual(["2"]);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toMatchObject({
      currentNumberScheduled: 3,
      updatedNumberScheduled: 1,
    });
  });
});

describe("status during a rollout", () => {
  it("a node with a ready old pod and an unready new pod reports the older pod", async () => {
    const harness = createHarness();
    await addNode(harness.store, "node-0");
    await harness.store.create(newDaemonSet("foo", { updateStrategy: { type: "OnDelete" } }));
    await harness.controller.syncDaemonSet("default/foo");
    await markPodsReady(harness.store, "2026-01-01T00:00:00Z");
    await changeTemplate(harness.store, {
      image: "registry.k8s.io/pause:3.10",
      strategy: rollingUpdate(0, 1),
    });

    await harness.controller.syncDaemonSet("default/foo");

    expect((await listPods(harness.store)).length).toBe(2);
    expect(statusOf(await readDaemonSet(harness.store, "foo"))).toEqual({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberMisscheduled: 0,
      numberReady: 1,
      updatedNumberScheduled: 0,
      numberAvailable: 1,
      numberUnavailable: 0,
      observedGeneration: 2,
    });
  });
});

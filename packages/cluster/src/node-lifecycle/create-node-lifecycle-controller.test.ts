import type { Toleration } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createNodeLifecycleController } from "./create-node-lifecycle-controller.js";
import { createTestNode, makeTestPod, makeTestStore, setTestNodeReady, taintsOf } from "./test-fixtures.js";

describe("createNodeLifecycleController: condition taints", () => {
  it.each([
    {
      name: "a Ready node loses the not-ready NoSchedule taint admission gave it",
      ready: "True" as const,
      unschedulable: false,
      expected: [],
    },
    {
      name: "a NotReady node gets the not-ready NoSchedule and NoExecute taints",
      ready: "False" as const,
      unschedulable: false,
      expected: ["node.kubernetes.io/not-ready:NoSchedule", "node.kubernetes.io/not-ready:NoExecute"],
    },
    {
      name: "an Unknown node gets the unreachable taints instead of not-ready",
      ready: "Unknown" as const,
      unschedulable: false,
      expected: ["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"],
    },
    {
      name: "a cordoned Ready node gets the unschedulable NoSchedule taint",
      ready: "True" as const,
      unschedulable: true,
      expected: ["node.kubernetes.io/unschedulable:NoSchedule"],
    },
    {
      name: "a node with no Ready condition gets no condition taint (an absent condition gives none)",
      ready: undefined,
      unschedulable: false,
      expected: [],
    },
  ])("$name", async ({ ready, unschedulable, expected }) => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", ready, unschedulable);
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    expect(await taintsOf(store, "node-1")).toEqual(expected);
    expect(controller.idle()).toBe(true);
  });

  it("a node that turns Ready loses its taints; turning Unknown swaps the NoExecute key", async () => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", "False");
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    const node = await store.get("Node", "node-1");
    expect(node.spec?.taints?.[1]).toEqual({
      key: "node.kubernetes.io/not-ready",
      effect: "NoExecute",
      timeAdded: "2026-11-29T10:00:00Z",
    });
    await setTestNodeReady(store, "node-1", "Unknown");
    await controller.flush();
    expect(await taintsOf(store, "node-1")).toEqual([
      "node.kubernetes.io/unreachable:NoSchedule",
      "node.kubernetes.io/unreachable:NoExecute",
    ]);
    await setTestNodeReady(store, "node-1", "True");
    await controller.flush();
    expect(await taintsOf(store, "node-1")).toEqual([]);
  });

  it("reacts to watch events once started", async () => {
    const { store, clock } = makeTestStore();
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.start();
    await createTestNode(store, "node-1", "False");
    // No flush here: only the watch can have triggered the reconcile.
    for (let round = 0; round < 50 && (await taintsOf(store, "node-1")).length < 2; round += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await taintsOf(store, "node-1")).toEqual([
      "node.kubernetes.io/not-ready:NoSchedule",
      "node.kubernetes.io/not-ready:NoExecute",
    ]);
    controller.stop();
  });
});

const tolerateNotReadyFor = (seconds?: number): Toleration[] => [
  {
    key: "node.kubernetes.io/not-ready",
    operator: "Exists",
    effect: "NoExecute",
    ...(seconds === undefined ? {} : { tolerationSeconds: seconds }),
  },
];

describe("createNodeLifecycleController: taint-based eviction", () => {
  it.each([
    {
      name: "a pod tolerating not-ready for 30 s is evicted 30 s later, not before",
      tolerations: tolerateNotReadyFor(30),
      evictedAfterMs: [29_000, 1_000],
    },
    {
      name: "a pod tolerating not-ready forever is never evicted",
      tolerations: tolerateNotReadyFor(),
      evictedAfterMs: [3_600_000, null],
    },
  ])("$name", async ({ tolerations, evictedAfterMs }) => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", "False");
    await store.create(makeTestPod("web", { nodeName: "node-1", tolerations }));
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    const steps = evictedAfterMs.length === 1 ? [0] : evictedAfterMs.slice(0, 2);
    for (const [index, step] of steps.entries()) {
      if (step === null) break;
      clock.advance(step);
      await controller.flush();
      const pod = await store.get("Pod", "web", { namespace: "default" });
      const last = index === steps.length - 1 && evictedAfterMs[1] !== null;
      expect(pod.metadata?.deletionTimestamp !== undefined).toBe(last);
      if (last) {
        expect(pod.status?.conditions?.find((condition) => condition.type === "DisruptionTarget")).toEqual({
          type: "DisruptionTarget",
          status: "True",
          reason: "DeletionByTaintManager",
          message: "Taint manager: deleting due to NoExecute taint",
          lastTransitionTime: new Date(clock.now()).toISOString().replace(".000Z", "Z"),
        });
      }
    }
  });

  it("a pod that does not tolerate a user NoExecute taint is evicted at once", async () => {
    const { store, clock } = makeTestStore();
    const node = await createTestNode(store, "node-1", "True");
    await store.create(makeTestPod("web", { nodeName: "node-1" }));
    await store.create(
      makeTestPod("tolerant", {
        nodeName: "node-1",
        tolerations: [{ key: "dedicated", operator: "Equal", value: "db", effect: "NoExecute" }],
      }),
    );
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    const current = await store.get("Node", "node-1");
    await store.update({
      ...current,
      spec: { ...node.spec, taints: [{ key: "dedicated", value: "db", effect: "NoExecute" }] },
    });
    clock.advance(5_000);
    await controller.flush();
    const { items } = await store.list("Pod", { namespace: "default" });
    expect(
      items.map((pod) => [
        pod.metadata?.name,
        pod.metadata?.deletionTimestamp,
        pod.status?.conditions?.map((condition) => `${condition.type}/${condition.reason}`),
      ]),
    ).toEqual([
      ["tolerant", undefined, undefined],
      ["web", "2026-11-29T10:00:35Z", ["DisruptionTarget/DeletionByTaintManager"]],
    ]);
  });

  it("a pending eviction is cancelled when the node becomes Ready again", async () => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", "False");
    await store.create(makeTestPod("web", { nodeName: "node-1", tolerations: tolerateNotReadyFor(30) }));
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    clock.advance(10_000);
    await setTestNodeReady(store, "node-1", "True");
    await controller.flush();
    clock.advance(60_000);
    await controller.flush();
    const pod = await store.get("Pod", "web", { namespace: "default" });
    expect(pod.metadata?.deletionTimestamp).toBeUndefined();
    expect(clock.pendingTimers()).toBe(0);
  });

  it("pods with the default 300 s tolerations are evicted 300 s after the taint", async () => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", "False");
    const created = await store.create(makeTestPod("web", { nodeName: "node-1" }));
    expect(created.spec?.tolerations?.map((toleration) => toleration.tolerationSeconds)).toEqual([300, 300]);
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    clock.advance(299_000);
    await controller.flush();
    expect(
      (await store.get("Pod", "web", { namespace: "default" })).metadata?.deletionTimestamp,
    ).toBeUndefined();
    clock.advance(1_000);
    await controller.flush();
    expect((await store.get("Pod", "web", { namespace: "default" })).metadata?.deletionTimestamp).toBe(
      "2026-11-29T10:05:30Z",
    );
  });
});

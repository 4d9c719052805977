import { type ApiClient, type Node, StatusError, StatusReason, VirtualClock } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import type { DaemonPodScheduling } from "../pod-template/index.js";
import { createDaemonSetController, type DaemonSetController } from "./create-daemon-set-controller.js";
import {
  addNode,
  bindPinnedPods,
  collectOrphanedPods,
  createRecordingClient,
  eventLines,
  listPods,
  newDaemonSet,
  podNodes,
  readDaemonSet,
  statusOf,
  testStartMs,
} from "./test-fixtures.js";

/** Lets watch events arrive and the controller work until it stays idle. */
async function settle(controller: DaemonSetController): Promise<void> {
  let quietRounds = 0;
  for (let round = 0; round < 200; round++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await controller.flush();
    quietRounds = controller.idle() ? quietRounds + 1 : 0;
    if (quietRounds >= 3) return;
  }
  throw new Error("the controller did not settle");
}

const gpuTaint = { key: "dedicated", value: "gpu", effect: "NoSchedule" as const };

describe("the running controller against the memory store", () => {
  it.each`
    scheduling
    ${"scheduler"}
    ${"legacy"}
  `(
    "in $scheduling mode: 3 nodes with one tainted give 2 pods, a new node gets its pod, a deleted node's pod goes after pod GC",
    async ({ scheduling }: { scheduling: DaemonPodScheduling }) => {
      const clock = new VirtualClock(testStartMs);
      const store = createMemoryStore({ clock, seed: 21 });
      const controller = createDaemonSetController({ client: store, clock, seed: 21, scheduling });
      // The scheduler is not part of this package: a tiny binder reads the affinity pin instead.
      const schedule = async () => {
        if (scheduling === "scheduler") await bindPinnedPods(store);
        await settle(controller);
      };
      await addNode(store, "node-0");
      await addNode(store, "node-1");
      await addNode(store, "node-2", { taints: [gpuTaint] });
      await controller.start();
      await store.create(newDaemonSet("fluentd"));
      await settle(controller);
      await schedule();

      let pods = await listPods(store);
      expect(podNodes(pods)).toEqual(["node-0", "node-1"]);
      expect(pods.map((pod) => pod.spec?.nodeName).sort()).toEqual(["node-0", "node-1"]);
      expect(statusOf(await readDaemonSet(store, "fluentd"))).toMatchObject({
        desiredNumberScheduled: 2,
        currentNumberScheduled: 2,
        numberMisscheduled: 0,
        observedGeneration: 1,
      });

      // A node joins (created with the not-ready taint, which it loses once Ready).
      await addNode(store, "node-3");
      await settle(controller);
      await schedule();
      pods = await listPods(store);
      expect(podNodes(pods)).toEqual(["node-0", "node-1", "node-3"]);
      expect(statusOf(await readDaemonSet(store, "fluentd"))).toMatchObject({
        desiredNumberScheduled: 3,
        currentNumberScheduled: 3,
      });

      // A node leaves: the controller has no node-delete handler; pod GC removes the bound pod.
      const leaving = pods.find((pod) => pod.spec?.nodeName === "node-1");
      await store.delete("Node", "node-1");
      await settle(controller);
      expect(podNodes(await listPods(store))).toEqual(["node-0", "node-1", "node-3"]);
      expect(await collectOrphanedPods(store)).toEqual([leaving?.metadata?.name]);
      await settle(controller);

      expect(podNodes(await listPods(store))).toEqual(["node-0", "node-3"]);
      expect(statusOf(await readDaemonSet(store, "fluentd"))).toMatchObject({
        desiredNumberScheduled: 2,
        currentNumberScheduled: 2,
        numberMisscheduled: 0,
      });
      const created = (await eventLines(store)).filter((line) => line.startsWith("Normal SuccessfulCreate"));
      expect(created.length).toBe(3);
      controller.stop();
    },
  );

  it("node label and taint changes reach the DaemonSet through the watch", async () => {
    const clock = new VirtualClock(testStartMs);
    const store = createMemoryStore({ clock, seed: 22 });
    const controller = createDaemonSetController({ client: store, clock, seed: 22 });
    await addNode(store, "node-0");
    await controller.start();
    await store.create(newDaemonSet("labelled", { nodeSelector: { role: "logs" } }));
    await settle(controller);
    expect(await listPods(store)).toEqual([]);

    const setNode = async (change: (node: Node) => Node) => {
      await store.update(change(await store.get("Node", "node-0")));
      await settle(controller);
    };
    await setNode((node) => ({ ...node, metadata: { ...node.metadata, labels: { role: "logs" } } }));
    expect(podNodes(await listPods(store))).toEqual(["node-0"]);

    // An untolerated NoExecute taint makes the controller itself delete the pod.
    await setNode((node) => ({
      ...node,
      spec: { ...node.spec, taints: [{ ...gpuTaint, effect: "NoExecute" }] },
    }));
    expect(await listPods(store)).toEqual([]);
    expect(statusOf(await readDaemonSet(store, "labelled"))).toMatchObject({
      desiredNumberScheduled: 0,
      currentNumberScheduled: 0,
    });
    controller.stop();
  });

  it("a pod deleted by someone else is replaced", async () => {
    const clock = new VirtualClock(testStartMs);
    const store = createMemoryStore({ clock, seed: 23 });
    const controller = createDaemonSetController({ client: store, clock, seed: 23 });
    await addNode(store, "node-0");
    await controller.start();
    await store.create(newDaemonSet("foo"));
    await settle(controller);
    const [first] = await listPods(store);

    await store.delete("Pod", first?.metadata?.name ?? "", { namespace: "default" });
    await settle(controller);

    const pods = await listPods(store);
    expect(pods.length).toBe(1);
    expect(pods[0]?.metadata?.name).not.toBe(first?.metadata?.name);
    controller.stop();
  });

  it("a failed sync is reported and retried after the rate limiter's 5 ms, then 10 ms, on the clock", async () => {
    const clock = new VirtualClock(testStartMs);
    const store = createMemoryStore({ clock, seed: 24 });
    let failures = 2;
    const recording = createRecordingClient(store);
    // History fails before any status write, so only the rate limiter brings the key back.
    const client: ApiClient = {
      ...recording,
      create: (object) =>
        object.kind === "ControllerRevision" && failures-- > 0
          ? Promise.reject(
              new StatusError({ message: "etcd is sulking", reason: StatusReason.InternalError, code: 500 }),
            )
          : recording.create(object),
    };
    const reported: string[] = [];
    const controller = createDaemonSetController({
      client,
      clock,
      seed: 24,
      onError: (key, error) => reported.push(`${key}: ${(error as Error).message}`),
    });
    await addNode(store, "node-0");
    await controller.start();
    await store.create(newDaemonSet("foo"));
    await settle(controller);
    const failure = "default/foo: failed to construct revisions of DaemonSet: etcd is sulking";
    expect(reported).toEqual([failure]);

    clock.advance(4);
    await settle(controller);
    expect(reported).toEqual([failure]);
    clock.advance(1);
    await settle(controller);
    expect(reported).toEqual([failure, failure]);
    expect(await listPods(store)).toEqual([]);

    clock.advance(9);
    await settle(controller);
    expect(await listPods(store)).toEqual([]);
    clock.advance(1);
    await settle(controller);
    expect((await listPods(store)).length).toBe(1);
    expect(reported.length).toBe(2);
    controller.stop();
    // No retry is left waiting, and the watches' bookmark timers went with the watches.
    expect(clock.pendingTimers()).toBe(0);
  });

  it("a started controller's pass reads its informer caches, not the client", async () => {
    const clock = new VirtualClock(testStartMs);
    const store = createMemoryStore({ clock, seed: 26 });
    const recording = createRecordingClient(store);
    const reads: string[] = [];
    const client: ApiClient = {
      ...recording,
      get: (kind, name, options) => {
        reads.push(`get ${kind}`);
        return recording.get(kind, name, options);
      },
      list: (kind, options) => {
        reads.push(`list ${kind}`);
        return recording.list(kind, options);
      },
    };
    const controller = createDaemonSetController({ client, clock, seed: 26 });
    await addNode(store, "node-0");
    await store.create(newDaemonSet("foo"));
    await controller.start();
    await settle(controller);
    expect(reads).toEqual(["list DaemonSet", "list Node", "list ControllerRevision", "list Pod"]);

    await controller.syncDaemonSet("default/foo");

    expect(reads.length).toBe(4);
    expect(recording.calls.creates).toEqual(["node-0"]);
    controller.stop();
  });

  it("while running, an orphan is adopted (and pruned as a duplicate) and a relabelled pod is released and replaced", async () => {
    const clock = new VirtualClock(testStartMs);
    const store = createMemoryStore({ clock, seed: 27 });
    const controller = createDaemonSetController({ client: store, clock, seed: 27 });
    await addNode(store, "node-0");
    await addNode(store, "node-1");
    await controller.start();
    await store.create(newDaemonSet("web"));
    await settle(controller);
    await bindPinnedPods(store);
    await settle(controller);
    const [first, second] = (await listPods(store)).sort((left, right) =>
      (left.spec?.nodeName ?? "").localeCompare(right.spec?.nodeName ?? ""),
    );

    clock.advance(1000);
    await store.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "stray", namespace: "default", labels: { app: "web" } },
      spec: { nodeName: "node-0", containers: [{ name: "main", image: "registry.k8s.io/pause:3.9" }] },
    });
    await settle(controller);
    // Adopted, then deleted as the younger of two pods on node-0 (bound pods terminate gracefully).
    const stray = await store.get("Pod", "stray", { namespace: "default" });
    expect(stray.metadata?.ownerReferences?.map((reference) => reference.name)).toEqual(["web"]);
    expect(stray.metadata?.deletionTimestamp).toBeDefined();
    expect(await eventLines(store)).toContain("Normal SuccessfulDelete: Deleted pod: stray");

    const relabelled = await store.get("Pod", second?.metadata?.name ?? "", { namespace: "default" });
    await store.update({ ...relabelled, metadata: { ...relabelled.metadata, labels: { app: "other" } } });
    await settle(controller);
    await bindPinnedPods(store);
    await settle(controller);

    const released = await store.get("Pod", second?.metadata?.name ?? "", { namespace: "default" });
    expect(released.metadata?.ownerReferences ?? []).toEqual([]);
    const pods = await listPods(store);
    const owned = pods.filter(
      (pod) =>
        (pod.metadata?.ownerReferences ?? []).length > 0 && pod.metadata?.deletionTimestamp === undefined,
    );
    expect(owned.map((pod) => pod.spec?.nodeName).sort()).toEqual(["node-0", "node-1"]);
    expect(owned.map((pod) => pod.metadata?.name)).toContain(first?.metadata?.name);
    expect(statusOf(await readDaemonSet(store, "web"))).toMatchObject({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
    });
    controller.stop();
  });

  it("stop() is safe without start(), twice, and leaves no timers behind", async () => {
    const clock = new VirtualClock(testStartMs);
    const store = createMemoryStore({ clock, seed: 25 });
    const controller = createDaemonSetController({ client: store, clock, seed: 25 });
    controller.stop();
    controller.stop();
    expect(controller.idle()).toBe(true);
    await controller.start();
    controller.stop();
    controller.stop();
    expect(controller.idle()).toBe(true);
    expect(clock.pendingTimers()).toBe(0);
  });
});

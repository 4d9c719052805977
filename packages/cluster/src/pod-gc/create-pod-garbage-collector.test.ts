import type { KubeObject, Pod, Watch, WatchEvent } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createTestNode, makeTestPod, makeTestStore } from "../node-lifecycle/test-fixtures.js";
import { createPodGarbageCollector } from "./create-pod-garbage-collector.js";

async function takeEvents<T extends KubeObject>(watch: Watch<T>, count: number): Promise<WatchEvent<T>[]> {
  const events: WatchEvent<T>[] = [];
  const iterator = watch[Symbol.asyncIterator]();
  while (events.length < count) {
    const next = await iterator.next();
    if (next.done === true) break;
    if (next.value.type !== "BOOKMARK") events.push(next.value);
  }
  return events;
}

describe("createPodGarbageCollector", () => {
  it.each([
    {
      name: "a pod on a deleted node survives the runs at 20 s and 40 s",
      advances: 2,
      remaining: ["on-gone", "on-live"],
    },
    {
      name: "a pod on a deleted node is collected by the run 40 s after the node was first seen missing",
      advances: 3,
      remaining: ["on-live"],
    },
  ])("$name", async ({ advances, remaining }) => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "gone", "True");
    await createTestNode(store, "live", "True");
    await store.create(makeTestPod("on-gone", { nodeName: "gone" }));
    await store.create(makeTestPod("on-live", { nodeName: "live" }));
    await store.delete("Node", "gone");
    const collector = createPodGarbageCollector({ client: store, clock });
    await collector.start();
    for (let round = 0; round < advances; round += 1) {
      clock.advance(20_000);
      await collector.flush();
    }
    const { items } = await store.list("Pod");
    expect(items.map((pod) => pod.metadata?.name)).toEqual(remaining);
    expect(collector.idle()).toBe(true);
    collector.stop();
  });

  it("marks the pod Failed with the DeletionByPodGC DisruptionTarget condition, then deletes it with grace 0", async () => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "gone", "True");
    const pod = await store.create(makeTestPod("web", { nodeName: "gone" }));
    await store.delete("Node", "gone");
    const watch = await store.watch("Pod", { resourceVersion: pod.metadata?.resourceVersion ?? "" });
    const collector = createPodGarbageCollector({ client: store, clock });
    await collector.start();
    for (let round = 0; round < 3; round += 1) {
      clock.advance(20_000);
      await collector.flush();
    }
    const events = await takeEvents<Pod>(watch, 3);
    watch.close();
    expect(events.map((event) => event.type)).toEqual(["MODIFIED", "MODIFIED", "DELETED"]);
    expect(events[0]?.object.status?.phase).toBe("Failed");
    // The store records the grace-0 deletion (deletionTimestamp) before removing the pod.
    expect(events[1]?.object.metadata?.deletionGracePeriodSeconds).toBe(0);
    expect(events[0]?.object.status?.conditions).toEqual([
      {
        type: "DisruptionTarget",
        status: "True",
        reason: "DeletionByPodGC",
        message: "PodGC: node no longer exists",
        lastTransitionTime: "2026-11-29T10:01:00Z",
      },
    ]);
  });

  it.each([
    {
      name: "a terminating pod that was never scheduled is force-deleted",
      nodeName: undefined,
      outOfService: false,
      remaining: [],
    },
    {
      name: "a terminating pod on a NotReady out-of-service node is force-deleted",
      nodeName: "node-1",
      outOfService: true,
      remaining: [],
    },
    {
      name: "a terminating pod on a NotReady node without the out-of-service taint is kept",
      nodeName: "node-1",
      outOfService: false,
      remaining: ["web"],
    },
  ])("$name", async ({ nodeName, outOfService, remaining }) => {
    const { store, clock } = makeTestStore();
    const node = await createTestNode(store, "node-1", "False");
    if (outOfService) {
      await store.update({
        ...node,
        spec: {
          taints: [{ key: "node.kubernetes.io/out-of-service", value: "shutdown", effect: "NoExecute" }],
        },
      });
    }
    const pod = makeTestPod("web", nodeName === undefined ? {} : { nodeName });
    await store.create({ ...pod, metadata: { ...pod.metadata, finalizers: ["example.com/hold"] } });
    await store.delete("Pod", "web", { namespace: "default" });
    const collector = createPodGarbageCollector({ client: store, clock });
    await collector.runOnce();
    const { items } = await store.list("Pod");
    // The finalizer keeps a force-deleted pod visible: check it went Failed instead.
    const failed = items.filter((item) => item.status?.phase === "Failed").map((item) => item.metadata?.name);
    expect(items.map((item) => item.metadata?.name).filter((name) => !failed.includes(name))).toEqual(
      remaining,
    );
  });

  it.each([
    {
      name: "With its own watches, a timer run with nothing to collect lists nothing.",
      watches: "own" as const,
    },
    {
      name: "With shared watches, a timer run with nothing to collect lists nothing.",
      watches: "shared" as const,
    },
  ])("$name", async ({ watches }) => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "live", "True");
    await store.create(makeTestPod("on-live", { nodeName: "live" }));
    let lists = 0;
    const client = new Proxy(store, {
      get(target, property, receiver) {
        if (property === "list") {
          return (...args: Parameters<typeof store.list>) => {
            lists += 1;
            return target.list(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const collector = createPodGarbageCollector({ client, clock, watches });
    await collector.start();
    if (watches === "shared") {
      for (const node of (await store.list("Node")).items) {
        collector.observeWatchEvent("Node", { type: "ADDED", object: node });
      }
      for (const pod of (await store.list("Pod")).items) {
        collector.observeWatchEvent("Pod", { type: "ADDED", object: pod });
      }
    }
    const afterStart = lists;
    for (let round = 0; round < 3; round += 1) {
      clock.advance(20_000);
      await collector.flush();
    }
    expect(lists).toBe(afterStart);
    collector.stop();
  });

  it("with shared watches, collects a deleted node's pods 40 s after the node was first seen missing", async () => {
    const { store, clock } = makeTestStore();
    const gone = await createTestNode(store, "gone", "True");
    const live = await createTestNode(store, "live", "True");
    const onGone = await store.create(makeTestPod("on-gone", { nodeName: "gone" }));
    const onLive = await store.create(makeTestPod("on-live", { nodeName: "live" }));
    const collector = createPodGarbageCollector({ client: store, clock, watches: "shared" });
    await collector.start();
    collector.observeWatchEvent("Node", { type: "ADDED", object: gone });
    collector.observeWatchEvent("Node", { type: "ADDED", object: live });
    collector.observeWatchEvent("Pod", { type: "ADDED", object: onGone });
    collector.observeWatchEvent("Pod", { type: "ADDED", object: onLive });
    const deleted = await store.delete("Node", "gone");
    collector.observeWatchEvent("Node", { type: "DELETED", object: deleted });
    const remaining: string[][] = [];
    for (let round = 0; round < 3; round += 1) {
      clock.advance(20_000);
      await collector.flush();
      remaining.push((await store.list("Pod")).items.map((pod) => pod.metadata?.name ?? ""));
    }
    expect(remaining).toEqual([["on-gone", "on-live"], ["on-gone", "on-live"], ["on-live"]]);
    collector.stop();
  });
});

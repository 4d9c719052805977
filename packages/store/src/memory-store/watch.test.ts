import type { Pod, WatchEvent } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { makeNode, makePod, makeStore, rejection, summarize, takeEvents } from "./test-fixtures.js";

describe("watch", () => {
  it.each([
    { name: "without resourceVersion", resourceVersion: undefined },
    { name: 'from "0"', resourceVersion: "0" },
  ])("$name starts with ADDED for the current objects, then streams changes", async ({ resourceVersion }) => {
    const { store } = makeStore();
    await store.create(makePod("b"));
    await store.create(makePod("a"));
    const watch = await store.watch("Pod", resourceVersion === undefined ? {} : { resourceVersion });
    await store.delete("Pod", "b");
    // Deleting an unbound pod first records deletionTimestamp (grace 0), then removes it, as upstream.
    expect(summarize(await takeEvents(watch, 4))).toEqual([
      ["ADDED", "a", "6"],
      ["ADDED", "b", "5"],
      ["MODIFIED", "b", "7"],
      ["DELETED", "b", "8"],
    ]);
    watch.close();
  });

  it("from a resourceVersion replays every later change in commit order, then streams", async () => {
    const { store } = makeStore();
    const { resourceVersion } = await store.list("Pod");
    await store.create(makePod("a"));
    const b = await store.create(makePod("b"));
    await store.update({ ...b, metadata: { ...b.metadata, labels: { x: "y" } } });
    const watch = await store.watch("Pod", { resourceVersion });
    await store.delete("Pod", "a");
    expect(summarize(await takeEvents(watch, 5))).toEqual([
      ["ADDED", "a", "5"],
      ["ADDED", "b", "6"],
      ["MODIFIED", "b", "7"],
      ["MODIFIED", "a", "8"],
      ["DELETED", "a", "9"],
    ]);
    watch.close();
  });

  it("sees only its kind", async () => {
    const { store } = makeStore();
    const watch = await store.watch("Node", { resourceVersion: store.resourceVersion });
    await store.create(makePod("a"));
    await store.create(makeNode("node-1"));
    expect(summarize(await takeEvents(watch, 1))).toEqual([["ADDED", "node-1", "6"]]);
    watch.close();
  });

  it("turns label selector transitions into ADDED and DELETED, as the watch cache does", async () => {
    const { store } = makeStore();
    const pod = await store.create(makePod("web", { labels: { app: "web" } }));
    const watch = await store.watch("Pod", {
      resourceVersion: pod.metadata?.resourceVersion ?? "",
      labelSelector: "tier=front",
    });
    const front = await store.update({
      ...pod,
      metadata: { ...pod.metadata, labels: { app: "web", tier: "front" } },
    });
    const again = await store.update({
      ...front,
      metadata: { ...front.metadata, labels: { app: "web", tier: "front", v: "2" } },
    });
    await store.update({ ...again, metadata: { ...again.metadata, labels: { app: "web" } } });
    const events = await takeEvents(watch, 3);
    expect(summarize(events)).toEqual([
      ["ADDED", "web", "6"],
      ["MODIFIED", "web", "7"],
      ["DELETED", "web", "8"],
    ]);
    // The DELETED event carries the last matching state with the change's resourceVersion.
    expect(events[2]?.object.metadata?.labels).toEqual({ app: "web", tier: "front", v: "2" });
    watch.close();
  });

  it("filters by field selector and namespace (a pod bound to the watched node arrives as ADDED)", async () => {
    const { store } = makeStore();
    const pod = await store.create(makePod("web"));
    const watch = await store.watch("Pod", {
      namespace: "default",
      fieldSelector: "spec.nodeName=node-1",
      resourceVersion: pod.metadata?.resourceVersion ?? "",
    });
    await store.create(makePod("other", { nodeName: "node-2" }));
    await store.bind({
      metadata: { name: "web", namespace: "default" },
      target: { kind: "Node", name: "node-1" },
    });
    expect(summarize(await takeEvents(watch, 1))).toEqual([["ADDED", "web", "7"]]);
    watch.close();
  });

  it("queues events at commit time, so a consumer that reads late still gets each change once, in order", async () => {
    const { store } = makeStore();
    const watch = await store.watch("Node", { resourceVersion: store.resourceVersion });
    const writes = [store.create(makeNode("a")), store.create(makeNode("b")), store.delete("Node", "a")];
    await Promise.all(writes);
    expect(summarize(await takeEvents(watch, 3))).toEqual([
      ["ADDED", "a", "5"],
      ["ADDED", "b", "6"],
      ["DELETED", "a", "7"],
    ]);
    watch.close();
  });

  it("fails with 410 Expired when the history no longer reaches back", async () => {
    const { store } = makeStore({ historyLimit: 2 });
    for (const name of ["a", "b", "c", "d"]) await store.create(makePod(name));
    const error = await rejection(store.watch("Pod", { resourceVersion: "5" }));
    expect({ code: error.code, reason: error.status.reason, message: error.message }).toEqual({
      code: 410,
      reason: "Expired",
      message: "too old resource version: 5 (6)",
    });
    const watch = await store.watch("Pod", { resourceVersion: "6" });
    expect(summarize(await takeEvents(watch, 2))).toEqual([
      ["ADDED", "c", "7"],
      ["ADDED", "d", "8"],
    ]);
    watch.close();
  });

  it.each([
    {
      name: "a resourceVersion ahead of the store",
      resourceVersion: "99",
      code: 504,
      message: "Timeout: Too large resource version: 99, current: 4",
    },
    {
      name: "a resourceVersion that is not a number",
      resourceVersion: "abc",
      code: 500,
      message: 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
    },
  ])("refuses $name", async ({ resourceVersion, code, message }) => {
    const { store } = makeStore();
    const error = await rejection(store.watch("Pod", { resourceVersion }));
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
  });

  it("sends a BOOKMARK with the current resourceVersion every interval when asked, on the store's clock", async () => {
    const { store, clock } = makeStore({ bookmarkIntervalMs: 1_000 });
    const watch = await store.watch("Pod", {
      resourceVersion: store.resourceVersion,
      allowWatchBookmarks: true,
    });
    const plain = await store.watch("Pod", { resourceVersion: store.resourceVersion });
    await store.create(makeNode("node-1"));
    clock.advance(1_000);
    await store.create(makePod("a"));
    clock.advance(1_000);
    const events = await takeEvents(watch, 3);
    expect(events.map((event) => [event.type, event.object.metadata?.resourceVersion])).toEqual([
      ["BOOKMARK", "5"],
      ["ADDED", "6"],
      ["BOOKMARK", "6"],
    ]);
    expect(events[0]?.object).toEqual({ apiVersion: "v1", kind: "Pod", metadata: { resourceVersion: "5" } });
    expect(summarize(await takeEvents(plain, 1))).toEqual([["ADDED", "a", "6"]]);
    watch.close();
    plain.close();
    expect(clock.pendingTimers()).toBe(0);
  });

  it("close ends a pending read, drops queued events and stops delivery", async () => {
    const { store } = makeStore();
    const watch = await store.watch("Pod", { resourceVersion: store.resourceVersion });
    const pending = watch[Symbol.asyncIterator]().next();
    watch.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    await store.create(makePod("a"));
    expect(await watch[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    watch.close();
  });

  it("leaving a for-await loop closes the watch", async () => {
    const { store, clock } = makeStore();
    await store.create(makePod("a"));
    await store.create(makePod("b"));
    const watch = await store.watch("Pod", { allowWatchBookmarks: true });
    const seen: Array<WatchEvent<Pod>> = [];
    for await (const event of watch) {
      seen.push(event);
      break;
    }
    expect(seen).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
    expect(await watch[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });

  it("hands each watch its own copy of an event", async () => {
    const { store } = makeStore();
    const first = await store.watch("Pod", { resourceVersion: store.resourceVersion });
    const second = await store.watch("Pod", { resourceVersion: store.resourceVersion });
    await store.create(makePod("a"));
    const [mine] = await takeEvents(first, 1);
    if (mine?.object.metadata) mine.object.metadata.name = "changed";
    const [theirs] = await takeEvents(second, 1);
    expect(theirs?.object.metadata?.name).toBe("a");
    expect((await store.get("Pod", "a")).metadata?.name).toBe("a");
    first.close();
    second.close();
  });
});

import { KubesimError, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createMemoryStore, restoreMemoryStore } from "./create-memory-store.js";
import type { StoreSnapshot } from "./store-snapshot.js";
import {
  makeNode,
  makePod,
  makeStore,
  rejection,
  startTime,
  summarize,
  takeEvents,
} from "./test-fixtures.js";

describe("snapshot and restore", () => {
  it("round-trips every object and the resourceVersion counter through JSON", async () => {
    const { store } = makeStore();
    await store.create(makeNode("node-1"));
    await store.create(makePod("web", { nodeName: "node-1" }));
    const snapshot = JSON.parse(JSON.stringify(store.snapshot())) as StoreSnapshot;
    expect(snapshot.resourceVersion).toBe("6");
    expect(snapshot.objects.map((object) => `${object.kind}/${object.metadata?.name}`)).toEqual([
      "Namespace/default",
      "Namespace/kube-node-lease",
      "Namespace/kube-public",
      "Namespace/kube-system",
      "Node/node-1",
      "Pod/web",
    ]);
    const restored = restoreMemoryStore(snapshot, { clock: new VirtualClock(startTime), seed: 1 });
    expect(await restored.get("Pod", "web")).toEqual(await store.get("Pod", "web"));
    expect(restored.snapshot()).toEqual(snapshot);
    const next = await restored.create(makePod("api"));
    expect(next.metadata?.resourceVersion).toBe("7");
    expect((await restored.list("Pod", { fieldSelector: "spec.nodeName=node-1" })).items).toHaveLength(1);
  });

  it("does not repeat the uids of the store that wrote the snapshot", async () => {
    const { store } = makeStore();
    const snapshot = store.snapshot();
    const original = await store.create(makePod("web"));
    const restored = createMemoryStore({ clock: new VirtualClock(startTime), seed: 1, snapshot });
    const copy = await restored.create(makePod("web"));
    expect(copy.metadata?.uid).not.toBe(original.metadata?.uid);
  });

  it("refuses watches from before the snapshot (410) and serves later ones", async () => {
    const { store } = makeStore();
    await store.create(makePod("web"));
    const restored = restoreMemoryStore(store.snapshot(), { clock: new VirtualClock(startTime), seed: 1 });
    const error = await rejection(restored.watch("Pod", { resourceVersion: "3" }));
    expect(error.message).toBe("too old resource version: 3 (5)");
    const watch = await restored.watch("Pod", { resourceVersion: "5" });
    await restored.create(makePod("api"));
    expect(summarize(await takeEvents(watch, 1))).toEqual([["ADDED", "api", "6"]]);
    watch.close();
  });

  it.each<{ name: string; snapshot: unknown; message: string }>([
    {
      name: "a snapshot that is not an object",
      snapshot: 3,
      message: "invalid store snapshot: it is not an object",
    },
    {
      name: "a resourceVersion that is not a number",
      snapshot: { resourceVersion: "x", objects: [] },
      message: 'invalid store snapshot: resourceVersion "x" is not a resourceVersion',
    },
    {
      name: "an unknown kind",
      snapshot: { resourceVersion: "1", objects: [{ kind: "Foo", metadata: { name: "a" } }] },
      message: 'invalid store snapshot: objects[0] has kind "Foo", which kubesim does not serve',
    },
    {
      name: "a namespaced object without namespace",
      snapshot: { resourceVersion: "1", objects: [{ kind: "Pod", metadata: { name: "a" } }] },
      message: "invalid store snapshot: objects[0] (Pod a) has no namespace",
    },
    {
      name: "an object changed after the snapshot",
      snapshot: {
        resourceVersion: "1",
        objects: [{ kind: "Node", metadata: { name: "a", resourceVersion: "2" } }],
      },
      message: "invalid store snapshot: objects[0].metadata.resourceVersion 2 is after the snapshot's 1",
    },
    {
      name: "the same object twice",
      snapshot: {
        resourceVersion: "1",
        objects: [
          { kind: "Node", metadata: { name: "a" } },
          { kind: "Node", metadata: { name: "a" } },
        ],
      },
      message: "invalid store snapshot: objects[1] is a second Node a",
    },
  ])("refuses $name", ({ snapshot, message }) => {
    const restore = () =>
      restoreMemoryStore(snapshot as StoreSnapshot, { clock: new VirtualClock(startTime), seed: 1 });
    expect(restore).toThrow(KubesimError);
    expect(restore).toThrow(message);
  });
});

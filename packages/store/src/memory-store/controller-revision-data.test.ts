import { type ControllerRevision, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { restoreMemoryStore } from "./create-memory-store.js";
import type { MemoryStore } from "./memory-store.js";
import type { StoreSnapshot } from "./store-snapshot.js";
import { makeStore, startTime } from "./test-fixtures.js";

/** Revision data as the DaemonSet controller writes it: Go's bytes, `creationTimestamp: null` included. */
const upstreamData = {
  spec: {
    template: {
      $patch: "replace",
      metadata: { creationTimestamp: null, labels: { app: "nginx" } },
      spec: { containers: [{ image: "nginx:1.25", name: "nginx", resources: {} }], nodeSelector: null },
    },
  },
};
const upstreamText =
  '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","resources":{}}],"nodeSelector":null}}}}';

function revision(data: object, name = "nginx-1"): ControllerRevision {
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: { name, namespace: "default", labels: { app: "nginx" } },
    revision: 1,
    data,
  };
}

async function storeWithRevision(): Promise<{ store: MemoryStore; created: ControllerRevision }> {
  const { store } = makeStore();
  const created = await store.create(revision(structuredClone(upstreamData)));
  return { store, created };
}

describe("ControllerRevision data is kept verbatim (a RawExtension: any JSON, nulls included)", () => {
  it.each([
    {
      name: "create stores the data as sent",
      write: async (store: MemoryStore) =>
        store.get("ControllerRevision", "nginx-1", { namespace: "default" }),
    },
    {
      name: "an update of the labels keeps the data",
      write: async (store: MemoryStore, created: ControllerRevision) =>
        store.update({ ...created, metadata: { ...created.metadata, labels: { app: "web" } } }),
    },
    {
      name: "a merge patch of the labels keeps the data",
      write: async (store: MemoryStore) =>
        store.patch(
          "ControllerRevision",
          "nginx-1",
          { metadata: { labels: { tier: "web" } } },
          {
            namespace: "default",
            type: "merge",
          },
        ),
    },
    {
      name: "a strategic merge patch of the labels keeps the data, its $patch marker included",
      write: async (store: MemoryStore) =>
        store.patch(
          "ControllerRevision",
          "nginx-1",
          { metadata: { labels: { tier: "web" } } },
          { namespace: "default", type: "strategic" },
        ),
    },
    {
      name: "a JSON patch of the revision number keeps the data",
      write: async (store: MemoryStore) =>
        store.patch("ControllerRevision", "nginx-1", [{ op: "replace", path: "/revision", value: 2 }], {
          namespace: "default",
          type: "json",
        }),
    },
    {
      name: "a snapshot restored from its JSON keeps the data",
      write: async (store: MemoryStore) => {
        const snapshot = JSON.parse(JSON.stringify(store.snapshot())) as StoreSnapshot;
        const restored = restoreMemoryStore(snapshot, { clock: new VirtualClock(startTime), seed: 1 });
        return restored.get("ControllerRevision", "nginx-1", { namespace: "default" });
      },
    },
  ])("$name", async ({ write }) => {
    const { store, created } = await storeWithRevision();
    expect(JSON.stringify(created.data)).toBe(upstreamText);
    const written = await write(store, created);
    expect(JSON.stringify(written.data)).toBe(upstreamText);
  });

  it.each([
    {
      name: "an update that only adds a null to the data is refused: data is immutable, as upstream",
      from: { spec: { template: { metadata: { labels: { app: "nginx" } } } } },
      to: { spec: { template: { metadata: { creationTimestamp: null, labels: { app: "nginx" } } } } },
    },
    {
      name: "an update that only drops a null from the data is refused: data is immutable",
      from: { spec: { template: { metadata: { creationTimestamp: null } } } },
      to: { spec: { template: { metadata: {} } } },
    },
  ])("$name", async ({ from, to }) => {
    const { store } = makeStore();
    const created = await store.create(revision(from));
    const error = await store.update({ ...created, data: to }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: { reason: "Invalid", code: 422 } });
    expect((error as Error).message).toContain("data: Invalid value: runtime.Unknown{");
    expect((error as Error).message).toContain("field is immutable");
    const read = await store.get("ControllerRevision", "nginx-1", { namespace: "default" });
    expect(read.data).toEqual(from);
    expect(read.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
  });

  it("an update that only reorders the data's keys is stored (the same JSON value: not a change to immutable data here)", async () => {
    const { store } = makeStore();
    const created = await store.create(revision({ a: 1, b: 2 }));
    const updated = await store.update({ ...created, data: { b: 2, a: 1 } });
    expect(updated.metadata?.resourceVersion).not.toBe(created.metadata?.resourceVersion);
    expect(JSON.stringify(updated.data)).toBe('{"b":2,"a":1}');
  });

  it("an update that changes nothing, nulls included, commits nothing", async () => {
    const { store, created } = await storeWithRevision();
    const updated = await store.update(structuredClone(created));
    expect(updated.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
  });
});

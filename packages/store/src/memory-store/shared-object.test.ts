import type { Pod, Watch, WatchEvent } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { sharedCopyOf } from "./shared-object.js";
import { makePod, makeStore, takeEvents } from "./test-fixtures.js";

type Writes = (store: ReturnType<typeof makeStore>["store"]) => Promise<void>;

const labelled = (pod: Pod, labels: Record<string, string>): Pod => ({
  ...pod,
  metadata: { ...pod.metadata, labels },
});

// Write sequences with their event count for a watch on `tier=front` pods.
// `shared`: whether both sharing watches get the very same object, event by event (a
// DELETED for an object leaving the selection is built per watch, as a copy is).
const sequences: ReadonlyArray<{ name: string; writes: Writes; events: number; shared: boolean[] }> = [
  {
    name: "a pod created, relabelled out of the selection and back, then deleted",
    writes: async (store) => {
      const pod = await store.create(makePod("web", { labels: { tier: "front" } }));
      const away = await store.update(labelled(pod, { tier: "back" }));
      await store.update(labelled(away, { tier: "front" }));
      await store.delete("Pod", "web");
    },
    // ADDED, DELETED (left), ADDED (back), MODIFIED (deletionTimestamp), DELETED.
    events: 5,
    shared: [true, false, true, true, true],
  },
  {
    name: "two pods created and bound, one of them deleted",
    writes: async (store) => {
      await store.create(makePod("a", { labels: { tier: "front" } }));
      await store.create(makePod("b", { labels: { tier: "front" } }));
      await store.bind({ metadata: { name: "a" }, target: { kind: "Node", name: "node-1" } });
      await store.delete("Pod", "b");
    },
    events: 5,
    shared: [true, true, true, true, true],
  },
];

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every(isDeeplyFrozen);
}

async function openWatches(
  store: ReturnType<typeof makeStore>["store"],
): Promise<{ shared: Array<Watch<Pod>>; copied: Watch<Pod> }> {
  const options = { resourceVersion: store.resourceVersion, labelSelector: "tier=front" };
  return {
    shared: [
      await store.watch("Pod", { ...options, sharedObjects: true }),
      await store.watch("Pod", { ...options, sharedObjects: true }),
    ],
    copied: await store.watch("Pod", options),
  };
}

describe("sharedObjects", () => {
  it.each(sequences)(
    "watches asking for shared objects see the same events as copying watches for $name",
    async ({ writes, events }) => {
      const { store } = makeStore();
      const { shared, copied } = await openWatches(store);
      await writes(store);
      const expected = await takeEvents(copied, events);
      for (const watch of shared) expect(await takeEvents(watch, events)).toEqual(expected);
      for (const watch of [...shared, copied]) watch.close();
    },
  );

  it.each(sequences)(
    "sharing watches get deeply frozen objects, one per committed object, and copying watches own theirs, for $name",
    async ({ writes, events, shared: sameness }) => {
      const { store } = makeStore();
      const { shared, copied } = await openWatches(store);
      await writes(store);
      const [first, second] = await Promise.all(shared.map((watch) => takeEvents(watch, events)));
      const copies = await takeEvents(copied, events);
      const pairs = (first as Array<WatchEvent<Pod>>).map((event, index) => ({
        same: event.object === second?.[index]?.object,
        frozen: isDeeplyFrozen(event.object),
        copyFrozen: Object.isFrozen(copies[index]?.object),
      }));
      expect(pairs).toEqual(sameness.map((same) => ({ same, frozen: true, copyFrozen: false })));
      for (const watch of [...shared, copied]) watch.close();
    },
  );

  it("a shared object throws on mutation, and the store keeps writing the object after sharing it", async () => {
    const { store } = makeStore();
    const watch = await store.watch("Pod", { resourceVersion: store.resourceVersion, sharedObjects: true });
    const created = await store.create(makePod("web", { labels: { tier: "front" } }));
    const [added] = await takeEvents(watch, 1);
    const object = added?.object as Pod;
    expect(() => {
      (object.metadata as { name?: string }).name = "changed";
    }).toThrow(TypeError);
    const updated = await store.update(labelled(created, { tier: "back" }));
    const [modified] = await takeEvents(watch, 1);
    expect([object.metadata?.labels, modified?.object.metadata?.labels, updated.metadata?.labels]).toEqual([
      { tier: "front" },
      { tier: "back" },
      { tier: "back" },
    ]);
    watch.close();
  });

  it.each([
    { name: "a shared list hands out the objects a sharing watch got", sharedObjects: true, same: true },
    { name: "a plain list hands out copies the caller owns", sharedObjects: false, same: false },
  ])("$name", async ({ sharedObjects, same }) => {
    const { store } = makeStore();
    const watch = await store.watch("Pod", { resourceVersion: store.resourceVersion, sharedObjects: true });
    await store.create(makePod("web"));
    const [added] = await takeEvents(watch, 1);
    const { items } = await store.list("Pod", { sharedObjects });
    expect([items[0] === added?.object, Object.isFrozen(items[0])]).toEqual([same, same]);
    watch.close();
  });

  it("sharedCopyOf hands out the object itself, deeply frozen", () => {
    const original = { metadata: { name: "a", labels: { x: "y" } }, spec: { items: [{ n: 1 }] } };
    const first = sharedCopyOf(original);
    expect([sharedCopyOf(original) === first, first === original, isDeeplyFrozen(first)]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it.each([
    { name: "a created pod is stored deeply frozen", bind: false },
    { name: "a bound pod is stored deeply frozen and keeps the unchanged containers", bind: true },
  ])("$name", async ({ bind }) => {
    const { store } = makeStore();
    const watch = await store.watch("Pod", { resourceVersion: store.resourceVersion, sharedObjects: true });
    await store.create(makePod("web"));
    if (bind) await store.bind({ metadata: { name: "web" }, target: { kind: "Node", name: "node-1" } });
    const events = await takeEvents(watch, bind ? 2 : 1);
    const last = events.at(-1)?.object;
    expect([
      isDeeplyFrozen(last),
      last?.spec?.nodeName ?? "",
      events[0]?.object.spec?.containers === last?.spec?.containers,
    ]).toEqual([true, bind ? "node-1" : "", true]);
    watch.close();
  });
});

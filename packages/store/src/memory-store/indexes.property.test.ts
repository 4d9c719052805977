import type { Pod, Watch, WatchEvent, WatchOptions } from "@kubesim/core";
import { VirtualClock } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { restoreMemoryStore } from "./create-memory-store.js";
import type { MemoryStore } from "./memory-store.js";
import { makePod, makeStore, startTime } from "./test-fixtures.js";

const podNames = ["a", "b", "c"] as const;
const namespaces = ["team", "other"] as const;
const nodeNames = ["node-1", "node-2"] as const;

type Operation =
  | { readonly op: "create"; readonly name: string; readonly namespace: string; readonly nodeName: string }
  | { readonly op: "bind"; readonly name: string; readonly namespace: string; readonly nodeName: string }
  | { readonly op: "phase"; readonly name: string; readonly namespace: string; readonly phase: string }
  | { readonly op: "label"; readonly name: string; readonly namespace: string; readonly value: string }
  | { readonly op: "finalizer"; readonly name: string; readonly namespace: string; readonly add: boolean }
  | {
      readonly op: "delete";
      readonly name: string;
      readonly namespace: string;
      readonly grace: number | undefined;
    };

const name = fc.constantFrom(...podNames);
const namespace = fc.constantFrom(...namespaces);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    op: fc.constant("create" as const),
    name,
    namespace,
    nodeName: fc.constantFrom("", ...nodeNames),
  }),
  fc.record({ op: fc.constant("bind" as const), name, namespace, nodeName: fc.constantFrom(...nodeNames) }),
  fc.record({
    op: fc.constant("phase" as const),
    name,
    namespace,
    phase: fc.constantFrom("Running", "Succeeded"),
  }),
  fc.record({ op: fc.constant("label" as const), name, namespace, value: fc.constantFrom("x", "y") }),
  fc.record({ op: fc.constant("finalizer" as const), name, namespace, add: fc.boolean() }),
  fc.record({
    op: fc.constant("delete" as const),
    name,
    namespace,
    grace: fc.constantFrom(undefined, 0, 30),
  }),
);

async function run(store: MemoryStore, operation: Operation): Promise<void> {
  const { name: podName, namespace: podNamespace } = operation;
  switch (operation.op) {
    case "create": {
      const extra = operation.nodeName === "" ? {} : { nodeName: operation.nodeName };
      await store.create(makePod(podName, { namespace: podNamespace, ...extra }));
      return;
    }
    case "bind":
      await store.bind({
        metadata: { name: podName, namespace: podNamespace },
        target: { kind: "Node", name: operation.nodeName },
      });
      return;
    case "phase": {
      const pod = await store.get("Pod", podName, { namespace: podNamespace });
      await store.updateStatus({ ...pod, status: { ...pod.status, phase: operation.phase } });
      return;
    }
    case "label":
      await store.patch(
        "Pod",
        podName,
        { metadata: { labels: { tier: operation.value } } },
        { type: "merge", namespace: podNamespace },
      );
      return;
    case "finalizer":
      await store.patch(
        "Pod",
        podName,
        { metadata: { finalizers: operation.add ? ["example.com/hold"] : null } },
        { type: "merge", namespace: podNamespace },
      );
      return;
    case "delete":
      await store.delete("Pod", podName, {
        namespace: podNamespace,
        ...(operation.grace === undefined ? {} : { gracePeriodSeconds: operation.grace }),
      });
      return;
  }
}

/** The watches the check compares: one per index, plus one that sees everything. */
const watchedSelections: ReadonlyArray<{ readonly name: string; readonly options: WatchOptions }> = [
  { name: "node-1", options: { fieldSelector: "spec.nodeName=node-1" } },
  { name: "unbound", options: { fieldSelector: "spec.nodeName=" } },
  { name: "team", options: { namespace: "team" } },
  { name: "running", options: { fieldSelector: "status.phase=Running" } },
  { name: "pod a", options: { fieldSelector: "metadata.name=a", namespace: "other" } },
];

function selected(selection: string, pod: Pod): boolean {
  switch (selection) {
    case "node-1":
      return pod.spec?.nodeName === "node-1";
    case "unbound":
      return (pod.spec?.nodeName ?? "") === "";
    case "team":
      return pod.metadata?.namespace === "team";
    case "running":
      return pod.status?.phase === "Running";
    default:
      return pod.metadata?.name === "a" && pod.metadata.namespace === "other";
  }
}

/**
 * What a watch of `selection` must receive, derived from the stream of a watch of
 * everything: the events of objects it selects, with transitions into the selection as
 * ADDED and out of it as DELETED (carrying the last selected state).
 */
function expectedStream(selection: string, everything: ReadonlyArray<WatchEvent<Pod>>): string[][] {
  const last = new Map<string, Pod>();
  const stream: string[][] = [];
  for (const event of everything) {
    const key = `${event.object.metadata?.namespace}/${event.object.metadata?.name}`;
    const previous = last.get(key);
    const resourceVersion = event.object.metadata?.resourceVersion ?? "";
    const was = previous !== undefined && selected(selection, previous);
    if (event.type === "DELETED") {
      last.delete(key);
      if (was) stream.push(["DELETED", key, resourceVersion]);
      continue;
    }
    last.set(key, event.object);
    const is = selected(selection, event.object);
    if (is) stream.push([was ? "MODIFIED" : "ADDED", key, resourceVersion]);
    else if (was) stream.push(["DELETED", key, resourceVersion]);
  }
  return stream;
}

function summarizeKeys(events: ReadonlyArray<WatchEvent<Pod>>): string[][] {
  return events.map((event) => [
    event.type,
    `${event.object.metadata?.namespace}/${event.object.metadata?.name}`,
    event.object.metadata?.resourceVersion ?? "",
  ]);
}

/** Reads every event already queued on a watch (the store queues at commit time). */
async function drain(watch: Watch<Pod>): Promise<Array<WatchEvent<Pod>>> {
  const events: Array<WatchEvent<Pod>> = [];
  const iterator = watch[Symbol.asyncIterator]();
  const timeout = Symbol("timeout");
  for (;;) {
    const next = await Promise.race([iterator.next(), Promise.resolve(timeout)]);
    if (next === timeout || next.done) return events;
    events.push(next.value);
  }
}

async function expectListsMatchIndexes(store: MemoryStore): Promise<void> {
  const all = (await store.list("Pod")).items;
  const names = (pods: readonly Pod[]) =>
    pods.map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`);
  for (const nodeName of ["", ...nodeNames]) {
    const listed = await store.list("Pod", { fieldSelector: `spec.nodeName=${nodeName}` });
    expect(names(listed.items)).toEqual(names(all.filter((pod) => (pod.spec?.nodeName ?? "") === nodeName)));
  }
  for (const listedNamespace of namespaces) {
    const listed = await store.list("Pod", { namespace: listedNamespace });
    expect(names(listed.items)).toEqual(
      names(all.filter((pod) => pod.metadata?.namespace === listedNamespace)),
    );
  }
}

describe("watch and list indexes on every write path", () => {
  it("give the same lists and watch streams as a scan, through creates, bindings, status updates, patches, finalizers, graceful deletion and a snapshot restore", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const { store } = makeStore();
        for (const created of namespaces) {
          await store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: created } });
        }
        const start = store.resourceVersion;
        const everything = await store.watch("Pod", { resourceVersion: start });
        const watches = await Promise.all(
          watchedSelections.map((selection) =>
            store.watch("Pod", { ...selection.options, resourceVersion: start }),
          ),
        );
        for (const step of operations) {
          try {
            await run(store, step);
          } catch {
            // NotFound, AlreadyExists and Conflict are part of the random walk.
          }
          await expectListsMatchIndexes(store);
        }
        const all = await drain(everything);
        for (const [index, selection] of watchedSelections.entries()) {
          const watch = watches[index] as Watch<Pod>;
          expect(summarizeKeys(await drain(watch))).toEqual(expectedStream(selection.name, all));
          watch.close();
        }
        everything.close();
        const restored = restoreMemoryStore(store.snapshot(), {
          clock: new VirtualClock(startTime),
          seed: 2,
        });
        await expectListsMatchIndexes(restored);
      }),
      { numRuns: 60 },
    );
  });
});

describe("watch delivery order", () => {
  it("wakes waiting watches in the order they were opened, pinned or not", async () => {
    const { store } = makeStore();
    const order: string[] = [];
    const opened: Array<[string, WatchOptions]> = [
      ["everything", {}],
      ["node-1", { fieldSelector: "spec.nodeName=node-1" }],
      ["labelled", { labelSelector: "app=web" }],
      ["default namespace", { namespace: "default" }],
      ["node-2", { fieldSelector: "spec.nodeName=node-2" }],
      ["node-1 again", { fieldSelector: "spec.nodeName=node-1" }],
    ];
    const watches: Array<Watch<Pod>> = [];
    for (const [label, options] of opened) {
      const watch = await store.watch("Pod", { ...options, resourceVersion: store.resourceVersion });
      watches.push(watch);
      void watch[Symbol.asyncIterator]()
        .next()
        .then(() => order.push(label));
    }
    await store.create(makePod("web", { nodeName: "node-1", labels: { app: "web" } }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(["everything", "node-1", "labelled", "default namespace", "node-1 again"]);
    for (const watch of watches) watch.close();
  });
});

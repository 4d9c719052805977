import type { Binding, Eviction, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { makePod, makeStore, rejection, summarize, takeEvents } from "./test-fixtures.js";

const binding = (name: string, node: string, extra: Partial<Binding> = {}): Binding => ({
  apiVersion: "v1",
  kind: "Binding",
  metadata: { name, namespace: "default" },
  target: { apiVersion: "v1", kind: "Node", name: node },
  ...extra,
});

describe("bind", () => {
  it("sets spec.nodeName, merges the binding's annotations and sets PodScheduled=True", async () => {
    const { store, clock } = makeStore();
    await store.create(makePod("web"));
    clock.advance(2_000);
    await store.bind(
      binding("web", "node-1", { metadata: { name: "web", namespace: "default", annotations: { a: "b" } } }),
    );
    const pod = await store.get("Pod", "web");
    expect(pod.spec?.nodeName).toBe("node-1");
    expect(pod.metadata?.annotations).toEqual({ a: "b" });
    expect(pod.status?.conditions).toEqual([
      {
        type: "PodScheduled",
        status: "True",
        lastProbeTime: null,
        lastTransitionTime: "2026-11-29T19:21:32Z",
      },
    ]);
    expect(pod.metadata?.resourceVersion).toBe("6");
  });

  it("replaces an Unschedulable PodScheduled condition", async () => {
    const { store } = makeStore();
    const pod = await store.create(makePod("web"));
    await store.updateStatus<Pod>({
      ...pod,
      status: {
        ...pod.status,
        conditions: [
          {
            type: "PodScheduled",
            status: "False",
            reason: "Unschedulable",
            message: "0/1 nodes are available",
          },
        ],
      },
    });
    await store.bind(binding("web", "node-1"));
    const bound = await store.get("Pod", "web");
    expect(bound.status?.conditions).toEqual([
      {
        type: "PodScheduled",
        status: "True",
        lastProbeTime: null,
        lastTransitionTime: "2026-11-29T19:21:30Z",
      },
    ]);
  });

  it.each<{
    name: string;
    prepare: (pod: Pod) => Pod | undefined;
    binding: Binding;
    code: number;
    message: string;
  }>([
    {
      name: "a pod already assigned is a Conflict on pods/binding",
      prepare: () => undefined,
      binding: binding("bound", "node-2"),
      code: 409,
      message:
        'Operation cannot be fulfilled on pods/binding "bound": pod bound is already assigned to node "node-1"',
    },
    {
      name: "a pod with scheduling gates cannot be bound",
      prepare: (pod) => ({
        ...pod,
        spec: { ...pod.spec, containers: pod.spec?.containers ?? [], schedulingGates: [{ name: "wait" }] },
      }),
      binding: binding("web", "node-1"),
      code: 409,
      message:
        'Operation cannot be fulfilled on pods/binding "web": pod web has non-empty .spec.schedulingGates',
    },
    {
      name: "a missing pod is NotFound",
      prepare: () => undefined,
      binding: binding("nope", "node-1"),
      code: 404,
      message: 'pods "nope" not found',
    },
    {
      name: "a target that is not a Node is refused as upstream's validation does",
      prepare: () => undefined,
      binding: binding("web", "node-1", { target: { kind: "Pod", name: "x" } }),
      code: 500,
      message: 'target.kind: Unsupported value: "Pod": supported values: "Node", "<empty>"',
    },
    {
      name: "a target without name is refused",
      prepare: () => undefined,
      binding: binding("web", "node-1", { target: {} }),
      code: 500,
      message: "target.name: Required value",
    },
    {
      name: "a uid precondition that does not match is a storage Conflict",
      prepare: () => undefined,
      binding: binding("web", "node-1", { metadata: { name: "web", namespace: "default", uid: "other" } }),
      code: 409,
      message: "",
    },
  ])("$name", async ({ prepare, binding: request, code, message }) => {
    const { store } = makeStore();
    const pod = makePod("web");
    const prepared = prepare(pod);
    const created = await store.create(prepared ?? pod);
    await store.create(makePod("bound", { nodeName: "node-1" }));
    const revision = store.resourceVersion;
    const error = await rejection(store.bind(request));
    const expected =
      message ||
      `Operation cannot be fulfilled on pods "web": StorageError: invalid object, Code: 4, Key: /registry/pods/default/web, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: other, UID in object meta: ${created.metadata?.uid}`;
    expect({ code: error.code, message: error.message }).toEqual({ code, message: expected });
    expect(store.resourceVersion).toBe(revision);
  });

  it("refuses to bind a terminating pod", async () => {
    const { store } = makeStore();
    await store.create({ ...makePod("web"), metadata: { name: "web", finalizers: ["example.com/hold"] } });
    await store.delete("Pod", "web");
    const error = await rejection(store.bind(binding("web", "node-1")));
    expect(error.message).toBe(
      'Operation cannot be fulfilled on pods/binding "web": pod web is being deleted, cannot be assigned to a host',
    );
  });
});

const eviction = (name: string, deleteOptions?: Eviction["deleteOptions"]): Eviction => ({
  apiVersion: "policy/v1",
  kind: "Eviction",
  metadata: { name, namespace: "default" },
  ...(deleteOptions === undefined ? {} : { deleteOptions }),
});

describe("evict", () => {
  it("marks a bound pod as a disruption target and deletes it gracefully", async () => {
    const { store } = makeStore();
    const created = await store.create(makePod("web", { nodeName: "node-1" }));
    const watch = await store.watch("Pod", { resourceVersion: created.metadata?.resourceVersion ?? "" });
    await store.evict(eviction("web"));
    const pod = await store.get("Pod", "web");
    expect(pod.status?.conditions).toEqual([
      {
        type: "DisruptionTarget",
        status: "True",
        lastProbeTime: null,
        lastTransitionTime: "2026-11-29T19:21:30Z",
        reason: "EvictionByEvictionAPI",
        message: "Eviction API: evicting",
      },
    ]);
    expect(pod.metadata?.deletionGracePeriodSeconds).toBe(30);
    expect(summarize(await takeEvents(watch, 2))).toEqual([
      ["MODIFIED", "web", "6"],
      ["MODIFIED", "web", "7"],
    ]);
    watch.close();
  });

  it("deletes an unbound pod at once and honours the eviction's grace period", async () => {
    const { store } = makeStore();
    await store.create(makePod("web"));
    await store.create(makePod("api", { nodeName: "node-1" }));
    await store.evict(eviction("web"));
    await store.evict(eviction("api", { gracePeriodSeconds: 0 }));
    expect((await store.list("Pod")).items).toEqual([]);
  });

  it("changes nothing in a dry run", async () => {
    const { store } = makeStore();
    await store.create(makePod("web"));
    const revision = store.resourceVersion;
    await store.evict(eviction("web", { dryRun: ["All"] }));
    expect(store.resourceVersion).toBe(revision);
  });

  it.each([
    {
      name: "a missing pod is NotFound",
      target: "nope",
      options: undefined,
      message: 'pods "nope" not found',
    },
    {
      name: "a stale resourceVersion precondition is a Conflict",
      target: "web",
      options: { preconditions: { resourceVersion: "1" } },
      message:
        'Operation cannot be fulfilled on Pod "web": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (5). The object might have been modified',
    },
  ])("$name", async ({ target, options, message }) => {
    const { store } = makeStore();
    await store.create(makePod("web"));
    const error = await rejection(store.evict(eviction(target, options)));
    expect(error.message).toBe(message);
  });

  it("is refused in a terminating namespace, so that kubectl drain falls back to delete", async () => {
    const { store } = makeStore();
    await store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
    await store.create(makePod("web", { namespace: "team" }));
    await store.delete("Namespace", "team");
    const error = await rejection(
      store.evict({ ...eviction("web"), metadata: { name: "web", namespace: "team" } }),
    );
    expect(error.message).toBe(
      'pods "web" is forbidden: unable to create new content in namespace team because it is being terminated',
    );
  });
});

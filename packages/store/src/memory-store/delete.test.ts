import type { DaemonSet, DeleteOptions, Namespace, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { makeNode, makePod, makeStore, rejection, takeEvents } from "./test-fixtures.js";

const daemonSet: DaemonSet = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "nginx" },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
    },
  },
};

describe("delete", () => {
  it("removes an object without finalizers at once and returns its last state", async () => {
    const { store } = makeStore();
    const node = await store.create(makeNode("node-1"));
    const deleted = await store.delete("Node", "node-1");
    expect(deleted).toEqual(node);
    await expect(store.get("Node", "node-1")).rejects.toThrow('nodes "node-1" not found');
  });

  it.each<{ name: string; options: DeleteOptions; finalizers: string[] }>([
    {
      name: "Foreground adds the foregroundDeletion finalizer",
      options: { propagationPolicy: "Foreground" },
      finalizers: ["foregroundDeletion"],
    },
    {
      name: "Orphan adds the orphan finalizer",
      options: { propagationPolicy: "Orphan" },
      finalizers: ["orphan"],
    },
  ])("$name and keeps the object, marked as deleting", async ({ options, finalizers }) => {
    const { store } = makeStore();
    await store.create(daemonSet);
    const deleting = await store.delete("DaemonSet", "nginx", options);
    expect(deleting.metadata).toMatchObject({
      finalizers,
      deletionTimestamp: "2026-11-29T19:21:30Z",
      deletionGracePeriodSeconds: 0,
      generation: 2,
    });
    expect((await store.get("DaemonSet", "nginx")).metadata?.finalizers).toEqual(finalizers);
  });

  it("Background on an object held only by the orphan finalizer removes the finalizer and the object", async () => {
    const { store } = makeStore();
    await store.create({ ...daemonSet, metadata: { name: "nginx", finalizers: ["orphan"] } });
    await store.delete("DaemonSet", "nginx", { propagationPolicy: "Background" });
    await expect(store.get("DaemonSet", "nginx")).rejects.toThrow('daemonsets.apps "nginx" not found');
  });

  it("keeps an object with its own finalizer until an update removes it", async () => {
    const { store } = makeStore();
    await store.create({
      ...makeNode("node-1"),
      metadata: { name: "node-1", finalizers: ["example.com/hold"] },
    });
    const first = await store.delete("Node", "node-1");
    const second = await store.delete("Node", "node-1");
    expect(second.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
    expect(second.metadata?.finalizers).toEqual(["example.com/hold"]);
  });

  it("deletes a pod bound to a node gracefully: it stays with deletionTimestamp = now + grace until deleted with grace 0", async () => {
    const { store, clock } = makeStore();
    const created = await store.create(makePod("web", { nodeName: "node-1" }));
    const from = created.metadata?.resourceVersion ?? "";
    const terminating = await store.delete("Pod", "web");
    expect(terminating.metadata).toMatchObject({
      deletionTimestamp: "2026-11-29T19:22:00Z",
      deletionGracePeriodSeconds: 30,
    });
    clock.advance(5_000);
    const again = await store.delete("Pod", "web");
    expect(again.metadata?.resourceVersion).toBe(terminating.metadata?.resourceVersion);
    const forced = await store.delete("Pod", "web", { gracePeriodSeconds: 0 });
    expect(forced.metadata).toMatchObject({
      deletionTimestamp: "2026-11-29T19:21:30Z",
      deletionGracePeriodSeconds: 0,
    });
    await expect(store.get("Pod", "web")).rejects.toThrow('pods "web" not found');
    const watch = await store.watch("Pod", { resourceVersion: from });
    const events = await takeEvents(watch, 3);
    watch.close();
    expect(events.map((event) => [event.type, event.object.metadata?.deletionGracePeriodSeconds])).toEqual([
      ["MODIFIED", 30],
      ["MODIFIED", 0],
      ["DELETED", 0],
    ]);
  });

  it("shortens a pending grace period when asked for a shorter one", async () => {
    const { store } = makeStore();
    await store.create(makePod("web", { nodeName: "node-1" }));
    await store.delete("Pod", "web");
    const shorter = await store.delete("Pod", "web", { gracePeriodSeconds: 10 });
    expect(shorter.metadata).toMatchObject({
      deletionTimestamp: "2026-11-29T19:21:40Z",
      deletionGracePeriodSeconds: 10,
    });
  });

  it.each<{ name: string; pod: Pod }>([
    { name: "an unbound pod", pod: makePod("web") },
    { name: "a succeeded pod", pod: makePod("web", { nodeName: "node-1" }) },
  ])("deletes $name at once", async ({ pod }) => {
    const { store } = makeStore();
    const created = await store.create(pod);
    if (created.spec?.nodeName) await store.updateStatus({ ...created, status: { phase: "Succeeded" } });
    await store.delete("Pod", "web");
    await expect(store.get("Pod", "web")).rejects.toThrow('pods "web" not found');
  });

  it("uses the pod's terminationGracePeriodSeconds, or the one the request gives", async () => {
    const { store } = makeStore();
    const pod = makePod("web", { nodeName: "node-1" });
    if (pod.spec) pod.spec.terminationGracePeriodSeconds = 5;
    await store.create(pod);
    await store.create(makePod("api", { nodeName: "node-1" }));
    expect((await store.delete("Pod", "web")).metadata?.deletionGracePeriodSeconds).toBe(5);
    expect(
      (await store.delete("Pod", "api", { gracePeriodSeconds: 7 })).metadata?.deletionGracePeriodSeconds,
    ).toBe(7);
  });
});

interface DeleteFailure {
  readonly name: string;
  readonly kind: string;
  readonly target: string;
  readonly options: (uid: string, resourceVersion: string) => unknown;
  readonly reason: string;
  readonly code: number;
  readonly message: (uid: string, resourceVersion: string) => string;
}

const failures: DeleteFailure[] = [
  {
    name: "a uid precondition that does not match is upstream's BeforeDelete Conflict",
    kind: "Pod",
    target: "web",
    options: () => ({ preconditions: { uid: "other" } }),
    reason: "Conflict",
    code: 409,
    message: (uid) =>
      `Operation cannot be fulfilled on Pod "web": the UID in the precondition (other) does not match the UID in record (${uid}). The object might have been deleted and then recreated`,
  },
  {
    name: "a resourceVersion precondition that does not match is a Conflict",
    kind: "Pod",
    target: "web",
    options: () => ({ preconditions: { resourceVersion: "1" } }),
    reason: "Conflict",
    code: 409,
    message: (_uid, resourceVersion) =>
      `Operation cannot be fulfilled on Pod "web": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${resourceVersion}). The object might have been modified`,
  },
  {
    name: "a namespace uid precondition uses the namespace registry's message",
    kind: "Namespace",
    target: "team",
    options: () => ({ preconditions: { uid: "other" } }),
    reason: "Conflict",
    code: 409,
    message: () => "",
  },
  {
    name: "an unknown propagation policy is Invalid",
    kind: "Pod",
    target: "web",
    options: () => ({ propagationPolicy: "Sometimes" }),
    reason: "Invalid",
    code: 422,
    message: () =>
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sometimes": supported values: "Foreground", "Background", "Orphan", "nil"',
  },
  {
    name: "a fractional grace period fails to decode",
    kind: "Pod",
    target: "web",
    options: () => ({ gracePeriodSeconds: 1.5 }),
    reason: "BadRequest",
    code: 400,
    message: () =>
      "json: cannot unmarshal number 1.5 into Go struct field DeleteOptions.gracePeriodSeconds of type int64",
  },
  {
    name: "a missing object is NotFound",
    kind: "Pod",
    target: "nope",
    options: () => ({}),
    reason: "NotFound",
    code: 404,
    message: () => 'pods "nope" not found',
  },
  {
    name: "the default namespace may not be deleted",
    kind: "Namespace",
    target: "default",
    options: () => ({}),
    reason: "Forbidden",
    code: 403,
    message: () => 'namespaces "default" is forbidden: this namespace may not be deleted',
  },
];

describe("delete failures", () => {
  it.each(failures)("$name", async ({ kind, target, options, reason, code, message }) => {
    const { store } = makeStore();
    const pod = await store.create(makePod("web"));
    const namespace = await store.create<Namespace>({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "team" },
    });
    const stored = kind === "Namespace" ? namespace : pod;
    const uid = stored.metadata?.uid ?? "";
    const resourceVersion = stored.metadata?.resourceVersion ?? "";
    const revision = store.resourceVersion;
    const error = await rejection(store.delete(kind, target, options(uid, resourceVersion) as DeleteOptions));
    const expected =
      message(uid, resourceVersion) ||
      `Operation cannot be fulfilled on namespaces "team": Precondition failed: UID in precondition: other, UID in object meta: ${uid}`;
    expect({ reason: error.status.reason, code: error.code, message: error.message }).toEqual({
      reason,
      code,
      message: expected,
    });
    expect(store.resourceVersion).toBe(revision);
  });
});

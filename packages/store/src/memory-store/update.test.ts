import type { DaemonSet, KubeObject, Pod } from "@kubesim/core";
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
      spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] },
    },
  },
};

type Change = (object: DaemonSet) => void;

const generationCases: Array<{
  name: string;
  change: Change;
  generation: number;
  templateGeneration: string;
}> = [
  {
    name: "a template change bumps the generation and the template generation",
    change: (object) => {
      const container = object.spec?.template.spec?.containers[0];
      if (container) container.image = "nginx:1.27";
    },
    generation: 2,
    templateGeneration: "2",
  },
  {
    name: "a spec change outside the template bumps only the generation",
    change: (object) => {
      if (object.spec) object.spec.minReadySeconds = 10;
    },
    generation: 2,
    templateGeneration: "1",
  },
  {
    name: "a label change bumps nothing",
    change: (object) => {
      if (object.metadata) object.metadata.labels = { team: "web" };
    },
    generation: 1,
    templateGeneration: "1",
  },
  {
    name: "a status sent on the main resource is ignored and bumps nothing",
    change: (object) => {
      (object as { status?: unknown }).status = {
        currentNumberScheduled: 5,
        numberMisscheduled: 0,
        desiredNumberScheduled: 5,
        numberReady: 5,
      };
      if (object.metadata) object.metadata.labels = { team: "web" };
    },
    generation: 1,
    templateGeneration: "1",
  },
];

describe("update", () => {
  it.each(generationCases)("$name", async ({ change, generation, templateGeneration }) => {
    const { store } = makeStore();
    const created = await store.create(daemonSet);
    change(created);
    const updated = await store.update(created);
    expect(updated.metadata?.generation).toBe(generation);
    expect(updated.metadata?.annotations?.["deprecated.daemonset.template.generation"]).toBe(
      templateGeneration,
    );
    expect(updated.status?.currentNumberScheduled).toBe(0);
  });

  it("refuses a stale resourceVersion with upstream's Conflict and leaves the object as it was", async () => {
    const { store } = makeStore();
    const first = await store.create(makeNode("node-1"));
    const second = structuredClone(first);
    await store.update({ ...first, metadata: { ...first.metadata, labels: { a: "1" } } });
    const error = await rejection(
      store.update({ ...second, metadata: { ...second.metadata, labels: { b: "2" } } }),
    );
    expect({
      reason: error.status.reason,
      code: error.code,
      message: error.message,
      details: error.status.details,
    }).toEqual({
      reason: "Conflict",
      code: 409,
      message:
        'Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: "node-1", group: "", kind: "nodes" },
    });
    expect((await store.get("Node", "node-1")).metadata?.labels).toEqual({ a: "1" });
  });

  it("treats an update without resourceVersion as unconditional", async () => {
    const { store } = makeStore();
    await store.create(makeNode("node-1"));
    const updated = await store.update({ ...makeNode("node-1", { zone: "a" }) });
    expect(updated.metadata?.labels).toEqual({ zone: "a" });
    expect(updated.metadata?.resourceVersion).toBe("6");
  });

  it("commits nothing for an update that changes nothing: same resourceVersion, no watch event", async () => {
    const { store } = makeStore();
    const created = await store.create(makePod("web"));
    const watch = await store.watch("Pod", { resourceVersion: created.metadata?.resourceVersion ?? "" });
    const same = await store.update(created);
    expect(same.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    expect(store.resourceVersion).toBe(created.metadata?.resourceVersion);
    await store.update({ ...created, metadata: { ...created.metadata, labels: { a: "b" } } });
    const [event] = await takeEvents(watch, 1);
    expect(event?.type).toBe("MODIFIED");
    expect(event?.object.metadata?.labels).toEqual({ a: "b" });
    watch.close();
  });

  it("rejects a DaemonSet replaced without its template-generation annotation, as upstream does", async () => {
    const { store } = makeStore();
    const created = await store.create(daemonSet);
    const error = await rejection(
      store.update({
        ...daemonSet,
        metadata: { name: "nginx", resourceVersion: created.metadata?.resourceVersion ?? "" },
      }),
    );
    expect(error.message).toBe(
      'DaemonSet.apps "nginx" is invalid: spec.templateGeneration: Invalid value: 0: must not be decremented',
    );
  });

  it("removes a deleting object whose last finalizer an update removes", async () => {
    const { store } = makeStore();
    await store.create({
      ...makeNode("node-1"),
      metadata: { name: "node-1", finalizers: ["example.com/hold"] },
    });
    const deleting = await store.delete("Node", "node-1");
    expect(deleting.metadata?.deletionTimestamp).toBe("2026-11-29T19:21:30Z");
    const watch = await store.watch("Node", { resourceVersion: deleting.metadata?.resourceVersion ?? "" });
    await store.update({ ...deleting, metadata: { ...deleting.metadata, finalizers: [] } });
    await expect(store.get("Node", "node-1")).rejects.toThrow('nodes "node-1" not found');
    const [event] = await takeEvents(watch, 1);
    expect(event?.type).toBe("DELETED");
    expect(event?.object.metadata?.resourceVersion).toBe(store.resourceVersion);
    watch.close();
  });

  it("keeps the stored namespace finalizers and status on a main update", async () => {
    const { store } = makeStore();
    const namespace = await store.get("Namespace", "default");
    const updated = await store.update({
      ...namespace,
      spec: { finalizers: [] },
      status: { phase: "Terminating" },
    });
    expect(updated.spec).toEqual({ finalizers: ["kubernetes"] });
    expect(updated.status).toEqual({ phase: "Active" });
  });
});

interface UpdateFailure {
  readonly name: string;
  readonly update: (stored: Pod) => KubeObject;
  readonly reason: string;
  readonly code: number;
  readonly message: string;
}

const failures: UpdateFailure[] = [
  {
    name: "a pod spec change other than the allowed fields is Invalid",
    update: (stored) => ({
      ...stored,
      spec: { ...stored.spec, containers: stored.spec?.containers ?? [], restartPolicy: "Never" },
    }),
    reason: "Invalid",
    code: 422,
    message:
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\nchanged: spec.restartPolicy',
  },
  {
    name: "a different uid is a storage precondition Conflict",
    update: (stored) => ({ ...stored, metadata: { ...stored.metadata, uid: "other-uid" } }),
    reason: "Conflict",
    code: 409,
    message: "",
  },
  {
    name: "a missing object is NotFound",
    update: () => makePod("other"),
    reason: "NotFound",
    code: 404,
    message: 'pods "other" not found',
  },
  {
    name: "a resourceVersion that is not a number is upstream's parse error",
    update: (stored) => ({ ...stored, metadata: { ...stored.metadata, resourceVersion: "abc" } }),
    reason: "",
    code: 500,
    message: 'strconv.ParseUint: parsing "abc": invalid syntax',
  },
  {
    name: "an object without a name is a BadRequest",
    update: () => ({ apiVersion: "v1", kind: "Pod", metadata: {} }),
    reason: "BadRequest",
    code: 400,
    message: "resource name may not be empty",
  },
];

describe("update failures", () => {
  it.each(failures)("$name", async ({ update, reason, code, message }) => {
    const { store } = makeStore();
    const stored = await store.create(makePod("web"));
    const revision = store.resourceVersion;
    const error = await rejection(store.update(update(stored)));
    const expected =
      message === ""
        ? `Operation cannot be fulfilled on pods "web": StorageError: invalid object, Code: 4, Key: /registry/pods/default/web, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: other-uid, UID in object meta: ${stored.metadata?.uid}`
        : message;
    expect({ reason: error.status.reason, code: error.code, message: error.message }).toEqual({
      reason,
      code,
      message: expected,
    });
    expect(store.resourceVersion).toBe(revision);
  });

  it("refuses a selector change of a DaemonSet (immutable)", async () => {
    const { store } = makeStore();
    const created = await store.create(daemonSet);
    const changed: DaemonSet = structuredClone(created);
    if (changed.spec) {
      changed.spec.selector = { matchLabels: { app: "nginx", tier: "web" } };
      changed.spec.template.metadata = { labels: { app: "nginx", tier: "web" } };
    }
    const error = await rejection(store.update(changed));
    expect(error.message).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx", "tier":"web"}',
    );
    expect(error.message).toContain("field is immutable");
  });
});

import type { DaemonSet, PatchOptions } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { makeNode, makePod, makeStore, rejection } from "./test-fixtures.js";

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

describe("patch", () => {
  it("applies kubectl label's merge patch", async () => {
    const { store } = makeStore();
    await store.create(makeNode("node-3", { zone: "a" }));
    const patched = await store.patch(
      "Node",
      "node-3",
      { metadata: { labels: { disktype: "ssd" } } },
      { type: "merge" },
    );
    expect(patched.metadata?.labels).toEqual({ zone: "a", disktype: "ssd" });
    expect(patched.metadata?.resourceVersion).toBe("6");
  });

  it("treats a resourceVersion in the patch body as a precondition (kubectl label --resource-version)", async () => {
    const { store } = makeStore();
    await store.create(makeNode("node-3"));
    const error = await rejection(
      store.patch(
        "Node",
        "node-3",
        { metadata: { labels: { team: "a" }, resourceVersion: "1" } },
        { type: "merge" },
      ),
    );
    expect(error.message).toBe(
      'Operation cannot be fulfilled on nodes "node-3": the object has been modified; please apply your changes to the latest version and try again',
    );
    const ok = await store.patch(
      "Node",
      "node-3",
      { metadata: { labels: { team: "a" }, resourceVersion: "5" } },
      { type: "merge" },
    );
    expect(ok.metadata?.labels).toEqual({ team: "a" });
  });

  it("replaces the taint list with kubectl taint's strategic merge patch and removes it with null", async () => {
    const { store } = makeStore();
    await store.create({ ...makeNode("node-3"), spec: { taints: [{ key: "old", effect: "NoSchedule" }] } });
    const tainted = await store.patch(
      "Node",
      "node-3",
      { spec: { taints: [{ effect: "NoSchedule", key: "dedicated", value: "infra" }] } },
      { type: "strategic" },
    );
    expect(tainted.spec?.taints).toEqual([{ effect: "NoSchedule", key: "dedicated", value: "infra" }]);
    const untainted = await store.patch("Node", "node-3", { spec: { taints: null } }, { type: "strategic" });
    expect(untainted.spec?.taints).toBeUndefined();
  });

  it("runs the update path: kubectl set image bumps the DaemonSet generation and template generation", async () => {
    const { store } = makeStore();
    await store.create(daemonSet);
    const patched = await store.patch(
      "DaemonSet",
      "nginx",
      {
        spec: {
          template: {
            spec: {
              "$setElementOrder/containers": [{ name: "nginx" }],
              containers: [{ image: "nginx:1.27", name: "nginx" }],
            },
          },
        },
      },
      { type: "strategic" },
    );
    expect(patched.spec?.template.spec?.containers[0]?.image).toBe("nginx:1.27");
    expect(patched.metadata?.generation).toBe(2);
    expect(patched.metadata?.annotations?.["deprecated.daemonset.template.generation"]).toBe("2");
  });

  it("applies a JSON patch", async () => {
    const { store } = makeStore();
    await store.create(makeNode("node-1", { a: "1" }));
    const patched = await store.patch(
      "Node",
      "node-1",
      [
        { op: "add", path: "/metadata/labels/b", value: "2" },
        { op: "remove", path: "/metadata/labels/a" },
      ],
      { type: "json" },
    );
    expect(patched.metadata?.labels).toEqual({ b: "2" });
  });

  it("ignores status in a patch of the main resource", async () => {
    const { store } = makeStore();
    await store.create(makePod("web"));
    const patched = await store.patch("Pod", "web", { status: { phase: "Running" } }, { type: "merge" });
    expect(patched.status?.phase).toBe("Pending");
    expect(patched.metadata?.resourceVersion).toBe("5");
  });

  it("server-side apply creates a missing object (reported as created) and merges onto an existing one", async () => {
    const { store } = makeStore();
    const first = await store.patchWithOutcome("DaemonSet", "nginx", daemonSet, {
      type: "apply",
      fieldManager: "kubectl",
    });
    expect(first.created).toBe(true);
    expect(first.object.metadata?.generation).toBe(1);
    const changed = structuredClone(daemonSet);
    const container = changed.spec?.template.spec?.containers[0];
    if (container) container.image = "nginx:1.27";
    const second = await store.patchWithOutcome("DaemonSet", "nginx", changed, {
      type: "apply",
      fieldManager: "kubectl",
    });
    expect(second.created).toBe(false);
    expect((second.object as DaemonSet).metadata?.generation).toBe(2);
  });

  it("never pollutes prototypes with __proto__ keys in a patch", async () => {
    const { store } = makeStore();
    await store.create(makeNode("node-1"));
    const patch = JSON.parse('{"metadata":{"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}');
    await store.patch("Node", "node-1", patch, { type: "merge" }).catch(() => undefined);
    await store.patch("Node", "node-1", patch, { type: "strategic" }).catch(() => undefined);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const node = await store.get("Node", "node-1");
    expect((node.metadata as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const failures: Array<{
  name: string;
  kind: string;
  target: string;
  patch: unknown;
  options: PatchOptions;
  code: number;
  message: string;
}> = [
  {
    name: "an unknown patch type is 415",
    kind: "Node",
    target: "node-1",
    patch: {},
    options: { type: "yaml" as never },
    code: 415,
    message:
      "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml",
  },
  {
    name: "apply without a field manager is Invalid",
    kind: "Node",
    target: "node-1",
    patch: {},
    options: { type: "apply" },
    code: 422,
    message:
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
  },
  {
    name: "force on a non-apply patch is Invalid",
    kind: "Node",
    target: "node-1",
    patch: {},
    options: { type: "merge", force: true },
    code: 422,
    message:
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
  },
  {
    name: "a missing object is NotFound",
    kind: "Node",
    target: "node-9",
    patch: {},
    options: { type: "merge" },
    code: 404,
    message: 'nodes "node-9" not found',
  },
  {
    name: "a patch that renames the object is a BadRequest",
    kind: "Node",
    target: "node-1",
    patch: { metadata: { name: "node-2" } },
    options: { type: "merge" },
    code: 400,
    message: "the name of the object (node-2) does not match the name on the URL (node-1)",
  },
  {
    name: "a patch that moves a pod to another namespace is a BadRequest",
    kind: "Pod",
    target: "web",
    patch: { metadata: { namespace: "kube-system" } },
    options: { type: "merge" },
    code: 400,
    message: "the namespace of the provided object does not match the namespace sent on the request",
  },
  {
    name: "a patch that changes an immutable field is Invalid",
    kind: "Node",
    target: "node-1",
    patch: { metadata: { uid: "other" } },
    options: { type: "merge" },
    code: 422,
    message: 'Node "node-1" is invalid: metadata.uid: Invalid value: "other": field is immutable',
  },
  {
    name: "a JSON patch whose test fails is upstream's 422",
    kind: "Node",
    target: "node-1",
    patch: [{ op: "test", path: "/metadata/name", value: "x" }],
    options: { type: "json" },
    code: 422,
    message: "the server rejected our request due to an error in our request",
  },
  {
    name: "a JSON patch that changes the object before its test fails changes nothing",
    kind: "Node",
    target: "node-1",
    patch: [
      { op: "add", path: "/metadata/labels/zone", value: "a" },
      { op: "remove", path: "/metadata/name" },
      { op: "test", path: "/metadata/uid", value: "x" },
    ],
    options: { type: "json" },
    code: 422,
    message: "the server rejected our request due to an error in our request",
  },
];

describe("patch failures", () => {
  it.each(failures)("$name", async ({ kind, target, patch, options, code, message }) => {
    const { store } = makeStore();
    await store.create(makeNode("node-1"));
    await store.create(makePod("web"));
    const revision = store.resourceVersion;
    const stored = store.snapshot();
    const error = await rejection(store.patch(kind, target, patch, options));
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
    expect(store.resourceVersion).toBe(revision);
    // The patch ran on a copy: the stored objects are untouched.
    expect(store.snapshot()).toEqual(stored);
  });
});

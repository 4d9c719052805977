import type { DaemonSet, KubeObject, Namespace, OwnerReference, Pod } from "@kubesim/core";
import type { MemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import { createTestNode, makeTestPod, makeTestStore } from "../node-lifecycle/test-fixtures.js";
import { createGarbageCollector } from "./create-garbage-collector.js";

const labels = { app: "agent" };

async function createDaemonSetWithDependents(
  store: MemoryStore,
  options: { namespace?: string; boundPod?: boolean } = {},
): Promise<DaemonSet> {
  const namespace = options.namespace ?? "default";
  const daemonSet = await store.create<DaemonSet>({
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "agent", namespace },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "agent", image: "agent:1" }] } },
    },
  });
  const owner: OwnerReference = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    name: "agent",
    uid: daemonSet.metadata?.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
  for (const name of ["agent-a", "agent-b"]) {
    const pod = makeTestPod(name, {
      namespace,
      ...(options.boundPod === true && name === "agent-a" ? { nodeName: "node-1" } : {}),
    });
    await store.create<Pod>({ ...pod, metadata: { ...pod.metadata, labels, ownerReferences: [owner] } });
  }
  await store.create({
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: { name: "agent-5d4f", namespace, labels, ownerReferences: [owner] },
    revision: 1,
    data: {},
  } as KubeObject);
  return daemonSet;
}

async function names(store: MemoryStore, kind: string, namespace = "default"): Promise<string[]> {
  const { items } = await store.list(kind, { namespace });
  return items.map((item) => item.metadata?.name ?? "");
}

describe("createGarbageCollector", () => {
  it.each([
    {
      name: "a Background delete of a DaemonSet removes its pods and revisions",
      policy: "Background" as const,
    },
    { name: "a delete without a policy (apps/v1 default) removes its pods and revisions", policy: undefined },
    {
      name: "a Foreground delete removes the pods and revisions, then the DaemonSet",
      policy: "Foreground" as const,
    },
  ])("$name", async ({ policy }) => {
    const { store, clock } = makeTestStore();
    await createDaemonSetWithDependents(store);
    await store.create(makeTestPod("unrelated"));
    await store.delete("DaemonSet", "agent", {
      namespace: "default",
      ...(policy === undefined ? {} : { propagationPolicy: policy }),
    });
    const collector = createGarbageCollector({ client: store, clock });
    await collector.flush();
    expect(await names(store, "Pod")).toEqual(["unrelated"]);
    expect(await names(store, "ControllerRevision")).toEqual([]);
    expect(await names(store, "DaemonSet")).toEqual([]);
    expect(collector.idle()).toBe(true);
  });

  it("a Foreground delete keeps the DaemonSet until a terminating blocking pod is really gone", async () => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", "True");
    await createDaemonSetWithDependents(store, { boundPod: true });
    await store.delete("DaemonSet", "agent", { namespace: "default", propagationPolicy: "Foreground" });
    const collector = createGarbageCollector({ client: store, clock });
    await collector.flush();
    const daemonSet = await store.get("DaemonSet", "agent", { namespace: "default" });
    expect(daemonSet.metadata?.finalizers).toEqual(["foregroundDeletion"]);
    expect(await names(store, "Pod")).toEqual(["agent-a"]);
    // The kubelet confirms the graceful deletion.
    await store.delete("Pod", "agent-a", { namespace: "default", gracePeriodSeconds: 0 });
    await collector.flush();
    expect(await names(store, "DaemonSet")).toEqual([]);
    expect(await names(store, "ControllerRevision")).toEqual([]);
  });

  it("an Orphan delete strips the owner reference from pods and revisions, then removes the DaemonSet", async () => {
    const { store, clock } = makeTestStore();
    await createDaemonSetWithDependents(store);
    await store.delete("DaemonSet", "agent", { namespace: "default", propagationPolicy: "Orphan" });
    const collector = createGarbageCollector({ client: store, clock });
    await collector.flush();
    expect(await names(store, "DaemonSet")).toEqual([]);
    const { items: pods } = await store.list("Pod", { namespace: "default" });
    expect(pods.map((pod) => [pod.metadata?.name, pod.metadata?.ownerReferences])).toEqual([
      ["agent-a", undefined],
      ["agent-b", undefined],
    ]);
    expect(await names(store, "ControllerRevision")).toEqual(["agent-5d4f"]);
  });

  it("a pod with a second live owner only loses the reference to the gone one", async () => {
    const { store, clock } = makeTestStore();
    const node = await createTestNode(store, "node-1", "True");
    const pod = makeTestPod("mirror");
    const nodeOwner: OwnerReference = {
      apiVersion: "v1",
      kind: "Node",
      name: "node-1",
      uid: node.metadata?.uid ?? "",
    };
    const goneOwner: OwnerReference = {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      name: "old",
      uid: "gone-uid",
    };
    await store.create<Pod>({
      ...pod,
      metadata: { ...pod.metadata, ownerReferences: [goneOwner, nodeOwner] },
    });
    const collector = createGarbageCollector({ client: store, clock });
    await collector.flush();
    const stored = await store.get("Pod", "mirror", { namespace: "default" });
    expect(stored.metadata?.ownerReferences).toEqual([nodeOwner]);
  });

  it("deleting a namespace deletes everything in it, then the namespace itself", async () => {
    const { store, clock } = makeTestStore();
    await store.create<Namespace>({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
    await createDaemonSetWithDependents(store, { namespace: "team" });
    await store.create({
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: "leader", namespace: "team" },
      spec: { holderIdentity: "agent-a" },
    } as KubeObject);
    await store.create(makeTestPod("keep"));
    await store.delete("Namespace", "team");
    const collector = createGarbageCollector({ client: store, clock });
    await collector.flush();
    await expect(store.get("Namespace", "team")).rejects.toThrow('namespaces "team" not found');
    for (const kind of ["Pod", "DaemonSet", "ControllerRevision", "Lease"]) {
      expect(await names(store, kind, "team")).toEqual([]);
    }
    expect(await names(store, "Pod")).toEqual(["keep"]);
  });

  it("deleting a node deletes the node lease it owns, as upstream's collector does", async () => {
    const { store, clock } = makeTestStore();
    const node = await createTestNode(store, "node-1");
    await store.create({
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: {
        name: "node-1",
        namespace: "kube-node-lease",
        ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "node-1", uid: node.metadata?.uid ?? "" }],
      },
      spec: { holderIdentity: "node-1", leaseDurationSeconds: 40 },
    } as KubeObject);
    await store.delete("Node", "node-1");
    const collector = createGarbageCollector({ client: store, clock });
    await collector.flush();
    expect(await names(store, "Lease", "kube-node-lease")).toEqual([]);
  });

  it("reacts to watch events once started", async () => {
    const { store, clock } = makeTestStore();
    await createDaemonSetWithDependents(store);
    const collector = createGarbageCollector({ client: store, clock });
    await collector.start();
    await collector.flush();
    await store.delete("DaemonSet", "agent", { namespace: "default" });
    // No flush here: only the watch can have started the pass.
    for (let round = 0; round < 50 && (await names(store, "Pod")).length > 0; round += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await names(store, "Pod")).toEqual([]);
    collector.stop();
  });

  it("runs no pass (no lists) for watch events that leave nothing to collect, and one once an owner goes", async () => {
    const { store, clock } = makeTestStore();
    let lists = 0;
    const client = new Proxy(store, {
      get(target, property, receiver) {
        if (property === "list") {
          return (...args: Parameters<MemoryStore["list"]>) => {
            lists += 1;
            return target.list(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const collector = createGarbageCollector({ client, clock });
    await collector.start();
    await collector.flush();
    const afterStart = lists;
    await createDaemonSetWithDependents(store);
    await store.create(makeTestPod("unrelated"));
    await new Promise((resolve) => setImmediate(resolve));
    await collector.flush();
    expect(lists).toBe(afterStart);
    await store.delete("DaemonSet", "agent", { namespace: "default" });
    for (let round = 0; round < 50 && (await names(store, "Pod")).length > 1; round += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await collector.flush();
    expect(await names(store, "Pod")).toEqual(["unrelated"]);
    expect(lists).toBeGreaterThan(afterStart);
    collector.stop();
  });
});

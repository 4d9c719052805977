import type { Namespace } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { makePod, makeStore, rejection, summarize, takeEvents } from "./test-fixtures.js";

const team: Namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } };

describe("namespaces", () => {
  it("start with default, kube-system, kube-public and kube-node-lease, created through the create path", async () => {
    const { store } = makeStore();
    const { items } = await store.list("Namespace");
    expect(
      items.map((item) => [item.metadata?.name, item.metadata?.resourceVersion, item.status?.phase]),
    ).toEqual([
      ["default", "1", "Active"],
      ["kube-node-lease", "4", "Active"],
      ["kube-public", "3", "Active"],
      ["kube-system", "2", "Active"],
    ]);
    expect(items[0]?.metadata?.labels).toEqual({ "kubernetes.io/metadata.name": "default" });
  });

  it("deleting a namespace marks it Terminating and keeps it while spec.finalizers holds kubernetes", async () => {
    const { store, clock } = makeStore();
    await store.create(team);
    clock.advance(3_000);
    const terminating = await store.delete("Namespace", "team");
    expect(terminating.status).toEqual({ phase: "Terminating" });
    expect(terminating.metadata?.deletionTimestamp).toBe("2026-11-29T19:21:33Z");
    expect(terminating.spec?.finalizers).toEqual(["kubernetes"]);
    const again = await store.delete("Namespace", "team");
    expect(again.metadata?.resourceVersion).toBe(terminating.metadata?.resourceVersion);
  });

  it("finalizing a terminating namespace (the namespace controller's last step) removes it", async () => {
    const { store } = makeStore();
    const created = await store.create(team);
    const watch = await store.watch("Namespace", {
      resourceVersion: created.metadata?.resourceVersion ?? "",
    });
    const terminating = await store.delete("Namespace", "team");
    await store.finalizeNamespace({ ...terminating, spec: { finalizers: [] } });
    await expect(store.get("Namespace", "team")).rejects.toThrow('namespaces "team" not found');
    expect(summarize(await takeEvents(watch, 2))).toEqual([
      ["MODIFIED", "team", "6"],
      ["DELETED", "team", "7"],
    ]);
    watch.close();
  });

  it("a finalized namespace that is not being deleted just loses its finalizers", async () => {
    const { store } = makeStore();
    const created = await store.create(team);
    const finalized = await store.finalizeNamespace({ ...created, spec: { finalizers: [] } });
    expect(finalized.spec).toEqual({});
    expect(finalized.status).toEqual({ phase: "Active" });
  });

  it("a Foreground delete of a namespace records the foregroundDeletion finalizer", async () => {
    const { store } = makeStore();
    await store.create(team);
    const terminating = await store.delete("Namespace", "team", { propagationPolicy: "Foreground" });
    expect(terminating.metadata?.finalizers).toEqual(["foregroundDeletion"]);
  });

  it("objects may still be updated and deleted in a terminating namespace", async () => {
    const { store } = makeStore();
    await store.create(team);
    const pod = await store.create(makePod("web", { namespace: "team" }));
    await store.delete("Namespace", "team");
    const updated = await store.update({ ...pod, metadata: { ...pod.metadata, labels: { a: "b" } } });
    expect(updated.metadata?.labels).toEqual({ a: "b" });
    await store.delete("Pod", "web", { namespace: "team" });
    const error = await rejection(store.create(makePod("api", { namespace: "team" })));
    expect(error.message).toBe(
      'pods "api" is forbidden: unable to create new content in namespace team because it is being terminated',
    );
  });

  it.each(["default", "kube-system", "kube-public"])("%s may not be deleted", async (name) => {
    const { store } = makeStore();
    const error = await rejection(store.delete("Namespace", name));
    expect(error.message).toBe(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
  });

  it("kube-node-lease may be deleted (it is not one of upstream's immortal namespaces)", async () => {
    const { store } = makeStore();
    const terminating = await store.delete("Namespace", "kube-node-lease");
    expect(terminating.status?.phase).toBe("Terminating");
  });
});

import type { Lease } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { makeStore, rejection } from "./test-fixtures.js";

function lease(name: string, spec: Record<string, unknown> = { holderIdentity: name }): Lease {
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: { name, namespace: "kube-node-lease" },
    spec,
  };
}

describe("leases in the memory store", () => {
  it("stores a lease in its namespace as created, with no defaults", async () => {
    const { store } = makeStore();
    await store.create(lease("node-1", { holderIdentity: "node-1", leaseDurationSeconds: 40 }));
    const stored = await store.get("Lease", "node-1", { namespace: "kube-node-lease" });
    expect(stored.spec).toEqual({ holderIdentity: "node-1", leaseDurationSeconds: 40 });
    expect(stored.metadata?.namespace).toBe("kube-node-lease");
  });

  it("answers a missing lease with the API server's NotFound for leases.coordination.k8s.io", async () => {
    const { store } = makeStore();
    const error = await rejection(store.get("Lease", "node-1", { namespace: "kube-node-lease" }));
    expect(error.status).toMatchObject({
      code: 404,
      reason: "NotFound",
      message: 'leases.coordination.k8s.io "node-1" not found',
      details: { name: "node-1", group: "coordination.k8s.io", kind: "leases" },
    });
  });

  it("rejects an invalid lease with the Invalid error of Lease.coordination.k8s.io", async () => {
    const { store } = makeStore();
    const error = await rejection(store.create(lease("node-1", { leaseDurationSeconds: 0 })));
    expect(error.status.code).toBe(422);
    expect(error.status.message).toBe(
      'Lease.coordination.k8s.io "node-1" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    );
  });

  it("creates a lease on an update of a missing one, as upstream's lease strategy allows", async () => {
    const { store } = makeStore();
    const created = await store.update(lease("node-2"));
    expect(created.metadata?.uid).toEqual(expect.any(String));
    expect(
      (await store.list("Lease", { namespace: "kube-node-lease" })).items.map((item) => item.metadata?.name),
    ).toEqual(["node-2"]);
  });

  it("drops the feature-gated strategy and preferredHolder on create and on update", async () => {
    const { store } = makeStore();
    const created = await store.create(
      lease("node-1", { holderIdentity: "node-1", strategy: "Newest", preferredHolder: "node-2" }),
    );
    expect(created.spec).toEqual({ holderIdentity: "node-1" });
    const updated = await store.update({
      ...created,
      spec: { holderIdentity: "node-3", preferredHolder: "node-2" } as Lease["spec"],
    });
    expect(updated.spec).toEqual({ holderIdentity: "node-3" });
  });

  it("lists leases by field selector on metadata.name", async () => {
    const { store } = makeStore();
    await store.create(lease("node-1"));
    await store.create(lease("node-2"));
    const listed = await store.list("Lease", { fieldSelector: "metadata.name=node-2" });
    expect(listed.items.map((item) => item.spec?.holderIdentity)).toEqual(["node-2"]);
  });

  it("renews a lease with a strategic merge patch", async () => {
    const { store } = makeStore();
    await store.create(lease("node-1", { holderIdentity: "node-1", leaseDurationSeconds: 40 }));
    const patched = await store.patch(
      "Lease",
      "node-1",
      { spec: { renewTime: "2026-11-29T19:21:40.000000Z" } },
      { namespace: "kube-node-lease", type: "strategic" },
    );
    expect(patched.spec).toEqual({
      holderIdentity: "node-1",
      leaseDurationSeconds: 40,
      renewTime: "2026-11-29T19:21:40.000000Z",
    });
  });

  it("records a create's fields under spec without owning spec itself", async () => {
    const { store } = makeStore();
    const created = await store.create(lease("node-1"), { fieldManager: "kubelet" });
    expect(created.metadata?.managedFields?.[0]?.fieldsV1).toEqual({ "f:spec": { "f:holderIdentity": {} } });
  });
});

import { describe, expect, it } from "vitest";
import {
  findResource,
  findResourceByApiVersionKind,
  findResourceByKind,
  findResourcesInCategory,
  resourceTable,
} from "./resource-table.js";

describe("findResource", () => {
  it.each`
    typed                              | kind
    ${"ds"}                            | ${"DaemonSet"}
    ${"daemonset"}                     | ${"DaemonSet"}
    ${"daemonsets"}                    | ${"DaemonSet"}
    ${"DaemonSet"}                     | ${"DaemonSet"}
    ${"daemonsets.apps"}               | ${"DaemonSet"}
    ${"daemonsets.v1.apps"}            | ${"DaemonSet"}
    ${"po"}                            | ${"Pod"}
    ${"pods"}                          | ${"Pod"}
    ${"no"}                            | ${"Node"}
    ${"nodes"}                         | ${"Node"}
    ${"ns"}                            | ${"Namespace"}
    ${"ev"}                            | ${"Event"}
    ${"controllerrevisions"}           | ${"ControllerRevision"}
    ${"deploy"}                        | ${"Deployment"}
    ${"rs"}                            | ${"ReplicaSet"}
    ${"svc"}                           | ${"Service"}
    ${"leases"}                        | ${"Lease"}
    ${"lease"}                         | ${"Lease"}
    ${"Lease"}                         | ${"Lease"}
    ${"leases.coordination.k8s.io"}    | ${"Lease"}
    ${"leases.v1.coordination.k8s.io"} | ${"Lease"}
  `("resolves $typed to $kind as kubectl's REST mapper does", ({ typed, kind }) => {
    expect(findResource(typed)?.kind).toBe(kind);
  });

  it.each`
    typed
    ${"foos"}
    ${"pods.apps"}
    ${"daemonsets.batch"}
    ${"leases.apps"}
    ${"leases.coordination"}
    ${""}
  `("does not resolve $typed", ({ typed }) => {
    expect(findResource(typed)).toBeUndefined();
  });
});

describe("the resource table", () => {
  it("describes the DaemonSet resource as discovery does", () => {
    expect(findResourceByKind("DaemonSet")).toEqual({
      apiVersion: "apps/v1",
      group: "apps",
      version: "v1",
      kind: "DaemonSet",
      plural: "daemonsets",
      singular: "daemonset",
      shortNames: ["ds"],
      namespaced: true,
      categories: ["all"],
      listOnly: false,
      subresources: ["status"],
    });
  });

  it("describes the Lease resource as kube-apiserver's discovery does", () => {
    expect(findResourceByKind("Lease")).toEqual({
      apiVersion: "coordination.k8s.io/v1",
      group: "coordination.k8s.io",
      version: "v1",
      kind: "Lease",
      plural: "leases",
      singular: "lease",
      shortNames: [],
      namespaced: true,
      categories: [],
      listOnly: true,
      subresources: [],
    });
  });

  it.each`
    kind                    | namespaced
    ${"Namespace"}          | ${false}
    ${"Node"}               | ${false}
    ${"Pod"}                | ${true}
    ${"Event"}              | ${true}
    ${"DaemonSet"}          | ${true}
    ${"ControllerRevision"} | ${true}
    ${"Lease"}              | ${true}
  `("knows whether $kind is namespaced", ({ kind, namespaced }) => {
    expect(findResourceByKind(kind)?.namespaced).toBe(namespaced);
  });

  it("matches objects only by the apiVersion that serves their kind", () => {
    expect(findResourceByApiVersionKind("apps/v1", "DaemonSet")?.plural).toBe("daemonsets");
    expect(findResourceByApiVersionKind("extensions/v1beta1", "DaemonSet")).toBeUndefined();
    expect(findResourceByApiVersionKind("v1", "DaemonSet")).toBeUndefined();
    expect(findResourceByApiVersionKind("coordination.k8s.io/v1", "Lease")?.plural).toBe("leases");
    expect(findResourceByApiVersionKind("coordination.k8s.io/v1beta1", "Lease")).toBeUndefined();
  });

  it("puts the workload kinds in the all category", () => {
    expect(findResourcesInCategory("all").map((info) => info.plural)).toEqual([
      "pods",
      "services",
      "daemonsets",
      "deployments",
      "replicasets",
    ]);
  });

  it("is frozen so no caller can change it", () => {
    expect(Object.isFrozen(resourceTable)).toBe(true);
    expect(Object.isFrozen(resourceTable[0])).toBe(true);
  });
});

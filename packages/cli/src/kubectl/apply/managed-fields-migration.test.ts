import type { KubeObject } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  findFieldsOwners,
  lastAppliedFieldPath,
  type ManagedFieldsEntry,
  upgradeManagedFieldsPatch,
} from "./managed-fields-migration.js";
import {
  clientSideFields,
  lastAppliedOnly,
  serverSideFields,
  transcriptMigrationPatch,
} from "./transcript-24-fixtures.js";

function entry(
  manager: string,
  operation: "Apply" | "Update",
  fieldsV1: object,
  extra: Partial<ManagedFieldsEntry> = {},
): ManagedFieldsEntry {
  return {
    manager,
    operation,
    apiVersion: "apps/v1",
    time: "2026-11-29T19:21:58Z",
    fieldsType: "FieldsV1",
    fieldsV1,
    ...extra,
  };
}

function daemonSet(managedFields: ManagedFieldsEntry[]): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "nginx", namespace: "default", resourceVersion: "1079", managedFields },
  };
}

describe("findFieldsOwners (csaupgrade.FindFieldsOwners) for the last-applied annotation", () => {
  const entries = [
    entry("kubectl-client-side-apply", "Update", clientSideFields),
    entry("kubectl", "Apply", serverSideFields),
    entry("kubectl-last-applied", "Apply", lastAppliedOnly),
    entry("broken", "Update", { "f:metadata": "not a set" }),
  ];

  it.each([
    {
      name: "finds the Update manager that owns the annotation",
      operation: "Update",
      owners: ["kubectl-client-side-apply"],
    },
    {
      name: "finds the Apply manager that owns the annotation",
      operation: "Apply",
      owners: ["kubectl-last-applied"],
    },
  ] as const)("$name", ({ operation, owners }) => {
    expect(findFieldsOwners(entries, operation, lastAppliedFieldPath).map((owner) => owner.manager)).toEqual(
      owners,
    );
  });
});

describe("upgradeManagedFieldsPatch (csaupgrade.UpgradeManagedFieldsPatch)", () => {
  it("folds kubectl-client-side-apply into the kubectl Apply entry: the JSON patch of transcript 24", () => {
    const object = daemonSet([
      entry("kubectl", "Apply", serverSideFields),
      entry("kubectl-client-side-apply", "Update", clientSideFields, { time: "2026-11-29T19:21:56Z" }),
      entry("kubectl-last-applied", "Apply", lastAppliedOnly),
    ]);
    const patch = upgradeManagedFieldsPatch(object, new Set(["kubectl-client-side-apply"]), "kubectl");
    expect(JSON.stringify(patch)).toBe(transcriptMigrationPatch);
  });

  it("renames the client-side Update entry when no Apply entry of the manager exists", () => {
    const object = daemonSet([
      entry(
        "kube-controller-manager",
        "Update",
        { "f:status": { "f:numberReady": {} } },
        { subresource: "status" },
      ),
      entry("kubectl-client-side-apply", "Update", lastAppliedOnly, { time: "2026-11-29T19:00:00Z" }),
    ]);
    expect(upgradeManagedFieldsPatch(object, new Set(["kubectl-client-side-apply"]), "kubectl")).toEqual([
      {
        op: "replace",
        path: "/metadata/managedFields",
        value: [
          {
            manager: "kube-controller-manager",
            operation: "Update",
            apiVersion: "apps/v1",
            time: "2026-11-29T19:21:58Z",
            fieldsType: "FieldsV1",
            fieldsV1: { "f:status": { "f:numberReady": {} } },
            subresource: "status",
          },
          {
            manager: "kubectl",
            operation: "Apply",
            apiVersion: "apps/v1",
            time: "2026-11-29T19:00:00Z",
            fieldsType: "FieldsV1",
            fieldsV1: lastAppliedOnly,
          },
        ],
      },
      { op: "replace", path: "/metadata/resourceVersion", value: "1079" },
    ]);
  });

  it.each([
    {
      name: "nothing to migrate without client-side managers",
      managers: [] as string[],
      fields: [entry("kubectl", "Apply", serverSideFields)],
    },
    { name: "nothing to migrate without managedFields", managers: ["kubectl-client-side-apply"], fields: [] },
    {
      name: "nothing to migrate when the named manager has no Update entry",
      managers: ["kubectl-client-side-apply"],
      fields: [entry("kubectl-client-side-apply", "Apply", lastAppliedOnly)],
    },
  ])("$name", ({ managers, fields }) => {
    expect(upgradeManagedFieldsPatch(daemonSet(fields), new Set(managers), "kubectl")).toBeUndefined();
  });

  it("a malformed field set is an error, not a crash", () => {
    const object = daemonSet([
      entry("kubectl", "Apply", serverSideFields),
      entry("kubectl-client-side-apply", "Update", { "f:metadata": ["not", "a", "set"] }),
    ]);
    expect(() =>
      upgradeManagedFieldsPatch(object, new Set(["kubectl-client-side-apply"]), "kubectl"),
    ).toThrow("failed to convert fields to set: expected an object at .f:metadata");
  });
});

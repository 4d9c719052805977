import { findResourceByKind, type KubeObject } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createObjectPrinter, type MutationOutput } from "./object-printer.js";

const node: KubeObject = {
  apiVersion: "v1",
  kind: "Node",
  metadata: {
    name: "node-1",
    managedFields: [
      { manager: "kubectl-label", operation: "Update", apiVersion: "v1", fieldsType: "FieldsV1" },
    ],
  },
};

describe("createObjectPrinter and managedFields (kubectl's OmitManagedFieldsPrinter)", () => {
  it.each<{ name: string; output: MutationOutput; show: boolean; text: string }>([
    {
      name: "-o yaml leaves managedFields out",
      output: "yaml",
      show: false,
      text: "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\n",
    },
    {
      name: "-o yaml --show-managed-fields keeps them",
      output: "yaml",
      show: true,
      text: "apiVersion: v1\nkind: Node\nmetadata:\n  managedFields:\n  - apiVersion: v1\n    fieldsType: FieldsV1\n    manager: kubectl-label\n    operation: Update\n  name: node-1\n",
    },
    {
      name: "-o json leaves managedFields out",
      output: "json",
      show: false,
      text: '{\n    "apiVersion": "v1",\n    "kind": "Node",\n    "metadata": {\n        "name": "node-1"\n    }\n}\n',
    },
    { name: "the default output names the operation", output: "", show: true, text: "node/node-1 labeled\n" },
  ])("$name", ({ output, show, text }) => {
    const resource = findResourceByKind("Node");
    if (resource === undefined) throw new Error("nodes is a known resource");
    expect(
      createObjectPrinter(output, { showManagedFields: show }).print(resource, node, "node-1", "labeled"),
    ).toBe(text);
  });
});

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type FieldSchemaNode, findKindSchema } from "./field-schema.js";

/** The node at a dotted path (`[]` steps into a list element, `{}` into a map value). */
function nodeAt(apiVersion: string, kind: string, path: string): FieldSchemaNode | undefined {
  let node = findKindSchema(apiVersion, kind);
  for (const step of path === "" ? [] : path.split(".")) {
    if (node === undefined) return undefined;
    if (step === "[]") node = node.shape === "list" ? node.element : undefined;
    else if (step === "{}") node = node.shape === "map" ? node.value : undefined;
    else node = node.shape === "object" ? node.fields.get(step) : undefined;
  }
  return node;
}

function fieldNames(apiVersion: string, kind: string, path: string): string[] {
  const node = nodeAt(apiVersion, kind, path);
  return node?.shape === "object" ? [...node.fields.keys()].sort() : [];
}

function describeNode(node: FieldSchemaNode | undefined): string {
  if (node === undefined) return "missing";
  switch (node.shape) {
    case "leaf":
      return node.type;
    case "object":
      return node.name;
    case "list":
      return `[]${describeNode(node.element)}`;
    case "map":
      return `{}${describeNode(node.value)}`;
  }
}

describe("the generated field schema", () => {
  it.each([
    {
      name: "DaemonSetSpec has no replicas",
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      path: "spec",
      fields: ["minReadySeconds", "revisionHistoryLimit", "selector", "template", "updateStrategy"],
    },
    {
      name: "ObjectMeta has upstream's fields, managedFields included",
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      path: "metadata",
      fields: [
        "annotations",
        "creationTimestamp",
        "deletionGracePeriodSeconds",
        "deletionTimestamp",
        "finalizers",
        "generateName",
        "generation",
        "labels",
        "managedFields",
        "name",
        "namespace",
        "ownerReferences",
        "resourceVersion",
        "selfLink",
        "uid",
      ],
    },
    {
      name: "ManagedFieldsEntry has upstream's fields",
      apiVersion: "v1",
      kind: "Pod",
      path: "metadata.managedFields.[]",
      fields: ["apiVersion", "fieldsType", "fieldsV1", "manager", "operation", "subresource", "time"],
    },
    {
      name: "the top level of a kind is TypeMeta plus metadata, spec and status",
      apiVersion: "v1",
      kind: "Node",
      path: "",
      fields: ["apiVersion", "kind", "metadata", "spec", "status"],
    },
    {
      name: "DaemonSetUpdateStrategy has rollingUpdate and type",
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      path: "spec.updateStrategy",
      fields: ["rollingUpdate", "type"],
    },
    {
      name: "ControllerRevision has data, revision and TypeMeta/ObjectMeta",
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      path: "",
      fields: ["apiVersion", "data", "kind", "metadata", "revision"],
    },
  ])("$name", ({ apiVersion, kind, path, fields }) => {
    expect(fieldNames(apiVersion, kind, path)).toEqual(fields);
  });

  it("PodSpec holds the v1.32 fields (and the newer client's additions)", () => {
    const fields = fieldNames("v1", "Pod", "spec");
    for (const field of [
      "activeDeadlineSeconds",
      "affinity",
      "automountServiceAccountToken",
      "containers",
      "dnsConfig",
      "dnsPolicy",
      "enableServiceLinks",
      "ephemeralContainers",
      "hostAliases",
      "hostIPC",
      "hostNetwork",
      "hostPID",
      "hostUsers",
      "hostname",
      "imagePullSecrets",
      "initContainers",
      "nodeName",
      "nodeSelector",
      "os",
      "overhead",
      "preemptionPolicy",
      "priority",
      "priorityClassName",
      "readinessGates",
      "resourceClaims",
      "resources",
      "restartPolicy",
      "runtimeClassName",
      "schedulerName",
      "schedulingGates",
      "securityContext",
      "serviceAccount",
      "serviceAccountName",
      "setHostnameAsFQDN",
      "shareProcessNamespace",
      "subdomain",
      "terminationGracePeriodSeconds",
      "tolerations",
      "topologySpreadConstraints",
      "volumes",
    ]) {
      expect(fields).toContain(field);
    }
    expect(fields).not.toContain("replicas");
  });

  it.each([
    {
      name: "labels are a map of strings",
      apiVersion: "v1",
      kind: "Pod",
      path: "metadata.labels",
      type: "{}string",
    },
    {
      name: "nodeSelector is a map of strings",
      apiVersion: "v1",
      kind: "Pod",
      path: "spec.nodeSelector",
      type: "{}string",
    },
    {
      name: "node capacity is a map of quantities",
      apiVersion: "v1",
      kind: "Node",
      path: "status.capacity",
      type: "{}quantity",
    },
    {
      name: "container limits are a map of quantities",
      apiVersion: "v1",
      kind: "Pod",
      path: "spec.containers.[].resources.limits",
      type: "{}quantity",
    },
    {
      name: "emptyDir sizeLimit is a quantity",
      apiVersion: "v1",
      kind: "Pod",
      path: "spec.volumes.[].emptyDir.sizeLimit",
      type: "quantity",
    },
    {
      name: "maxUnavailable is an IntOrString",
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      path: "spec.updateStrategy.rollingUpdate.maxUnavailable",
      type: "int-or-string",
    },
    {
      name: "ControllerRevision data is free-form",
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      path: "data",
      type: "any",
    },
    {
      name: "fieldsV1 is free-form",
      apiVersion: "v1",
      kind: "Pod",
      path: "metadata.managedFields.[].fieldsV1",
      type: "any",
    },
    {
      name: "containers are a list of Container",
      apiVersion: "v1",
      kind: "Pod",
      path: "spec.containers",
      type: "[]V1Container",
    },
    {
      name: "finalizers are a list of strings",
      apiVersion: "v1",
      kind: "Namespace",
      path: "spec.finalizers",
      type: "[]string",
    },
    {
      name: "creationTimestamp is a time",
      apiVersion: "v1",
      kind: "Pod",
      path: "metadata.creationTimestamp",
      type: "date-time",
    },
    {
      name: "an Event's eventTime is a MicroTime",
      apiVersion: "v1",
      kind: "Event",
      path: "eventTime",
      type: "micro-time",
    },
    {
      name: "generation is an int64",
      apiVersion: "v1",
      kind: "Pod",
      path: "metadata.generation",
      type: "int64",
    },
    {
      name: "a taint's effect is a string",
      apiVersion: "v1",
      kind: "Node",
      path: "spec.taints.[].effect",
      type: "string",
    },
  ])("$name", ({ apiVersion, kind, path, type }) => {
    expect(describeNode(nodeAt(apiVersion, kind, path))).toBe(type);
  });

  it("is what the generator writes today", () => {
    const script = fileURLToPath(new URL("../../scripts/generate-field-schema.mjs", import.meta.url));
    const output = execFileSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(output).toMatch(/is up to date\n$/);
  });
});

import { fieldsOf, parseFieldSelector } from "@kubesim/affinity";
import { resourceTable } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "./json-object.js";
import { resolveKind } from "./kind-info.js";
import { compileFieldMatcher, directFieldReader, fieldReader } from "./selectable-field.js";

/** Objects with the pinned fields set, unset, and wrongly typed. */
const samples: ReadonlyArray<{ readonly name: string; readonly object: JsonObject }> = [
  {
    name: "a complete object",
    object: { metadata: { name: "web", namespace: "team" }, spec: { nodeName: "node-1" }, status: {} },
  },
  { name: "an object without metadata or spec", object: {} },
  {
    name: "an object with empty strings",
    object: { metadata: { name: "", namespace: "" }, spec: { nodeName: "" } },
  },
  {
    name: "an object with wrongly typed fields",
    object: { metadata: { name: 5, namespace: ["team"] }, spec: { nodeName: { name: "node-1" } } },
  },
  { name: "an object whose metadata and spec are not objects", object: { metadata: "web", spec: null } },
  { name: "an object whose spec is a list", object: { metadata: { name: "web" }, spec: ["node-1"] } },
];

const pinnedFields = ["metadata.name", "metadata.namespace", "spec.nodeName"] as const;

const readerCases = resourceTable.flatMap((resource) =>
  pinnedFields.flatMap((field) =>
    samples.map((sample) => ({
      name: `${resource.kind} ${field} of ${sample.name}`,
      kind: resource.kind,
      field,
      object: sample.object,
    })),
  ),
);

describe("field readers", () => {
  it.each(readerCases)("read $name as fieldsOf does", ({ kind, field, object }) => {
    const fields = fieldsOf(kind, object);
    const expected = Object.hasOwn(fields, field) ? fields[field] : "";
    const info = resolveKind(kind);
    expect(fieldReader(info, field)(object)).toBe(expected);
    const direct = directFieldReader(info, field);
    if (direct !== undefined) expect(direct(object)).toBe(expected);
  });

  it.each([
    {
      name: "metadata.name is read directly for every kind",
      kind: "Node",
      field: "metadata.name",
      direct: true,
    },
    { name: "a pod's spec.nodeName is read directly", kind: "Pod", field: "spec.nodeName", direct: true },
    {
      name: "a namespaced kind's metadata.namespace is read directly",
      kind: "DaemonSet",
      field: "metadata.namespace",
      direct: true,
    },
    {
      name: "a cluster-scoped kind's metadata.namespace is not",
      kind: "Node",
      field: "metadata.namespace",
      direct: false,
    },
    { name: "status.phase is not", kind: "Pod", field: "status.phase", direct: false },
  ])("$name", ({ kind, field, direct }) => {
    expect(directFieldReader(resolveKind(kind), field) !== undefined).toBe(direct);
  });
});

const selectors = [
  "spec.nodeName=node-1",
  "spec.nodeName=",
  "spec.nodeName!=node-1",
  "metadata.name=web,metadata.namespace=team",
  "metadata.namespace!=team,spec.nodeName=node-1",
  "status.phase=Running,spec.nodeName=node-1",
  "status.phase!=Running",
];

const pods: JsonObject[] = [
  ...samples.map((sample) => sample.object),
  {
    metadata: { name: "web", namespace: "team" },
    spec: { nodeName: "node-1" },
    status: { phase: "Running" },
  },
  { metadata: { name: "web", namespace: "other" }, spec: {}, status: { phase: "Pending" } },
];

const matcherCases = selectors.flatMap((selector) =>
  pods.map((object, index) => ({ name: `${selector} on pod sample ${index}`, selector, object })),
);

describe("compileFieldMatcher", () => {
  it.each(matcherCases)("judges $name as the selector does on fieldsOf", ({ selector, object }) => {
    const parsed = parseFieldSelector(selector);
    expect(compileFieldMatcher(resolveKind("Pod"), parsed)(object)).toBe(
      parsed.matches(fieldsOf("Pod", object)),
    );
  });
});

/**
 * `components.schemas` of a group-version document, generated from the field schema so
 * that `kubectl explain` can walk the fields. The schemas carry names and types only (no
 * descriptions, no patch strategies).
 */
import type { ResourceInfo } from "@kubesim/core";
import { type FieldSchemaNode, findKindSchema, type LeafTypeName } from "../field-validation/field-schema.js";

type JsonObject = { [key: string]: unknown };

/** The prefix of our component names; kubectl explain shows only the part after the last dot. */
const componentPrefix = "io.k8s.kubesim.";

/** `V1DaemonSetSpec` → `DaemonSetSpec`, `CoreV1Event` → `Event`. */
function shortName(modelName: string): string {
  return modelName.replace(/^(?:[A-Z][a-z]+)?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, "");
}

/** A `$ref` to the component of a kind or list, e.g. `DaemonSet`, `DaemonSetList`, `Status`. */
export function schemaReference(name: string): JsonObject {
  return { $ref: `#/components/schemas/${componentPrefix}${name}` };
}

const leafSchemas: Record<LeafTypeName, JsonObject> = {
  string: { type: "string" },
  int32: { type: "integer", format: "int32" },
  int64: { type: "integer", format: "int64" },
  double: { type: "number", format: "double" },
  boolean: { type: "boolean" },
  byte: { type: "string", format: "byte" },
  "date-time": { type: "string", format: "date-time" },
  "micro-time": { type: "string", format: "date-time" },
  "int-or-string": { type: "string", format: "int-or-string" },
  quantity: { type: "string" },
  any: { type: "object" },
};

function nodeSchema(node: FieldSchemaNode, pending: FieldSchemaNode[]): JsonObject {
  switch (node.shape) {
    case "leaf":
      return leafSchemas[node.type];
    case "object":
      pending.push(node);
      return { $ref: `#/components/schemas/${componentPrefix}${shortName(node.name)}` };
    case "list":
      return { type: "array", items: nodeSchema(node.element, pending) };
    case "map":
      return { type: "object", additionalProperties: nodeSchema(node.value, pending) };
  }
}

const listMetaSchema: JsonObject = {
  type: "object",
  properties: {
    continue: { type: "string" },
    remainingItemCount: { type: "integer", format: "int64" },
    resourceVersion: { type: "string" },
    selfLink: { type: "string" },
  },
};

const statusSchema: JsonObject = {
  type: "object",
  properties: {
    apiVersion: { type: "string" },
    code: { type: "integer", format: "int32" },
    details: { type: "object" },
    kind: { type: "string" },
    message: { type: "string" },
    metadata: { $ref: `#/components/schemas/${componentPrefix}ListMeta` },
    reason: { type: "string" },
    status: { type: "string" },
  },
};

/** The component schemas the resources of one group-version need, sorted by name. */
export function componentSchemas(resources: readonly ResourceInfo[]): JsonObject {
  const schemas = new Map<string, JsonObject>([
    [`${componentPrefix}ListMeta`, listMetaSchema],
    [`${componentPrefix}Status`, statusSchema],
  ]);
  const modelByComponent = new Map<string, string>();
  const pending: FieldSchemaNode[] = [];
  const kindComponents = new Map<string, JsonObject>();

  for (const info of resources) {
    const schema = findKindSchema(info.apiVersion, info.kind);
    if (schema?.shape !== "object") continue;
    pending.push(schema);
    const gvk = { group: info.group, kind: info.kind, version: info.version };
    kindComponents.set(`${componentPrefix}${shortName(schema.name)}`, gvk);
    schemas.set(`${componentPrefix}${info.kind}List`, {
      type: "object",
      required: ["items"],
      properties: {
        apiVersion: { type: "string" },
        items: { type: "array", items: schemaReference(info.kind) },
        kind: { type: "string" },
        metadata: { $ref: `#/components/schemas/${componentPrefix}ListMeta` },
      },
      "x-kubernetes-group-version-kind": [{ ...gvk, kind: `${info.kind}List` }],
    });
  }

  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.shape !== "object") continue;
    const name = `${componentPrefix}${shortName(node.name)}`;
    const previous = modelByComponent.get(name);
    if (previous === node.name) continue;
    if (previous !== undefined) throw new Error(`two models map to the component ${name}`);
    modelByComponent.set(name, node.name);
    const properties: JsonObject = {};
    for (const [field, child] of node.fields) properties[field] = nodeSchema(child, pending);
    const gvk = kindComponents.get(name);
    schemas.set(
      name,
      gvk === undefined
        ? { type: "object", properties }
        : { type: "object", properties, "x-kubernetes-group-version-kind": [gvk] },
    );
  }

  const sorted: JsonObject = {};
  for (const name of [...schemas.keys()].sort()) sorted[name] = schemas.get(name);
  return sorted;
}

/**
 * The field schema of the served kinds, compiled once from the generated table into
 * Map-based nodes that a walk can follow without parsing or allocating.
 */
import { generatedFieldTypes, generatedKindTypes } from "./generated-field-schema.js";

/** The primitive and free-form leaf types of the generated table. */
export type LeafTypeName =
  | "string"
  | "int32"
  | "int64"
  | "double"
  | "boolean"
  | "byte"
  | "date-time"
  | "micro-time"
  | "int-or-string"
  | "quantity"
  | "any";

/**
 * One node of a kind's field schema: a leaf (never descended into: primitives,
 * IntOrString, Quantity, times and free-form JSON), an object with known fields, a list
 * of one element type, or a map with free keys and one value type.
 */
export type FieldSchemaNode =
  | { readonly shape: "leaf"; readonly type: LeafTypeName }
  | {
      readonly shape: "object";
      /** The client-node model name, e.g. `V1DaemonSetSpec`. */
      readonly name: string;
      /** Known fields by JSON name. */
      readonly fields: ReadonlyMap<string, FieldSchemaNode>;
    }
  | { readonly shape: "list"; readonly element: FieldSchemaNode }
  | { readonly shape: "map"; readonly value: FieldSchemaNode };

const leafTypeNames: ReadonlySet<string> = new Set<LeafTypeName>([
  "string",
  "int32",
  "int64",
  "double",
  "boolean",
  "byte",
  "date-time",
  "micro-time",
  "int-or-string",
  "quantity",
  "any",
]);

const leaves = new Map<string, FieldSchemaNode>();
const objects = new Map<string, FieldSchemaNode>();

function parseTypeExpression(expression: string): FieldSchemaNode {
  if (expression.startsWith("[]"))
    return { shape: "list", element: parseTypeExpression(expression.slice(2)) };
  if (expression.startsWith("{}")) return { shape: "map", value: parseTypeExpression(expression.slice(2)) };
  if (leafTypeNames.has(expression)) {
    let leaf = leaves.get(expression);
    if (leaf === undefined) {
      leaf = { shape: "leaf", type: expression as LeafTypeName };
      leaves.set(expression, leaf);
    }
    return leaf;
  }
  return compileObjectType(expression);
}

function compileObjectType(name: string): FieldSchemaNode {
  const known = objects.get(name);
  if (known !== undefined) return known;
  if (!Object.hasOwn(generatedFieldTypes, name)) {
    throw new Error(`generated field schema: unknown type ${name}`);
  }
  const fields = new Map<string, FieldSchemaNode>();
  const node: FieldSchemaNode = { shape: "object", name, fields };
  // Registered before its fields are compiled; the generator guarantees there are no cycles.
  objects.set(name, node);
  const entries = generatedFieldTypes[name] ?? "";
  for (const entry of entries === "" ? [] : entries.split(" ")) {
    const colon = entry.indexOf(":");
    fields.set(entry.slice(0, colon), parseTypeExpression(entry.slice(colon + 1)));
  }
  return node;
}

/** Schemas by apiVersion, then kind: nested so that no apiVersion/kind pair can alias another. */
const kindSchemas = new Map<string, Map<string, FieldSchemaNode>>();
for (const [key, model] of Object.entries(generatedKindTypes)) {
  const slash = key.lastIndexOf("/");
  const apiVersion = key.slice(0, slash);
  let byKind = kindSchemas.get(apiVersion);
  if (byKind === undefined) {
    byKind = new Map();
    kindSchemas.set(apiVersion, byKind);
  }
  byKind.set(key.slice(slash + 1), compileObjectType(model));
}

/**
 * The schema of a served kind (`"apps/v1"`, `"DaemonSet"`), or `undefined` when kubesim
 * does not serve that apiVersion and kind.
 */
export function findKindSchema(apiVersion: string, kind: string): FieldSchemaNode | undefined {
  return kindSchemas.get(apiVersion)?.get(kind);
}

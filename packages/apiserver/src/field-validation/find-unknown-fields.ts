import { type FieldSchemaNode, findKindSchema } from "./field-schema.js";

/** Options of {@link findUnknownFields}. */
export interface FindUnknownFieldsOptions {
  /**
   * The object is a strategic-merge (or JSON merge) patch: its directive keys (`$patch`,
   * `$retainKeys`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`) and keys
   * set to `null` (deletions) are not fields and are skipped.
   */
  readonly patchDirectives?: boolean;
}

/** kube-apiserver's strict decoder stops collecting after this many errors. */
const maxUnknownFields = 100;

/**
 * The schema is acyclic, so a walk is bounded by its depth (about 15 for a pod
 * template); this bound only guards against a schema change that would make it recursive.
 */
const maxDepth = 64;

const dollar = 36;

function isDirectiveKey(key: string): boolean {
  return (
    key.charCodeAt(0) === dollar &&
    (key === "$patch" ||
      key === "$retainKeys" ||
      key.startsWith("$setElementOrder/") ||
      key.startsWith("$deleteFromPrimitiveList/"))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The state of one walk: the path segments so far and the findings. */
interface Walk {
  readonly path: string[];
  readonly unknown: string[];
  readonly patch: boolean;
}

/** Appends the unknown field `key` under the current path, formatted as upstream's decoder. */
function report(walk: Walk, key: string): void {
  if (walk.unknown.length >= maxUnknownFields) return;
  walk.unknown.push(walk.path.length === 0 ? key : `${walk.path.join("")}.${key}`);
}

function walkValue(walk: Walk, node: FieldSchemaNode, value: unknown, depth: number): void {
  if (depth > maxDepth || walk.unknown.length >= maxUnknownFields) return;
  switch (node.shape) {
    case "leaf":
      return;
    case "object":
      if (isPlainObject(value)) walkObject(walk, node.fields, value, depth);
      return;
    case "list":
      if (Array.isArray(value) && node.element.shape !== "leaf") {
        for (let index = 0; index < value.length; index++) {
          walk.path.push(`[${index}]`);
          walkValue(walk, node.element, value[index], depth + 1);
          walk.path.pop();
        }
      }
      return;
    case "map":
      if (isPlainObject(value) && node.value.shape !== "leaf") {
        for (const key of Object.keys(value)) {
          if (walk.patch && (value[key] === null || isDirectiveKey(key))) continue;
          walk.path.push(walk.path.length === 0 ? key : `.${key}`);
          walkValue(walk, node.value, value[key], depth + 1);
          walk.path.pop();
        }
      }
      return;
  }
}

function walkObject(
  walk: Walk,
  fields: ReadonlyMap<string, FieldSchemaNode>,
  value: Record<string, unknown>,
  depth: number,
): void {
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (walk.patch && (child === null || isDirectiveKey(key))) continue;
    const node = fields.get(key);
    if (node === undefined) {
      report(walk, key);
      continue;
    }
    if (node.shape === "leaf" || child === null || typeof child !== "object") continue;
    walk.path.push(walk.path.length === 0 ? key : `.${key}`);
    walkValue(walk, node, child, depth + 1);
    walk.path.pop();
  }
}

/**
 * The unknown fields of an object of a served kind, as kube-apiserver's strict decoder
 * (`fieldValidation=Strict`) reports them: in document order, dotted from the root, list
 * elements as `[i]` (`spec.replicas`, `spec.template.spec.containers[0].foo`,
 * `metadata.foo`), at most 100. An unknown field's contents are not inspected (upstream
 * skips them too); values of the wrong type are not this function's concern.
 *
 * Returns `[]` for an object that is not a JSON object, or an apiVersion/kind kubesim does
 * not serve. Keys are read with `Object.keys`, so `__proto__` or `constructor` are plain
 * unknown fields. With `patchDirectives`, strategic-merge directive keys and `null` values
 * are skipped.
 */
export function findUnknownFields(
  apiVersion: string,
  kind: string,
  object: unknown,
  options?: FindUnknownFieldsOptions,
): string[] {
  const schema = findKindSchema(apiVersion, kind);
  if (schema === undefined || schema.shape !== "object" || !isPlainObject(object)) return [];
  const walk: Walk = { path: [], unknown: [], patch: options?.patchDirectives === true };
  walkObject(walk, schema.fields, object, 0);
  return walk.unknown;
}

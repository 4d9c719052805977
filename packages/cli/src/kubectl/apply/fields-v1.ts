/**
 * The `FieldsV1` field sets of `metadata.managedFields` (structured-merge-diff's trie
 * format), as much of them as kubectl's client-side → server-side apply migration needs:
 * membership of a path and the union of two sets, written back in the canonical order.
 *
 * A node's keys are `.` (the node itself is a member), `f:<field>`, `k:<json key fields>`,
 * `v:<json value>` and `i:<index>`; an empty node is a member leaf.
 */
import { compareGoStrings, KubesimError } from "@kubesim/core";
import { isJsonObject, type JsonObject } from "../resource-builder/index.js";

/** A parsed node: whether it is itself a member, and its children by serialized element. */
interface FieldNode {
  member: boolean;
  readonly children: Map<string, FieldNode>;
}

function parseNode(value: unknown, path: string): FieldNode {
  if (!isJsonObject(value)) {
    throw new KubesimError(`failed to convert fields to set: expected an object at ${path || "the root"}`);
  }
  const keys = Object.keys(value);
  // An empty child is a member leaf; an empty root is the empty set.
  const node: FieldNode = { member: keys.length === 0 && path !== "", children: new Map() };
  for (const key of keys) {
    if (key === ".") {
      node.member = true;
      continue;
    }
    if (!/^[fkvi]:/.test(key)) {
      throw new KubesimError(`failed to convert fields to set: unknown path element ${JSON.stringify(key)}`);
    }
    node.children.set(key, parseNode(value[key], `${path}.${key}`));
  }
  return node;
}

function unionNodes(left: FieldNode, right: FieldNode): FieldNode {
  const children = new Map(left.children);
  for (const [key, child] of right.children) {
    const mine = children.get(key);
    children.set(key, mine === undefined ? child : unionNodes(mine, child));
  }
  return { member: left.member || right.member, children };
}

// structured-merge-diff orders path elements: field names, then keys, then values, then indexes.
const elementRank: Readonly<Record<string, number>> = { f: 0, k: 1, v: 2, i: 3 };

function typeRank(value: unknown): number {
  if (typeof value === "number") return 0;
  if (typeof value === "string") return 1;
  if (typeof value === "boolean") return 2;
  if (Array.isArray(value)) return 3;
  if (value !== null && typeof value === "object") return 4;
  return 5;
}

/** structured-merge-diff's `value.Compare` for the JSON values in `k:` and `v:` elements. */
function compareValues(left: unknown, right: unknown): number {
  const rank = typeRank(left) - typeRank(right);
  if (rank !== 0) return Math.sign(rank);
  if (typeof left === "number" && typeof right === "number") return Math.sign(left - right);
  if (typeof left === "string" && typeof right === "string") return compareGoStrings(left, right);
  if (typeof left === "boolean" && typeof right === "boolean") return Number(left) - Number(right);
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let index = 0; index < Math.min(left.length, right.length); index++) {
      const order = compareValues(left[index], right[index]);
      if (order !== 0) return order;
    }
    return Math.sign(left.length - right.length);
  }
  if (isJsonObject(left) && isJsonObject(right)) return compareFieldLists(left, right);
  return 0;
}

/** A key's fields compared pairwise (name, then value); a prefix sorts first. */
function compareFieldLists(left: JsonObject, right: JsonObject): number {
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  for (let index = 0; index < Math.min(leftKeys.length, rightKeys.length); index++) {
    const leftKey = leftKeys[index] as string;
    const rightKey = rightKeys[index] as string;
    const byName = compareGoStrings(leftKey, rightKey);
    if (byName !== 0) return byName;
    const byValue = compareValues(left[leftKey], right[rightKey]);
    if (byValue !== 0) return byValue;
  }
  return Math.sign(leftKeys.length - rightKeys.length);
}

function parsedElementValue(key: string): unknown {
  try {
    return JSON.parse(key.slice(2));
  } catch {
    return key.slice(2);
  }
}

function compareElements(left: string, right: string): number {
  const kind = left.charAt(0);
  const rank = (elementRank[kind] ?? 4) - (elementRank[right.charAt(0)] ?? 4);
  if (rank !== 0) return Math.sign(rank);
  if (kind === "f") return compareGoStrings(left.slice(2), right.slice(2));
  if (kind === "i") return Math.sign(Number(left.slice(2)) - Number(right.slice(2)));
  const order = compareValues(parsedElementValue(left), parsedElementValue(right));
  return order !== 0 ? order : compareGoStrings(left, right);
}

function serializeNode(node: FieldNode): JsonObject {
  const result: JsonObject = {};
  if (node.member && node.children.size > 0) result["."] = {};
  const keys = [...node.children.keys()].sort(compareElements);
  for (const key of keys) {
    result[key] = serializeNode(node.children.get(key) as FieldNode);
  }
  return result;
}

/**
 * The union of two `FieldsV1` sets, in structured-merge-diff's canonical order (`.` first,
 * then `f:` fields by name, `k:` keys, `v:` values, `i:` indexes).
 *
 * @throws KubesimError `failed to convert fields to set: …` when either is malformed.
 */
export function unionFieldsV1(left: unknown, right: unknown): JsonObject {
  return serializeNode(unionNodes(parseNode(left, ""), parseNode(right, "")));
}

/**
 * Whether a `FieldsV1` set holds the field at `path` (field names, e.g. `["metadata",
 * "annotations", "kubectl.kubernetes.io/last-applied-configuration"]`). A malformed set
 * holds nothing.
 */
export function fieldsV1Contains(fields: unknown, path: readonly string[]): boolean {
  let node: unknown = fields;
  for (const name of path) {
    if (!isJsonObject(node)) return false;
    const key = `f:${name}`;
    if (!Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  if (!isJsonObject(node)) return false;
  return Object.keys(node).length === 0 || Object.hasOwn(node, ".");
}

import { type KubeObject, KubesimError, resourceTable } from "@kubesim/core";
import { cloneObject } from "./clone-object.js";
import { exceedsMaxDepth } from "./json-depth.js";
import { isJsonObject, type JsonObject, metadataOf, ownField, stringField } from "./json-object.js";
import { type KindInfo, objectKey, resolveKind } from "./kind-info.js";
import { parseResourceVersion } from "./resource-version.js";
import type { StoreState } from "./store-state.js";

/**
 * Everything a memory store holds, as plain JSON: every object (with its metadata, so
 * uids and resourceVersions survive) and the resourceVersion counter. Write it with
 * `JSON.stringify`; restore it with `createMemoryStore({ clock, seed, snapshot })`.
 */
export interface StoreSnapshot {
  /** The store's revision when the snapshot was taken; a restored store continues after it. */
  readonly resourceVersion: string;
  /** The objects, kind by kind (in the resource table's order), each in etcd key order. */
  readonly objects: readonly KubeObject[];
}

/** Copies the store's state into a {@link StoreSnapshot}. */
export function takeSnapshot(state: StoreState): StoreSnapshot {
  const objects: KubeObject[] = [];
  for (const resource of resourceTable) {
    const info = resolveKind(resource.kind);
    const table = state.table(info);
    for (const key of table.sortedKeys()) objects.push(cloneObject(table.get(key)) as KubeObject);
  }
  return { resourceVersion: String(state.revision), objects };
}

function snapshotError(detail: string): KubesimError {
  return new KubesimError(`invalid store snapshot: ${detail}`);
}

function parseRevision(text: unknown, where: string): number {
  if (typeof text !== "string") throw snapshotError(`${where} must be a string`);
  let value: bigint;
  try {
    value = parseResourceVersion(text);
  } catch {
    throw snapshotError(`${where} ${JSON.stringify(text)} is not a resourceVersion`);
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw snapshotError(`${where} ${text} is too large`);
  return Number(value);
}

function checkObject(
  value: unknown,
  index: number,
  revision: number,
): { info: KindInfo; key: string; object: JsonObject } {
  const where = `objects[${index}]`;
  if (!isJsonObject(value)) throw snapshotError(`${where} is not an object`);
  if (exceedsMaxDepth(value)) throw snapshotError(`${where} is nested too deeply`);
  let info: KindInfo;
  try {
    info = resolveKind(ownField(value, "kind"));
  } catch {
    throw snapshotError(
      `${where} has kind ${JSON.stringify(ownField(value, "kind"))}, which kubesim does not serve`,
    );
  }
  const object = JSON.parse(JSON.stringify(value)) as JsonObject;
  object.apiVersion = info.resource.apiVersion;
  const metadata = metadataOf(object);
  const name = stringField(metadata, "name");
  if (metadata === undefined || name === "") throw snapshotError(`${where} has no metadata.name`);
  const namespace = stringField(metadata, "namespace");
  if (info.namespaced && namespace === "")
    throw snapshotError(`${where} (${info.kind} ${name}) has no namespace`);
  if (!info.namespaced) delete metadata.namespace;
  const objectRevision = parseRevision(
    ownField(metadata, "resourceVersion") ?? String(revision),
    `${where}.metadata.resourceVersion`,
  );
  if (objectRevision > revision) {
    throw snapshotError(
      `${where}.metadata.resourceVersion ${objectRevision} is after the snapshot's ${revision}`,
    );
  }
  metadata.resourceVersion = String(objectRevision === 0 ? revision : objectRevision);
  return { info, key: objectKey(info, namespace, name), object };
}

/**
 * Loads a snapshot into an empty store: objects are taken as they are (they were
 * admitted and validated by the store that wrote them), the counter continues from the
 * snapshot's resourceVersion, and watches cannot start before it (410 Expired).
 *
 * @throws KubesimError `invalid store snapshot: ...` naming the first bad entry (unknown
 *   kind, missing name or namespace, a duplicate, a resourceVersion after the snapshot's).
 */
export function loadSnapshot(state: StoreState, snapshot: StoreSnapshot): void {
  const value: unknown = snapshot;
  if (!isJsonObject(value)) throw snapshotError("it is not an object");
  const revision = parseRevision(ownField(value, "resourceVersion"), "resourceVersion");
  const objects = ownField(value, "objects");
  if (!Array.isArray(objects)) throw snapshotError("objects must be an array");
  const seen = new Set<string>();
  for (const [index, item] of objects.entries()) {
    const { info, key, object } = checkObject(item, index, revision);
    const identity = `${info.kind}/${key}`;
    if (seen.has(identity)) throw snapshotError(`objects[${index}] is a second ${info.kind} ${key}`);
    seen.add(identity);
    state.load(info, key, object);
  }
  state.resetRevision(revision);
}

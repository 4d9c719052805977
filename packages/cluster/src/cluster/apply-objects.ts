import {
  type ApiClient,
  findResourceByKind,
  isNotFound,
  type KubeObject,
  KubesimError,
  loadManifests,
} from "@kubesim/core";

/** What `cluster.apply()` did with one object, as kubectl apply reports it. */
export interface AppliedObject {
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  /** `created` when the object was absent, `configured` when it changed, `unchanged` otherwise. */
  readonly action: "created" | "configured" | "unchanged";
  /** The object as stored afterwards. */
  readonly object: KubeObject;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toObjects(input: string | object | readonly object[]): KubeObject[] {
  if (typeof input === "string") return loadManifests(input);
  const items = Array.isArray(input) ? input : [input];
  return items.map((item, index) => {
    if (!isPlainObject(item)) {
      throw new KubesimError(`apply: item ${index} is not an object`);
    }
    return item as KubeObject;
  });
}

function mergeStringMaps(
  live: Record<string, string> | undefined,
  applied: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (applied === undefined) return live;
  const merged: Record<string, string> = Object.create(null);
  for (const source of [live ?? {}, applied]) {
    for (const key of Object.keys(source)) {
      const value = source[key];
      if (value !== undefined) merged[key] = value;
    }
  }
  // A plain object again, so the stored object prints and serialises normally.
  return Object.fromEntries(Object.entries(merged));
}

/**
 * The object `apply` writes over a live one: the live object with the applied labels and
 * annotations merged into its metadata and every other applied top-level field (`spec`,
 * `data`, ...) replacing the live one; `status` and server-owned metadata stay as they are.
 * Simpler than kubectl's three-way merge: a field removed from the manifest is removed only
 * when it sits under a replaced top-level field.
 */
export function mergeApplied(live: KubeObject, applied: KubeObject): KubeObject {
  const merged: Record<string, unknown> = { ...live };
  for (const key of Object.keys(applied)) {
    if (key === "metadata" || key === "status" || key === "__proto__") continue;
    merged[key] = (applied as Record<string, unknown>)[key];
  }
  const liveMetadata = live.metadata ?? {};
  const appliedMetadata = applied.metadata ?? {};
  const metadata: Record<string, unknown> = { ...liveMetadata };
  const labels = mergeStringMaps(liveMetadata.labels, appliedMetadata.labels);
  if (labels !== undefined) metadata.labels = labels;
  const annotations = mergeStringMaps(liveMetadata.annotations, appliedMetadata.annotations);
  if (annotations !== undefined) metadata.annotations = annotations;
  merged.metadata = metadata;
  return merged as KubeObject;
}

/**
 * Creates or updates every object of `input` (YAML/JSON text, one object or an array), in
 * order, like `kubectl apply`: absent objects are created; present ones are updated with
 * {@link mergeApplied}. Namespaced objects without a namespace go to `default`.
 *
 * @throws ManifestError for unreadable text, StatusError when the API rejects an object.
 */
export async function applyObjects(
  client: ApiClient,
  input: string | object | readonly object[],
): Promise<AppliedObject[]> {
  const results: AppliedObject[] = [];
  for (const original of toObjects(input)) {
    const kind = original.kind;
    const name = original.metadata?.name;
    if (typeof kind !== "string" || kind === "") throw new KubesimError("apply: an object has no kind");
    if (typeof name !== "string" || name === "") {
      throw new KubesimError(`apply: a ${kind} has no metadata.name`);
    }
    const namespaced = findResourceByKind(kind)?.namespaced ?? true;
    const namespace = namespaced ? (original.metadata?.namespace ?? "default") : undefined;
    const object: KubeObject =
      namespace === undefined ? original : { ...original, metadata: { ...original.metadata, namespace } };
    let live: KubeObject | undefined;
    try {
      live = (await client.get(kind, name, namespace === undefined ? {} : { namespace })) as KubeObject;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (live === undefined) {
      const created = await client.create(object);
      results.push({ kind, namespace, name, action: "created", object: created });
      continue;
    }
    const updated = await client.update(mergeApplied(live, object));
    const changed = updated.metadata?.resourceVersion !== live.metadata?.resourceVersion;
    results.push({ kind, namespace, name, action: changed ? "configured" : "unchanged", object: updated });
  }
  return results;
}

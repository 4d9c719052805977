import {
  type ControllerRevision,
  compareGoStrings,
  type DaemonSet,
  KubesimError,
  type ObjectMeta,
  type PodTemplateSpec,
} from "@kubesim/core";
import { canonicalJson } from "../pod-template/canonical-json.js";
import { daemonSetControllerReference } from "../pod-template/controller-reference.js";
import { controllerRevisionHashLabel } from "../pod-template/daemon-pod-labels.js";
import { hashPodTemplate } from "../pod-template/hash-pod-template.js";

/**
 * The name of the ControllerRevision that stores a DaemonSet template: `<dsName>-<hash>`.
 *
 * @example
 * controllerRevisionName("fluentd", "5d8f7b9c4") // => "fluentd-5d8f7b9c4"
 */
export function controllerRevisionName(daemonSetName: string, hash: string): string {
  return `${daemonSetName}-${hash}`;
}

/** A deep copy of JSON data whose object keys are inserted in Go's sorted order, as Go's `encoding/json` writes maps. */
function sortedKeysCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeysCopy);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort(compareGoStrings)) {
    // defineProperty keeps a "__proto__" key of untrusted data an ordinary own property.
    Object.defineProperty(copy, key, {
      value: sortedKeysCopy(record[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/**
 * Upstream's `getPatch`: the `data` of a ControllerRevision for the DaemonSet's current
 * template, `{"spec":{"template":{<template>,"$patch":"replace"}}}` — a strategic merge
 * patch that puts the template back as a whole (what `kubectl rollout undo` sends).
 *
 * The template is the DaemonSet's as given (defaults included), deep-copied with its keys
 * in sorted order at every level, so its JSON text reads as upstream's. The DaemonSet is
 * not changed. Never throws.
 *
 * @example
 * templatePatchData({ spec: { template: { metadata: { labels: { app: "web" } } } } })
 * // => { spec: { template: { $patch: "replace", metadata: { labels: { app: "web" } } } } }
 */
export function templatePatchData(daemonSet: DaemonSet): { spec: { template: Record<string, unknown> } } {
  const template = sortedKeysCopy(daemonSet.spec?.template ?? {}) as Record<string, unknown>;
  // "$" sorts before every letter, so the marker goes first, where Go's encoder puts it.
  const patched: Record<string, unknown> = { $patch: "replace", ...template };
  patched.$patch = "replace";
  return { spec: { template: patched } };
}

/**
 * Upstream's `snapshot` object: the ControllerRevision that records the DaemonSet's
 * current template as revision number `revision`.
 *
 * Name `<ds>-<hash>` with `hash = hashPodTemplate(template, collisionCount)`; the
 * DaemonSet's namespace; labels = the template's labels plus `controller-revision-hash:
 * <hash>`; annotations = a copy of the DaemonSet's; one controller owner reference to the
 * DaemonSet; `data` = {@link templatePatchData}. Pass `ds.status?.collisionCount`. The
 * DaemonSet is not changed.
 *
 * @throws KubesimError when `collisionCount` is not an integer.
 * @example
 * const revision = newControllerRevision(daemonSet, maxRevision(oldRevisions) + 1, daemonSet.status?.collisionCount);
 * await client.create(revision);
 */
export function newControllerRevision(
  daemonSet: DaemonSet,
  revision: number,
  collisionCount: number | null | undefined,
): ControllerRevision {
  const template = daemonSet.spec?.template ?? {};
  const hash = hashPodTemplate(template, collisionCount);
  const metadata: ObjectMeta = {
    name: controllerRevisionName(daemonSet.metadata?.name ?? "", hash),
  };
  const namespace = daemonSet.metadata?.namespace;
  if (namespace !== undefined) metadata.namespace = namespace;
  metadata.labels = { ...(template.metadata?.labels ?? {}), [controllerRevisionHashLabel]: hash };
  const annotations = daemonSet.metadata?.annotations;
  if (annotations !== undefined && annotations !== null && Object.keys(annotations).length > 0) {
    metadata.annotations = { ...annotations };
  }
  metadata.ownerReferences = [daemonSetControllerReference(daemonSet)];
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata,
    data: templatePatchData(daemonSet),
    revision,
  };
}

/**
 * Upstream's `Match`: whether a ControllerRevision stores exactly the DaemonSet's current
 * template (its `data` equals {@link templatePatchData} of the DaemonSet).
 *
 * Upstream compares the raw bytes; kubesim compares the {@link canonicalJson} text of both
 * sides, so key order does not matter and everything else does. Never throws for JSON data.
 *
 * @example
 * revisionMatchesTemplate(newControllerRevision(daemonSet, 1, undefined), daemonSet) // => true
 */
export function revisionMatchesTemplate(revision: ControllerRevision, daemonSet: DaemonSet): boolean {
  return canonicalJson(revision.data ?? null) === canonicalJson(templatePatchData(daemonSet));
}

/**
 * Upstream's `maxRevision`: the highest `revision` number among the revisions, or 0 when
 * there are none. Never throws.
 *
 * @example
 * maxRevision([{ revision: 2 }, { revision: 7 }, { revision: 3 }]) // => 7
 * maxRevision([]) // => 0
 */
export function maxRevision(revisions: readonly ControllerRevision[]): number {
  let highest = 0;
  for (const revision of revisions) if (revision.revision > highest) highest = revision.revision;
  return highest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The pod template a ControllerRevision stores: `data.spec.template` without its
 * `$patch` marker — what `kubectl rollout undo` puts back into the DaemonSet.
 *
 * Returns a deep copy; the revision is not changed.
 *
 * @throws KubesimError `ControllerRevision "<name>" has no spec.template in its data` when
 *   the data is not shaped as {@link templatePatchData} makes it.
 * @example
 * rollbackTemplate(newControllerRevision(daemonSet, 1, undefined)) // deep-equals daemonSet.spec.template
 */
export function rollbackTemplate(revision: ControllerRevision): PodTemplateSpec {
  const data: unknown = revision.data;
  const spec = isRecord(data) && Object.hasOwn(data, "spec") ? data.spec : undefined;
  const template = isRecord(spec) && Object.hasOwn(spec, "template") ? spec.template : undefined;
  if (!isRecord(template)) {
    throw new KubesimError(
      `ControllerRevision "${revision.metadata?.name ?? ""}" has no spec.template in its data`,
    );
  }
  const copy = structuredClone(template);
  delete copy.$patch;
  return copy as PodTemplateSpec;
}

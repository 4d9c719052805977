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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The container lists of a pod spec: Go writes `resources` (a struct) in each item even when unset. */
const containerLists = ["containers", "ephemeralContainers", "initContainers"] as const;

/**
 * The template as Go's `json.Marshal` writes it: the fields Go encodes even when they are
 * zero are added — `metadata.creationTimestamp: null` (ObjectMeta's `creationTimestamp` is
 * a struct, which `omitempty` never leaves out) and `resources: {}` in every container —
 * on shallow copies; everything else is the template's own data.
 */
function goEncodedTemplate(template: PodTemplateSpec): Record<string, unknown> {
  const source = template as unknown as Record<string, unknown>;
  const metadata: Record<string, unknown> = isRecord(source.metadata) ? { ...source.metadata } : {};
  if (metadata.creationTimestamp === undefined) metadata.creationTimestamp = null;
  const encoded: Record<string, unknown> = { ...source, metadata };
  if (isRecord(source.spec)) {
    const spec: Record<string, unknown> = { ...source.spec };
    for (const list of containerLists) {
      const containers = Object.hasOwn(spec, list) ? spec[list] : undefined;
      if (!Array.isArray(containers)) continue;
      spec[list] = containers.map((container: unknown) =>
        isRecord(container) && container.resources === undefined
          ? { ...container, resources: {} }
          : container,
      );
    }
    encoded.spec = spec;
  }
  return encoded;
}

/**
 * Upstream's `getPatch`: the `data` of a ControllerRevision for the DaemonSet's current
 * template, `{"spec":{"template":{"$patch":"replace",<template>}}}` — a strategic merge
 * patch that puts the template back as a whole (what `kubectl rollout undo` sends).
 *
 * Shaped as the bytes upstream writes, which `kubectl rollout undo` compares with its own
 * encoding of the DaemonSet to print `skipped rollback`: upstream marshals the DaemonSet,
 * reads it back into maps and marshals those, so keys come in Go's sorted order at every
 * level (`$patch` first), and the fields Go writes even when zero are there —
 * `"metadata":{"creationTimestamp":null,...}` and `"resources":{}` in each container. The
 * template is the DaemonSet's as stored (defaults included), deep-copied; the DaemonSet is
 * not changed. Never throws for JSON data.
 *
 * @example
 * JSON.stringify(templatePatchData({ spec: { template: { metadata: { labels: { app: "web" } } } } }))
 * // => '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"web"}}}}}'
 */
export function templatePatchData(daemonSet: DaemonSet): { spec: { template: Record<string, unknown> } } {
  const template = sortedKeysCopy(goEncodedTemplate(daemonSet.spec?.template ?? {})) as Record<
    string,
    unknown
  >;
  // "$" sorts before every letter, so the marker goes first, where Go's encoder puts it.
  const patched: Record<string, unknown> = { $patch: "replace", ...template };
  patched.$patch = "replace";
  return { spec: { template: patched } };
}

/**
 * The text kubesim compares ControllerRevision data by: its {@link canonicalJson} with
 * `null` members left out, so key order does not matter, and neither does a
 * `creationTimestamp: null` that revisions written by older kubesim versions lack.
 * Never throws for JSON data.
 *
 * @example
 * revisionDataText({ b: 1, a: null }) === revisionDataText({ b: 1 }) // => true
 */
export function revisionDataText(data: unknown): string {
  return canonicalJson(data ?? null, { skipNullMembers: true });
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
 * Upstream compares the raw bytes; kubesim compares the {@link revisionDataText} of both
 * sides, so key order and `null` members do not matter and everything else does (a
 * revision saved before kubesim wrote `creationTimestamp: null` still matches, so its
 * DaemonSet keeps its hash). Never throws for JSON data.
 *
 * @example
 * revisionMatchesTemplate(newControllerRevision(daemonSet, 1, undefined), daemonSet) // => true
 */
export function revisionMatchesTemplate(revision: ControllerRevision, daemonSet: DaemonSet): boolean {
  return revisionDataText(revision.data) === revisionDataText(templatePatchData(daemonSet));
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

/**
 * The pod template a ControllerRevision stores: `data.spec.template` without its
 * `$patch` marker and without a `null` `metadata.creationTimestamp` (Go reads that as
 * unset) — what `kubectl rollout undo` puts back into the DaemonSet.
 *
 * Returns a deep copy; the revision is not changed.
 *
 * @throws KubesimError `ControllerRevision "<name>" has no spec.template in its data` when
 *   the data is not shaped as {@link templatePatchData} makes it.
 * @example
 * rollbackTemplate(newControllerRevision(daemonSet, 1, undefined)) // deep-equals daemonSet.spec.template (as stored, defaults included)
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
  if (isRecord(copy.metadata) && copy.metadata.creationTimestamp === null)
    delete copy.metadata.creationTimestamp;
  return copy as PodTemplateSpec;
}

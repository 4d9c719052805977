import {
  type ControllerRevision,
  type DaemonSet,
  type DaemonSetStatus,
  isAlreadyExists,
  KubesimError,
  type Pod,
} from "@kubesim/core";
import {
  maxRevision,
  newControllerRevision,
  revisionDataText,
  revisionMatchesTemplate,
  revisionsToClean,
  templatePatchData,
} from "../history/index.js";
import { controllerRevisionHashLabel } from "../pod-template/index.js";
import { claimObjects } from "./claim-objects.js";
import { wrapError } from "./controller-errors.js";
import { daemonSetSelector } from "./daemon-set-selector.js";
import { daemonPodsByNode } from "./node-to-daemon-pods.js";
import type { SyncPass } from "./sync-pass.js";

// Every pass compares each revision with the template. Objects from the caches (and the
// client's fresh copies) are never changed in place, so their comparison text is kept per object.
const revisionTexts = new WeakMap<ControllerRevision, string>();
const templateTexts = new WeakMap<DaemonSet, string>();

/** `revisionMatchesTemplate` with each side's `revisionDataText` computed once per object. */
function storesTemplate(revision: ControllerRevision, daemonSet: DaemonSet): boolean {
  let revisionText = revisionTexts.get(revision);
  if (revisionText === undefined) {
    revisionText = revisionDataText(revision.data);
    revisionTexts.set(revision, revisionText);
  }
  let templateText = templateTexts.get(daemonSet);
  if (templateText === undefined) {
    templateText = revisionDataText(templatePatchData(daemonSet));
    templateTexts.set(daemonSet, templateText);
  }
  return revisionText === templateText;
}

/** The DaemonSet's revisions after {@link constructHistory}. */
export interface DaemonSetHistory {
  /** The revision of the current template; its hash label is the pods' `controller-revision-hash`. */
  readonly current: ControllerRevision;
  /** Every other revision the DaemonSet controls. */
  readonly old: readonly ControllerRevision[];
}

function hashLabelOf(object: ControllerRevision | Pod): string | undefined {
  const labels = object.metadata?.labels;
  return labels !== undefined && labels !== null && Object.hasOwn(labels, controllerRevisionHashLabel)
    ? labels[controllerRevisionHashLabel]
    : undefined;
}

function nameOf(object: ControllerRevision | Pod): string {
  return object.metadata?.name ?? "";
}

async function updateRevision(pass: SyncPass, revision: ControllerRevision): Promise<ControllerRevision> {
  const written = await pass.runtime.client.update(revision);
  pass.revisions.upsert(written);
  return written;
}

async function deleteRevision(pass: SyncPass, revision: ControllerRevision): Promise<void> {
  const deleted = await pass.runtime.client.delete("ControllerRevision", nameOf(revision), {
    namespace: pass.namespace,
  });
  pass.revisions.remove(
    pass.namespace,
    nameOf(revision),
    pass.cached ? (deleted.metadata?.resourceVersion ?? undefined) : undefined,
  );
}

function describeCount(count: number | undefined): string {
  return count === undefined ? "<nil>" : String(count);
}

/**
 * Upstream's `snapshot`: creates the revision of the current template (`<ds>-<hash>`,
 * hash over the template and `status.collisionCount`). When the name is taken by a
 * revision with other data, `status.collisionCount` is raised (nil → 1) so the next sync
 * hashes differently, and the AlreadyExists error is thrown.
 */
async function snapshot(pass: SyncPass, revisionNumber: number): Promise<ControllerRevision> {
  const { client } = pass.runtime;
  const daemonSet = pass.daemonSet;
  const revision = newControllerRevision(daemonSet, revisionNumber, daemonSet.status?.collisionCount);
  try {
    const created = await client.create(revision);
    pass.revisions.upsert(created);
    return created;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const existing = await client.get("ControllerRevision", nameOf(revision), { namespace: pass.namespace });
    if (revisionMatchesTemplate(existing, daemonSet)) {
      pass.revisions.upsert(existing);
      return existing;
    }
    const latest = await client.get("DaemonSet", daemonSet.metadata?.name ?? "", {
      namespace: pass.namespace,
    });
    const latestCount = latest.status?.collisionCount ?? undefined;
    const usedCount = daemonSet.status?.collisionCount ?? undefined;
    if (latestCount !== usedCount) {
      throw new KubesimError(
        `found a stale collision count (${describeCount(usedCount)}, expected ${describeCount(latestCount)}) of DaemonSet "${daemonSet.metadata?.name ?? ""}" while processing; will retry until it is updated`,
      );
    }
    const written = await client.updateStatus({
      ...latest,
      status: { ...(latest.status as DaemonSetStatus), collisionCount: (latestCount ?? 0) + 1 },
    });
    pass.runtime.caches()?.daemonSets.upsert(written);
    throw error;
  }
}

/**
 * Upstream's `dedupCurHistories`: of several revisions holding the current template, the
 * one with the highest revision number stays; every claimed pod whose hash label differs
 * from it is relabelled with it (merge patch), and the other revisions are deleted.
 */
async function dedupCurrentRevisions(
  pass: SyncPass,
  currentRevisions: readonly ControllerRevision[],
): Promise<ControllerRevision> {
  if (currentRevisions.length === 1) return currentRevisions[0] as ControllerRevision;
  let keep = currentRevisions[0] as ControllerRevision;
  for (const revision of currentRevisions) if (revision.revision >= keep.revision) keep = revision;
  const keepHash = hashLabelOf(keep) ?? "";
  const selector = daemonSetSelector(pass.daemonSet);
  const pods = await claimObjects(pass, "Pod", pass.pods, selector);
  for (const pod of pods) {
    if (hashLabelOf(pod) === keepHash) continue;
    const patched = await pass.runtime.client.patch(
      "Pod",
      nameOf(pod),
      { metadata: { labels: { [controllerRevisionHashLabel]: keepHash } } },
      { namespace: pass.namespace, type: "merge" },
    );
    pass.pods.upsert(patched);
  }
  for (const revision of currentRevisions) {
    if (nameOf(revision) !== nameOf(keep)) await deleteRevision(pass, revision);
  }
  return keep;
}

/**
 * Upstream's `constructHistory`: claims the namespace's ControllerRevisions (adopting and
 * releasing), labels any without `controller-revision-hash` with their own name, splits
 * them into the one(s) storing the current template and the rest, creates the current
 * revision when missing (number = highest old + 1), de-duplicates several current ones,
 * and renumbers the current one to highest old + 1 when it is lower (a rollback).
 *
 * @throws what the client throws (the caller wraps it as `failed to construct revisions
 *   of DaemonSet: ...`), including AlreadyExists after a hash collision.
 */
export async function constructHistory(pass: SyncPass): Promise<DaemonSetHistory> {
  const selector = daemonSetSelector(pass.daemonSet);
  const revisions = await claimObjects(pass, "ControllerRevision", pass.revisions, selector);
  const currentRevisions: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let revision of revisions) {
    if (hashLabelOf(revision) === undefined) {
      // The name stands in for the hash, so a collision cannot mislabel anything.
      const labels = {
        ...(revision.metadata?.labels ?? {}),
        [controllerRevisionHashLabel]: nameOf(revision),
      };
      revision = await updateRevision(pass, { ...revision, metadata: { ...revision.metadata, labels } });
    }
    if (storesTemplate(revision, pass.daemonSet)) currentRevisions.push(revision);
    else old.push(revision);
  }
  const currentNumber = maxRevision(old) + 1;
  if (currentRevisions.length === 0) return { current: await snapshot(pass, currentNumber), old };
  let current = await dedupCurrentRevisions(pass, currentRevisions);
  if (current.revision < currentNumber)
    current = await updateRevision(pass, { ...current, revision: currentNumber });
  return { current, old };
}

/**
 * Upstream's `cleanupHistory`: deletes the oldest old revisions beyond
 * `revisionHistoryLimit`, keeping any whose hash a claimed pod (terminating and terminal
 * ones included) still carries.
 *
 * @throws KubesimError `couldn't get node to daemon pod mapping ...`, or a client error.
 */
export async function cleanupHistory(pass: SyncPass, history: DaemonSetHistory): Promise<void> {
  const limit = pass.daemonSet.spec?.revisionHistoryLimit ?? 10;
  if (history.old.length - limit <= 0) return;
  const nodeToDaemonPods = await daemonPodsByNode(pass, true);
  const pods: Pod[] = [];
  for (const group of nodeToDaemonPods.values()) pods.push(...group);
  const doomed = revisionsToClean(pass.daemonSet, history.old, pods, nameOf(history.current));
  for (const revision of doomed) await deleteRevision(pass, revision);
}

/** Wraps a history failure as upstream's sync does. */
export function historyConstructionError(error: unknown): KubesimError {
  return wrapError("failed to construct revisions of DaemonSet", error);
}

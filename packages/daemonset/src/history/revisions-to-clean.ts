import { type ControllerRevision, compareGoStrings, type DaemonSet, type Pod } from "@kubesim/core";
import { controllerRevisionHashLabel } from "../pod-template/daemon-pod-labels.js";

const defaultRevisionHistoryLimit = 10;

function hashLabelOf(object: { metadata?: { labels?: Record<string, string> } }): string {
  const labels = object.metadata?.labels;
  if (labels === undefined || labels === null || !Object.hasOwn(labels, controllerRevisionHashLabel))
    return "";
  return labels[controllerRevisionHashLabel] ?? "";
}

/**
 * Upstream's `cleanupHistory`: the old ControllerRevisions to delete so that at most
 * `spec.revisionHistoryLimit` (default 10) revisions besides the current one remain.
 *
 * Old revisions are all except the one named `currentName`. When there are more than the
 * limit, the excess is taken from the lowest revision number up (ties by name), skipping
 * every revision whose `controller-revision-hash` label is still carried by one of `pods`
 * — so fewer than the excess may be returned. Pass the DaemonSet's claimed pods including
 * terminating and terminal ones (upstream counts deleted terminal pods here). Returns the
 * revisions to delete, oldest first; the inputs are not changed. Never throws.
 *
 * @example
 * // limit 1, revisions 1..4 current=4, a pod still runs revision 1's hash:
 * revisionsToClean(daemonSet, revisions, pods, "fluentd-rev4").map((revision) => revision.revision) // => [2]
 */
export function revisionsToClean(
  daemonSet: DaemonSet,
  revisions: readonly ControllerRevision[],
  pods: readonly Pod[],
  currentName: string,
): ControllerRevision[] {
  const limit = daemonSet.spec?.revisionHistoryLimit ?? defaultRevisionHistoryLimit;
  const old = revisions.filter((revision) => (revision.metadata?.name ?? "") !== currentName);
  let toKill = old.length - limit;
  if (toKill <= 0) return [];

  const liveHashes = new Set<string>();
  for (const pod of pods) {
    const hash = hashLabelOf(pod);
    if (hash.length > 0) liveHashes.add(hash);
  }
  const oldestFirst = [...old].sort(
    (left, right) =>
      left.revision - right.revision ||
      compareGoStrings(left.metadata?.name ?? "", right.metadata?.name ?? ""),
  );
  const toDelete: ControllerRevision[] = [];
  for (const revision of oldestFirst) {
    if (toKill <= 0) break;
    if (liveHashes.has(hashLabelOf(revision))) continue;
    toDelete.push(revision);
    toKill--;
  }
  return toDelete;
}

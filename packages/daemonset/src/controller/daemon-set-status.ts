import type { DaemonSet, DaemonSetStatus, Node, Pod } from "@kubesim/core";
import type { DaemonPodPlacementResult } from "../placement/index.js";
import { daemonSetTemplateGeneration } from "../pod-template/index.js";
import { isPodAvailable, isPodReady, isPodUpdated } from "../rolling/index.js";
import { wrapError } from "./controller-errors.js";
import { compareDaemonPods } from "./daemon-pods.js";
import { claimDaemonPods } from "./node-to-daemon-pods.js";
import type { SyncPass } from "./sync-pass.js";

/** The status counters the controller computes on every sync. */
export interface DaemonSetStatusCounts {
  readonly desiredNumberScheduled: number;
  readonly currentNumberScheduled: number;
  readonly numberMisscheduled: number;
  readonly numberReady: number;
  readonly updatedNumberScheduled: number;
  readonly numberAvailable: number;
  readonly numberUnavailable: number;
}

/** Input of {@link computeDaemonSetStatus}. */
export interface DaemonSetStatusInput {
  readonly daemonSet: DaemonSet;
  readonly nodes: readonly Node[];
  readonly placements: ReadonlyMap<string, DaemonPodPlacementResult>;
  /** Claimed pods by target node, terminal-and-terminating pods excluded. */
  readonly nodeToDaemonPods: ReadonlyMap<string, readonly Pod[]>;
  readonly hash: string;
  /** The clock's time, for `minReadySeconds`. */
  readonly now: number;
}

function oldestPod(pods: readonly Pod[]): Pod {
  let oldest = pods[0] as Pod;
  for (let index = 1; index < pods.length; index++) {
    const pod = pods[index] as Pod;
    if (compareDaemonPods(pod, oldest) < 0) oldest = pod;
  }
  return oldest;
}

/** Bits of {@link nodeStatusBits}: what one node adds to each status counter. */
export const NodeStatusBit = {
  desired: 1,
  current: 2,
  misscheduled: 4,
  ready: 8,
  available: 16,
  updated: 32,
} as const;

/**
 * What one listed node adds to the status counters (a {@link NodeStatusBit} mask):
 * a node where `!shouldRun` counts as misscheduled when it has pods; a desired node
 * counts as current with pods, and then its oldest pod decides ready, available and updated.
 */
export function nodeStatusBits(
  shouldRun: boolean,
  pods: readonly Pod[] | undefined,
  hash: string,
  generation: string | undefined,
  minReadySeconds: number,
  now: number,
): number {
  const scheduled = pods !== undefined && pods.length > 0;
  if (!shouldRun) return scheduled ? NodeStatusBit.misscheduled : 0;
  if (!scheduled) return NodeStatusBit.desired;
  let bits = NodeStatusBit.desired | NodeStatusBit.current;
  const pod = oldestPod(pods);
  if (isPodReady(pod)) {
    bits |= NodeStatusBit.ready;
    if (isPodAvailable(pod, minReadySeconds, now)) bits |= NodeStatusBit.available;
  }
  if (isPodUpdated(pod, hash, generation)) bits |= NodeStatusBit.updated;
  return bits;
}

/** The status counters from per-bit totals over the nodes (see {@link nodeStatusBits}). */
export function statusCountsFromTotals(totals: {
  readonly desired: number;
  readonly current: number;
  readonly misscheduled: number;
  readonly ready: number;
  readonly available: number;
  readonly updated: number;
}): DaemonSetStatusCounts {
  return {
    desiredNumberScheduled: totals.desired,
    currentNumberScheduled: totals.current,
    numberMisscheduled: totals.misscheduled,
    numberReady: totals.ready,
    updatedNumberScheduled: totals.updated,
    numberAvailable: totals.available,
    numberUnavailable: totals.desired - totals.available,
  };
}

/**
 * Upstream's status counts (`updateDaemonSetStatus`), one pass over the nodes:
 * `desiredNumberScheduled` = nodes where `shouldRun`; `currentNumberScheduled` = those
 * with at least one pod; `numberMisscheduled` = nodes where `!shouldRun` that have a pod;
 * among desired nodes with pods, the oldest pod (bound first, then creation time, then
 * name) decides `numberReady`, `numberAvailable` (Ready for `minReadySeconds`) and
 * `updatedNumberScheduled` (current hash or template generation);
 * `numberUnavailable = desired - available`.
 */
export function computeDaemonSetStatus(input: DaemonSetStatusInput): DaemonSetStatusCounts {
  const { daemonSet, hash, now } = input;
  const minReadySeconds = daemonSet.spec?.minReadySeconds ?? 0;
  const generation = daemonSetTemplateGeneration(daemonSet);
  const totals = { desired: 0, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0 };
  for (const node of input.nodes) {
    const nodeName = node.metadata?.name ?? "";
    const bits = nodeStatusBits(
      input.placements.get(nodeName)?.shouldRun === true,
      input.nodeToDaemonPods.get(nodeName),
      hash,
      generation,
      minReadySeconds,
      now,
    );
    if (bits === 0) continue;
    if (bits & NodeStatusBit.desired) totals.desired++;
    if (bits & NodeStatusBit.current) totals.current++;
    if (bits & NodeStatusBit.misscheduled) totals.misscheduled++;
    if (bits & NodeStatusBit.ready) totals.ready++;
    if (bits & NodeStatusBit.available) totals.available++;
    if (bits & NodeStatusBit.updated) totals.updated++;
  }
  return statusCountsFromTotals(totals);
}

function unchanged(status: DaemonSetStatus | undefined, counts: DaemonSetStatusCounts): boolean {
  return (
    (status?.desiredNumberScheduled ?? 0) === counts.desiredNumberScheduled &&
    (status?.currentNumberScheduled ?? 0) === counts.currentNumberScheduled &&
    (status?.numberMisscheduled ?? 0) === counts.numberMisscheduled &&
    (status?.numberReady ?? 0) === counts.numberReady &&
    (status?.updatedNumberScheduled ?? 0) === counts.updatedNumberScheduled &&
    (status?.numberAvailable ?? 0) === counts.numberAvailable &&
    (status?.numberUnavailable ?? 0) === counts.numberUnavailable
  );
}

/** Retries after a failed status write, as upstream's `StatusUpdateRetries`. */
export const statusUpdateRetries = 1;

/**
 * Upstream's `storeDaemonSetStatus`: writes the counts with `updateStatus` unless they
 * are unchanged and `observedGeneration >= generation`. `observedGeneration` is raised to
 * `metadata.generation` only when `updateObservedGeneration`. After a failed write the
 * DaemonSet is read again and the write retried once.
 */
async function storeDaemonSetStatus(
  pass: SyncPass,
  counts: DaemonSetStatusCounts,
  updateObservedGeneration: boolean,
): Promise<void> {
  const daemonSet = pass.daemonSet;
  const generation = daemonSet.metadata?.generation ?? 0;
  if (unchanged(daemonSet.status, counts) && (daemonSet.status?.observedGeneration ?? 0) >= generation)
    return;
  const { client } = pass.runtime;
  let toUpdate: DaemonSet = daemonSet;
  for (let attempt = 0; ; attempt++) {
    const status: DaemonSetStatus = { ...(toUpdate.status ?? {}), ...counts };
    if (updateObservedGeneration) status.observedGeneration = generation;
    try {
      const written = await client.updateStatus({ ...toUpdate, status });
      pass.runtime.caches()?.daemonSets.upsert(written);
      return;
    } catch (error) {
      if (attempt >= statusUpdateRetries) throw error;
    }
    toUpdate = await client.get("DaemonSet", daemonSet.metadata?.name ?? "", { namespace: pass.namespace });
  }
}

/**
 * Upstream's `updateDaemonSetStatus`: claims and groups the pods, computes the counts and
 * stores them; with `minReadySeconds > 0` and ready pods not yet available, the
 * DaemonSet is requeued after `minReadySeconds`.
 *
 * @throws KubesimError `couldn't get node to daemon pod mapping ...` or
 *   `error storing status for daemon set "<ns>/<name>": <cause>`.
 */
export async function updateDaemonSetStatus(
  pass: SyncPass,
  hash: string,
  updateObservedGeneration: boolean,
): Promise<void> {
  const claimed = await claimDaemonPods(pass);
  const now = pass.runtime.clock.now();
  const counts =
    claimed.model === undefined
      ? computeDaemonSetStatus({
          daemonSet: pass.daemonSet,
          nodes: pass.nodes,
          placements: pass.placements,
          nodeToDaemonPods: claimed.groups,
          hash,
          now,
        })
      : claimed.model.statusCounts(hash, now);
  try {
    await storeDaemonSetStatus(pass, counts, updateObservedGeneration);
  } catch (error) {
    throw wrapError(`error storing status for daemon set "${pass.key}"`, error);
  }
  const minReadySeconds = pass.daemonSet.spec?.minReadySeconds ?? 0;
  if (minReadySeconds > 0 && counts.numberReady !== counts.numberAvailable) {
    pass.runtime.enqueueAfter(pass.key, minReadySeconds * 1000);
  }
}

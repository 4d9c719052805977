import type { DaemonSet, DaemonSetStatus, Node, Pod } from "@kubesim/core";
import type { DaemonPodPlacementResult } from "../placement/index.js";
import { daemonSetTemplateGeneration } from "../pod-template/index.js";
import { isPodAvailable, isPodReady, isPodUpdated } from "../rolling/index.js";
import { wrapError } from "./controller-errors.js";
import { compareDaemonPods } from "./daemon-pods.js";
import { daemonPodsByNode } from "./node-to-daemon-pods.js";
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
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  for (const node of input.nodes) {
    const nodeName = node.metadata?.name ?? "";
    const pods = input.nodeToDaemonPods.get(nodeName);
    const scheduled = pods !== undefined && pods.length > 0;
    if (!input.placements.get(nodeName)?.shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = oldestPod(pods);
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  return {
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
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
  const nodeToDaemonPods = await daemonPodsByNode(pass, false);
  const counts = computeDaemonSetStatus({
    daemonSet: pass.daemonSet,
    nodes: pass.nodes,
    placements: pass.placements,
    nodeToDaemonPods,
    hash,
    now: pass.runtime.clock.now(),
  });
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

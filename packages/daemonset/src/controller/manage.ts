import type { Node, Pod } from "@kubesim/core";
import type { DaemonPodPlacementResult } from "../placement/index.js";
import { controllerRevisionHashLabel } from "../pod-template/index.js";
import { isPodAvailable, isPodReady, surgeAllowed } from "../rolling/index.js";
import { compareDaemonPods, isTerminating, unscheduledPodsWithoutNode } from "./daemon-pods.js";
import { DaemonSetEventReason } from "./daemon-set-event-recorder.js";
import { claimDaemonPods } from "./node-to-daemon-pods.js";
import { syncNodes } from "./sync-nodes.js";
import type { SyncPass } from "./sync-pass.js";

/** What `manage` decided for one sync. */
export interface ManagePlan {
  /** Nodes that get a new pod, in node order. */
  readonly nodesNeedingDaemonPods: string[];
  /** Names of the pods to delete, in decision order. */
  readonly podsToDelete: string[];
}

function hashLabelOf(pod: Pod): string | undefined {
  const labels = pod.metadata?.labels;
  return labels !== undefined && labels !== null && Object.hasOwn(labels, controllerRevisionHashLabel)
    ? labels[controllerRevisionHashLabel]
    : undefined;
}

function podName(pod: Pod): string {
  return pod.metadata?.name ?? "";
}

/** Upstream's key of the failed-pod backoff: `<ds uid>/<status.observedGeneration>/<node>`. */
export function failedPodsBackoffKey(pass: SyncPass, nodeName: string): string {
  const daemonSet = pass.daemonSet;
  return `${daemonSet.metadata?.uid ?? ""}/${daemonSet.status?.observedGeneration ?? 0}/${nodeName}`;
}

/** The pods on a node that may keep running: prunes failed, succeeded and duplicate pods. */
function pruneNodePods(
  pass: SyncPass,
  node: Node,
  pods: readonly Pod[],
  shouldRun: boolean,
  hash: string,
  plan: ManagePlan,
): void {
  const { failedPodsBackoff, clock } = pass.runtime;
  const nodeName = node.metadata?.name ?? "";
  const running: Pod[] = [];
  for (const pod of pods) {
    if (isTerminating(pod)) continue;
    const phase = pod.status?.phase;
    if (phase === "Failed") {
      // The controller often fights a kubelet that rejects the pod: back off per node.
      const backoffKey = failedPodsBackoffKey(pass, nodeName);
      const now = clock.now();
      if (failedPodsBackoff.isInBackOffSinceUpdate(backoffKey, now)) {
        pass.runtime.enqueueAfter(pass.key, failedPodsBackoff.get(backoffKey));
        continue;
      }
      failedPodsBackoff.next(backoffKey, now);
      pass.recordEvent(
        "Warning",
        DaemonSetEventReason.FailedDaemonPod,
        `Found failed daemon pod ${pod.metadata?.namespace ?? ""}/${podName(pod)} on node ${nodeName}, will try to kill it`,
      );
      plan.podsToDelete.push(podName(pod));
    } else if (phase === "Succeeded") {
      pass.recordEvent(
        "Normal",
        DaemonSetEventReason.SucceededDaemonPod,
        `Found succeeded daemon pod ${pod.metadata?.namespace ?? ""}/${podName(pod)} on node ${nodeName}, will try to delete it`,
      );
      plan.podsToDelete.push(podName(pod));
    } else {
      running.push(pod);
    }
  }

  if (!surgeAllowed(pass.daemonSet)) {
    // Without surge only the oldest pod stays.
    if (running.length <= 1) return;
    running.sort(compareDaemonPods);
    for (let index = 1; index < running.length; index++)
      plan.podsToDelete.push(podName(running[index] as Pod));
    return;
  }
  if (running.length <= 1) {
    // Surging needs at least one live pod on the node.
    if (running.length === 0 && shouldRun) plan.nodesNeedingDaemonPods.push(nodeName);
    return;
  }
  // With surge: keep the oldest pod of the current hash and the oldest other pod; the old
  // one goes once it is unready or the new one is available.
  running.sort(compareDaemonPods);
  let oldestNewPod: Pod | undefined;
  let oldestOldPod: Pod | undefined;
  for (const pod of running) {
    if (hashLabelOf(pod) === hash) {
      if (oldestNewPod === undefined) {
        oldestNewPod = pod;
        continue;
      }
    } else if (oldestOldPod === undefined) {
      oldestOldPod = pod;
      continue;
    }
    plan.podsToDelete.push(podName(pod));
  }
  if (oldestNewPod === undefined || oldestOldPod === undefined) return;
  if (
    !isPodReady(oldestOldPod) ||
    isPodAvailable(oldestNewPod, pass.daemonSet.spec?.minReadySeconds ?? 0, clock.now())
  ) {
    plan.podsToDelete.push(podName(oldestOldPod));
  }
}

/**
 * Upstream's `podsShouldBeOnNode` over every node, then `getUnscheduledPodsWithoutNode`:
 * - `shouldRun` and no pod → create one;
 * - `shouldContinueRunning` → terminating pods are left alone; Failed pods are deleted
 *   (per-node backoff of 1 s doubling to 15 min; Warning `FailedDaemonPod` event; inside
 *   the backoff window the DaemonSet is requeued instead), Succeeded pods deleted (Normal
 *   `SucceededDaemonPod`); of the rest, all but the oldest are deleted — with surge the
 *   oldest current-hash pod and the oldest other pod are kept, and the old one goes once
 *   it is unready or the new one is available; with surge and no live pod left, one is created;
 * - `!shouldContinueRunning` → every pod that is not terminating is deleted;
 * - unbound pods pinned to a node that is not in the node list are deleted.
 * One pass over the nodes; the pods were grouped by node beforehand.
 */
export function planManage(
  pass: SyncPass,
  nodeToDaemonPods: ReadonlyMap<string, readonly Pod[]>,
  hash: string,
): ManagePlan {
  const plan: ManagePlan = { nodesNeedingDaemonPods: [], podsToDelete: [] };
  for (const node of pass.nodes) {
    const placement = pass.placements.get(node.metadata?.name ?? "");
    if (placement === undefined) continue;
    planNodeDaemonPods(pass, node, placement, nodeToDaemonPods.get(node.metadata?.name ?? ""), hash, plan);
  }
  plan.podsToDelete.push(...unscheduledPodsWithoutNode(pass.placements, nodeToDaemonPods));
  return plan;
}

/**
 * {@link planManage}'s step for one listed node: adds to `plan` what the node needs
 * (and records the failed/succeeded pod events, with the per-node backoff).
 */
export function planNodeDaemonPods(
  pass: SyncPass,
  node: Node,
  placement: DaemonPodPlacementResult,
  pods: readonly Pod[] | undefined,
  hash: string,
  plan: ManagePlan,
): void {
  if (placement.shouldRun && pods === undefined) {
    plan.nodesNeedingDaemonPods.push(node.metadata?.name ?? "");
  } else if (placement.shouldContinueRunning) {
    pruneNodePods(pass, node, pods ?? [], placement.shouldRun, hash, plan);
  } else if (pods !== undefined) {
    for (const pod of pods) if (!isTerminating(pod)) plan.podsToDelete.push(podName(pod));
  }
}

/** Bits of {@link nodeManageWork}. */
export const ManageWork = {
  /** {@link planNodeDaemonPods} adds the node to `nodesNeedingDaemonPods`. */
  createsPod: 1,
  /** It may do anything else: delete pods, record events, touch the failed-pod backoff. */
  other: 2,
} as const;

/**
 * What {@link planNodeDaemonPods} would do for the node, as {@link ManageWork} bits: a
 * caller that skips nodes without bits plans exactly as upstream. `createsPod` is exact;
 * `other` may be set when nothing happens in the end. `surge` is `surgeAllowed(daemonSet)`.
 */
export function nodeManageWork(
  placement: DaemonPodPlacementResult,
  pods: readonly Pod[] | undefined,
  surge: boolean,
): number {
  if (placement.shouldRun && pods === undefined) return ManageWork.createsPod;
  if (!placement.shouldContinueRunning) {
    return pods?.some((pod) => !isTerminating(pod)) ? ManageWork.other : 0;
  }
  let running = 0;
  let other = false;
  for (const pod of pods ?? []) {
    if (isTerminating(pod)) continue;
    const phase = pod.status?.phase;
    if (phase === "Failed" || phase === "Succeeded") other = true;
    else running++;
  }
  if (running > 1) other = true;
  const createsPod = surge && running === 0 && placement.shouldRun;
  return (createsPod ? ManageWork.createsPod : 0) | (other ? ManageWork.other : 0);
}

/**
 * Upstream's `manage`: claims and groups the pods, plans with {@link planManage} and
 * executes the plan with `syncNodes`.
 *
 * @throws KubesimError `couldn't get node to daemon pod mapping ...`, or what `syncNodes` throws.
 */
export async function manage(pass: SyncPass, hash: string): Promise<void> {
  const claimed = await claimDaemonPods(pass);
  const plan =
    claimed.model === undefined
      ? planManage(pass, claimed.groups, hash)
      : claimed.model.planManage(pass, hash);
  await syncNodes(pass, plan.podsToDelete, plan.nodesNeedingDaemonPods, hash);
}

import { type DaemonSet, KubesimError, type Pod } from "@kubesim/core";
import { daemonSetTemplateGeneration } from "../pod-template/template-generation.js";
import { isPodUpdated } from "./is-pod-updated.js";
import { isPodAvailable } from "./pod-availability.js";

/** Input of {@link planRollingUpdate}: one RollingUpdate pass of one DaemonSet. */
export interface RollingUpdateInput {
  /** The DaemonSet (its `minReadySeconds` and template generation are read). */
  readonly ds: DaemonSet;
  /** The current revision's hash. */
  readonly hash: string;
  /**
   * The DaemonSet's pods grouped by target node (terminating pods included, pods both
   * terminal and deleted excluded, as upstream's `getNodesToDaemonPods(ds, false)`). Nodes
   * are visited in the Map's order, which decides which nodes update first.
   */
  readonly nodeToDaemonPods: ReadonlyMap<string, readonly Pod[]>;
  /** The controller clock's current time, milliseconds since the epoch. */
  readonly now: number;
  /** From `rollingUpdateLimits`. */
  readonly maxSurge: number;
  /** From `rollingUpdateLimits`. */
  readonly maxUnavailable: number;
  /**
   * `shouldRun` of the placement predicate for a node by name; `undefined` when the node
   * is not in the node list (the surge path then fails as upstream does).
   */
  readonly nodeShouldRun: (nodeName: string) => boolean | undefined;
  /**
   * The nodes where `shouldRun` is true. Upstream visits each of them even without pods
   * (an empty node counts as unavailable without surge); those missing from
   * `nodeToDaemonPods` are visited after its entries. Its length is
   * `desiredNumberScheduled`. When omitted, `nodeToDaemonPods` must already hold an empty
   * entry for every such node, and the desired count is the number of its keys for which
   * `nodeShouldRun` is true.
   */
  readonly desiredNodeNames?: readonly string[];
}

/** What one RollingUpdate pass does; the controller executes it like upstream's `syncNodes`. */
export interface RollingUpdatePlan {
  /** Names of the pods to delete, in decision order. */
  readonly podsToDelete: string[];
  /** Nodes that get a new pod beside their old one (surge path only; empty without surge). */
  readonly nodesToSurge?: string[];
}

interface NodePods {
  readonly newPod: Pod | undefined;
  readonly oldPod: Pod | undefined;
}

/**
 * Upstream's `findUpdatedPodsOnNode`: the node's non-terminating pods split into at most
 * one new and one old pod; `undefined` when there are two of either (left to `manage`).
 */
function findUpdatedPodsOnNode(
  pods: readonly Pod[],
  hash: string,
  generation: string | undefined,
): NodePods | undefined {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod !== undefined) return undefined;
      newPod = pod;
    } else {
      if (oldPod !== undefined) return undefined;
      oldPod = pod;
    }
  }
  return { newPod, oldPod };
}

function podName(pod: Pod): string {
  return pod.metadata?.name ?? "";
}

function nodeEntries(input: RollingUpdateInput): Iterable<[string, readonly Pod[]]> {
  const { nodeToDaemonPods, desiredNodeNames } = input;
  if (desiredNodeNames === undefined) return nodeToDaemonPods;
  const entries: [string, readonly Pod[]][] = [...nodeToDaemonPods];
  for (const nodeName of desiredNodeNames) if (!nodeToDaemonPods.has(nodeName)) entries.push([nodeName, []]);
  return entries;
}

function shouldRunOn(input: RollingUpdateInput, nodeName: string): boolean {
  const shouldRun = input.nodeShouldRun(nodeName);
  if (shouldRun === undefined) {
    throw new KubesimError(`couldn't get node for nodeName "${nodeName}": node "${nodeName}" not found`);
  }
  return shouldRun;
}

/** Mode A, `maxSurge == 0`: delete just enough old pods to stay within `maxUnavailable`; `manage` recreates them. */
function planWithoutSurge(input: RollingUpdateInput, generation: string | undefined): RollingUpdatePlan {
  const { ds, hash, now, maxUnavailable } = input;
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  let numUnavailable = 0;
  const allowedReplacementPods: string[] = [];
  const candidatePodsToDelete: string[] = [];
  for (const [, pods] of nodeEntries(input)) {
    const found = findUpdatedPodsOnNode(pods, hash, generation);
    if (found === undefined) {
      // Excess pods: manage prunes them; the node counts as unavailable meanwhile.
      numUnavailable++;
      continue;
    }
    const { newPod, oldPod } = found;
    if ((oldPod === undefined) === (newPod === undefined)) {
      // No pod, or both an old and a new one: manage creates or deletes.
      numUnavailable++;
    } else if (newPod !== undefined) {
      if (!isPodAvailable(newPod, minReadySeconds, now)) numUnavailable++;
    } else if (oldPod !== undefined) {
      if (!isPodAvailable(oldPod, minReadySeconds, now)) {
        // An unavailable old pod is replaced whatever the budget.
        allowedReplacementPods.push(podName(oldPod));
        numUnavailable++;
      } else if (numUnavailable < maxUnavailable) {
        candidatePodsToDelete.push(podName(oldPod));
      }
    }
  }
  const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidatePodsToDelete.length);
  return {
    podsToDelete: [...allowedReplacementPods, ...candidatePodsToDelete.slice(0, remaining)],
    nodesToSurge: [],
  };
}

/** Mode B, `maxSurge > 0`: create a new pod beside each old one (within `maxSurge`), delete the old one once the new one is available. */
function planWithSurge(input: RollingUpdateInput, generation: string | undefined): RollingUpdatePlan {
  const { ds, hash, now, maxSurge } = input;
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const oldPodsToDelete: string[] = [];
  const shouldNotRunPodsToDelete: string[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  let countedDesired = 0;

  for (const [nodeName, pods] of nodeEntries(input)) {
    if (input.desiredNodeNames === undefined && input.nodeShouldRun(nodeName) === true) countedDesired++;
    const found = findUpdatedPodsOnNode(pods, hash, generation);
    if (found === undefined) {
      // Excess pods: manage prunes them; the node counts as a surge slot meanwhile.
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = found;
    // Availability is counted over every node, the ones being left included.
    const counted = oldPod ?? newPod;
    if (counted !== undefined && isPodAvailable(counted, minReadySeconds, now)) numAvailable++;

    if (oldPod === undefined) continue;
    if (newPod === undefined) {
      if (!isPodAvailable(oldPod, minReadySeconds, now)) {
        if (!shouldRunOn(input, nodeName)) {
          oldPodsToDelete.push(podName(oldPod));
          continue;
        }
        // An unavailable old pod gets its replacement whatever the budget.
        allowedNewNodes.push(nodeName);
      } else {
        if (!shouldRunOn(input, nodeName)) {
          shouldNotRunPodsToDelete.push(podName(oldPod));
          continue;
        }
        if (numSurge >= maxSurge) continue;
        candidateNewNodes.push(nodeName);
      }
    } else if (!isPodAvailable(newPod, minReadySeconds, now)) {
      // Waiting for the new pod to become available.
      numSurge++;
    } else {
      oldPodsToDelete.push(podName(oldPod));
    }
  }

  // With surge the owner expects full availability: a pod on a node that no longer
  // qualifies goes only as pods elsewhere become available.
  const desiredNumberScheduled = input.desiredNodeNames?.length ?? countedDesired;
  const deletable = Math.min(numAvailable - desiredNumberScheduled, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));

  const remainingSurge = Math.min(Math.max(maxSurge - numSurge, 0), candidateNewNodes.length);
  return {
    podsToDelete: oldPodsToDelete,
    nodesToSurge: [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)],
  };
}

/**
 * Plans one pass of upstream's `rollingUpdate` (pkg/controller/daemon/update.go): which
 * old pods to delete and, with surge, which nodes get a new pod beside their old one.
 *
 * Per node the non-terminating pods are split into at most one updated ("new", see
 * `isPodUpdated`) and one old pod; a node with two of either is left to `manage`.
 *
 * - `maxSurge == 0`: a node with no pod, with both an old and a new pod, with excess pods,
 *   or with an unavailable new pod counts as unavailable. An unavailable old pod is always
 *   deleted (and counts); an available old pod is a deletion candidate while the count is
 *   below `maxUnavailable`. Deleted: every unavailable old pod, then the first
 *   `max(0, maxUnavailable - unavailable)` candidates. `nodesToSurge` is empty (`manage`
 *   recreates the pods on its next pass).
 * - `maxSurge > 0`: an unavailable old pod alone on a node that still qualifies gets a new
 *   pod regardless of budget (on a node that no longer qualifies it is deleted); an
 *   available old pod alone is a surge candidate while fewer than `maxSurge` nodes are
 *   surging (or, on a node that no longer qualifies, a deletion candidate of which at most
 *   `available - desiredNumberScheduled` are deleted); beside an available new pod the old
 *   pod is deleted; beside an unavailable new pod it occupies a surge slot, as do nodes
 *   with excess pods. `nodesToSurge` = forced nodes, then the first
 *   `max(0, maxSurge - surging)` candidates.
 *
 * Availability honours `ds.spec.minReadySeconds` at `now`. The inputs are not changed.
 * Cost is linear in nodes + pods.
 *
 * @throws KubesimError `couldn't get node for nodeName "<node>": node "<node>" not found`
 *   when, with surge, a node holding an old pod is not in the node list
 *   (`nodeShouldRun` returned `undefined`) — upstream fails the sync the same way until
 *   pod GC removes the pod.
 * @example
 * const { maxSurge, maxUnavailable } = rollingUpdateLimits(ds, desiredNodeNames.length);
 * const plan = planRollingUpdate({ ds, hash, nodeToDaemonPods, now: clock.now(), maxSurge, maxUnavailable,
 *   nodeShouldRun: (name) => placementByNode.get(name)?.shouldRun, desiredNodeNames });
 * // delete plan.podsToDelete, create pods on plan.nodesToSurge
 */
export function planRollingUpdate(input: RollingUpdateInput): RollingUpdatePlan {
  const generation = daemonSetTemplateGeneration(input.ds);
  return input.maxSurge === 0 ? planWithoutSurge(input, generation) : planWithSurge(input, generation);
}

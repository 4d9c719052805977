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

/** A node's non-terminating pods split by {@link findUpdatedPodsOnNode}. */
export interface NodePods {
  readonly newPod: Pod | undefined;
  readonly oldPod: Pod | undefined;
}

/**
 * Upstream's `findUpdatedPodsOnNode`: the node's non-terminating pods split into at most
 * one new and one old pod; `undefined` when there are two of either (left to `manage`).
 */
export function findUpdatedPodsOnNode(
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

/** What one node contributes to a rolling update without surge. */
export interface NodeUpdateWithoutSurge {
  /** The node counts against `maxUnavailable`. */
  readonly unavailable: boolean;
  /** An unavailable old pod: deleted whatever the budget. */
  readonly replace?: string;
  /** An available old pod: deleted while the budget allows, in node order. */
  readonly candidate?: string;
}

const unavailableNode: NodeUpdateWithoutSurge = { unavailable: true };
const availableNode: NodeUpdateWithoutSurge = { unavailable: false };

/** Mode A's verdict on one node (`found` from {@link findUpdatedPodsOnNode}). */
export function classifyNodeWithoutSurge(
  found: NodePods | undefined,
  minReadySeconds: number,
  now: number,
): NodeUpdateWithoutSurge {
  // Excess pods: manage prunes them; the node counts as unavailable meanwhile.
  if (found === undefined) return unavailableNode;
  const { newPod, oldPod } = found;
  // No pod, or both an old and a new one: manage creates or deletes.
  if ((oldPod === undefined) === (newPod === undefined)) return unavailableNode;
  if (newPod !== undefined)
    return isPodAvailable(newPod, minReadySeconds, now) ? availableNode : unavailableNode;
  const old = oldPod as Pod;
  // An unavailable old pod is replaced whatever the budget.
  if (!isPodAvailable(old, minReadySeconds, now)) return { unavailable: true, replace: podName(old) };
  return { unavailable: false, candidate: podName(old) };
}

/**
 * Mode A's plan from the per-node verdicts, in node order, and the number of unavailable
 * nodes among all of them. Only verdicts with `replace` or `candidate` matter here, so a
 * caller may pass just those. Candidates are taken while the budget lasts: upstream
 * collects one only while fewer than `maxUnavailable` nodes were unavailable so far, then
 * takes the first `maxUnavailable - unavailable`; as the count only grows, that is the
 * same as taking the first `maxUnavailable - unavailable` of all of them.
 */
export function foldWithoutSurge(
  verdicts: Iterable<NodeUpdateWithoutSurge>,
  numUnavailable: number,
  maxUnavailable: number,
): RollingUpdatePlan {
  const budget = Math.max(maxUnavailable - numUnavailable, 0);
  const allowedReplacementPods: string[] = [];
  const candidatePodsToDelete: string[] = [];
  for (const verdict of verdicts) {
    if (verdict.replace !== undefined) allowedReplacementPods.push(verdict.replace);
    else if (verdict.candidate !== undefined && candidatePodsToDelete.length < budget) {
      candidatePodsToDelete.push(verdict.candidate);
    }
  }
  return { podsToDelete: [...allowedReplacementPods, ...candidatePodsToDelete], nodesToSurge: [] };
}

/** What one node contributes to a rolling update with surge. */
export interface NodeUpdateWithSurge {
  /** The node occupies a surge slot (excess pods, or a new pod not yet available). */
  readonly surging: boolean;
  /** The node's old pod, or else its new pod, is available. */
  readonly available: boolean;
  /**
   * `deleteOld`: its old pod goes (`pod`); `createNew`: it gets a new pod whatever the
   * budget; `surplus`: its old pod (`pod`) is on a node that no longer qualifies and goes
   * once enough pods elsewhere are available; `candidate`: it may get a new pod within
   * `maxSurge`; `missingNode`: it holds an old pod but is not in the node list.
   */
  readonly action?: "deleteOld" | "createNew" | "surplus" | "candidate" | "missingNode";
  readonly pod?: string;
}

const surgingNode: NodeUpdateWithSurge = { surging: true, available: false };
const quietNodes: readonly NodeUpdateWithSurge[] = [
  { surging: false, available: false },
  { surging: false, available: true },
];

/**
 * Mode B's verdict on one node (`found` from {@link findUpdatedPodsOnNode}); `shouldRun`
 * is asked only when the node holds an old pod alone (`undefined`: not in the node list).
 */
export function classifyNodeWithSurge(
  found: NodePods | undefined,
  minReadySeconds: number,
  now: number,
  shouldRun: () => boolean | undefined,
): NodeUpdateWithSurge {
  // Excess pods: manage prunes them; the node counts as a surge slot meanwhile.
  if (found === undefined) return surgingNode;
  const { newPod, oldPod } = found;
  // Availability is counted over every node, the ones being left included.
  const counted = oldPod ?? newPod;
  const available = counted !== undefined && isPodAvailable(counted, minReadySeconds, now);
  if (oldPod === undefined) return quietNodes[available ? 1 : 0] as NodeUpdateWithSurge;
  if (newPod === undefined) {
    const runs = shouldRun();
    if (runs === undefined) return { surging: false, available, action: "missingNode" };
    if (!isPodAvailable(oldPod, minReadySeconds, now)) {
      // An unavailable old pod gets its replacement whatever the budget.
      return runs
        ? { surging: false, available, action: "createNew" }
        : { surging: false, available, action: "deleteOld", pod: podName(oldPod) };
    }
    return runs
      ? { surging: false, available, action: "candidate" }
      : { surging: false, available, action: "surplus", pod: podName(oldPod) };
  }
  // Waiting for the new pod to become available.
  if (!isPodAvailable(newPod, minReadySeconds, now)) return { surging: true, available };
  return { surging: false, available, action: "deleteOld", pod: podName(oldPod) };
}

/**
 * Mode B's plan from the per-node verdicts in node order (only those with an `action`
 * matter) and the totals over all nodes. As in {@link foldWithoutSurge}, taking the first
 * `maxSurge - surging` candidates equals upstream's collect-while-below-budget.
 *
 * @throws KubesimError `couldn't get node for nodeName "<node>": node "<node>" not found`
 *   for the first `missingNode` verdict.
 */
export function foldWithSurge(
  verdicts: Iterable<readonly [string, NodeUpdateWithSurge]>,
  totals: { readonly numSurge: number; readonly numAvailable: number; readonly desired: number },
  maxSurge: number,
): RollingUpdatePlan {
  const budget = Math.max(maxSurge - totals.numSurge, 0);
  const oldPodsToDelete: string[] = [];
  const shouldNotRunPodsToDelete: string[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  for (const [nodeName, verdict] of verdicts) {
    switch (verdict.action) {
      case "missingNode":
        throw new KubesimError(`couldn't get node for nodeName "${nodeName}": node "${nodeName}" not found`);
      case "deleteOld":
        oldPodsToDelete.push(verdict.pod as string);
        break;
      case "createNew":
        allowedNewNodes.push(nodeName);
        break;
      case "surplus":
        shouldNotRunPodsToDelete.push(verdict.pod as string);
        break;
      case "candidate":
        if (candidateNewNodes.length < budget) candidateNewNodes.push(nodeName);
        break;
      default:
        break;
    }
  }
  // With surge the owner expects full availability: a pod on a node that no longer
  // qualifies goes only as pods elsewhere become available.
  const deletable = Math.min(totals.numAvailable - totals.desired, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  return { podsToDelete: oldPodsToDelete, nodesToSurge: [...allowedNewNodes, ...candidateNewNodes] };
}

/** Mode A, `maxSurge == 0`: delete just enough old pods to stay within `maxUnavailable`; `manage` recreates them. */
function planWithoutSurge(input: RollingUpdateInput, generation: string | undefined): RollingUpdatePlan {
  const minReadySeconds = input.ds.spec?.minReadySeconds ?? 0;
  let numUnavailable = 0;
  const verdicts: NodeUpdateWithoutSurge[] = [];
  for (const [, pods] of nodeEntries(input)) {
    const verdict = classifyNodeWithoutSurge(
      findUpdatedPodsOnNode(pods, input.hash, generation),
      minReadySeconds,
      input.now,
    );
    if (verdict.unavailable) numUnavailable++;
    verdicts.push(verdict);
  }
  return foldWithoutSurge(verdicts, numUnavailable, input.maxUnavailable);
}

function shouldRunOn(input: RollingUpdateInput, nodeName: string): boolean | undefined {
  return input.nodeShouldRun(nodeName);
}

/** Mode B, `maxSurge > 0`: create a new pod beside each old one (within `maxSurge`), delete the old one once the new one is available. */
function planWithSurge(input: RollingUpdateInput, generation: string | undefined): RollingUpdatePlan {
  const minReadySeconds = input.ds.spec?.minReadySeconds ?? 0;
  let numSurge = 0;
  let numAvailable = 0;
  let countedDesired = 0;
  const verdicts: [string, NodeUpdateWithSurge][] = [];
  for (const [nodeName, pods] of nodeEntries(input)) {
    if (input.desiredNodeNames === undefined && input.nodeShouldRun(nodeName) === true) countedDesired++;
    const verdict = classifyNodeWithSurge(
      findUpdatedPodsOnNode(pods, input.hash, generation),
      minReadySeconds,
      input.now,
      () => shouldRunOn(input, nodeName),
    );
    if (verdict.surging) numSurge++;
    if (verdict.available) numAvailable++;
    verdicts.push([nodeName, verdict]);
  }
  const desired = input.desiredNodeNames?.length ?? countedDesired;
  return foldWithSurge(verdicts, { numSurge, numAvailable, desired }, input.maxSurge);
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

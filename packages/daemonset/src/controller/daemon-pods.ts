import { compareGoStrings, type KubeObject, type OwnerReference, type Pod } from "@kubesim/core";
import { findTargetNodeName } from "../placement/target-node-name.js";

/** The owner reference marked `controller: true`, as `metav1.GetControllerOf`. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  for (const reference of object.metadata?.ownerReferences ?? []) {
    if (reference?.controller === true) return reference;
  }
  return undefined;
}

/** True when the object carries a `deletionTimestamp`. */
export function isTerminating(object: KubeObject): boolean {
  const timestamp = object.metadata?.deletionTimestamp;
  return timestamp !== undefined && timestamp !== null;
}

/** Upstream's `podutil.IsPodTerminal`: phase `Failed` or `Succeeded`. */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Failed" || phase === "Succeeded";
}

function creationTime(pod: Pod): number {
  const timestamp = pod.metadata?.creationTimestamp;
  if (timestamp === undefined || timestamp === null) return Number.NEGATIVE_INFINITY;
  const parsed = Date.parse(timestamp);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}

function isBound(pod: Pod): boolean {
  return (pod.spec?.nodeName ?? "") !== "";
}

/**
 * Upstream's `podByCreationTimestampAndPhase` ("oldest first"): bound pods before
 * unbound ones, then earlier `creationTimestamp`, ties by name. `manage` keeps the first
 * of several pods on a node; status looks only at the first.
 */
export function compareDaemonPods(left: Pod, right: Pod): number {
  const leftBound = isBound(left);
  if (leftBound !== isBound(right)) return leftBound ? -1 : 1;
  const leftTime = creationTime(left);
  const rightTime = creationTime(right);
  if (leftTime !== rightTime) return leftTime < rightTime ? -1 : 1;
  return compareGoStrings(left.metadata?.name ?? "", right.metadata?.name ?? "");
}

// Cached pods are never changed in place (a write replaces the object), so a pod's target
// node can be remembered per object across passes; null marks "names no single node".
const targetNodeNames = new WeakMap<Pod, string | null>();

/** {@link getTargetNodeName}, remembered per pod object; null when the pod names no single node. */
export function targetNodeOf(pod: Pod): string | null {
  let nodeName = targetNodeNames.get(pod);
  if (nodeName === undefined) {
    nodeName = findTargetNodeName(pod);
    targetNodeNames.set(pod, nodeName);
  }
  return nodeName;
}

/**
 * Groups claimed daemon pods by the node they belong to (`getTargetNodeName`), one pass
 * over the pods. Pods naming no single node are skipped, as upstream does; pods both
 * terminal and terminating are skipped unless `includeDeletedTerminal`. Each group keeps
 * the input order.
 */
export function groupDaemonPodsByNode(
  pods: readonly Pod[],
  includeDeletedTerminal: boolean,
): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    if (!includeDeletedTerminal && isPodTerminal(pod) && isTerminating(pod)) continue;
    const nodeName = targetNodeOf(pod);
    if (nodeName === null) continue;
    const group = byNode.get(nodeName);
    if (group === undefined) byNode.set(nodeName, [pod]);
    else group.push(pod);
  }
  return byNode;
}

/**
 * Upstream's `getUnscheduledPodsWithoutNode`: unbound pods pinned to a node that is not
 * in the node list. They can never be scheduled and pod GC only handles bound pods, so
 * the DaemonSet controller deletes them itself.
 */
export function unscheduledPodsWithoutNode(
  nodeNames: { has(nodeName: string): boolean },
  nodeToDaemonPods: ReadonlyMap<string, readonly Pod[]>,
): string[] {
  const names: string[] = [];
  for (const [nodeName, pods] of nodeToDaemonPods) {
    if (nodeNames.has(nodeName)) continue;
    for (const pod of pods) if (!isBound(pod)) names.push(pod.metadata?.name ?? "");
  }
  return names;
}

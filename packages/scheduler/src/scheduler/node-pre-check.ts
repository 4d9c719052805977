import { doNotScheduleTaintFilter, findUntoleratedTaint, requiredNodeAffinity } from "@kubesim/affinity";
import type { Pod, Taint } from "@kubesim/core";
import type { NodeInfo } from "../framework/types.js";
import { hostPortConflicts } from "../plugins/nodeports/index.js";
import { fitsRequest } from "../plugins/noderesources/index.js";

function noScheduleOnly(taint: Taint): boolean {
  return doNotScheduleTaintFilter(taint) && taint.effect === "NoSchedule";
}

function hostPortsConflict(pod: Pod, nodeInfo: NodeInfo): boolean {
  const containers = pod.spec?.containers;
  if (!Array.isArray(containers) || nodeInfo.usedPorts.length === 0) return false;
  for (const container of containers) {
    if (!Array.isArray(container?.ports)) continue;
    for (const port of container.ports) {
      if (typeof port?.hostPort !== "number") continue;
      if (hostPortConflicts(port.hostIP, port.protocol, port.hostPort, nodeInfo.usedPorts)) return true;
    }
  }
  return false;
}

/**
 * Which unschedulable pods a node event should requeue (upstream `preCheckForNode`,
 * used while queueing hints are off): only pods that could run on this node — resources
 * fit, required node affinity and nodeSelector match, `spec.nodeName` (if any) is this
 * node, no host port conflict, and no untolerated NoSchedule taint. Preemption is not
 * considered, as upstream.
 */
export function preCheckForNode(nodeInfo: NodeInfo): (pod: Pod) => boolean {
  const node = nodeInfo.node;
  if (node === undefined) return () => true;
  const nodeName = node.metadata?.name ?? "";
  return (pod) => {
    if (fitsRequest(pod, nodeInfo).length > 0) return false;
    if (!requiredNodeAffinity(pod).matches(node)) return false;
    const wanted = pod.spec?.nodeName;
    if (typeof wanted === "string" && wanted !== "" && wanted !== nodeName) return false;
    if (hostPortsConflict(pod, nodeInfo)) return false;
    return findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, noScheduleOnly) === undefined;
  };
}

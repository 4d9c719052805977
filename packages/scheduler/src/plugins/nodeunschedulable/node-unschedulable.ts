import { tolerationsTolerateTaint, wellKnownTaintKeys } from "@kubesim/affinity";
import type { Pod, Taint } from "@kubesim/core";
import type { ClusterEvent, EnqueueExtensions, FilterPlugin } from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { type Status, unschedulableAndUnresolvable } from "../../framework/status.js";
import type { Features, NodeInfo } from "../../framework/types.js";
import { clusterEvents } from "../helper/cluster-events.js";

const name = "NodeUnschedulable";

/** NodeUnschedulable's reason when the node object is unknown. */
export const nodeUnschedulableReasonUnknownCondition = "node(s) had unknown conditions";

/** NodeUnschedulable's reason for a cordoned node (`spec.unschedulable`) the pod does not tolerate. */
export const nodeUnschedulableReasonUnschedulable = "node(s) were unschedulable";

// A pod that tolerates this synthetic taint also tolerates `spec.unschedulable`.
const unschedulableTaint: Taint = Object.freeze({
  key: wellKnownTaintKeys.unschedulable,
  effect: "NoSchedule",
});
const unknownConditionStatus = Object.freeze(
  unschedulableAndUnresolvable(nodeUnschedulableReasonUnknownCondition),
);
const unschedulableStatus = Object.freeze(unschedulableAndUnresolvable(nodeUnschedulableReasonUnschedulable));

/**
 * Builds the NodeUnschedulable Filter plugin: a node with `spec.unschedulable: true`
 * rejects pods that do not tolerate `node.kubernetes.io/unschedulable:NoSchedule`
 * (UnschedulableAndUnresolvable); a node without its object is rejected as unknown.
 */
export function createNodeUnschedulable(features: Features): FilterPlugin & EnqueueExtensions {
  const events: readonly ClusterEvent[] = features.enableSchedulingQueueHint
    ? [...clusterEvents("Node", "Add", "UpdateNodeTaint"), ...clusterEvents("Pod", "UpdatePodTolerations")]
    : clusterEvents("Node", "Add", "UpdateNodeTaint", "UpdateNodeLabel");
  return {
    name,
    filter(_state, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
      const node = nodeInfo.node;
      if (node === undefined || node === null) return unknownConditionStatus;
      if (node.spec?.unschedulable !== true) return undefined;
      return tolerationsTolerateTaint(pod.spec?.tolerations, unschedulableTaint)
        ? undefined
        : unschedulableStatus;
    },
    eventsToRegister: () => events,
  } satisfies FilterPlugin & EnqueueExtensions;
}

/** The in-tree NodeUnschedulable plugin (upstream `nodeunschedulable.NodeUnschedulable`). Takes no args. */
export const nodeUnschedulableDefinition: PluginDefinition = {
  name,
  factory: (_args, _handle, features) => createNodeUnschedulable(features),
};

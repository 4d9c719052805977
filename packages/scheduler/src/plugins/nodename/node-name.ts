import type { Pod } from "@kubesim/core";
import type { ClusterEvent, EnqueueExtensions, FilterPlugin } from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { type Status, unschedulableAndUnresolvable } from "../../framework/status.js";
import type { Features, NodeInfo } from "../../framework/types.js";
import { clusterEvents } from "../helper/cluster-events.js";

const name = "NodeName";

/** NodeName's reason when `spec.nodeName` names another node. */
export const nodeNameReason = "node(s) didn't match the requested node name";

const mismatchStatus = Object.freeze(unschedulableAndUnresolvable(nodeNameReason));

/**
 * Builds the NodeName Filter plugin: a pod whose `spec.nodeName` is set only fits the
 * node of that name (UnschedulableAndUnresolvable elsewhere). Pods with a node name are
 * normally already bound and never reach the scheduler, so this rarely rejects.
 */
export function createNodeName(features: Features): FilterPlugin & EnqueueExtensions {
  const events: readonly ClusterEvent[] = features.enableSchedulingQueueHint
    ? clusterEvents("Node", "Add")
    : clusterEvents("Node", "Add", "UpdateNodeLabel", "UpdateNodeTaint");
  return {
    name,
    filter(_state, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
      const wanted = pod.spec?.nodeName;
      if (typeof wanted !== "string" || wanted === "" || wanted === nodeInfo.name) return undefined;
      return mismatchStatus;
    },
    eventsToRegister: () => events,
  } satisfies FilterPlugin & EnqueueExtensions;
}

/** The in-tree NodeName plugin (upstream `nodename.NodeName`). Takes no args. */
export const nodeNameDefinition: PluginDefinition = {
  name,
  factory: (_args, _handle, features) => createNodeName(features),
};

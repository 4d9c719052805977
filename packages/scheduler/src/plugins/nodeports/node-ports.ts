import type { ContainerPort, Pod } from "@kubesim/core";
import type { CycleState } from "../../framework/cycle-state.js";
import type {
  ClusterEvent,
  EnqueueExtensions,
  FilterPlugin,
  PreFilterPlugin,
  PreFilterResult,
} from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { errorStatus, type Status, skipStatus, unschedulable } from "../../framework/status.js";
import type { Features, NodeInfo } from "../../framework/types.js";
import { clusterEvents } from "../helper/cluster-events.js";
import { hostPortConflicts } from "./host-port-conflict.js";

const name = "NodePorts";
const preFilterStateKey = `PreFilter${name}`;

/** NodePorts' Filter reason when a wanted host port is taken on the node. */
export const nodePortsReason = "node(s) didn't have free ports for the requested pod ports";

const conflictStatus = Object.freeze(unschedulable(nodePortsReason));

/** The plugin built by {@link createNodePorts}. */
export type NodePortsPlugin = PreFilterPlugin & FilterPlugin & EnqueueExtensions;

/**
 * The host ports a pod asks for: every port with `hostPort > 0` of its regular
 * containers (init containers are not counted in v1.32), in spec order.
 */
export function podHostPorts(pod: Pod): ContainerPort[] {
  const wanted: ContainerPort[] = [];
  const containers = pod.spec?.containers;
  if (!Array.isArray(containers)) return wanted;
  for (const container of containers) {
    const ports = container?.ports;
    if (!Array.isArray(ports)) continue;
    for (const port of ports) {
      if (typeof port?.hostPort === "number" && port.hostPort > 0) wanted.push(port);
    }
  }
  return wanted;
}

/**
 * Builds the NodePorts plugin.
 *
 * - PreFilter collects the pod's host ports; none → Skip (its Filter does not run).
 * - Filter: a wanted port that conflicts with a port used on the node (see
 *   {@link hostPortConflicts}) → Unschedulable
 *   `node(s) didn't have free ports for the requested pod ports` (preemption may free it).
 *   Without PreFilter state it returns an Error status, as upstream.
 */
export function createNodePorts(features: Features): NodePortsPlugin {
  const events: readonly ClusterEvent[] = [
    ...clusterEvents("Pod", "Delete"),
    ...(features.enableSchedulingQueueHint
      ? clusterEvents("Node", "Add")
      : clusterEvents("Node", "Add", "UpdateNodeLabel", "UpdateNodeTaint")),
  ];
  return {
    name,
    preFilter(state: CycleState, pod: Pod): { result?: PreFilterResult; status?: Status } {
      const wanted = podHostPorts(pod);
      if (wanted.length === 0) return { status: skipStatus };
      state.write(preFilterStateKey, wanted);
      return {};
    },
    filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | undefined {
      const wanted = state.read<readonly ContainerPort[]>(preFilterStateKey);
      if (wanted === undefined) {
        return errorStatus(new Error(`reading "${preFilterStateKey}" from cycleState: not found`));
      }
      const used = nodeInfo.usedPorts;
      for (const port of wanted) {
        if (hostPortConflicts(port.hostIP, port.protocol, port.hostPort ?? 0, used)) return conflictStatus;
      }
      return undefined;
    },
    eventsToRegister: () => events,
  } satisfies NodePortsPlugin;
}

/** The in-tree NodePorts plugin (upstream `nodeports.NodePorts`). Takes no args. */
export const nodePortsDefinition: PluginDefinition = {
  name,
  factory: (_args, _handle, features) => createNodePorts(features),
};

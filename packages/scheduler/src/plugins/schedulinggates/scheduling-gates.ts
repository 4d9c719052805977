import type { Pod } from "@kubesim/core";
import type { ClusterEvent, EnqueueExtensions, PreEnqueuePlugin } from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { type Status, unschedulableAndUnresolvable } from "../../framework/status.js";
import type { Features } from "../../framework/types.js";
import { clusterEvents } from "../helper/cluster-events.js";

const name = "SchedulingGates";

/**
 * The reason SchedulingGates gives for a gated pod: `waiting for scheduling gates: [g1 g2]`
 * (the gate names in spec order, formatted as Go prints a string slice).
 */
export function schedulingGatesReason(gateNames: readonly string[]): string {
  return `waiting for scheduling gates: [${gateNames.join(" ")}]`;
}

/**
 * Builds the SchedulingGates PreEnqueue plugin: a pod with any `spec.schedulingGates`
 * is kept out of the active queue with UnschedulableAndUnresolvable until its gates are
 * removed.
 */
export function createSchedulingGates(features: Features): PreEnqueuePlugin & EnqueueExtensions {
  // Without queueing hints the queue re-checks PreEnqueue on every pod update anyway.
  const events: readonly ClusterEvent[] = features.enableSchedulingQueueHint
    ? clusterEvents("Pod", "UpdatePodSchedulingGatesEliminated")
    : [];
  return {
    name,
    preEnqueue(pod: Pod): Status | undefined {
      const gates = pod.spec?.schedulingGates;
      if (!Array.isArray(gates) || gates.length === 0) return undefined;
      return unschedulableAndUnresolvable(schedulingGatesReason(gates.map((gate) => gate?.name ?? "")));
    },
    eventsToRegister: () => events,
  } satisfies PreEnqueuePlugin & EnqueueExtensions;
}

/** The in-tree SchedulingGates plugin (upstream `schedulinggates.SchedulingGates`). Takes no args. */
export const schedulingGatesDefinition: PluginDefinition = {
  name,
  factory: (_args, _handle, features) => createSchedulingGates(features),
};

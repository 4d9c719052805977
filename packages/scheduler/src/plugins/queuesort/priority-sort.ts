import type { Pod } from "@kubesim/core";
import type { QueuedPodInfo, QueueSortPlugin } from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";

const name = "PrioritySort";

function podPriority(pod: Pod): number {
  const priority = pod.spec?.priority;
  return typeof priority === "number" ? priority : 0;
}

/**
 * Builds the PrioritySort QueueSort plugin: higher `spec.priority` first (absent counts
 * as 0), then the pod that entered the queue earlier.
 */
export function createPrioritySort(): QueueSortPlugin {
  return {
    name,
    less(first: QueuedPodInfo, second: QueuedPodInfo): boolean {
      const firstPriority = podPriority(first.pod);
      const secondPriority = podPriority(second.pod);
      return (
        firstPriority > secondPriority ||
        (firstPriority === secondPriority && first.timestamp < second.timestamp)
      );
    },
  } satisfies QueueSortPlugin;
}

/**
 * The in-tree PrioritySort plugin (upstream `queuesort.PrioritySort`): orders the active
 * queue by priority, then by the time a pod was (re)added. Takes no args.
 */
export const prioritySortDefinition: PluginDefinition = {
  name,
  factory: () => createPrioritySort(),
};

import type { ClusterEvent, ClusterEventAction, ClusterEventResource } from "../../framework/plugin.js";

/**
 * One {@link ClusterEvent} per action for a resource: upstream registers an OR-ed action
 * mask (`Add | UpdateNodeTaint`), which our event type spells as separate entries.
 *
 * @example
 * clusterEvents("Node", "Add", "UpdateNodeTaint");
 * // => [{ resource: "Node", action: "Add" }, { resource: "Node", action: "UpdateNodeTaint" }]
 */
export function clusterEvents(
  resource: ClusterEventResource,
  ...actions: readonly ClusterEventAction[]
): ClusterEvent[] {
  return actions.map((action) => ({ resource, action }));
}

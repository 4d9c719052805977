import type { ClusterEvent, ClusterEventAction, ClusterEventResource } from "../framework/plugin.js";

// Upstream's ActionType is a bit mask: each specific update is one bit, "Update" is all
// of them and "All" is Add | Delete | Update. Matching is a bitwise AND.
const add = 1;
const remove = 1 << 1;
const updateNodeAllocatable = 1 << 2;
const updateNodeLabel = 1 << 3;
const updateNodeTaint = 1 << 4;
const updateNodeCondition = 1 << 5;
const updateNodeAnnotation = 1 << 6;
const updatePodLabel = 1 << 7;
const updatePodScaleDown = 1 << 8;
const updatePodTolerations = 1 << 9;
const updatePodSchedulingGatesEliminated = 1 << 10;
const update =
  updateNodeAllocatable |
  updateNodeLabel |
  updateNodeTaint |
  updateNodeCondition |
  updateNodeAnnotation |
  updatePodLabel |
  updatePodScaleDown |
  updatePodTolerations |
  updatePodSchedulingGatesEliminated;

const actionBits: Readonly<Record<ClusterEventAction, number>> = {
  Add: add,
  Delete: remove,
  Update: update,
  UpdateNodeAllocatable: updateNodeAllocatable,
  UpdateNodeLabel: updateNodeLabel,
  UpdateNodeTaint: updateNodeTaint,
  UpdateNodeCondition: updateNodeCondition,
  UpdateNodeAnnotation: updateNodeAnnotation,
  UpdatePodLabel: updatePodLabel,
  UpdatePodScaleDown: updatePodScaleDown,
  UpdatePodTolerations: updatePodTolerations,
  UpdatePodSchedulingGatesEliminated: updatePodSchedulingGatesEliminated,
  All: add | remove | update,
};

function bitsOf(action: ClusterEventAction): number {
  // Events come from plugins and callers: an action outside the union matches nothing.
  return Object.hasOwn(actionBits, action) ? actionBits[action] : 0;
}

function resourcesMatch(registered: ClusterEventResource, incoming: ClusterEventResource): boolean {
  return (
    registered === "*" ||
    registered === incoming ||
    // "Pod" in a plugin's registration covers both assigned and unscheduled pods.
    (registered === "Pod" && (incoming === "AssignedPod" || incoming === "UnscheduledPod"))
  );
}

/**
 * True for the wildcard event (`*` / `All`), which moves every unschedulable pod whatever
 * rejected it, as upstream's `ClusterEvent.IsWildCard`.
 */
export function isWildCardClusterEvent(event: ClusterEvent): boolean {
  return event.resource === "*" && event.action === "All";
}

/**
 * Whether an event a plugin registered (`registered`) covers an incoming cluster event, as
 * upstream's `ClusterEvent.Match`: a wildcard registration matches everything; otherwise
 * the resources must match (`Pod` covers `AssignedPod` and `UnscheduledPod`, `*` covers
 * all) and the actions must share a bit (`Update` covers every `Update…` action, `All`
 * everything). An incoming event on resource `*` only matches a wildcard registration.
 *
 * @example
 * clusterEventMatches({ resource: "Node", action: "Update" }, { resource: "Node", action: "UpdateNodeTaint" }) // => true
 * clusterEventMatches({ resource: "Pod", action: "Delete" }, { resource: "AssignedPod", action: "Delete" }) // => true
 * clusterEventMatches({ resource: "Node", action: "Add" }, { resource: "Node", action: "UpdateNodeLabel" }) // => false
 */
export function clusterEventMatches(registered: ClusterEvent, incoming: ClusterEvent): boolean {
  if (isWildCardClusterEvent(registered)) return true;
  return (
    incoming.resource !== "*" &&
    resourcesMatch(registered.resource, incoming.resource) &&
    (bitsOf(registered.action) & bitsOf(incoming.action)) !== 0
  );
}

/** Whether the event's action includes `UpdatePodScaleDown` (a pod's requests shrank). */
export function isPodScaleDownEvent(event: ClusterEvent): boolean {
  return (bitsOf(event.action) & updatePodScaleDown) !== 0;
}

/**
 * The cluster events the scheduling queue itself raises or expects, named as upstream's
 * `framework.Event*` variables. The two wildcard events (`unschedulableTimeout`,
 * `forceActivate`) move every pod they are applied to.
 */
export const schedulingQueueEvents = Object.freeze({
  assignedPodAdd: Object.freeze<ClusterEvent>({ resource: "AssignedPod", action: "Add" }),
  assignedPodUpdate: Object.freeze<ClusterEvent>({ resource: "AssignedPod", action: "Update" }),
  assignedPodDelete: Object.freeze<ClusterEvent>({ resource: "AssignedPod", action: "Delete" }),
  unscheduledPodAdd: Object.freeze<ClusterEvent>({ resource: "UnscheduledPod", action: "Add" }),
  unscheduledPodUpdate: Object.freeze<ClusterEvent>({ resource: "UnscheduledPod", action: "Update" }),
  unscheduledPodDelete: Object.freeze<ClusterEvent>({ resource: "UnscheduledPod", action: "Delete" }),
  nodeAdd: Object.freeze<ClusterEvent>({ resource: "Node", action: "Add" }),
  unschedulableTimeout: Object.freeze<ClusterEvent>({ resource: "*", action: "All" }),
  forceActivate: Object.freeze<ClusterEvent>({ resource: "*", action: "All" }),
});

import type { Node, Pod } from "@kubesim/core";
import type { ClusterEvent, ClusterEventAction, ClusterEventResource } from "../framework/plugin.js";
import { createPodInfo } from "../framework/pod-requests.js";
import type { Resource } from "../framework/types.js";

function sameStringMap(
  left: Readonly<Record<string, unknown>> | null | undefined,
  right: Readonly<Record<string, unknown>> | null | undefined,
): boolean {
  const leftKeys = left ? Object.keys(left) : [];
  const rightKeys = right ? Object.keys(right) : [];
  if (leftKeys.length !== rightKeys.length) return false;
  for (const key of leftKeys) {
    if (!right || !Object.hasOwn(right, key) || right[key] !== left?.[key]) return false;
  }
  return true;
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

function conditionStatuses(node: Node): Map<string, string | undefined> {
  const statuses = new Map<string, string | undefined>();
  const conditions = node.status?.conditions;
  if (Array.isArray(conditions)) {
    for (const condition of conditions) statuses.set(condition?.type ?? "", condition?.status);
  }
  return statuses;
}

function sameConditionStatuses(left: Node, right: Node): boolean {
  const leftStatuses = conditionStatuses(left);
  const rightStatuses = conditionStatuses(right);
  if (leftStatuses.size !== rightStatuses.size) return false;
  for (const [type, status] of leftStatuses) {
    if (!rightStatuses.has(type) || rightStatuses.get(type) !== status) return false;
  }
  return true;
}

function event(resource: ClusterEventResource, action: ClusterEventAction): ClusterEvent {
  return { resource, action };
}

/**
 * The cluster events a node update raises (upstream `nodeSchedulingPropertiesChange`):
 * `spec.unschedulable` turned off (reported as UpdateNodeTaint), allocatable, labels,
 * taints, condition statuses and annotations changed. Empty when nothing the scheduler
 * cares about changed (e.g. a heartbeat).
 */
export function nodeSchedulingPropertiesChange(newNode: Node, oldNode: Node): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  const newUnschedulable = newNode.spec?.unschedulable === true;
  if (newUnschedulable !== (oldNode.spec?.unschedulable === true) && !newUnschedulable) {
    events.push(event("Node", "UpdateNodeTaint"));
  }
  if (!sameStringMap(newNode.status?.allocatable, oldNode.status?.allocatable)) {
    events.push(event("Node", "UpdateNodeAllocatable"));
  }
  if (!sameStringMap(newNode.metadata?.labels, oldNode.metadata?.labels)) {
    events.push(event("Node", "UpdateNodeLabel"));
  }
  if (!sameJson(newNode.spec?.taints, oldNode.spec?.taints)) events.push(event("Node", "UpdateNodeTaint"));
  if (!sameConditionStatuses(newNode, oldNode)) events.push(event("Node", "UpdateNodeCondition"));
  if (!sameStringMap(newNode.metadata?.annotations, oldNode.metadata?.annotations)) {
    events.push(event("Node", "UpdateNodeAnnotation"));
  }
  return events;
}

function scaledDown(newRequests: Resource, oldRequests: Resource): boolean {
  if (
    newRequests.milliCpu < oldRequests.milliCpu ||
    newRequests.memory < oldRequests.memory ||
    newRequests.ephemeralStorage < oldRequests.ephemeralStorage
  ) {
    return true;
  }
  for (const [name, amount] of oldRequests.scalarResources) {
    if ((newRequests.scalarResources.get(name) ?? 0) < amount) return true;
  }
  return false;
}

/**
 * The cluster events a pod update raises (upstream `PodSchedulingPropertiesChange`):
 * labels changed, requests shrank, scheduling gates removed, tolerations changed; a
 * generic `Update` when none of those. The resource is `AssignedPod` for bound pods and
 * `UnscheduledPod` otherwise.
 */
export function podSchedulingPropertiesChange(newPod: Pod, oldPod: Pod): ClusterEvent[] {
  const resource: ClusterEventResource = newPod.spec?.nodeName ? "AssignedPod" : "UnscheduledPod";
  const events: ClusterEvent[] = [];
  if (!sameStringMap(newPod.metadata?.labels, oldPod.metadata?.labels))
    events.push(event(resource, "UpdatePodLabel"));
  if (scaledDown(createPodInfo(newPod).requests, createPodInfo(oldPod).requests)) {
    events.push(event(resource, "UpdatePodScaleDown"));
  }
  const newGates = newPod.spec?.schedulingGates;
  const oldGates = oldPod.spec?.schedulingGates;
  if ((!Array.isArray(newGates) || newGates.length === 0) && Array.isArray(oldGates) && oldGates.length > 0) {
    events.push(event(resource, "UpdatePodSchedulingGatesEliminated"));
  }
  if (!sameJson(newPod.spec?.tolerations, oldPod.spec?.tolerations)) {
    events.push(event(resource, "UpdatePodTolerations"));
  }
  if (events.length === 0) events.push(event(resource, "Update"));
  return events;
}

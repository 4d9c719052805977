import { describe, expect, it } from "vitest";
import type { ClusterEvent } from "../framework/plugin.js";
import { clusterEventMatches, isPodScaleDownEvent, isWildCardClusterEvent } from "./cluster-event.js";

describe("clusterEventMatches", () => {
  it.each<{ name: string; registered: ClusterEvent; incoming: ClusterEvent; expected: boolean }>([
    {
      name: "a wildcard registration matches any event",
      registered: { resource: "*", action: "All" },
      incoming: { resource: "Node", action: "UpdateNodeLabel" },
      expected: true,
    },
    {
      name: "Update covers a specific node update",
      registered: { resource: "Node", action: "Update" },
      incoming: { resource: "Node", action: "UpdateNodeTaint" },
      expected: true,
    },
    {
      name: "a specific registration matches a generic Update event",
      registered: { resource: "Node", action: "UpdateNodeTaint" },
      incoming: { resource: "Node", action: "Update" },
      expected: true,
    },
    {
      name: "different specific updates do not match",
      registered: { resource: "Node", action: "UpdateNodeTaint" },
      incoming: { resource: "Node", action: "UpdateNodeLabel" },
      expected: false,
    },
    {
      name: "Add does not match an update",
      registered: { resource: "Node", action: "Add" },
      incoming: { resource: "Node", action: "UpdateNodeLabel" },
      expected: false,
    },
    {
      name: "Pod covers an assigned pod",
      registered: { resource: "Pod", action: "Delete" },
      incoming: { resource: "AssignedPod", action: "Delete" },
      expected: true,
    },
    {
      name: "Pod covers an unscheduled pod",
      registered: { resource: "Pod", action: "UpdatePodSchedulingGatesEliminated" },
      incoming: { resource: "UnscheduledPod", action: "UpdatePodSchedulingGatesEliminated" },
      expected: true,
    },
    {
      name: "AssignedPod does not cover an unscheduled pod",
      registered: { resource: "AssignedPod", action: "All" },
      incoming: { resource: "UnscheduledPod", action: "Add" },
      expected: false,
    },
    {
      name: "All on a resource covers every action on it",
      registered: { resource: "Node", action: "All" },
      incoming: { resource: "Node", action: "Delete" },
      expected: true,
    },
    {
      name: "a resource wildcard registration covers any resource",
      registered: { resource: "*", action: "Add" },
      incoming: { resource: "Service", action: "Add" },
      expected: true,
    },
    {
      name: "an incoming wildcard event only matches a wildcard registration",
      registered: { resource: "Node", action: "All" },
      incoming: { resource: "*", action: "All" },
      expected: false,
    },
  ])("$name", ({ registered, incoming, expected }) => {
    expect(clusterEventMatches(registered, incoming)).toBe(expected);
  });

  it("tells the wildcard event and scale-downs apart", () => {
    expect(isWildCardClusterEvent({ resource: "*", action: "All" })).toBe(true);
    expect(isWildCardClusterEvent({ resource: "*", action: "Add" })).toBe(false);
    expect(isPodScaleDownEvent({ resource: "AssignedPod", action: "UpdatePodScaleDown" })).toBe(true);
    expect(isPodScaleDownEvent({ resource: "AssignedPod", action: "Update" })).toBe(true);
    expect(isPodScaleDownEvent({ resource: "AssignedPod", action: "UpdatePodLabel" })).toBe(false);
  });
});

import type { Node, Pod, WatchEventType } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createPodGcWorkTracker } from "./pod-gc-work-tracker.js";

function node(name: string, extra: { ready?: boolean; outOfService?: boolean } = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name },
    spec:
      extra.outOfService === true
        ? { taints: [{ key: "node.kubernetes.io/out-of-service", effect: "NoExecute" }] }
        : {},
    status: { conditions: [{ type: "Ready", status: extra.ready === false ? "False" : "True" }] },
  };
}

function pod(name: string, extra: { nodeName?: string; terminating?: boolean } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      ...(extra.terminating === true ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}),
    },
    spec: {
      containers: [{ name: "app" }],
      ...(extra.nodeName === undefined ? {} : { nodeName: extra.nodeName }),
    },
  };
}

type Step = readonly ["Node", WatchEventType, Node] | readonly ["Pod", WatchEventType, Pod];

const cases: ReadonlyArray<{ name: string; steps: readonly Step[]; hasWork: boolean }> = [
  { name: "Nothing seen leaves nothing to do.", steps: [], hasWork: false },
  {
    name: "A pod on an existing node leaves nothing to do.",
    steps: [
      ["Node", "ADDED", node("a")],
      ["Pod", "ADDED", pod("web", { nodeName: "a" })],
    ],
    hasWork: false,
  },
  {
    name: "An unbound pod that is not terminating leaves nothing to do.",
    steps: [["Pod", "ADDED", pod("web")]],
    hasWork: false,
  },
  {
    name: "A pod bound to a node no Node has is work.",
    steps: [["Pod", "ADDED", pod("web", { nodeName: "gone" })]],
    hasWork: true,
  },
  {
    name: "A pod whose node is deleted is work.",
    steps: [
      ["Node", "ADDED", node("a")],
      ["Pod", "ADDED", pod("web", { nodeName: "a" })],
      ["Node", "DELETED", node("a")],
    ],
    hasWork: true,
  },
  {
    name: "The last pod of a deleted node going away clears the work.",
    steps: [
      ["Node", "ADDED", node("a")],
      ["Pod", "ADDED", pod("web", { nodeName: "a" })],
      ["Pod", "ADDED", pod("db", { nodeName: "a" })],
      ["Node", "DELETED", node("a")],
      ["Pod", "DELETED", pod("web", { nodeName: "a" })],
      ["Pod", "DELETED", pod("db", { nodeName: "a" })],
    ],
    hasWork: false,
  },
  {
    name: "A node appearing for an orphaned pod clears the work.",
    steps: [
      ["Pod", "ADDED", pod("web", { nodeName: "late" })],
      ["Node", "ADDED", node("late")],
    ],
    hasWork: false,
  },
  {
    name: "A node changing its status stays known.",
    steps: [
      ["Node", "ADDED", node("a")],
      ["Pod", "ADDED", pod("web", { nodeName: "a" })],
      ["Node", "MODIFIED", node("a", { ready: false })],
    ],
    hasWork: false,
  },
  {
    name: "A terminating pod that was never scheduled is work.",
    steps: [["Pod", "MODIFIED", pod("web", { terminating: true })]],
    hasWork: true,
  },
  {
    name: "A terminating pod on a NotReady out-of-service node is work.",
    steps: [
      ["Node", "ADDED", node("a", { ready: false, outOfService: true })],
      ["Pod", "ADDED", pod("web", { nodeName: "a", terminating: true })],
    ],
    hasWork: true,
  },
  {
    name: "A terminating pod on a NotReady node without the out-of-service taint is not work.",
    steps: [
      ["Node", "ADDED", node("a", { ready: false })],
      ["Pod", "ADDED", pod("web", { nodeName: "a", terminating: true })],
    ],
    hasWork: false,
  },
  {
    name: "A terminating pod on a Ready out-of-service node is not work.",
    steps: [
      ["Node", "ADDED", node("a", { outOfService: true })],
      ["Pod", "ADDED", pod("web", { nodeName: "a", terminating: true })],
    ],
    hasWork: false,
  },
  {
    name: "A pod bound after it was seen unbound counts on its node.",
    steps: [
      ["Pod", "ADDED", pod("web")],
      ["Pod", "MODIFIED", pod("web", { nodeName: "gone" })],
    ],
    hasWork: true,
  },
];

describe("createPodGcWorkTracker", () => {
  it.each(cases)("$name", ({ steps, hasWork }) => {
    const tracker = createPodGcWorkTracker();
    for (const step of steps) {
      if (step[0] === "Node") tracker.observeNode(step[1], step[2]);
      else tracker.observePod(step[1], step[2]);
    }
    expect(tracker.hasWork()).toBe(hasWork);
  });

  it("forgets everything on clear", () => {
    const tracker = createPodGcWorkTracker();
    tracker.observePod("ADDED", pod("web", { nodeName: "gone" }));
    tracker.clear();
    expect(tracker.hasWork()).toBe(false);
  });
});

import type { KubeObject, OwnerReference, WatchEventType } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createCollectionWorkTracker } from "./collection-work-tracker.js";

const ownerKinds: ReadonlySet<string> = new Set(["DaemonSet", "Pod", "Node", "Namespace"]);

function reference(uid: string, kind = "DaemonSet"): OwnerReference {
  return { apiVersion: "apps/v1", kind, name: `owner-${uid}`, uid };
}

function object(
  uid: string,
  extra: {
    owners?: OwnerReference[];
    deleting?: boolean;
    finalizers?: string[];
  } = {},
): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `object-${uid}`,
      uid,
      ...(extra.owners === undefined ? {} : { ownerReferences: extra.owners }),
      ...(extra.deleting === true ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}),
      ...(extra.finalizers === undefined ? {} : { finalizers: extra.finalizers }),
    },
  };
}

type Step = readonly [kind: string, type: WatchEventType, object: KubeObject];

const cases: ReadonlyArray<{ name: string; steps: readonly Step[]; hasWork: boolean }> = [
  { name: "Nothing seen leaves nothing to do.", steps: [], hasWork: false },
  {
    name: "A dependent whose owner was seen first leaves nothing to do.",
    steps: [
      ["DaemonSet", "ADDED", object("ds")],
      ["Pod", "ADDED", object("pod", { owners: [reference("ds")] })],
    ],
    hasWork: false,
  },
  {
    name: "A dependent seen before its owner is work until the owner arrives.",
    steps: [["Pod", "ADDED", object("pod", { owners: [reference("ds")] })]],
    hasWork: true,
  },
  {
    name: "The owner arriving after its dependent clears the work.",
    steps: [
      ["Pod", "ADDED", object("pod", { owners: [reference("ds")] })],
      ["DaemonSet", "ADDED", object("ds")],
    ],
    hasWork: false,
  },
  {
    name: "A deleted owner with a dependent left is work.",
    steps: [
      ["DaemonSet", "ADDED", object("ds")],
      ["Pod", "ADDED", object("pod", { owners: [reference("ds")] })],
      ["DaemonSet", "DELETED", object("ds")],
    ],
    hasWork: true,
  },
  {
    name: "The dependent of a deleted owner going away clears the work.",
    steps: [
      ["DaemonSet", "ADDED", object("ds")],
      ["Pod", "ADDED", object("pod", { owners: [reference("ds")] })],
      ["DaemonSet", "DELETED", object("ds")],
      ["Pod", "DELETED", object("pod", { owners: [reference("ds")] })],
    ],
    hasWork: false,
  },
  {
    name: "A dependent that drops its reference to a gone owner clears the work.",
    steps: [
      ["Pod", "ADDED", object("pod", { owners: [reference("ds")] })],
      ["Pod", "MODIFIED", object("pod")],
    ],
    hasWork: false,
  },
  {
    name: "An object that owns itself is not work, also after it changes.",
    steps: [
      ["Pod", "ADDED", object("self", { owners: [reference("self", "Pod")] })],
      ["Pod", "MODIFIED", object("self", { owners: [reference("self", "Pod")] })],
    ],
    hasWork: false,
  },
  {
    name: "An object that owned itself and is gone leaves nothing to do.",
    steps: [
      ["Pod", "ADDED", object("self", { owners: [reference("self", "Pod")] })],
      ["Pod", "DELETED", object("self", { owners: [reference("self", "Pod")] })],
    ],
    hasWork: false,
  },
  {
    name: "A reference to a kind the collector does not watch is taken as live.",
    steps: [["Pod", "ADDED", object("pod", { owners: [reference("job", "Job")] })]],
    hasWork: false,
  },
  {
    name: "An object being deleted with the orphan finalizer is work.",
    steps: [["DaemonSet", "MODIFIED", object("ds", { deleting: true, finalizers: ["orphan"] })]],
    hasWork: true,
  },
  {
    name: "An object being deleted with the foregroundDeletion finalizer is work.",
    steps: [["DaemonSet", "ADDED", object("ds", { deleting: true, finalizers: ["foregroundDeletion"] })]],
    hasWork: true,
  },
  {
    name: "An object being deleted with only a foreign finalizer is not work.",
    steps: [["DaemonSet", "ADDED", object("ds", { deleting: true, finalizers: ["example.com/hold"] })]],
    hasWork: false,
  },
  {
    name: "A terminating namespace is work.",
    steps: [["Namespace", "MODIFIED", object("team", { deleting: true, finalizers: [] })]],
    hasWork: true,
  },
  {
    name: "A terminating namespace that is gone leaves nothing to do.",
    steps: [
      ["Namespace", "MODIFIED", object("team", { deleting: true })],
      ["Namespace", "DELETED", object("team", { deleting: true })],
    ],
    hasWork: false,
  },
  {
    name: "A bookmark changes nothing.",
    steps: [["Pod", "BOOKMARK", object("pod", { owners: [reference("ds")] })]],
    hasWork: false,
  },
];

describe("createCollectionWorkTracker", () => {
  it.each(cases)("$name", ({ steps, hasWork }) => {
    const tracker = createCollectionWorkTracker(ownerKinds, ["orphan", "foregroundDeletion"]);
    for (const [kind, type, tracked] of steps) tracker.observe(kind, type, tracked);
    expect(tracker.hasWork()).toBe(hasWork);
  });

  it("forgets everything on clear", () => {
    const tracker = createCollectionWorkTracker(ownerKinds, ["orphan"]);
    tracker.observe("Pod", "ADDED", object("pod", { owners: [reference("ds")] }));
    tracker.clear();
    expect(tracker.hasWork()).toBe(false);
    tracker.observe("DaemonSet", "ADDED", object("ds"));
    tracker.observe("DaemonSet", "DELETED", object("ds"));
    expect(tracker.hasWork()).toBe(false);
  });
});

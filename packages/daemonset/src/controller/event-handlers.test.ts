import { type DaemonSet, type Node, type Pod, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { ControllerExpectations } from "./controller-expectations.js";
import { createDaemonSetEventHandlers } from "./event-handlers.js";
import { ObjectCache } from "./object-cache.js";

function daemonSet(name: string, nodeSelector?: Record<string, string>): DaemonSet {
  return {
    metadata: { name, namespace: "default", uid: `${name}-uid`, resourceVersion: "1" },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "main" }], ...(nodeSelector === undefined ? {} : { nodeSelector }) },
      },
    },
  };
}

function node(labels?: Record<string, string>, taints?: Node["spec"] extends infer S ? S : never): Node {
  return {
    metadata: { name: "node-1", resourceVersion: "5", ...(labels === undefined ? {} : { labels }) },
    spec: taints ?? {},
    status: { conditions: [{ type: "Ready", status: "True" }] },
  };
}

function setup(...daemonSets: DaemonSet[]) {
  const cache = new ObjectCache<DaemonSet>();
  for (const item of daemonSets) cache.upsert(item);
  const expectations = new ControllerExpectations(new VirtualClock());
  const enqueued: string[] = [];
  const delayed: string[] = [];
  const handlers = createDaemonSetEventHandlers({
    daemonSets: cache,
    expectations,
    enqueue: (key) => enqueued.push(key),
    enqueueAfter: (key, delayMs) => delayed.push(`${key} after ${delayMs}`),
  });
  return { handlers, expectations, enqueued, delayed };
}

const blue = { color: "blue" };

describe("node handlers", () => {
  it.each`
    name                                                                  | previous                                                                | current                                          | enqueued
    ${"nothing changed: no sync"}                                         | ${node()}                                                               | ${node()}                                        | ${[]}
    ${"labels now match the nodeSelector: sync"}                          | ${node()}                                                               | ${node(blue)}                                    | ${["default/selective"]}
    ${"a NoSchedule taint was removed: the untolerating DaemonSets sync"} | ${node(blue, { taints: [{ key: "dedicated", effect: "NoSchedule" }] })} | ${node(blue)}                                    | ${["default/everywhere", "default/selective"]}
    ${"only conditions changed: ignored"}                                 | ${node(blue)}                                                           | ${{ ...node(blue), status: { conditions: [] } }} | ${[]}
    ${"only unschedulable changed: ignored"}                              | ${node(blue)}                                                           | ${node(blue, { unschedulable: true })}           | ${[]}
    ${"a label change that changes no placement: no sync"}                | ${node(blue)}                                                           | ${node({ ...blue, zone: "a" })}                  | ${[]}
  `("$name", ({ previous, current, enqueued }) => {
    const context = setup(daemonSet("everywhere"), daemonSet("selective", blue));
    context.handlers.nodes.onUpdate(previous, current);
    expect(context.enqueued).toEqual(enqueued);
  });

  it("a new node wakes only the DaemonSets that should run on it", () => {
    const context = setup(daemonSet("everywhere"), daemonSet("selective", blue));
    context.handlers.nodes.onAdd(node());
    expect(context.enqueued).toEqual(["default/everywhere"]);
  });
});

function pod(overrides: Partial<Pod["metadata"]> = {}, ready = false): Pod {
  return {
    metadata: {
      name: "p",
      namespace: "default",
      resourceVersion: "10",
      labels: { app: "everywhere" },
      ...overrides,
    },
    spec: { containers: [] },
    status: ready ? { conditions: [{ type: "Ready", status: "True" }] } : {},
  };
}

const ownedBy = (name: string) => ({
  ownerReferences: [{ apiVersion: "apps/v1", kind: "DaemonSet", name, uid: `${name}-uid`, controller: true }],
});

describe("pod handlers", () => {
  it("an added pod with a controller reference counts as an observed creation of its DaemonSet", () => {
    const context = setup(daemonSet("everywhere"));
    context.expectations.set("default/everywhere", 1, 0);
    context.handlers.pods.onAdd(pod(ownedBy("everywhere")));
    expect(context.enqueued).toEqual(["default/everywhere"]);
    expect(context.expectations.satisfied("default/everywhere")).toBe(true);
  });

  it("an orphan wakes every DaemonSet whose selector matches it, and observes nothing", () => {
    const context = setup(daemonSet("everywhere"), daemonSet("selective", blue));
    context.expectations.set("default/everywhere", 1, 0);
    context.handlers.pods.onAdd(pod());
    expect(context.enqueued).toEqual(["default/everywhere"]);
    expect(context.expectations.satisfied("default/everywhere")).toBe(false);
  });

  it("a pod owned by a DaemonSet with another uid is ignored", () => {
    const context = setup(daemonSet("everywhere"));
    context.handlers.pods.onAdd(
      pod({
        ownerReferences: [
          { apiVersion: "apps/v1", kind: "DaemonSet", name: "everywhere", uid: "x", controller: true },
        ],
      }),
    );
    expect(context.enqueued).toEqual([]);
  });

  it("an update that sets deletionTimestamp counts as the deletion", () => {
    const context = setup(daemonSet("everywhere"));
    context.expectations.set("default/everywhere", 0, 1);
    context.handlers.pods.onUpdate(
      pod(ownedBy("everywhere")),
      pod({ ...ownedBy("everywhere"), resourceVersion: "11", deletionTimestamp: "2026-01-01T00:00:30Z" }),
    );
    expect(context.enqueued).toEqual(["default/everywhere"]);
    expect(context.expectations.satisfied("default/everywhere")).toBe(true);
  });

  it("a pod turning Ready requeues its DaemonSet after minReadySeconds + 1 s", () => {
    const slow = daemonSet("everywhere");
    slow.spec = { ...(slow.spec as NonNullable<DaemonSet["spec"]>), minReadySeconds: 30 };
    const context = setup(slow);
    context.handlers.pods.onUpdate(
      pod(ownedBy("everywhere")),
      pod({ ...ownedBy("everywhere"), resourceVersion: "11" }, true),
    );
    expect(context.enqueued).toEqual(["default/everywhere"]);
    expect(context.delayed).toEqual(["default/everywhere after 31000"]);
  });

  it("an orphan update wakes matching DaemonSets only when its labels changed", () => {
    const context = setup(daemonSet("everywhere"));
    context.handlers.pods.onUpdate(pod(), pod({ resourceVersion: "11" }));
    expect(context.enqueued).toEqual([]);
    context.handlers.pods.onUpdate(pod({ labels: {} }), pod({ resourceVersion: "12" }));
    expect(context.enqueued).toEqual(["default/everywhere"]);
  });
});

describe("DaemonSet and ControllerRevision handlers", () => {
  it("a DaemonSet recreated under the same name drops the old expectations", () => {
    const context = setup(daemonSet("everywhere"));
    context.expectations.set("default/everywhere", 3, 0);
    const recreated = daemonSet("everywhere");
    recreated.metadata = { ...recreated.metadata, uid: "new-uid", resourceVersion: "9" };
    context.handlers.daemonSets.onUpdate(daemonSet("everywhere"), recreated);
    expect(context.enqueued).toEqual(["default/everywhere", "default/everywhere"]);
    expect(context.expectations.get("default/everywhere")).toBeUndefined();
  });

  it("a new revision with a controller reference wakes nothing; its deletion wakes the owner", () => {
    const context = setup(daemonSet("everywhere"));
    const revision = { metadata: { name: "r", namespace: "default", ...ownedBy("everywhere") }, revision: 1 };
    context.handlers.revisions.onAdd(revision);
    expect(context.enqueued).toEqual([]);
    context.handlers.revisions.onDelete(revision);
    expect(context.enqueued).toEqual(["default/everywhere"]);
  });
});

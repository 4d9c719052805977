import { labelSelectorAsSelector } from "@kubesim/affinity";
import type { Pod } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTargetNodeName } from "../placement/target-node-name.js";
import { DaemonPodIndex } from "./daemon-pod-index.js";
import { controllerOf, isTerminating } from "./daemon-pods.js";
import { ObjectCache } from "./object-cache.js";

const selector = labelSelectorAsSelector({ matchLabels: { app: "web" } });

interface PodShape {
  readonly namespace: string;
  readonly name: string;
  readonly owner: string | undefined;
  readonly nodeName: string | undefined;
  readonly pin: string | undefined;
  readonly app: string;
  readonly terminating: boolean;
}

let nextVersion = 1;

function podOf(shape: PodShape): Pod {
  return {
    metadata: {
      name: shape.name,
      namespace: shape.namespace,
      resourceVersion: String(nextVersion++),
      labels: { app: shape.app },
      ...(shape.owner === undefined
        ? {}
        : {
            ownerReferences: [
              { apiVersion: "apps/v1", kind: "DaemonSet", name: "ds", uid: shape.owner, controller: true },
            ],
          }),
      ...(shape.terminating ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}),
    },
    spec: {
      containers: [],
      ...(shape.nodeName === undefined ? {} : { nodeName: shape.nodeName }),
      ...(shape.pin === undefined
        ? {}
        : {
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [
                    { matchFields: [{ key: "metadata.name", operator: "In", values: [shape.pin] }] },
                  ],
                },
              },
            },
          }),
    },
  };
}

const shapes = fc.record({
  namespace: fc.constantFrom("ns-a", "ns-b"),
  name: fc.constantFrom("p0", "p1", "p2", "p3", "p4", "p5"),
  owner: fc.constantFrom(undefined, "uid-1", "uid-2"),
  nodeName: fc.constantFrom(undefined, "node-0", "node-1"),
  pin: fc.constantFrom(undefined, "node-1", "node-2"),
  app: fc.constantFrom("web", "db"),
  terminating: fc.boolean(),
});
const operations = fc.array(
  fc.oneof(
    shapes.map((shape) => ({ remove: false as const, shape })),
    shapes.map((shape) => ({ remove: true as const, shape })),
  ),
  { maxLength: 60 },
);

/** What the index should hold for (ns-a, uid-1), recomputed from the cache the slow way. */
function expected(cache: ObjectCache<Pod>) {
  const byNode = new Map<string, string[]>();
  const nonMatching: string[] = [];
  const adoptable: string[] = [];
  for (const pod of cache.list("ns-a")) {
    const name = pod.metadata?.name ?? "";
    const reference = controllerOf(pod);
    if (reference === undefined) {
      if (!isTerminating(pod) && selector.matches(pod.metadata?.labels)) adoptable.push(name);
      continue;
    }
    if (reference.uid !== "uid-1") continue;
    if (!selector.matches(pod.metadata?.labels)) nonMatching.push(name);
    const target = findTargetNodeName(pod);
    if (target === null) continue;
    byNode.set(target, [...(byNode.get(target) ?? []), name]);
  }
  return { byNode, nonMatching: nonMatching.sort(), adoptable: adoptable.sort() };
}

function actual(index: DaemonPodIndex) {
  const owned = index.controlled("ns-a", "uid-1");
  const byNode = new Map<string, string[]>();
  for (const [nodeName, group] of owned.byNode) {
    byNode.set(
      nodeName,
      group.map((entry) => entry.pod.metadata?.name ?? ""),
    );
  }
  return { byNode, nonMatching: [...owned.nonMatching].sort(), adoptable: [...owned.adoptable].sort() };
}

function sortedEntries(map: Map<string, string[]>): [string, string[]][] {
  return [...map].sort(([left], [right]) => left.localeCompare(right));
}

describe("DaemonPodIndex", () => {
  it("matches a regrouping of the cache after any sequence of inserts, updates and removals", () => {
    fc.assert(
      fc.property(operations, fc.boolean(), (steps, selectFirst) => {
        const index = new DaemonPodIndex();
        const cache = new ObjectCache<Pod>((previous, current) => index.observe(previous, current));
        const owned = index.controlled("ns-a", "uid-1");
        owned.trackChanges();
        if (selectFirst) owned.select(selector);
        for (const step of steps) {
          const before = expected(cache).byNode;
          if (step.remove) cache.remove(step.shape.namespace, step.shape.name);
          else cache.upsert(podOf(step.shape));
          const after = expected(cache).byNode;
          // Every node whose group changed is reported.
          const changed = owned.takeChangedNodes();
          for (const nodeName of new Set([...before.keys(), ...after.keys()])) {
            if (JSON.stringify(before.get(nodeName)) !== JSON.stringify(after.get(nodeName))) {
              expect(changed.has(nodeName)).toBe(true);
            }
          }
        }
        if (!selectFirst) owned.select(selector);
        const want = expected(cache);
        const got = actual(index);
        expect(sortedEntries(got.byNode)).toEqual(sortedEntries(want.byNode));
        expect(got.nonMatching).toEqual(want.nonMatching);
        expect(got.adoptable).toEqual(want.adoptable);
      }),
      { numRuns: 300 },
    );
  });

  it.each`
    name                                                                         | first                                      | second                                     | byNode
    ${"a pod bound to its pinned node stays where it was"}                       | ${{ pin: "node-1", nodeName: undefined }}  | ${{ pin: "node-1", nodeName: "node-1" }}   | ${[["node-1", ["p0", "p1"]]]}
    ${"a pod whose target changes moves to the other node, keeping cache order"} | ${{ pin: "node-1", nodeName: undefined }}  | ${{ pin: "node-1", nodeName: "node-2" }}   | ${[["node-1", ["p1"]], ["node-2", ["p0"]]]}
    ${"a pod that names no single node is left out"}                             | ${{ pin: undefined, nodeName: undefined }} | ${{ pin: undefined, nodeName: undefined }} | ${[["node-1", ["p1"]]]}
  `("$name", ({ first, second, byNode }) => {
    const index = new DaemonPodIndex();
    const cache = new ObjectCache<Pod>((previous, current) => index.observe(previous, current));
    const base = { namespace: "ns-a", owner: "uid-1", app: "web", terminating: false };
    cache.upsert(podOf({ ...base, name: "p0", ...first }));
    cache.upsert(podOf({ ...base, name: "p1", pin: "node-1", nodeName: undefined }));
    cache.upsert(podOf({ ...base, name: "p0", ...second }));
    expect(sortedEntries(actual(index).byNode)).toEqual(byNode);
  });

  it("forgets the group of a controller nobody follows once its last pod is gone", () => {
    const index = new DaemonPodIndex();
    const cache = new ObjectCache<Pod>((previous, current) => index.observe(previous, current));
    const shape = {
      namespace: "ns-a",
      name: "p0",
      owner: "uid-9",
      nodeName: "node-0",
      pin: undefined,
      app: "web",
      terminating: false,
    };
    cache.upsert(podOf(shape));
    const group = index.controlled("ns-a", "uid-9");
    expect(group.size).toBe(1);
    cache.remove("ns-a", "p0");
    expect(index.controlled("ns-a", "uid-9")).not.toBe(group);
  });
});

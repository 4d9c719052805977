import { labelSelectorAsSelector } from "@kubesim/affinity";
import { type DaemonSet, type Node, type Pod, VirtualClock } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDaemonPodPlacement, type DaemonPodPlacementResult } from "../placement/index.js";
import { ControllerExpectations } from "./controller-expectations.js";
import { DaemonPodIndex } from "./daemon-pod-index.js";
import { controllerOf, groupDaemonPodsByNode } from "./daemon-pods.js";
import { DaemonSetModel } from "./daemon-set-model.js";
import { computeDaemonSetStatus } from "./daemon-set-status.js";
import { FailedPodsBackoff } from "./failed-pods-backoff.js";
import { planManage } from "./manage.js";
import { SortedNodeNames } from "./node-order.js";
import { ObjectCache } from "./object-cache.js";
import { planRollingUpdateFromGroups, planRollingUpdateFromModel } from "./rolling-update.js";
import type { ControllerRuntime, SyncPass } from "./sync-pass.js";

const startMs = Date.parse("2026-01-01T00:00:00Z");
const nodeNames = ["node-1", "node-10", "node-2", "a", "Z", "node-3"];
const targets = [...nodeNames, "gone"];
const burstReplicas = 2;
let nextVersion = 1;

interface SpecShape {
  readonly nodeSelector: boolean;
  readonly tolerateDedicated: boolean;
  readonly strategy: "OnDelete" | "RollingUpdate";
  readonly maxUnavailable: number | string;
  readonly maxSurge: number | string;
  readonly minReadySeconds: number;
  readonly generation: number;
}

function daemonSetOf(shape: SpecShape): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: {
      name: "ds",
      namespace: "default",
      uid: "ds-uid",
      resourceVersion: String(nextVersion++),
      annotations: { "deprecated.daemonset.template.generation": String(shape.generation) },
    },
    spec: {
      selector: { matchLabels: { app: "ds" } },
      minReadySeconds: shape.minReadySeconds,
      updateStrategy:
        shape.strategy === "OnDelete"
          ? { type: "OnDelete" }
          : {
              type: "RollingUpdate",
              rollingUpdate: { maxUnavailable: shape.maxUnavailable, maxSurge: shape.maxSurge },
            },
      template: {
        metadata: { labels: { app: "ds" } },
        spec: {
          containers: [{ name: "main", image: "pause" }],
          ...(shape.nodeSelector ? { nodeSelector: { tier: "a" } } : {}),
          ...(shape.tolerateDedicated ? { tolerations: [{ key: "dedicated", operator: "Exists" }] } : {}),
        },
      },
    },
  };
}

interface NodeShape {
  readonly name: string;
  readonly tier: "a" | "b";
  readonly taint: "none" | "NoSchedule" | "NoExecute";
}

function nodeOf(shape: NodeShape): Node {
  return {
    metadata: { name: shape.name, resourceVersion: String(nextVersion++), labels: { tier: shape.tier } },
    spec: shape.taint === "none" ? {} : { taints: [{ key: "dedicated", effect: shape.taint }] },
  };
}

interface PodShape {
  readonly name: string;
  readonly target: string;
  readonly bound: boolean;
  readonly hash: "h1" | "h2";
  readonly generation: number;
  readonly phase: "Pending" | "Running" | "Failed" | "Succeeded";
  readonly ready: boolean;
  readonly readyAgoMs: number;
  readonly terminating: boolean;
  readonly createdAgoMs: number;
}

function podOf(shape: PodShape, now: number): Pod {
  const pin = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchFields: [{ key: "metadata.name", operator: "In", values: [shape.target] }] },
        ],
      },
    },
  };
  return {
    metadata: {
      name: shape.name,
      namespace: "default",
      resourceVersion: String(nextVersion++),
      creationTimestamp: new Date(startMs - shape.createdAgoMs).toISOString(),
      labels: {
        app: "ds",
        "controller-revision-hash": shape.hash,
        "pod-template-generation": String(shape.generation),
      },
      ownerReferences: [
        { apiVersion: "apps/v1", kind: "DaemonSet", name: "ds", uid: "ds-uid", controller: true },
      ],
      ...(shape.terminating ? { deletionTimestamp: new Date(startMs).toISOString() } : {}),
    },
    spec: {
      containers: [],
      affinity: pin,
      ...(shape.bound ? { nodeName: shape.target } : {}),
    },
    status: {
      phase: shape.phase,
      conditions: [
        {
          type: "Ready",
          status: shape.ready ? "True" : "False",
          lastTransitionTime: new Date(now - shape.readyAgoMs).toISOString(),
        },
      ],
    },
  };
}

const specShapes = fc.record({
  nodeSelector: fc.boolean(),
  tolerateDedicated: fc.boolean(),
  strategy: fc.constantFrom("OnDelete" as const, "RollingUpdate" as const),
  maxUnavailable: fc.constantFrom(0, 1, 2, "50%"),
  maxSurge: fc.constantFrom(0, 0, 1, "50%"),
  minReadySeconds: fc.constantFrom(0, 0, 5),
  generation: fc.constantFrom(1, 2),
});
const nodeShapes = fc.record({
  name: fc.constantFrom(...nodeNames),
  tier: fc.constantFrom("a" as const, "b" as const),
  taint: fc.constantFrom("none" as const, "none" as const, "NoSchedule" as const, "NoExecute" as const),
});
const podNames = ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"];
const podShapes = fc.record({
  name: fc.constantFrom(...podNames),
  target: fc.constantFrom(...targets),
  bound: fc.boolean(),
  hash: fc.constantFrom("h1" as const, "h2" as const),
  generation: fc.constantFrom(1, 2),
  phase: fc.constantFrom(
    "Pending" as const,
    "Running" as const,
    "Running" as const,
    "Failed" as const,
    "Succeeded" as const,
  ),
  ready: fc.boolean(),
  readyAgoMs: fc.constantFrom(0, 3000, 10_000),
  terminating: fc.boolean(),
  createdAgoMs: fc.constantFrom(0, 1000, 2000),
});
const changes = fc.oneof(
  { weight: 6, arbitrary: podShapes.map((pod) => ({ kind: "pod" as const, pod })) },
  { weight: 2, arbitrary: fc.constantFrom(...podNames).map((name) => ({ kind: "podGone" as const, name })) },
  { weight: 2, arbitrary: nodeShapes.map((node) => ({ kind: "node" as const, node })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...nodeNames).map((name) => ({ kind: "nodeGone" as const, name })),
  },
  { weight: 1, arbitrary: specShapes.map((spec) => ({ kind: "spec" as const, spec })) },
  { weight: 1, arbitrary: fc.constantFrom("h1", "h2").map((hash) => ({ kind: "hash" as const, hash })) },
  { weight: 1, arbitrary: fc.constantFrom(1000, 4000, -500).map((ms) => ({ kind: "time" as const, ms })) },
  { weight: 2, arbitrary: fc.constant({ kind: "pass" as const }) },
);

function runtimeFor(clock: VirtualClock, log: string[]): ControllerRuntime {
  return {
    client: undefined as never,
    clock,
    scheduling: "scheduler",
    burstReplicas,
    expectations: new ControllerExpectations(clock),
    failedPodsBackoff: new FailedPodsBackoff(clock),
    events: undefined as never,
    enqueueAfter: (key, delayMs) => log.push(`requeue ${key} after ${delayMs}`),
    caches: () => undefined,
  };
}

function passFor(
  runtime: ControllerRuntime,
  daemonSet: DaemonSet,
  nodes: readonly Node[],
  placements: ReadonlyMap<string, DaemonPodPlacementResult>,
  pods: ObjectCache<Pod>,
  log: string[],
  model?: DaemonSetModel,
): SyncPass {
  return {
    runtime,
    key: "default/ds",
    daemonSet,
    namespace: "default",
    nodes,
    placements,
    pods,
    revisions: new ObjectCache(),
    cached: true,
    ...(model === undefined ? {} : { model }),
    recordEvent: (type, reason, message) => log.push(`${type} ${reason} ${message}`),
    canAdopt: () => Promise.resolve(),
  };
}

function outcome<T>(compute: () => T): T | string {
  try {
    return compute();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** Everything one pass reads, from the model and recomputed from scratch; they must agree. */
function compare(
  clock: VirtualClock,
  daemonSet: DaemonSet,
  nodeCache: ObjectCache<Node>,
  podCache: ObjectCache<Pod>,
  model: DaemonSetModel,
  hash: string,
): void {
  model.beginPass(daemonSet);
  expect(model.claimChangesNothing(daemonSet)).toBe(true);
  model.capture();

  const nodes = [...nodeCache.values()].sort((left, right) =>
    (left.metadata?.name ?? "") < (right.metadata?.name ?? "") ? -1 : 1,
  );
  const placement = createDaemonPodPlacement(daemonSet);
  const placements = new Map(nodes.map((node) => [node.metadata?.name ?? "", placement(node)]));
  const selector = labelSelectorAsSelector(daemonSet.spec?.selector);
  const claimed = podCache
    .list("default")
    .filter((pod) => controllerOf(pod)?.uid === "ds-uid" && selector.matches(pod.metadata?.labels));
  const groups = groupDaemonPodsByNode(claimed, false);

  const fullLog: string[] = [];
  const modelLog: string[] = [];
  const fullPass = passFor(runtimeFor(clock, fullLog), daemonSet, nodes, placements, podCache, fullLog);
  const modelPass = passFor(
    runtimeFor(clock, modelLog),
    daemonSet,
    nodes,
    placements,
    podCache,
    modelLog,
    model,
  );

  const fullManage = planManage(fullPass, groups, hash);
  const modelManage = model.planManage(modelPass, hash);
  expect(modelManage.podsToDelete).toEqual(fullManage.podsToDelete);
  expect(modelManage.nodesNeedingDaemonPods).toEqual(
    fullManage.nodesNeedingDaemonPods.slice(0, burstReplicas),
  );
  expect(modelLog).toEqual(fullLog);

  expect(outcome(() => planRollingUpdateFromModel(modelPass, model, hash))).toEqual(
    outcome(() => planRollingUpdateFromGroups(fullPass, groups, hash)),
  );
  const now = clock.now();
  expect(model.statusCounts(hash, now)).toEqual(
    computeDaemonSetStatus({ daemonSet, nodes, placements, nodeToDaemonPods: groups, hash, now }),
  );
}

type Change = typeof changes extends fc.Arbitrary<infer T> ? T : never;

function runScenario(initialSpec: SpecShape, steps: readonly Change[]): void {
  const clock = new VirtualClock(startMs);
  const podIndex = new DaemonPodIndex();
  const podCache = new ObjectCache<Pod>((previous, current) => podIndex.observe(previous, current));
  let model: DaemonSetModel | undefined;
  const nodeCache = new ObjectCache<Node>((previous, current) => {
    if (previous === undefined || current === undefined) nodeOrder.invalidate();
    model?.nodeChanged((current ?? previous)?.metadata?.name ?? "");
  });
  const nodeOrder = new SortedNodeNames(nodeCache);
  model = new DaemonSetModel(podIndex, nodeCache, nodeOrder);
  for (const name of nodeNames.slice(0, 4)) nodeCache.upsert(nodeOf({ name, tier: "a", taint: "none" }));
  let daemonSet = daemonSetOf(initialSpec);
  let hash = "h1";
  compare(clock, daemonSet, nodeCache, podCache, model, hash);
  for (const step of steps) {
    switch (step.kind) {
      case "pod":
        podCache.upsert(podOf(step.pod, clock.now()));
        break;
      case "podGone":
        podCache.remove("default", step.name);
        break;
      case "node":
        nodeCache.upsert(nodeOf(step.node));
        break;
      case "nodeGone":
        nodeCache.remove("", step.name);
        break;
      case "spec":
        daemonSet = daemonSetOf(step.spec);
        break;
      case "hash":
        hash = step.hash;
        break;
      case "time":
        clock.advance(Math.max(step.ms, 0));
        break;
      case "pass":
        compare(clock, daemonSet, nodeCache, podCache, model, hash);
        break;
    }
  }
  compare(clock, daemonSet, nodeCache, podCache, model, hash);
}

const steadySpec: SpecShape = {
  nodeSelector: false,
  tolerateDedicated: false,
  strategy: "RollingUpdate",
  maxUnavailable: 1,
  maxSurge: 0,
  minReadySeconds: 5,
  generation: 1,
};
const readyPod: PodShape = {
  name: "p0",
  target: "node-1",
  bound: true,
  hash: "h1",
  generation: 1,
  phase: "Running",
  ready: true,
  readyAgoMs: 3000,
  terminating: false,
  createdAgoMs: 0,
};

describe("DaemonSetModel", () => {
  it("plans, rolls and counts exactly as the full recomputation, whatever changes between passes", () => {
    fc.assert(
      fc.property(specShapes, fc.array(changes, { maxLength: 40 }), (initialSpec, steps) =>
        runScenario(initialSpec, steps),
      ),
      { numRuns: 400 },
    );
  });

  it.each`
    name                                                                   | spec                                                    | steps
    ${"a Ready pod becomes available as the clock passes minReadySeconds"} | ${steadySpec}                                           | ${[{ kind: "pod", pod: readyPod }, { kind: "pass" }, { kind: "time", ms: 4000 }]}
    ${"an old pod becomes a deletion candidate once available"}            | ${{ ...steadySpec, generation: 2 }}                     | ${[{ kind: "pod", pod: { ...readyPod, hash: "h2" } }, { kind: "pass" }, { kind: "time", ms: 4000 }]}
    ${"with surge an available old pod makes its node a surge candidate"}  | ${{ ...steadySpec, maxSurge: 1, generation: 2 }}        | ${[{ kind: "pod", pod: { ...readyPod, hash: "h2" } }, { kind: "pass" }, { kind: "time", ms: 4000 }]}
    ${"a new hash makes every pod old at once"}                            | ${{ ...steadySpec, minReadySeconds: 0, generation: 2 }} | ${[{ kind: "pod", pod: readyPod }, { kind: "pass" }, { kind: "hash", hash: "h2" }]}
    ${"a deleted node leaves its unbound pod to be deleted"}               | ${steadySpec}                                           | ${[{ kind: "pod", pod: { ...readyPod, bound: false } }, { kind: "pass" }, { kind: "nodeGone", name: "node-1" }]}
  `("$name", ({ spec, steps }) => {
    runScenario(spec, steps);
  });

  it.each`
    name                                                               | labels            | owner          | claimChangesNothing
    ${"an orphan the selector matches would be adopted"}               | ${{ app: "ds" }}  | ${undefined}   | ${false}
    ${"an orphan the selector does not match is left alone"}           | ${{ app: "web" }} | ${undefined}   | ${true}
    ${"an owned pod the selector no longer matches would be released"} | ${{ app: "web" }} | ${"ds-uid"}    | ${false}
    ${"a pod of another controller is ignored"}                        | ${{ app: "ds" }}  | ${"other-uid"} | ${true}
  `("$name", ({ labels, owner, claimChangesNothing }) => {
    const podIndex = new DaemonPodIndex();
    const podCache = new ObjectCache<Pod>((previous, current) => podIndex.observe(previous, current));
    const nodeCache = new ObjectCache<Node>();
    const model = new DaemonSetModel(podIndex, nodeCache, new SortedNodeNames(nodeCache));
    const daemonSet = daemonSetOf({
      nodeSelector: false,
      tolerateDedicated: false,
      strategy: "RollingUpdate",
      maxUnavailable: 1,
      maxSurge: 0,
      minReadySeconds: 0,
      generation: 1,
    });
    model.beginPass(daemonSet);
    podCache.upsert({
      metadata: {
        name: "stray",
        namespace: "default",
        resourceVersion: "1",
        labels,
        ...(owner === undefined
          ? {}
          : {
              ownerReferences: [
                { apiVersion: "v1", kind: "DaemonSet", name: "x", uid: owner, controller: true },
              ],
            }),
      },
      spec: { containers: [], nodeName: "node-1" },
    });
    expect(model.claimChangesNothing(daemonSet)).toBe(claimChangesNothing);
  });
});

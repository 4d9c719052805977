import { type ApiClient, createRandom, type Node, type Pod, VirtualClock } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSchedulerConfiguration, resolveProfile } from "../config/index.js";
import { CycleState } from "../framework/cycle-state.js";
import { inTreePluginDefinitions } from "../plugins/registry.js";
import { SchedulerCache } from "../scheduler/scheduler-cache.js";
import { createFrameworkRuntime, type FrameworkRuntime } from "./framework-runtime.js";
import { createPluginDefinitionMap } from "./plugin-set.js";
import { type AlgorithmState, type ScheduleOutcome, schedulePod } from "./schedule-algorithm.js";

// 130 nodes: a cycle filters only a window of them (adaptive percentage), so the rotating
// start and the answers remembered from earlier windows both matter; 24 nodes: every cycle
// sees every node, so nearly every answer comes from the memo.
const nodeCounts = [24, 130] as const;
const zones = ["zone-a", "zone-b", "zone-c"];

function clusterNode(index: number, variant: number): Node {
  const taints = variant % 3 === 1 ? [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] : [];
  const preferTaint =
    variant % 4 === 2 ? [{ key: "spot", value: "true", effect: "PreferNoSchedule" as const }] : [];
  return {
    metadata: {
      name: `node-${index}`,
      labels: {
        "kubernetes.io/hostname": `node-${index}`,
        "topology.kubernetes.io/zone": zones[index % zones.length] as string,
        ...(variant % 2 === 0 ? { disk: "ssd" } : {}),
      },
    },
    spec: { taints: [...taints, ...preferTaint] },
    status: {
      allocatable: { cpu: String(2 + (variant % 3)), memory: "8Gi", pods: String(6 + (variant % 5)) },
      images:
        variant % 5 === 0
          ? [{ names: ["registry.example/app:1", "registry.example/app@sha"], sizeBytes: 3e8 }]
          : [],
    },
  };
}

/** The pod shapes the property mixes: each exercises other node-local plugins. */
const templates: readonly ((name: string) => Pod)[] = [
  (name) => podOf(name, { containers: [container("250m")] }),
  (name) => podOf(name, { containers: [container("1500m")] }),
  (name) =>
    podOf(name, {
      containers: [container("100m")],
      tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }],
    }),
  (name) => podOf(name, { containers: [container("100m")], nodeSelector: { disk: "ssd" } }),
  (name) =>
    podOf(name, {
      containers: [container("100m")],
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 5,
              preference: { matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }] },
            },
          ],
        },
      },
    }),
  (name) =>
    podOf(name, { containers: [{ ...container("100m"), ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
  (name) => podOf(name, { containers: [{ ...container("300m"), image: "registry.example/app:1" }] }),
  (name) =>
    podOf(
      name,
      {
        containers: [container("100m")],
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: "DoNotSchedule",
            labelSelector: { matchLabels: { app: "spread" } },
          },
        ],
      },
      { app: "spread" },
    ),
];

function container(cpu: string) {
  return { name: "c", image: "registry.example/pause:3", resources: { requests: { cpu, memory: "256Mi" } } };
}

function podOf(name: string, spec: Pod["spec"], labels?: Record<string, string>): Pod {
  return {
    metadata: { name, namespace: "default", uid: name, ...(labels === undefined ? {} : { labels }) },
    spec: spec as NonNullable<Pod["spec"]>,
  };
}

function defaultFramework(cache: SchedulerCache): FrameworkRuntime {
  const definitions = createPluginDefinitionMap(inTreePluginDefinitions());
  const configuration = parseSchedulerConfiguration(
    { apiVersion: "kubescheduler.config.k8s.io/v1", kind: "KubeSchedulerConfiguration" },
    { pluginDefinition: (name) => definitions.get(name) },
  );
  const profile = resolveProfile(configuration.profiles[0] as (typeof configuration.profiles)[number]);
  return createFrameworkRuntime({
    profile,
    definitions,
    clock: new VirtualClock(0),
    snapshot: () => cache.snapshot(),
    // Binding never happens here; DefaultBinder only needs a client to be built.
    services: {
      client: { bind: async () => undefined } as unknown as ApiClient,
      random: createRandom(0),
      nominatedPodsForNode: () => [],
      getPod: () => undefined,
      recordEvent: () => {},
    },
  });
}

/** What a cycle decided, as comparable data. */
function summary(outcome: ScheduleOutcome): unknown {
  switch (outcome.kind) {
    case "scheduled":
      return outcome;
    case "unfit":
      return { kind: "unfit", message: outcome.fitError.message };
    default:
      return { kind: "failed", reasons: outcome.status.reasons };
  }
}

type Step =
  | { readonly kind: "schedule"; readonly template: number }
  | { readonly kind: "relabel"; readonly node: number; readonly variant: number }
  | { readonly kind: "evict"; readonly pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant("schedule" as const), template: fc.nat(templates.length - 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("relabel" as const),
      node: fc.nat(nodeCounts[1] - 1),
      variant: fc.nat(11),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("evict" as const), pick: fc.nat() }) },
);

describe("schedulePod with remembered node-local answers", () => {
  it.each(nodeCounts)(
    "decides every cycle over %i nodes exactly as a framework that remembers nothing",
    (nodeCount) => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.integer(), (steps, seed) => {
          const cache = new SchedulerCache();
          for (let index = 0; index < nodeCount; index++) cache.addNode(clusterNode(index, index % 12));
          const longLived = defaultFramework(cache);
          // The same profile with nothing remembered: every plugin is asked every time.
          const baseline: FrameworkRuntime = { ...defaultFramework(cache), beginNodeMemo: () => 0 };
          const remembering = {
            random: createRandom(seed),
            state: { nextStartNodeIndex: 0 } as AlgorithmState,
          };
          const fresh = { random: createRandom(seed), state: { nextStartNodeIndex: 0 } as AlgorithmState };
          const placed: Pod[] = [];
          steps.forEach((next, index) => {
            if (next.kind === "relabel") {
              cache.updateNode(clusterNode(next.node % nodeCount, next.variant));
              return;
            }
            if (next.kind === "evict") {
              const victim = placed.splice(next.pick % Math.max(placed.length, 1), 1)[0];
              if (victim !== undefined) cache.removePod(victim);
              return;
            }
            const pod = (templates[next.template] as (name: string) => Pod)(`pod-${index}`);
            const run = (framework: FrameworkRuntime, side: typeof fresh) =>
              schedulePod({
                framework,
                state: new CycleState(),
                pod,
                snapshot: cache.snapshot(),
                algorithmState: side.state,
                random: side.random,
                globalPercentageOfNodesToScore: 0,
              });
            const expected = run(baseline, fresh);
            const actual = run(longLived, remembering);
            expect(summary(actual)).toEqual(summary(expected));
            if (actual.kind === "scheduled") {
              const bound: Pod = {
                ...pod,
                spec: { ...(pod.spec as NonNullable<Pod["spec"]>), nodeName: actual.suggestedHost },
              };
              cache.addPod(bound);
              placed.push(bound);
            }
          });
        }),
        { numRuns: 40 },
      );
    },
  );
});

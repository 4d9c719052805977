import type { DaemonSet, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { planRollingUpdate, type RollingUpdateInput } from "./plan-rolling-update.js";

const currentHash = "new-hash";
const now = Date.parse("2024-01-01T00:01:00Z");

/**
 * A pod on a node, written as words: `old`/`new` (its revision hash), then any of
 * `ready` (Ready since long ago), `ready-10s` / `ready-20s` (Ready since that long before
 * `now`), `deleting` (has a deletionTimestamp), `generation` (old hash but the current
 * `pod-template-generation` label).
 */
type PodWords = string;

function daemonPod(name: string, nodeName: string, words: PodWords): Pod {
  const [version, ...flags] = words.split(" ");
  const labels: Record<string, string> = {
    app: "web",
    "controller-revision-hash": version === "new" ? currentHash : "old-hash",
  };
  if (flags.includes("generation")) labels["pod-template-generation"] = "2";
  const readyFlag = flags.find((flag) => flag.startsWith("ready"));
  const readySeconds = readyFlag === "ready" ? 3600 : Number(readyFlag?.slice("ready-".length, -1));
  return {
    metadata: {
      name,
      labels,
      ...(flags.includes("deleting") ? { deletionTimestamp: "2024-01-01T00:00:30Z" } : {}),
    },
    spec: { containers: [], nodeName },
    status: {
      conditions: [
        readyFlag === undefined
          ? { type: "Ready", status: "False" }
          : {
              type: "Ready",
              status: "True",
              lastTransitionTime: new Date(now - readySeconds * 1000).toISOString(),
            },
      ],
    },
  };
}

/** Nodes in order, each with its pods; pod names are `<node>-p<index>`. */
function layout(nodes: Record<string, PodWords[]>): Map<string, Pod[]> {
  return new Map(
    Object.entries(nodes).map(([nodeName, pods]) => [
      nodeName,
      pods.map((words, index) => daemonPod(`${nodeName}-p${index}`, nodeName, words)),
    ]),
  );
}

function nodesOf(count: number, words: (index: number) => PodWords[]): Record<string, PodWords[]> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`node-${index}`, words(index)]));
}

function daemonSet(minReadySeconds = 0): DaemonSet {
  return {
    metadata: {
      name: "web",
      namespace: "default",
      annotations: { "deprecated.daemonset.template.generation": "2" },
    },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } } },
      minReadySeconds,
    },
  };
}

function plan(options: {
  nodes: Record<string, PodWords[]>;
  maxSurge?: number;
  maxUnavailable?: number;
  minReadySeconds?: number;
  notRunning?: string[];
  missing?: string[];
  desiredNodeNames?: string[];
}) {
  const notRunning = new Set(options.notRunning ?? []);
  const missing = new Set(options.missing ?? []);
  const input: RollingUpdateInput = {
    ds: daemonSet(options.minReadySeconds),
    hash: currentHash,
    nodeToDaemonPods: layout(options.nodes),
    now,
    maxSurge: options.maxSurge ?? 0,
    maxUnavailable: options.maxUnavailable ?? 0,
    nodeShouldRun: (nodeName) => (missing.has(nodeName) ? undefined : !notRunning.has(nodeName)),
    ...(options.desiredNodeNames === undefined ? {} : { desiredNodeNames: options.desiredNodeNames }),
  };
  return planRollingUpdate(input);
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from }, (_, index) => from + index);

describe("planRollingUpdate without surge (upstream TestDaemonSetUpdatesPods and friends)", () => {
  it.each([
    {
      name: "with every old pod available, it deletes maxUnavailable of them",
      nodes: nodesOf(5, () => ["old ready"]),
      maxUnavailable: 2,
      expected: ["node-0-p0", "node-1-p0"],
    },
    {
      name: "nodes whose old pods were just deleted use up the budget",
      nodes: nodesOf(5, (index) => (index < 2 ? [] : ["old ready"])),
      maxUnavailable: 2,
      expected: [],
    },
    {
      name: "new pods that are not ready yet use up the budget",
      nodes: nodesOf(5, (index) => [index < 2 ? "new" : "old ready"]),
      maxUnavailable: 2,
      expected: [],
    },
    {
      name: "once the new pods are available the next old pods go",
      nodes: nodesOf(5, (index) => [index < 2 ? "new ready" : "old ready"]),
      maxUnavailable: 2,
      expected: ["node-2-p0", "node-3-p0"],
    },
    {
      name: "the last old pod goes even when the budget is larger",
      nodes: nodesOf(5, (index) => [index < 4 ? "new ready" : "old ready"]),
      maxUnavailable: 2,
      expected: ["node-4-p0"],
    },
    {
      name: "nothing happens once every pod is new and available",
      nodes: nodesOf(5, () => ["new ready"]),
      maxUnavailable: 2,
      expected: [],
    },
    {
      name: "unready new pods equal to maxUnavailable stop the update (TestDaemonSetUpdatesWhenNewPodIsNotReady)",
      nodes: nodesOf(5, (index) => [index < 3 ? "new" : "old ready"]),
      maxUnavailable: 3,
      expected: [],
    },
    {
      name: "unavailable old pods are all deleted whatever the budget (TestDaemonSetUpdatesAllOldPodsNotReady)",
      nodes: nodesOf(5, () => ["old"]),
      maxUnavailable: 3,
      expected: range(0, 5).map((index) => `node-${index}-p0`),
    },
    {
      name: "with 88 unavailable new pods only the 2 unavailable old pods go (TestDaemonSetUpdatesAllOldNotReadyPodsAndNewNotReadyPods)",
      nodes: nodesOf(100, (index) => [index < 10 ? "old ready" : index < 12 ? "old" : "new"]),
      maxUnavailable: 10,
      expected: ["node-10-p0", "node-11-p0"],
    },
    {
      name: "old healthy pods are saved while 10 unavailable pods are replaced (TestDaemonSetUpdatesSaveOldHealthyPods, maxUnavailable 9)",
      nodes: nodesOf(20, (index) => [index < 10 ? "old ready" : "old"]),
      maxUnavailable: 9,
      expected: range(10, 20).map((index) => `node-${index}-p0`),
    },
    {
      name: "old healthy pods are saved with a small budget too (maxUnavailable 3)",
      nodes: nodesOf(20, (index) => [index < 10 ? "old ready" : "old"]),
      maxUnavailable: 3,
      expected: range(10, 20).map((index) => `node-${index}-p0`),
    },
    {
      name: "a budget of 11 replaces the 10 unavailable pods and one healthy one",
      nodes: nodesOf(20, (index) => [index < 10 ? "old ready" : "old"]),
      maxUnavailable: 11,
      expected: [...range(10, 20).map((index) => `node-${index}-p0`), "node-0-p0"],
    },
    {
      name: "a terminating pod is neither deleted again nor counted as a pod",
      nodes: { "node-0": ["old ready deleting"], "node-1": ["old ready"], "node-2": ["old ready"] },
      maxUnavailable: 2,
      expected: ["node-1-p0"],
    },
    {
      name: "a node with two old pods is left to manage and counts as unavailable",
      nodes: { "node-0": ["old ready", "old ready"], "node-1": ["old ready"] },
      maxUnavailable: 1,
      expected: [],
    },
    {
      name: "a node with an old and a new pod counts as unavailable",
      nodes: { "node-0": ["old ready", "new ready"], "node-1": ["old ready"] },
      maxUnavailable: 1,
      expected: [],
    },
    {
      name: "a pod carrying the current template generation counts as new",
      nodes: { "node-0": ["old ready generation"], "node-1": ["old ready"] },
      maxUnavailable: 1,
      expected: ["node-1-p0"],
    },
  ])("$name", ({ nodes, maxUnavailable, expected }) => {
    expect(plan({ nodes, maxUnavailable })).toEqual({ podsToDelete: expected, nodesToSurge: [] });
  });

  it.each([
    {
      name: "a new pod ready for less than minReadySeconds is unavailable",
      readiness: "new ready-10s",
      expected: [],
    },
    {
      name: "a new pod ready for longer than minReadySeconds is available",
      readiness: "new ready-20s",
      expected: ["node-1-p0"],
    },
  ])("$name", ({ readiness, expected }) => {
    const nodes = { "node-0": [readiness], "node-1": ["old ready"], "node-2": ["old ready"] };
    expect(plan({ nodes, maxUnavailable: 1, minReadySeconds: 15 }).podsToDelete).toEqual(expected);
  });

  it.each([
    {
      name: "a desired node without pods counts as unavailable when named",
      desiredNodeNames: ["node-0", "node-1", "node-2"],
      expected: [],
    },
    {
      name: "a desired node missing from the map is not seen unless named",
      desiredNodeNames: undefined,
      expected: ["node-0-p0"],
    },
  ])("$name", ({ desiredNodeNames, expected }) => {
    const nodes = { "node-0": ["old ready"], "node-1": ["old ready"] };
    expect(
      plan({ nodes, maxUnavailable: 1, ...(desiredNodeNames ? { desiredNodeNames } : {}) }).podsToDelete,
    ).toEqual(expected);
  });
});

describe("planRollingUpdate with surge (upstream TestDaemonSetUpdatesPodsWithMaxSurge and friends)", () => {
  it.each([
    {
      name: "with every old pod available, it surges onto maxSurge nodes",
      nodes: nodesOf(5, () => ["old ready"]),
      maxSurge: 2,
      expected: { podsToDelete: [], nodesToSurge: ["node-0", "node-1"] },
    },
    {
      name: "unavailable new pods beside old ones use up the surge budget",
      nodes: nodesOf(5, (index) => (index < 2 ? ["old ready", "new"] : ["old ready"])),
      maxSurge: 2,
      expected: { podsToDelete: [], nodesToSurge: [] },
    },
    {
      name: "old pods beside available new pods go and the next nodes surge",
      nodes: nodesOf(5, (index) => (index < 2 ? ["old ready", "new ready"] : ["old ready"])),
      maxSurge: 2,
      expected: { podsToDelete: ["node-0-p0", "node-1-p0"], nodesToSurge: ["node-2", "node-3"] },
    },
    {
      name: "the last old pod goes once its replacement is available",
      nodes: nodesOf(5, (index) => (index < 4 ? ["new ready"] : ["old ready", "new ready"])),
      maxSurge: 2,
      expected: { podsToDelete: ["node-4-p0"], nodesToSurge: [] },
    },
    {
      name: "every unavailable old pod gets its replacement whatever the budget (TestDaemonSetUpdatesAllOldPodsNotReadyMaxSurge)",
      nodes: nodesOf(5, () => ["old"]),
      maxSurge: 3,
      expected: { podsToDelete: [], nodesToSurge: range(0, 5).map((index) => `node-${index}`) },
    },
    {
      name: "nodes with excess pods take a surge slot",
      nodes: { "node-0": ["new", "new"], "node-1": ["old ready"], "node-2": ["old ready"] },
      maxSurge: 1,
      expected: { podsToDelete: [], nodesToSurge: [] },
    },
    {
      name: "a terminating old pod is ignored, so its node needs nothing from the update",
      nodes: { "node-0": ["old ready deleting", "new"], "node-1": ["old ready"] },
      maxSurge: 1,
      expected: { podsToDelete: [], nodesToSurge: ["node-1"] },
    },
  ])("$name", ({ nodes, maxSurge, expected }) => {
    expect(plan({ nodes, maxSurge })).toEqual(expected);
  });

  it.each([
    {
      name: "an unavailable old pod on a node that no longer qualifies is deleted, not replaced",
      nodes: { "node-0": ["old"], "node-1": ["old ready"] },
      desiredNodeNames: ["node-1"],
      expected: { podsToDelete: ["node-0-p0"], nodesToSurge: ["node-1"] },
    },
    {
      name: "an available old pod on a node that no longer qualifies goes once the others are available (TestDaemonSetUpdatesPodsNotMatchTainstWithMaxSurge)",
      nodes: nodesOf(5, () => ["old ready"]),
      desiredNodeNames: ["node-1", "node-2", "node-3", "node-4"],
      expected: { podsToDelete: ["node-0-p0"], nodesToSurge: ["node-1"] },
    },
    {
      name: "the same pod stays while availability elsewhere is short",
      nodes: nodesOf(5, (index) => [index === 4 ? "old" : "old ready"]),
      desiredNodeNames: ["node-1", "node-2", "node-3", "node-4"],
      expected: { podsToDelete: [], nodesToSurge: ["node-4", "node-1"] },
    },
    {
      name: "without desiredNodeNames the desired count comes from nodeShouldRun",
      nodes: nodesOf(5, () => ["old ready"]),
      desiredNodeNames: undefined,
      expected: { podsToDelete: ["node-0-p0"], nodesToSurge: ["node-1"] },
    },
  ])("$name", ({ nodes, desiredNodeNames, expected }) => {
    const result = plan({
      nodes,
      maxSurge: 1,
      notRunning: ["node-0"],
      ...(desiredNodeNames ? { desiredNodeNames } : {}),
    });
    expect(result).toEqual(expected);
  });

  it.each([
    {
      name: "a new pod ready for less than minReadySeconds keeps its old pod",
      readiness: "new ready-10s",
      expected: { podsToDelete: [], nodesToSurge: [] },
    },
    {
      name: "a new pod ready for longer than minReadySeconds replaces its old pod",
      readiness: "new ready-20s",
      expected: { podsToDelete: ["node-0-p0"], nodesToSurge: ["node-1"] },
    },
  ])("$name", ({ readiness, expected }) => {
    const nodes = { "node-0": ["old ready", readiness], "node-1": ["old ready"] };
    expect(plan({ nodes, maxSurge: 1, minReadySeconds: 15 })).toEqual(expected);
  });

  it("fails as upstream when a node holding an old pod is gone from the node list", () => {
    const nodes = { "node-0": ["old ready"], gone: ["old ready"] };
    expect(() => plan({ nodes, maxSurge: 1, missing: ["gone"] })).toThrow(
      'couldn\'t get node for nodeName "gone": node "gone" not found',
    );
  });

  it("does not look up a missing node that holds only a new pod", () => {
    const nodes = { gone: ["new ready"], "node-1": ["old ready"] };
    expect(plan({ nodes, maxSurge: 1, missing: ["gone"] })).toEqual({
      podsToDelete: [],
      nodesToSurge: ["node-1"],
    });
  });
});

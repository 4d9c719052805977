import type { DaemonSet, Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import type { DaemonPodPlacementResult } from "../placement/index.js";
import { computeDaemonSetStatus, type DaemonSetStatusCounts } from "./daemon-set-status.js";

const now = Date.parse("2026-01-01T00:01:00Z");
const run: DaemonPodPlacementResult = { shouldRun: true, shouldContinueRunning: true };
const keep: DaemonPodPlacementResult = { shouldRun: false, shouldContinueRunning: true };

function daemonSet(minReadySeconds = 0): DaemonSet {
  return {
    metadata: { name: "foo", annotations: { "deprecated.daemonset.template.generation": "3" } },
    spec: {
      selector: { matchLabels: { app: "foo" } },
      template: { metadata: { labels: { app: "foo" } }, spec: { containers: [] } },
      minReadySeconds,
    },
  };
}

interface PodOptions {
  readonly hash?: string;
  readonly generation?: string;
  readonly readySince?: string;
  readonly bound?: boolean;
  readonly created?: string;
}

function pod(name: string, options: PodOptions = {}): Pod {
  const labels: Record<string, string> = { app: "foo", "controller-revision-hash": options.hash ?? "old" };
  if (options.generation !== undefined) labels["pod-template-generation"] = options.generation;
  return {
    metadata: { name, labels, creationTimestamp: options.created ?? "2026-01-01T00:00:00Z" },
    spec: { containers: [], ...(options.bound === false ? {} : { nodeName: "node-0" }) },
    status:
      options.readySince === undefined
        ? {}
        : { conditions: [{ type: "Ready", status: "True", lastTransitionTime: options.readySince }] },
  };
}

interface StatusCase {
  readonly name: string;
  readonly placement: DaemonPodPlacementResult;
  readonly pods: readonly Pod[];
  readonly minReadySeconds?: number;
  readonly want: DaemonSetStatusCounts;
}

const counts = (overrides: Partial<DaemonSetStatusCounts>): DaemonSetStatusCounts => ({
  desiredNumberScheduled: 0,
  currentNumberScheduled: 0,
  numberMisscheduled: 0,
  numberReady: 0,
  updatedNumberScheduled: 0,
  numberAvailable: 0,
  numberUnavailable: 0,
  ...overrides,
});

const cases: StatusCase[] = [
  {
    name: "a desired node without pods is desired and unavailable, nothing else",
    placement: run,
    pods: [],
    want: counts({ desiredNumberScheduled: 1, numberUnavailable: 1 }),
  },
  {
    name: "a desired node with a ready pod of the current hash counts everywhere",
    placement: run,
    pods: [pod("a", { hash: "new", readySince: "2026-01-01T00:00:00Z" })],
    want: counts({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberReady: 1,
      updatedNumberScheduled: 1,
      numberAvailable: 1,
    }),
  },
  {
    name: "a pod ready for less than minReadySeconds is ready but not available",
    placement: run,
    minReadySeconds: 60,
    pods: [pod("a", { hash: "new", readySince: "2026-01-01T00:00:00Z" })],
    want: counts({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberReady: 1,
      updatedNumberScheduled: 1,
      numberUnavailable: 1,
    }),
  },
  {
    name: "a pod on a node that should not run one is misscheduled only",
    placement: keep,
    pods: [pod("a", { hash: "new", readySince: "2026-01-01T00:00:00Z" })],
    want: counts({ numberMisscheduled: 1 }),
  },
  {
    name: "a matching pod-template-generation counts as updated whatever the hash",
    placement: run,
    pods: [pod("a", { hash: "stale", generation: "3" })],
    want: counts({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      updatedNumberScheduled: 1,
      numberUnavailable: 1,
    }),
  },
  {
    name: "only the oldest pod counts: a ready old pod hides an unready new one",
    placement: run,
    pods: [
      pod("new", { hash: "new", created: "2026-01-01T00:00:30Z" }),
      pod("old", { readySince: "2026-01-01T00:00:00Z" }),
    ],
    want: counts({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberReady: 1,
      numberAvailable: 1,
    }),
  },
  {
    name: "a bound pod counts before an older unbound one",
    placement: run,
    pods: [pod("unbound", { bound: false, hash: "new" }), pod("bound", { created: "2026-01-01T00:00:10Z" })],
    want: counts({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberUnavailable: 1 }),
  },
];

describe("computeDaemonSetStatus", () => {
  it.each(cases)("$name", ({ placement, pods, minReadySeconds, want }) => {
    const node: Node = { metadata: { name: "node-0" } };
    expect(
      computeDaemonSetStatus({
        daemonSet: daemonSet(minReadySeconds),
        nodes: [node],
        placements: new Map([["node-0", placement]]),
        nodeToDaemonPods: new Map(pods.length === 0 ? [] : [["node-0", pods]]),
        hash: "new",
        now,
      }),
    ).toEqual(want);
  });
});

import { type Pod, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import type { ClusterEvent, QueuedPodInfo } from "../framework/plugin.js";
import { type Status, unschedulableAndUnresolvable, withPlugin } from "../framework/status.js";
import { podBackoffDurationMs } from "./backoff.js";
import {
  createSchedulingQueue,
  type SchedulingQueue,
  type SchedulingQueueOptions,
} from "./scheduling-queue.js";

interface PodShape {
  readonly priority?: number;
  readonly gates?: readonly string[];
  readonly nominatedNodeName?: string;
  readonly nodeName?: string;
  readonly labels?: Record<string, string>;
  readonly namespace?: string;
  readonly affinityTo?: Record<string, string>;
}

function makePod(name: string, shape: PodShape = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: shape.namespace ?? "default",
      uid: `uid-${shape.namespace ?? "default"}-${name}`,
      ...(shape.labels === undefined ? {} : { labels: shape.labels }),
    },
    spec: {
      containers: [{ name: "app", image: "nginx" }],
      ...(shape.priority === undefined ? {} : { priority: shape.priority }),
      ...(shape.nodeName === undefined ? {} : { nodeName: shape.nodeName }),
      ...(shape.gates === undefined ? {} : { schedulingGates: shape.gates.map((gate) => ({ name: gate })) }),
      ...(shape.affinityTo === undefined
        ? {}
        : {
            affinity: {
              podAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [
                  { labelSelector: { matchLabels: shape.affinityTo }, topologyKey: "kubernetes.io/hostname" },
                ],
              },
            },
          }),
    },
    ...(shape.nominatedNodeName === undefined
      ? {}
      : { status: { nominatedNodeName: shape.nominatedNodeName } }),
  };
}

// PrioritySort: higher priority first, then earlier timestamp.
function prioritySortLess(first: QueuedPodInfo, second: QueuedPodInfo): boolean {
  const firstPriority = first.pod.spec?.priority ?? 0;
  const secondPriority = second.pod.spec?.priority ?? 0;
  return (
    firstPriority > secondPriority || (firstPriority === secondPriority && first.timestamp < second.timestamp)
  );
}

function schedulingGatesPreEnqueue(pod: Pod): Status | undefined {
  const gates = pod.spec?.schedulingGates ?? [];
  if (gates.length === 0) return undefined;
  return withPlugin(
    unschedulableAndUnresolvable(
      `waiting for scheduling gates: [${gates.map((gate) => gate.name).join(" ")}]`,
    ),
    "SchedulingGates",
  );
}

const pluginEvents: Readonly<Record<string, readonly ClusterEvent[]>> = {
  NodeResourcesFit: [
    { resource: "Pod", action: "Delete" },
    { resource: "Pod", action: "UpdatePodScaleDown" },
    { resource: "Node", action: "Add" },
    { resource: "Node", action: "UpdateNodeAllocatable" },
  ],
  TaintToleration: [
    { resource: "Node", action: "Add" },
    { resource: "Node", action: "UpdateNodeTaint" },
  ],
  NodeAffinity: [
    { resource: "Node", action: "Add" },
    { resource: "Node", action: "UpdateNodeLabel" },
  ],
  InterPodAffinity: [
    { resource: "Pod", action: "All" },
    { resource: "Node", action: "Add" },
  ],
  PodTopologySpread: [
    { resource: "Pod", action: "All" },
    { resource: "Node", action: "Add" },
  ],
  SchedulingGates: [],
};

function eventsOfPlugin(name: string): readonly ClusterEvent[] | undefined {
  return Object.hasOwn(pluginEvents, name) ? pluginEvents[name] : undefined;
}

function setup(
  overrides: {
    -readonly [key in keyof SchedulingQueueOptions]?: SchedulingQueueOptions[key] | undefined;
  } = {},
): {
  clock: VirtualClock;
  queue: SchedulingQueue;
  wakeUps: () => number;
} {
  const clock = new VirtualClock(0);
  let wakeUps = 0;
  const options: Record<string, unknown> = {
    clock,
    less: prioritySortLess,
    preEnqueue: schedulingGatesPreEnqueue,
    eventsOfPlugin,
    onActivePod: () => {
      wakeUps++;
    },
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete options[key];
    else options[key] = value;
  }
  const queue = createSchedulingQueue(options as unknown as SchedulingQueueOptions);
  return { clock, queue, wakeUps: () => wakeUps };
}

function names(pods: readonly Pod[]): string[] {
  return pods.map((pod) => pod.metadata?.name ?? "");
}

function pending(queue: SchedulingQueue): { active: string[]; backoff: string[]; unschedulable: string[] } {
  const pods = queue.pendingPods();
  return {
    active: names(pods.active),
    backoff: names(pods.backoff),
    unschedulable: names(pods.unschedulable),
  };
}

/** Pops the pod and fails its attempt with the given rejecting plugins. */
function failAttempt(queue: SchedulingQueue, rejectors: readonly string[]): string | undefined {
  const info = queue.pop();
  if (info === undefined) throw new Error("the active queue is empty");
  return queue.addUnschedulableIfNotPresent(info, new Set(rejectors));
}

describe("createSchedulingQueue ordering", () => {
  it.each([
    {
      name: "higher priority pops first, then the pod that waited longest",
      arrivals: [
        { at: 0, pod: "low-early", priority: 0 },
        { at: 10, pod: "high-late", priority: 100 },
        { at: 20, pod: "low-late", priority: 0 },
        { at: 30, pod: "mid", priority: 50 },
      ],
      expected: ["high-late", "mid", "low-early", "low-late"],
    },
    {
      name: "pods added in the same millisecond pop in arrival order",
      arrivals: [
        { at: 0, pod: "a", priority: 0 },
        { at: 0, pod: "b", priority: 0 },
        { at: 0, pod: "c", priority: 0 },
        { at: 0, pod: "d", priority: 0 },
      ],
      expected: ["a", "b", "c", "d"],
    },
    {
      name: "negative priorities pop after the default priority",
      arrivals: [
        { at: 0, pod: "negative", priority: -10 },
        { at: 5, pod: "default", priority: 0 },
      ],
      expected: ["default", "negative"],
    },
  ])("$name", ({ arrivals, expected }) => {
    const { clock, queue } = setup();
    for (const arrival of arrivals) {
      clock.advance(arrival.at - clock.now());
      queue.add(makePod(arrival.pod, { priority: arrival.priority }));
    }
    const popped: string[] = [];
    for (let info = queue.pop(); info !== undefined; info = queue.pop())
      popped.push(info.pod.metadata?.name ?? "");
    expect(popped).toEqual(expected);
    expect(queue.schedulingCycle()).toBe(expected.length);
  });

  it("re-sorts a pod whose priority changed while it waited", () => {
    const { queue } = setup();
    queue.add(makePod("a", { priority: 1 }));
    queue.add(makePod("b", { priority: 2 }));
    queue.update(makePod("a", { priority: 1 }), makePod("a", { priority: 3 }));
    expect(pending(queue).active).toEqual(["a", "b"]);
  });

  it("counts attempts and stamps the first activation", () => {
    const { clock, queue } = setup();
    clock.advance(500);
    queue.add(makePod("a"));
    const first = queue.pop();
    expect(first).toMatchObject({ attempts: 1, timestamp: 500, initialAttemptTimestamp: 500, gated: false });
    clock.advance(100);
    queue.addUnschedulableIfNotPresent(first as QueuedPodInfo, new Set());
    clock.advance(2_000);
    expect(queue.pop()).toMatchObject({ attempts: 2, timestamp: 600, initialAttemptTimestamp: 500 });
  });
});

describe("createSchedulingQueue backoff", () => {
  it.each([
    { attempts: 0, initial: 1_000, max: 10_000, expected: 1_000 },
    { attempts: 1, initial: 1_000, max: 10_000, expected: 1_000 },
    { attempts: 2, initial: 1_000, max: 10_000, expected: 2_000 },
    { attempts: 3, initial: 1_000, max: 10_000, expected: 4_000 },
    { attempts: 4, initial: 1_000, max: 10_000, expected: 8_000 },
    { attempts: 5, initial: 1_000, max: 10_000, expected: 10_000 },
    { attempts: 50, initial: 1_000, max: 10_000, expected: 10_000 },
    { attempts: 3, initial: 3_000, max: 10_000, expected: 10_000 },
    { attempts: 2, initial: 5_000, max: 10_000, expected: 10_000 },
  ])(
    "attempt $attempts backs off $expected ms (initial $initial, max $max)",
    ({ attempts, initial, max, expected }) => {
      expect(podBackoffDurationMs(attempts, initial, max)).toBe(expected);
    },
  );

  it("retries a pod that keeps failing without rejecting plugins after 1 s, 2 s, 4 s, 8 s, 10 s, 10 s", () => {
    const { clock, queue } = setup();
    queue.add(makePod("flaky"));
    const retriedAfter: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const failedAt = clock.now();
      expect(failAttempt(queue, [])).toBe("backoff");
      // Step through time one tick at a time until the pod is active again.
      while (pending(queue).active.length === 0) clock.runNextTimers();
      retriedAfter.push(clock.now() - failedAt);
    }
    expect(retriedAfter).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it("moves expired backoffs only on the 1 s flush ticks", () => {
    const { clock, queue } = setup();
    queue.add(makePod("a"));
    clock.advance(400);
    expect(failAttempt(queue, [])).toBe("backoff");
    clock.advance(999);
    expect(pending(queue)).toEqual({ active: [], backoff: ["a"], unschedulable: [] });
    // Expiry at 1 400 ms; the first flush tick after it is at 2 000 ms.
    clock.advance(600);
    expect(pending(queue)).toEqual({ active: [], backoff: ["a"], unschedulable: [] });
    clock.advance(1);
    expect(clock.now()).toBe(2_000);
    expect(pending(queue)).toEqual({ active: ["a"], backoff: [], unschedulable: [] });
  });

  it("honours custom backoff bounds", () => {
    const { clock, queue } = setup({ podInitialBackoffMs: 3_000, podMaxBackoffMs: 5_000 });
    queue.add(makePod("a"));
    failAttempt(queue, []);
    clock.advance(2_999);
    expect(pending(queue).active).toEqual([]);
    clock.advance(1);
    expect(pending(queue).active).toEqual(["a"]);
    failAttempt(queue, []);
    clock.advance(4_999);
    expect(pending(queue).active).toEqual([]);
    clock.advance(1);
    expect(pending(queue).active).toEqual(["a"]);
  });

  it.each([
    {
      name: "a zero initial backoff",
      options: { podInitialBackoffMs: 0 },
      message: "scheduling queue option podInitialBackoffMs must be a positive number of milliseconds, got 0",
    },
    {
      name: "a max backoff below the initial one",
      options: { podInitialBackoffMs: 2_000, podMaxBackoffMs: 1_000 },
      message: "scheduling queue option podMaxBackoffMs (1000) must be at least podInitialBackoffMs (2000)",
    },
    {
      name: "a non-finite unschedulable duration",
      options: { podMaxInUnschedulablePodsDurationMs: Number.NaN },
      message:
        "scheduling queue option podMaxInUnschedulablePodsDurationMs must be a positive number of milliseconds, got NaN",
    },
  ])("rejects $name", ({ options, message }) => {
    expect(() => setup(options)).toThrow(message);
  });
});

describe("createSchedulingQueue unschedulable pool", () => {
  it("retries a pool pod 5 min after its failure, on the 30 s flush tick", () => {
    const { clock, queue } = setup();
    queue.add(makePod("big"));
    clock.advance(10_000);
    expect(failAttempt(queue, ["NodeResourcesFit"])).toBe("unschedulable");
    // Failed at 10 s: older than 5 min from 310 s on, first seen by the tick at 330 s.
    clock.advance(300_000);
    expect(pending(queue).unschedulable).toEqual(["big"]);
    clock.advance(19_999);
    expect(pending(queue).unschedulable).toEqual(["big"]);
    clock.advance(1);
    expect(clock.now()).toBe(330_000);
    expect(pending(queue)).toEqual({ active: ["big"], backoff: [], unschedulable: [] });
  });

  it("honours a custom maximum time in the pool", () => {
    const { clock, queue } = setup({ podMaxInUnschedulablePodsDurationMs: 60_000 });
    queue.add(makePod("a"));
    failAttempt(queue, ["NodeAffinity"]);
    clock.advance(60_000);
    expect(pending(queue).unschedulable).toEqual(["a"]);
    clock.advance(30_000);
    expect(pending(queue).active).toEqual(["a"]);
  });

  it("leaves no timer pending once every pod is scheduled", () => {
    const { clock, queue } = setup();
    queue.add(makePod("a"));
    failAttempt(queue, []);
    clock.advance(1_000);
    const info = queue.pop();
    queue.done(info?.pod as Pod);
    expect(clock.pendingTimers()).toBe(0);
    expect(queue.inFlightPods()).toEqual([]);
  });
});

describe("createSchedulingQueue move requests", () => {
  it.each([
    {
      name: "a pod rejected by a plugin goes to the pool when nothing happened during its cycle",
      eventDuringCycle: undefined,
      expected: "unschedulable",
    },
    {
      name: "a pod rejected by a plugin goes to backoff when an event arrived during its cycle",
      eventDuringCycle: { resource: "Node", action: "Add" } as ClusterEvent,
      expected: "backoff",
    },
    {
      name: "an event arriving during the cycle counts even if it concerns another plugin",
      eventDuringCycle: { resource: "Node", action: "UpdateNodeTaint" } as ClusterEvent,
      expected: "backoff",
    },
  ])("$name", ({ eventDuringCycle, expected }) => {
    const { queue } = setup();
    queue.add(makePod("a"));
    const info = queue.pop() as QueuedPodInfo;
    if (eventDuringCycle !== undefined) queue.moveAllToActiveOrBackoff(eventDuringCycle);
    expect(queue.addUnschedulableIfNotPresent(info, new Set(["NodeResourcesFit"]))).toBe(expected);
  });

  it("ignores an event no enabled plugin registered, without noting a move request", () => {
    const { queue } = setup({ enabledPlugins: ["NodeResourcesFit", "TaintToleration"] });
    queue.add(makePod("a"));
    const info = queue.pop() as QueuedPodInfo;
    queue.moveAllToActiveOrBackoff({ resource: "Service", action: "Add" });
    expect(queue.addUnschedulableIfNotPresent(info, new Set(["NodeResourcesFit"]))).toBe("unschedulable");
  });

  it("an event after the cycle ended does not count for the next attempt", () => {
    const { clock, queue } = setup();
    queue.add(makePod("a"));
    queue.add(makePod("b"));
    expect(failAttempt(queue, ["NodeResourcesFit"])).toBe("unschedulable");
    queue.moveAllToActiveOrBackoff({ resource: "Node", action: "Add" });
    // "a" backs off until 1 s; "b" is popped in a new cycle after the request.
    expect(failAttempt(queue, ["NodeResourcesFit"])).toBe("unschedulable");
    expect(pending(queue)).toEqual({ active: [], backoff: ["a"], unschedulable: ["b"] });
    clock.advance(1_000);
    expect(pending(queue)).toEqual({ active: ["a"], backoff: [], unschedulable: ["b"] });
  });
});

describe("createSchedulingQueue event-driven moves", () => {
  const rejections: Readonly<Record<string, readonly string[]>> = {
    "too-big": ["NodeResourcesFit"],
    "taint-blocked": ["TaintToleration"],
    "selector-mismatch": ["NodeAffinity"],
    "taint-and-selector": ["TaintToleration", "NodeAffinity"],
    "unknown-plugin": ["OutOfTreePlugin"],
  };

  it.each<{ name: string; event: ClusterEvent; at: number; active: string[]; backoff: string[] }>([
    {
      name: "a node addition after the backoff moves every pod whose plugins registered it",
      event: { resource: "Node", action: "Add" },
      at: 1_000,
      active: ["too-big", "taint-blocked", "selector-mismatch", "taint-and-selector", "unknown-plugin"],
      backoff: [],
    },
    {
      name: "a taint change moves taint-blocked pods and pods of plugins without registrations",
      event: { resource: "Node", action: "UpdateNodeTaint" },
      at: 1_000,
      active: ["taint-blocked", "taint-and-selector", "unknown-plugin"],
      backoff: [],
    },
    {
      name: "a label change moves selector mismatches",
      event: { resource: "Node", action: "UpdateNodeLabel" },
      at: 1_000,
      active: ["selector-mismatch", "taint-and-selector", "unknown-plugin"],
      backoff: [],
    },
    {
      name: "a generic node update moves every node-interested pod",
      event: { resource: "Node", action: "Update" },
      at: 1_000,
      active: ["too-big", "taint-blocked", "selector-mismatch", "taint-and-selector", "unknown-plugin"],
      backoff: [],
    },
    {
      name: "an assigned pod deletion moves pods rejected for resources",
      event: { resource: "AssignedPod", action: "Delete" },
      at: 1_000,
      active: ["too-big", "unknown-plugin"],
      backoff: [],
    },
    {
      name: "pods still backing off go to the backoff queue",
      event: { resource: "Node", action: "UpdateNodeAllocatable" },
      at: 500,
      active: [],
      backoff: ["too-big", "unknown-plugin"],
    },
  ])("$name", ({ event, at, active, backoff }) => {
    const { clock, queue } = setup();
    for (const name of Object.keys(rejections)) queue.add(makePod(name));
    for (const name of Object.keys(rejections)) {
      expect(failAttempt(queue, rejections[name] ?? [])).toBe("unschedulable");
    }
    clock.advance(at);
    queue.moveAllToActiveOrBackoff(event);
    const state = pending(queue);
    expect(state.active).toEqual(active);
    expect(state.backoff).toEqual(backoff);
    expect(state.unschedulable).toEqual(
      Object.keys(rejections).filter((name) => !active.includes(name) && !backoff.includes(name)),
    );
  });

  it("moves everything on the wildcard event and only pre-checked pods when a pre-check is given", () => {
    const { clock, queue } = setup();
    queue.add(makePod("a"));
    queue.add(makePod("b"));
    failAttempt(queue, ["NodeResourcesFit"]);
    failAttempt(queue, ["NodeResourcesFit"]);
    clock.advance(1_000);
    queue.moveAllToActiveOrBackoff(
      { resource: "Node", action: "Add" },
      undefined,
      undefined,
      (pod) => pod.metadata?.name === "b",
    );
    expect(pending(queue)).toEqual({ active: ["b"], backoff: [], unschedulable: ["a"] });
    queue.moveAllToActiveOrBackoff({ resource: "*", action: "All" });
    // Both failed at 0 ms: equal priority and timestamp, so activation order decides.
    expect(pending(queue)).toEqual({ active: ["b", "a"], backoff: [], unschedulable: [] });
  });

  it("without plugin registrations every event moves every pool pod", () => {
    const { clock, queue } = setup({ eventsOfPlugin: undefined });
    queue.add(makePod("a"));
    failAttempt(queue, ["NodeAffinity"]);
    clock.advance(1_000);
    queue.moveAllToActiveOrBackoff({ resource: "Service", action: "Add" });
    expect(pending(queue).active).toEqual(["a"]);
  });

  it("moves pool pods an assigned pod can help, and only those", () => {
    const { clock, queue } = setup();
    queue.add(makePod("wants-web", { affinityTo: { app: "web" } }));
    queue.add(makePod("wants-db", { affinityTo: { app: "db" } }));
    queue.add(makePod("spread-same-namespace"));
    queue.add(makePod("spread-other-namespace", { namespace: "other" }));
    failAttempt(queue, ["InterPodAffinity"]);
    failAttempt(queue, ["InterPodAffinity"]);
    failAttempt(queue, ["PodTopologySpread"]);
    failAttempt(queue, ["PodTopologySpread"]);
    clock.advance(1_000);
    queue.assignedPodAdded(makePod("web-1", { labels: { app: "web" }, nodeName: "node-1" }));
    expect(pending(queue)).toEqual({
      active: ["wants-web", "spread-same-namespace"],
      backoff: [],
      unschedulable: ["wants-db", "spread-other-namespace"],
    });
  });

  it("a bound pod scaling down moves every interested pod; other bound pod updates only the pods it can help", () => {
    const { clock, queue } = setup();
    queue.add(makePod("too-big"));
    queue.add(makePod("wants-web", { affinityTo: { app: "web" } }));
    queue.add(makePod("wants-db", { affinityTo: { app: "db" } }));
    failAttempt(queue, ["NodeResourcesFit"]);
    failAttempt(queue, ["InterPodAffinity"]);
    failAttempt(queue, ["InterPodAffinity"]);
    clock.advance(1_000);
    const before = makePod("web-1", { nodeName: "node-1" });
    const after = makePod("web-1", { nodeName: "node-1", labels: { app: "web" } });
    queue.assignedPodUpdated(before, after, { resource: "AssignedPod", action: "UpdatePodLabel" });
    expect(pending(queue)).toEqual({
      active: ["wants-web"],
      backoff: [],
      unschedulable: ["too-big", "wants-db"],
    });
    queue.assignedPodUpdated(after, after, { resource: "AssignedPod", action: "UpdatePodScaleDown" });
    // A scale-down is not pre-filtered: InterPodAffinity registered every pod event too.
    expect(pending(queue)).toEqual({
      active: ["wants-web", "too-big", "wants-db"],
      backoff: [],
      unschedulable: [],
    });
  });
});

describe("createSchedulingQueue gated pods", () => {
  it("keeps a gated pod in the pool, immune to events and the 5 min flush, until an update removes its gates", () => {
    const { clock, queue, wakeUps } = setup();
    queue.add(makePod("gated", { gates: ["example.com/wait"] }));
    expect(pending(queue)).toEqual({ active: [], backoff: [], unschedulable: ["gated"] });
    expect(wakeUps()).toBe(0);
    expect(clock.pendingTimers()).toBe(0);

    queue.moveAllToActiveOrBackoff({ resource: "*", action: "All" });
    queue.moveAllToActiveOrBackoff({ resource: "Node", action: "Add" });
    clock.advance(3_600_000);
    expect(pending(queue).unschedulable).toEqual(["gated"]);

    // An update that keeps a gate leaves it there.
    queue.update(
      makePod("gated", { gates: ["example.com/wait"] }),
      makePod("gated", { gates: ["example.com/wait", "example.com/other"] }),
    );
    expect(pending(queue).unschedulable).toEqual(["gated"]);
    expect(queue.pendingPods().unschedulable[0]?.spec?.schedulingGates).toHaveLength(2);

    // Gated pods never back off: the release goes straight to the active queue.
    queue.update(makePod("gated", { gates: ["example.com/wait", "example.com/other"] }), makePod("gated"));
    expect(pending(queue)).toEqual({ active: ["gated"], backoff: [], unschedulable: [] });
    expect(wakeUps()).toBe(1);
    expect(queue.pop()).toMatchObject({ attempts: 1, initialAttemptTimestamp: 3_600_000, gated: false });
  });

  it("re-gates a pool pod moved by an event when another PreEnqueue plugin still rejects it", () => {
    let blocked = true;
    const { clock, queue } = setup({
      preEnqueue: () =>
        blocked ? withPlugin(unschedulableAndUnresolvable("not yet"), "OutOfTreeGate") : undefined,
    });
    queue.add(makePod("a"));
    expect(pending(queue).unschedulable).toEqual(["a"]);
    queue.moveAllToActiveOrBackoff({ resource: "Node", action: "Add" });
    expect(pending(queue).unschedulable).toEqual(["a"]);
    blocked = false;
    clock.advance(330_000);
    expect(pending(queue).active).toEqual(["a"]);
  });

  it("a status update of a pool pod does not move it", () => {
    const { clock, queue } = setup();
    queue.add(makePod("a"));
    failAttempt(queue, ["NodeResourcesFit"]);
    clock.advance(2_000);
    const withCondition: Pod = {
      ...makePod("a"),
      status: { conditions: [{ type: "PodScheduled", status: "False" }] },
    };
    queue.update(makePod("a"), {
      ...withCondition,
      metadata: { ...withCondition.metadata, resourceVersion: "7" },
    });
    expect(pending(queue).unschedulable).toEqual(["a"]);
    queue.update(withCondition, makePod("a", { labels: { touched: "yes" } }));
    expect(pending(queue).active).toEqual(["a"]);
  });

  it("a spec update of a pool pod still backing off moves it to the backoff queue", () => {
    const { clock, queue } = setup();
    queue.add(makePod("a"));
    failAttempt(queue, ["NodeResourcesFit"]);
    clock.advance(500);
    queue.update(makePod("a"), makePod("a", { labels: { touched: "yes" } }));
    expect(pending(queue).backoff).toEqual(["a"]);
    clock.advance(500);
    expect(pending(queue).active).toEqual(["a"]);
    expect(queue.pendingPods().active[0]?.metadata?.labels).toEqual({ touched: "yes" });
  });
});

describe("createSchedulingQueue lifecycle", () => {
  it("activate moves pods from the pool and backoff queue, and marks in-flight pods", () => {
    const { queue } = setup();
    queue.add(makePod("pool"));
    queue.add(makePod("backoff"));
    queue.add(makePod("in-flight"));
    failAttempt(queue, ["NodeResourcesFit"]);
    failAttempt(queue, []);
    const inFlight = queue.pop() as QueuedPodInfo;
    expect(pending(queue)).toEqual({ active: [], backoff: ["backoff"], unschedulable: ["pool"] });
    queue.activate(
      new Map([
        ["default/pool", makePod("pool")],
        ["default/backoff", makePod("backoff")],
        ["default/in-flight", makePod("in-flight")],
        ["default/unknown", makePod("unknown")],
      ]),
    );
    expect(pending(queue)).toEqual({ active: ["pool", "backoff"], backoff: [], unschedulable: [] });
    expect(queue.addUnschedulableIfNotPresent(inFlight, new Set(["NodeResourcesFit"]))).toBe("backoff");
  });

  it("drops a pod deleted during its cycle and one already queued again", () => {
    const { queue } = setup();
    queue.add(makePod("deleted"));
    queue.add(makePod("requeued"));
    const deleted = queue.pop() as QueuedPodInfo;
    const requeued = queue.pop() as QueuedPodInfo;
    queue.delete(makePod("deleted"));
    expect(queue.addUnschedulableIfNotPresent(deleted, new Set(["NodeResourcesFit"]))).toBeUndefined();
    // An update of an in-flight pod queues it again, as upstream without queueing hints.
    queue.update(makePod("requeued"), makePod("requeued", { labels: { v: "2" } }));
    expect(queue.addUnschedulableIfNotPresent(requeued, new Set(["NodeResourcesFit"]))).toBeUndefined();
    expect(pending(queue)).toEqual({ active: ["requeued"], backoff: [], unschedulable: [] });
    expect(queue.inFlightPods()).toEqual([]);
  });

  it("delete removes a pod from whichever structure holds it", () => {
    const { queue } = setup();
    queue.add(makePod("active"));
    queue.add(makePod("pool"));
    queue.add(makePod("backoff"));
    queue.add(makePod("gated", { gates: ["g"] }));
    queue.pop();
    failAttempt(queue, ["NodeResourcesFit"]);
    failAttempt(queue, []);
    queue.add(makePod("active"));
    for (const name of ["active", "pool", "backoff", "gated"]) queue.delete(makePod(name));
    expect(pending(queue)).toEqual({ active: [], backoff: [], unschedulable: [] });
  });

  it("accepts a fresh QueuedPodInfo object for a popped pod", () => {
    const { clock, queue } = setup();
    queue.add(makePod("a"));
    const info = queue.pop() as QueuedPodInfo;
    clock.advance(10);
    const copy: QueuedPodInfo = { ...info, pod: makePod("a", { labels: { fresh: "yes" } }) };
    expect(queue.addUnschedulableIfNotPresent(copy, new Set(["NodeAffinity"]))).toBe("unschedulable");
    const [waiting] = queue.pendingPods().unschedulable;
    expect(waiting?.metadata?.labels).toEqual({ fresh: "yes" });
  });

  it("calls onActivePod once per operation that activated pods", () => {
    const { clock, queue, wakeUps } = setup();
    queue.add(makePod("a"));
    queue.add(makePod("b"));
    expect(wakeUps()).toBe(2);
    failAttempt(queue, ["NodeResourcesFit"]);
    failAttempt(queue, ["NodeResourcesFit"]);
    clock.advance(1_000);
    queue.moveAllToActiveOrBackoff({ resource: "Node", action: "Add" });
    expect(wakeUps()).toBe(3);
    queue.moveAllToActiveOrBackoff({ resource: "Node", action: "Add" });
    expect(wakeUps()).toBe(3);
  });

  it("lets onActivePod pop the pod it was told about", () => {
    const clock = new VirtualClock(0);
    const popped: string[] = [];
    const queue: SchedulingQueue = createSchedulingQueue({
      clock,
      less: prioritySortLess,
      onActivePod: () => {
        for (let info = queue.pop(); info !== undefined; info = queue.pop()) {
          popped.push(info.pod.metadata?.name ?? "");
          queue.done(info.pod);
        }
      },
    });
    queue.add(makePod("a"));
    queue.add(makePod("b"));
    expect(popped).toEqual(["a", "b"]);
  });

  it("close cancels the timers and stops popping", () => {
    const { clock, queue } = setup();
    queue.add(makePod("a"));
    queue.add(makePod("b"));
    failAttempt(queue, []);
    expect(clock.pendingTimers()).toBe(1);
    queue.close();
    expect(clock.pendingTimers()).toBe(0);
    expect(queue.pop()).toBeUndefined();
    clock.advance(60_000);
    expect(pending(queue)).toEqual({ active: ["b"], backoff: ["a"], unschedulable: [] });
  });
});

describe("createSchedulingQueue nominated pods", () => {
  it("tracks nominations per node in nomination order", () => {
    const { queue } = setup();
    const first = makePod("first");
    const second = makePod("second");
    queue.addNominatedPod(first, "node-1");
    queue.addNominatedPod(second, "node-1");
    expect(names(queue.nominatedPodsForNode("node-1"))).toEqual(["first", "second"]);
    queue.addNominatedPod(first, "node-2");
    expect(names(queue.nominatedPodsForNode("node-1"))).toEqual(["second"]);
    expect(names(queue.nominatedPodsForNode("node-2"))).toEqual(["first"]);
    queue.deleteNominatedPodIfExists(second);
    expect(queue.nominatedPodsForNode("node-1")).toEqual([]);
    queue.deleteNominatedPodIfExists(second);
    expect(names(queue.nominatedPodsForNode("node-2"))).toEqual(["first"]);
  });

  it.each([
    {
      name: "a pod added with status.nominatedNodeName is nominated",
      pod: makePod("a", { nominatedNodeName: "node-1" }),
      expected: ["a"],
    },
    { name: "a pod without a nominated node is not", pod: makePod("a"), expected: [] },
    {
      name: "a bound pod is never nominated",
      pod: makePod("a", { nominatedNodeName: "node-1", nodeName: "node-1" }),
      expected: [],
    },
  ])("$name", ({ pod, expected }) => {
    const { queue } = setup();
    queue.add(pod);
    expect(names(queue.nominatedPodsForNode("node-1"))).toEqual(expected);
  });

  it("keeps an in-memory nomination across an update that carries none, and follows one that does", () => {
    const { queue } = setup();
    queue.add(makePod("a"));
    queue.addNominatedPod(makePod("a"), "node-1");
    queue.update(makePod("a"), makePod("a", { labels: { v: "2" } }));
    expect(queue.nominatedPodsForNode("node-1").map((pod) => pod.metadata?.labels)).toEqual([{ v: "2" }]);
    queue.update(makePod("a", { labels: { v: "2" } }), makePod("a", { nominatedNodeName: "node-2" }));
    expect(queue.nominatedPodsForNode("node-1")).toEqual([]);
    expect(names(queue.nominatedPodsForNode("node-2"))).toEqual(["a"]);
    queue.delete(makePod("a"));
    expect(queue.nominatedPodsForNode("node-2")).toEqual([]);
  });

  it.each([
    { name: "no pod is nominated at first", nominate: [] as [string, string][], expected: false },
    {
      name: "a nominated pod is reported",
      nominate: [["a", "node-1"]] as [string, string][],
      expected: true,
    },
    {
      name: "a nomination cleared with an empty node name no longer counts",
      nominate: [
        ["a", "node-1"],
        ["a", ""],
      ] as [string, string][],
      expected: false,
    },
  ])("hasNominatedPods: $name", ({ nominate, expected }) => {
    const { queue } = setup();
    for (const [name, nodeName] of nominate) queue.addNominatedPod(makePod(name), nodeName);
    expect(queue.hasNominatedPods()).toBe(expected);
  });

  it.each([
    {
      name: "a nomination",
      change: (queue: SchedulingQueue) => queue.addNominatedPod(makePod("b"), "node-1"),
    },
    {
      name: "a removed nomination",
      change: (queue: SchedulingQueue) => queue.deleteNominatedPodIfExists(makePod("a")),
    },
    {
      name: "an update of a nominated pod",
      change: (queue: SchedulingQueue) => queue.update(makePod("a"), makePod("a", { labels: { v: "2" } })),
    },
  ])("nominationVersion changes after $name", ({ change }) => {
    const { queue } = setup();
    queue.add(makePod("a"));
    queue.addNominatedPod(makePod("a"), "node-1");
    const before = queue.nominationVersion();
    change(queue);
    expect(queue.nominationVersion()).not.toBe(before);
  });

  it("hands out an unchangeable empty list for a node without nominations", () => {
    const { queue } = setup();
    const none = queue.nominatedPodsForNode("node-1") as Pod[];
    expect(() => none.push(makePod("intruder"))).toThrow(TypeError);
    queue.addNominatedPod(makePod("a"), "node-2");
    expect(queue.nominatedPodsForNode("node-1")).toEqual([]);
  });

  it("an empty node name clears the nomination", () => {
    const { queue } = setup();
    queue.addNominatedPod(makePod("a"), "node-1");
    queue.addNominatedPod(makePod("a"), "");
    expect(queue.nominatedPodsForNode("node-1")).toEqual([]);
    expect(queue.nominatedPodsForNode("")).toEqual([]);
  });
});

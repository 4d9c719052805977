import { type Node, type Pod, VirtualClock } from "@kubesim/core";
import { createScheduler, type Scheduler } from "@kubesim/scheduler";
import { createMemoryStore, type MemoryStore } from "@kubesim/store";
import { throughputResult, type WorkloadResult } from "../result.js";
import { type PodTracker, trackPods } from "./pod-tracker.js";
import { perfNode } from "./templates.js";

/** A scheduler_perf workload: nodes, init pods (scheduled first, not measured), measured pods. */
export interface SchedulingWorkload {
  readonly workload: string;
  readonly nodes: number;
  /** Extra labels of node `index` (e.g. its zone). */
  readonly nodeLabels?: (index: number) => Readonly<Record<string, string>>;
  readonly initPods: number;
  readonly initPod: () => Pod;
  readonly measuredPods: number;
  readonly measuredPod: () => Pod;
  readonly upstreamPodsPerSecond: number | null;
}

const startTime = Date.parse("2026-01-01T00:00:00Z");

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Nodes as scheduler_perf makes them: created, then Ready and untainted (no kubelet runs). */
async function createNodes(store: MemoryStore, workload: SchedulingWorkload): Promise<void> {
  for (let index = 0; index < workload.nodes; index++) {
    const name = `scheduler-perf-node-${index}`;
    const created: Node = await store.create(perfNode(name, workload.nodeLabels?.(index)));
    // Admission adds the not-ready taint to a new Node; a Ready node has it removed.
    await store.update({ ...created, spec: { ...created.spec, taints: [] } });
  }
}

/**
 * Runs the scheduler until `done()`; when it is idle but not done (pods waiting in backoff
 * or for preemption victims), moves the virtual clock to its next timer.
 */
async function runUntil(scheduler: Scheduler, clock: VirtualClock, done: () => boolean): Promise<void> {
  let idleRounds = 0;
  while (!done()) {
    await scheduler.flush();
    await yieldToEventLoop();
    if (!scheduler.idle()) {
      idleRounds = 0;
      continue;
    }
    idleRounds++;
    if (idleRounds < 3) continue;
    const next = clock.nextTimerAt();
    if (next === undefined)
      throw new Error("the scheduler is idle, no timer is pending and pods are still unscheduled");
    clock.runNextTimers();
    idleRounds = 0;
  }
}

async function createPods(
  store: MemoryStore,
  count: number,
  template: () => Pod,
  names: Set<string>,
): Promise<void> {
  for (let index = 0; index < count; index++) {
    const created = await store.create(template());
    names.add(`${created.metadata?.namespace ?? ""}/${created.metadata?.name ?? ""}`);
  }
}

/** Runs one scheduling workload over a memory store and the scheduler with upstream defaults. */
export async function runSchedulingWorkload(workload: SchedulingWorkload): Promise<WorkloadResult> {
  const clock = new VirtualClock(startTime);
  const store = createMemoryStore({ clock, seed: 1 });
  await createNodes(store, workload);
  const scheduler = createScheduler({ client: store, clock, seed: 1 });
  await scheduler.start();
  const tracker: PodTracker = await trackPods(store);

  const initNames = new Set<string>();
  await createPods(store, workload.initPods, workload.initPod, initNames);
  await runUntil(scheduler, clock, () => tracker.boundCount() >= workload.initPods);

  const measuredNames = new Set<string>();
  const boundBefore = tracker.boundCount();
  const started = performance.now();
  await createPods(store, workload.measuredPods, workload.measuredPod, measuredNames);
  await runUntil(scheduler, clock, () => tracker.boundCount() - boundBefore >= workload.measuredPods);
  const durationMs = tracker.lastBoundAt() - started;

  const latencies = tracker.latencies((key) => measuredNames.has(key));
  tracker.close();
  scheduler.stop();
  return throughputResult({
    workload: workload.workload,
    nodes: workload.nodes,
    pods: workload.measuredPods,
    durationMs,
    latenciesMs: latencies,
    upstreamPodsPerSecond: workload.upstreamPodsPerSecond,
  });
}

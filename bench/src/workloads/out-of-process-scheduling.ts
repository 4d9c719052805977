import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RealClock } from "@kubesim/core";
import { createHttpApiClient } from "@kubesim/http-client";
import { createScheduler } from "@kubesim/scheduler";
import { createMemoryStore, type MemoryStore } from "@kubesim/store";
import { throughputResult, type WorkloadResult } from "../result.js";
import { createReadyNodes, startApiServer } from "./api-server-fixtures.js";
import { spawnWatched } from "./child-process-lines.js";
import { kubesimBinary } from "./kubesim-binary.js";
import { type PodTracker, trackPods } from "./pod-tracker.js";
import { defaultPod } from "./templates.js";

/** What one scheduling-over-HTTP workload runs. */
export interface OverHttpSchedulingWorkload {
  readonly workload: string;
  readonly nodes: number;
  readonly initPods: number;
  readonly measuredPods: number;
  /**
   * `process`: the built `kubesim scheduler --kubeconfig …` as its own process;
   * `same-process`: `createScheduler` over `createHttpApiClient` in this process.
   */
  readonly mode: "process" | "same-process";
  /** Give up when the pods are not all bound after this long. */
  readonly timeoutMs: number;
}

/** A kubeconfig with one context, `bench`, for `server` without credentials. */
function kubeconfigText(server: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: bench",
    "  cluster:",
    `    server: ${server}`,
    "users:",
    "- name: bench",
    "  user: {}",
    "contexts:",
    "- name: bench",
    "  context: {cluster: bench, user: bench}",
    "current-context: bench",
    "",
  ].join("\n");
}

/** Something scheduling that can be stopped: the child process or the in-process scheduler. */
interface RunningScheduler {
  /** Throws when it can no longer bind pods (the process died). */
  check(): void;
  stop(): Promise<void>;
}

async function startSchedulerProcess(
  server: string,
  home: string,
  timeoutMs: number,
): Promise<RunningScheduler> {
  const kubeconfig = join(home, "kubeconfig");
  writeFileSync(kubeconfig, kubeconfigText(server));
  const scheduler = spawnWatched([kubesimBinary(), "scheduler", "--kubeconfig", kubeconfig, "--seed", "1"], {
    ...process.env,
    KUBESIM_HOME: home,
    KUBECONFIG: kubeconfig,
  });
  try {
    await scheduler.waitForLine(/^kube-scheduler running against /, timeoutMs);
  } catch (error) {
    await scheduler.stop(1000);
    throw error;
  }
  return {
    check() {
      if (scheduler.child.exitCode !== null || scheduler.child.signalCode !== null)
        throw new Error(`kubesim scheduler exited\n${scheduler.output()}`);
    },
    async stop() {
      await scheduler.stop(5000);
    },
  };
}

async function startSchedulerInProcess(server: string): Promise<RunningScheduler> {
  const client = createHttpApiClient({ server, fieldManager: "kube-scheduler" });
  const scheduler = createScheduler({ client, clock: new RealClock(), seed: 1 });
  await scheduler.start();
  return {
    check() {},
    async stop() {
      scheduler.stop();
      client.close();
    },
  };
}

async function createPods(store: MemoryStore, count: number, names: Set<string>): Promise<void> {
  for (let index = 0; index < count; index++) {
    const created = await store.create(defaultPod());
    names.add(`${created.metadata?.namespace ?? ""}/${created.metadata?.name ?? ""}`);
  }
}

/** Waits (polling every few ms, so the HTTP traffic flows) until `count` pods are bound. */
async function waitForBound(
  tracker: PodTracker,
  count: number,
  scheduler: RunningScheduler,
  deadline: number,
  workload: string,
): Promise<void> {
  while (tracker.boundCount() < count) {
    scheduler.check();
    if (performance.now() > deadline)
      throw new Error(`${workload}: only ${tracker.boundCount()} of ${count} pods bound before the timeout`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * SchedulingBasic with the scheduler talking HTTP: a memory store on the real clock with
 * `nodes` Ready scheduler_perf nodes, served by `@kubesim/apiserver` on 127.0.0.1; the
 * scheduler (upstream defaults, seed 1) runs as the built `kubesim scheduler` process (or
 * in this process over `createHttpApiClient`) and lists, watches and binds through the
 * server. Pods are created straight through the store, as the in-process workload does:
 * `initPods` first (not measured), then `measuredPods`; pods/s and creation-to-bind
 * latencies as SchedulingBasic. Peak RSS is this process's (store + server), not the
 * scheduler process's.
 */
export async function runOverHttpSchedulingWorkload(
  workload: OverHttpSchedulingWorkload,
): Promise<WorkloadResult> {
  const clock = new RealClock();
  const store = createMemoryStore({ clock, seed: 1 });
  await createReadyNodes(store, workload.nodes);
  const server = await startApiServer(store, clock);
  const home = mkdtempSync(join(tmpdir(), "kubesim-bench-scheduler-"));
  const deadline = performance.now() + workload.timeoutMs;
  let scheduler: RunningScheduler | undefined;
  try {
    scheduler =
      workload.mode === "process"
        ? await startSchedulerProcess(server.url, home, workload.timeoutMs)
        : await startSchedulerInProcess(server.url);
    const tracker = await trackPods(store);
    const initNames = new Set<string>();
    await createPods(store, workload.initPods, initNames);
    await waitForBound(tracker, workload.initPods, scheduler, deadline, workload.workload);

    const measuredNames = new Set<string>();
    const boundBefore = tracker.boundCount();
    const started = performance.now();
    await createPods(store, workload.measuredPods, measuredNames);
    await waitForBound(tracker, boundBefore + workload.measuredPods, scheduler, deadline, workload.workload);
    const durationMs = tracker.lastBoundAt() - started;
    const latencies = tracker.latencies((key) => measuredNames.has(key));
    tracker.close();
    return throughputResult({
      workload: workload.workload,
      nodes: workload.nodes,
      pods: workload.measuredPods,
      durationMs,
      latenciesMs: latencies,
      upstreamPodsPerSecond: 270,
    });
  } finally {
    await scheduler?.stop();
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
}

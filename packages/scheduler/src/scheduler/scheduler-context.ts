import type { ApiClient, Clock, Pod, Random } from "@kubesim/core";
import type { SchedulingQueue } from "../queue/index.js";
import type { FrameworkRuntime } from "../runtime/framework-runtime.js";
import type { AlgorithmState } from "../runtime/schedule-algorithm.js";
import type { EventRecorder } from "./event-recorder.js";
import type { SchedulerCache } from "./scheduler-cache.js";

/** The scheduler name a pod asks for; the API server defaults it to `default-scheduler`. */
export function schedulerNameOf(pod: Pod): string {
  const name = pod.spec?.schedulerName;
  return typeof name === "string" && name !== "" ? name : "default-scheduler";
}

/** Everything one scheduling cycle works with, shared by the cycle functions. */
export interface SchedulerContext {
  readonly client: ApiClient;
  readonly clock: Clock;
  readonly random: Random;
  readonly cache: SchedulerCache;
  readonly queue: SchedulingQueue;
  /** Frameworks by scheduler name. */
  readonly profiles: ReadonlyMap<string, FrameworkRuntime>;
  /** Event recorders by scheduler name. */
  readonly recorders: ReadonlyMap<string, EventRecorder>;
  readonly algorithmState: AlgorithmState;
  readonly globalPercentageOfNodesToScore: number;
  /** The newest copy of a pod in the informer cache. */
  getPod(namespace: string, name: string): Pod | undefined;
  /** Tracks an asynchronous piece of work (binding, API write) so `idle()` can see it. */
  track(work: Promise<unknown>): void;
}

import type { ApiClient, Clock } from "@kubesim/core";
import { createDaemonSetController } from "@kubesim/daemonset";
import { createGarbageCollector } from "../garbage-collector/index.js";
import { createNodeLifecycleController } from "../node-lifecycle/index.js";
import { createPodGarbageCollector } from "../pod-gc/index.js";

/** A control loop as the cluster runs it. */
export interface ControlLoop {
  start(): Promise<void>;
  stop(): void;
  idle(): boolean;
  flush(): Promise<void>;
}

/** Options of {@link createControllerManagerLoops}. */
export interface ControllerManagerOptions {
  readonly client: ApiClient;
  readonly clock: Clock;
  /** Seeds the DaemonSet controller's generated names. */
  readonly seed: number | string;
  /** How the DaemonSet controller places pods (default `"scheduler"`). */
  readonly daemonSetScheduling?: "scheduler" | "legacy";
}

/**
 * The loops of kube-controller-manager kubesim simulates, wired together: the DaemonSet
 * controller, node lifecycle (whose watches also feed pod GC), pod GC and the garbage
 * collector, in start order. `createCluster` runs them in-process; `kubesim
 * controller-manager` runs the same over an HTTP client.
 */
export function createControllerManagerLoops(options: ControllerManagerOptions): ControlLoop[] {
  const { client, clock, seed } = options;
  // Pod GC follows Nodes and Pods through the node lifecycle controller's watches: one
  // copy of each event fewer (it only keeps counts, read when its timer fires).
  const podGarbageCollector = createPodGarbageCollector({ client, clock, watches: "shared" });
  return [
    createDaemonSetController({
      client,
      clock,
      seed,
      scheduling: options.daemonSetScheduling ?? "scheduler",
    }),
    createNodeLifecycleController({
      client,
      clock,
      onWatchEvent: (kind, event) => podGarbageCollector.observeWatchEvent(kind, event),
    }),
    podGarbageCollector,
    createGarbageCollector({ client, clock }),
  ];
}

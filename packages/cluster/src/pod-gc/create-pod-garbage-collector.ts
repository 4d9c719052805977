import {
  type ApiClient,
  type Clock,
  isConflict,
  isNotFound,
  type KubeObject,
  type Node,
  type Pod,
  type PodCondition,
  type TimerHandle,
  type WatchEvent,
} from "@kubesim/core";
import { formatKubernetesTime } from "../node-lifecycle/format-time.js";
import { type KindWatches, watchKinds } from "../node-lifecycle/watch-kinds.js";
import { createPodGcWorkTracker } from "./pod-gc-work-tracker.js";

/** How often pod GC runs (kube-controller-manager's gcCheckPeriod). */
export const podGcPeriodMs = 20_000;
/** How long a missing node name is quarantined before its pods are collected. */
export const podGcQuarantineMs = 40_000;
/** Reason of the DisruptionTarget condition pod GC writes on pods of a vanished node. */
export const podGcReason = "DeletionByPodGC";
/** Message of that condition. */
export const podGcMessage = "PodGC: node no longer exists";

const outOfServiceTaintKey = "node.kubernetes.io/out-of-service";

/** Options of {@link createPodGarbageCollector}. */
export interface PodGarbageCollectorOptions {
  readonly client: ApiClient;
  readonly clock: Clock;
  /** Called with errors a GC run survives; default ignores them. */
  readonly onError?: (error: unknown) => void;
  /**
   * `"own"` (default): `start` lists, then watches Nodes and Pods. `"shared"`: no watches of
   * its own; every Node and Pod watch event (the replay of existing objects included) is
   * handed to {@link PodGarbageCollector.observeWatchEvent} by whoever watches them (the
   * cluster passes on the node lifecycle controller's).
   */
  readonly watches?: "own" | "shared";
}

/** The pod garbage collector, driven like the scheduler. */
export interface PodGarbageCollector {
  /**
   * Starts the 20 s timer on the clock (the first run is one period from now) and lists
   * then watches Nodes and Pods, so a timer run that could not act skips its lists.
   */
  start(): Promise<void>;
  /** Cancels the timer and closes the watches; safe twice and without start. */
  stop(): void;
  /** True when no GC run is in progress. */
  idle(): boolean;
  /** Waits for a run in progress (runs happen on the timer only, as upstream). */
  flush(): Promise<void>;
  /** Runs one GC pass now from fresh lists (what the timer does); resolves when it is done. */
  runOnce(): Promise<void>;
  /** Records a Node or Pod watch event (with `watches: "shared"`; ignored otherwise). */
  observeWatchEvent(kind: "Node" | "Pod", event: WatchEvent<KubeObject>): void;
}

function isTerminated(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

function isNodeReady(node: Node): boolean {
  return (node.status?.conditions ?? []).some(
    (condition) => condition.type === "Ready" && condition.status === "True",
  );
}

/**
 * Creates kube-controller-manager's pod-garbage-collector: every 20 s of clock time it
 * force-deletes pods bound to nodes that no longer exist (after a 40 s quarantine of the
 * node name and a confirming GET; such pods first get `phase: Failed` and the
 * `DisruptionTarget` / `DeletionByPodGC` condition), terminating pods that were never
 * scheduled, and terminating pods on NotReady nodes tainted
 * `node.kubernetes.io/out-of-service` (both marked Failed, then deleted with grace 0).
 * The terminated-pod threshold (12,500) rule is not modelled. Once started, a timer run
 * first asks the Node and Pod watches (an informer's view, as upstream's listers) whether
 * anything qualifies: when nothing does, it only ends the quarantine of every node name
 * (what a full run would do) instead of listing every Node and Pod.
 */
export function createPodGarbageCollector(options: PodGarbageCollectorOptions): PodGarbageCollector {
  const { client, clock } = options;
  const onError = options.onError ?? (() => {});
  // Missing node name -> when a run first saw it missing.
  const quarantine = new Map<string, number>();
  let timer: TimerHandle | undefined;
  let running: Promise<void> | undefined;
  const tracker = createPodGcWorkTracker();
  let watches: KindWatches | undefined;
  let watching: Promise<void> | undefined;
  // Shared watches feed the tracker until stop(); a restarted feed would not replay deletions.
  let sharedFeed = options.watches === "shared";

  async function markFailedAndDelete(pod: Pod, condition?: PodCondition): Promise<void> {
    const namespace = pod.metadata?.namespace ?? "";
    const name = pod.metadata?.name ?? "";
    try {
      if (!isTerminated(pod)) {
        const conditions = (pod.status?.conditions ?? []).filter(
          (existing) => condition === undefined || existing.type !== condition.type,
        );
        if (condition !== undefined) conditions.push(condition);
        await client.updateStatus<Pod>({
          ...pod,
          status: { ...pod.status, phase: "Failed", ...(conditions.length > 0 ? { conditions } : {}) },
        });
      }
      await client.delete("Pod", name, { namespace, gracePeriodSeconds: 0 });
    } catch (error) {
      if (!isNotFound(error) && !isConflict(error)) onError(error);
    }
  }

  async function collectOrphans(nodes: ReadonlyMap<string, Node>, pods: readonly Pod[]): Promise<void> {
    const now = clock.now();
    const missing = new Set<string>();
    for (const pod of pods) {
      const nodeName = pod.spec?.nodeName ?? "";
      if (nodeName !== "" && !nodes.has(nodeName)) missing.add(nodeName);
    }
    for (const name of [...quarantine.keys()]) if (!missing.has(name)) quarantine.delete(name);
    const due: string[] = [];
    for (const name of missing) {
      const since = quarantine.get(name);
      if (since === undefined) quarantine.set(name, now);
      else if (now - since >= podGcQuarantineMs) due.push(name);
    }
    due.sort();
    for (const nodeName of due) {
      try {
        await client.get("Node", nodeName);
        quarantine.delete(nodeName);
        continue;
      } catch (error) {
        if (!isNotFound(error)) {
          onError(error);
          continue;
        }
      }
      quarantine.delete(nodeName);
      const condition: PodCondition = {
        type: "DisruptionTarget",
        status: "True",
        reason: podGcReason,
        message: podGcMessage,
        lastTransitionTime: formatKubernetesTime(now),
      };
      for (const pod of pods) {
        if (pod.spec?.nodeName === nodeName) await markFailedAndDelete(pod, condition);
      }
    }
  }

  async function runOnce(): Promise<void> {
    // Shared (possibly frozen) objects: only read, and written back as spread copies.
    const [{ items: nodeList }, { items: pods }] = await Promise.all([
      client.list("Node", { sharedObjects: true }),
      client.list("Pod", { sharedObjects: true }),
    ]);
    const nodes = new Map<string, Node>();
    for (const node of nodeList) nodes.set(node.metadata?.name ?? "", node);
    await collectOrphans(nodes, pods);
    for (const pod of pods) {
      if (pod.metadata?.deletionTimestamp === undefined) continue;
      const nodeName = pod.spec?.nodeName ?? "";
      if (nodeName === "") {
        await markFailedAndDelete(pod);
        continue;
      }
      const node = nodes.get(nodeName);
      if (
        node !== undefined &&
        !isNodeReady(node) &&
        (node.spec?.taints ?? []).some((taint) => taint.key === outOfServiceTaintKey)
      ) {
        await markFailedAndDelete(pod);
      }
    }
  }

  function guardedRun(): Promise<void> {
    if (running !== undefined) return running;
    running = runOnce()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule(): void {
    timer = clock.setTimer(() => {
      schedule();
      // With nothing missing and nothing terminating to force, a run only clears the quarantine.
      if (running === undefined && (sharedFeed || watches !== undefined) && !tracker.hasWork()) {
        quarantine.clear();
        return;
      }
      void guardedRun();
    }, podGcPeriodMs);
  }

  // Lists Nodes and Pods into the tracker, then follows them from the lists' resourceVersions.
  async function startWatching(): Promise<void> {
    const nodeList = await client.list("Node", { sharedObjects: true });
    const podList = await client.list("Pod", { sharedObjects: true });
    tracker.clear();
    for (const node of nodeList.items) tracker.observeNode("ADDED", node);
    for (const pod of podList.items) tracker.observePod("ADDED", pod);
    const opened = await watchKinds(
      client,
      ["Node", "Pod"],
      (kind, event) => {
        if (kind === "Node") tracker.observeNode(event.type, event.object as Node);
        else tracker.observePod(event.type, event.object as Pod);
      },
      new Map([
        ["Node", nodeList.resourceVersion],
        ["Pod", podList.resourceVersion],
      ]),
    );
    if (timer === undefined) opened.close();
    else watches = opened;
  }

  return {
    async start() {
      if (timer === undefined) schedule();
      if (options.watches === "shared" || watches !== undefined) return;
      watching ??= startWatching()
        .catch(onError)
        .finally(() => {
          watching = undefined;
        });
      await watching;
    },
    stop() {
      if (timer !== undefined) clock.clearTimer(timer);
      timer = undefined;
      watches?.close();
      watches = undefined;
      tracker.clear();
      sharedFeed = false;
    },
    idle() {
      return running === undefined;
    },
    async flush() {
      while (running !== undefined) await running;
    },
    runOnce: guardedRun,
    observeWatchEvent(kind, event) {
      if (!sharedFeed) return;
      if (kind === "Node") tracker.observeNode(event.type, event.object as Node);
      else tracker.observePod(event.type, event.object as Pod);
    },
  };
}

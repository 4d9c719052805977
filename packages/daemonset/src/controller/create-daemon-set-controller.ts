import {
  type ApiClient,
  type Clock,
  type ControllerRevision,
  type DaemonSet,
  KubesimError,
  type Node,
  type Pod,
} from "@kubesim/core";
import type { DaemonPodScheduling } from "../pod-template/index.js";
import { ControllerExpectations } from "./controller-expectations.js";
import { createDefaultControllerRateLimiter } from "./controller-rate-limiter.js";
import { DaemonPodIndex } from "./daemon-pod-index.js";
import { createDaemonSetEventRecorder } from "./daemon-set-event-recorder.js";
import { DaemonSetModel } from "./daemon-set-model.js";
import { createDaemonSetEventHandlers } from "./event-handlers.js";
import { FailedPodsBackoff } from "./failed-pods-backoff.js";
import { Informer } from "./informer.js";
import { SortedNodeNames } from "./node-order.js";
import { ObjectCache } from "./object-cache.js";
import { syncDaemonSet } from "./sync-daemon-set.js";
import type { ControllerCaches, ControllerRuntime } from "./sync-pass.js";
import { WorkQueue } from "./work-queue.js";

/** Upstream's `BurstReplicas`: at most this many pod creations and deletions per sync. */
export const defaultBurstReplicas = 250;
/** kube-controller-manager's `--concurrent-daemonset-syncs` default. */
export const defaultDaemonSetWorkers = 2;

/** Options of {@link createDaemonSetController}. */
export interface DaemonSetControllerOptions {
  /** How the controller reads and writes the cluster; it uses nothing else. */
  readonly client: ApiClient;
  /** Every timestamp, backoff and retry delay comes from here; the controller sets no real timers. */
  readonly clock: Clock;
  /**
   * The simulation seed, accepted like every kubesim component's. The controller makes no
   * random choice (where upstream walks a Go map in random order, kubesim walks nodes by
   * name), so today it does not change behaviour.
   */
  readonly seed: number | string;
  /**
   * How created pods reach their node. `"scheduler"` (default, Kubernetes 1.12+): the pod
   * is pinned by a required node affinity `matchFields metadata.name In [<node>]` and
   * left for the scheduler to bind. `"legacy"` (before 1.12): the controller sets
   * `spec.nodeName` itself, so the pod bypasses the scheduler entirely (no resource or
   * port check, no `FailedScheduling`; the kubelet alone decides whether it runs).
   */
  readonly scheduling?: DaemonPodScheduling;
  /** How many DaemonSets may sync at the same time once started (default 2). */
  readonly workers?: number;
  /** At most this many creations and this many deletions per sync (default 250). */
  readonly burstReplicas?: number;
  /**
   * Told about every failed sync of the running controller (the key is retried with the
   * rate limiter) and every watch failure (key `undefined`); upstream logs these.
   */
  readonly onError?: (key: string | undefined, error: unknown) => void;
}

/** The DaemonSet controller. */
export interface DaemonSetController {
  /**
   * Lists and watches DaemonSets, Pods, Nodes and ControllerRevisions, then syncs
   * DaemonSets as their events arrive, `workers` at a time, retrying failures with the
   * default controller rate limiter. Resolves once the caches are filled.
   */
  start(): Promise<void>;
  /** Stops watching and syncing and cancels pending retries; safe without `start`, and twice. */
  stop(): void;
  /**
   * Runs exactly one reconciliation pass for `"namespace/name"` (upstream's
   * `syncDaemonSet`): works whether or not the controller was started (without caches it
   * reads through the client), rejects with the pass's error instead of retrying.
   */
  syncDaemonSet(key: string): Promise<void>;
  /** True when no key is queued and no sync is running (keys waiting on the clock do not count). */
  idle(): boolean;
  /**
   * Resolves once every queued key has been synced and no sync is running. Watch events
   * the client has not delivered yet are not waited for.
   */
  flush(): Promise<void>;
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new KubesimError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

interface RunningState {
  readonly queue: WorkQueue;
  readonly daemonSets: Informer<DaemonSet>;
  readonly nodes: Informer<Node>;
  readonly pods: Informer<Pod>;
  readonly revisions: Informer<ControllerRevision>;
  readonly caches: ControllerCaches;
  synced: boolean;
}

function createCaches(
  daemonSets: Informer<DaemonSet>,
  nodes: Informer<Node>,
  pods: Informer<Pod>,
  revisions: Informer<ControllerRevision>,
  podIndex: DaemonPodIndex,
  nodeNames: SortedNodeNames,
  models: Map<string, DaemonSetModel>,
): ControllerCaches {
  return {
    daemonSets: daemonSets.cache,
    nodes: nodes.cache,
    pods: pods.cache,
    revisions: revisions.cache,
    podIndex,
    model(key) {
      let model = models.get(key);
      if (model === undefined) {
        model = new DaemonSetModel(podIndex, nodes.cache, nodeNames);
        models.set(key, model);
      }
      return model;
    },
    dropModel(key) {
      models.get(key)?.close();
      models.delete(key);
    },
  };
}

/**
 * Creates the DaemonSet controller (upstream's `DaemonSetsController`) over an
 * `ApiClient`. It keeps one pod per eligible node: creates pods on nodes that should run
 * one (slow-start batches, at most `burstReplicas` per sync), deletes pods on nodes that
 * no longer qualify, failed pods (with per-node backoff) and duplicates, rolls out
 * template changes (RollingUpdate with maxUnavailable/maxSurge, or OnDelete), keeps the
 * ControllerRevision history and writes the DaemonSet status. Events
 * (`SuccessfulCreate`, `SuccessfulDelete`, `FailedCreate`, `FailedDelete`,
 * `FailedDaemonPod`, `SucceededDaemonPod`, `SelectingAll`) are core/v1 Events created
 * through the client.
 *
 * @example
 * const controller = createDaemonSetController({ client: store, clock, seed: 1 });
 * await controller.syncDaemonSet("kube-system/fluentd"); // one pass, no informers needed
 * await controller.start(); // or run it: informers, work queue, retries
 * @throws KubesimError for a `workers` or `burstReplicas` that is not a positive integer.
 */
export function createDaemonSetController(options: DaemonSetControllerOptions): DaemonSetController {
  const { client, clock } = options;
  const workers = positiveInteger(options.workers, defaultDaemonSetWorkers, "workers");
  const burstReplicas = positiveInteger(options.burstReplicas, defaultBurstReplicas, "burstReplicas");
  const scheduling = options.scheduling ?? "scheduler";
  if (scheduling !== "scheduler" && scheduling !== "legacy") {
    throw new KubesimError(`scheduling must be "scheduler" or "legacy", got ${JSON.stringify(scheduling)}`);
  }
  const reportError = (key: string | undefined, error: unknown): void => {
    try {
      options.onError?.(key, error);
    } catch {
      // A failing error callback must not stop the controller.
    }
  };
  const expectations = new ControllerExpectations(clock);
  let running: RunningState | undefined;
  let starting: Promise<void> | undefined;
  const inFlight = new Set<Promise<void>>();
  let pumpScheduled = false;
  // Passes of one key never overlap, whether they come from the workers or a direct call.
  const passesByKey = new Map<string, Promise<void>>();

  const runtime: ControllerRuntime = {
    client,
    clock,
    scheduling,
    burstReplicas,
    expectations,
    failedPodsBackoff: new FailedPodsBackoff(clock),
    events: createDaemonSetEventRecorder(client, clock),
    enqueueAfter(key, delayMs) {
      running?.queue.addAfter(key, delayMs);
    },
    caches: () => (running?.synced === true ? running.caches : undefined),
  };

  function syncExclusively(key: string): Promise<void> {
    const previous = passesByKey.get(key);
    const pass = (
      previous === undefined
        ? Promise.resolve()
        : previous.then(
            () => undefined,
            () => undefined,
          )
    ).then(() => syncDaemonSet(runtime, key));
    passesByKey.set(key, pass);
    const forget = () => {
      if (passesByKey.get(key) === pass) passesByKey.delete(key);
    };
    pass.then(forget, forget);
    return pass;
  }

  async function processKey(state: RunningState, key: string): Promise<void> {
    try {
      await syncExclusively(key);
      state.queue.forget(key);
    } catch (error) {
      reportError(key, error);
      state.queue.addRateLimited(key);
    } finally {
      state.queue.done(key);
    }
  }

  function pump(): void {
    pumpScheduled = false;
    const state = running;
    if (state === undefined || !state.synced) return;
    while (inFlight.size < workers) {
      const key = state.queue.get();
      if (key === undefined) return;
      const work = processKey(state, key);
      inFlight.add(work);
      void work.then(() => {
        inFlight.delete(work);
        schedulePump();
      });
    }
  }

  function schedulePump(): void {
    if (pumpScheduled || running === undefined) return;
    pumpScheduled = true;
    queueMicrotask(pump);
  }

  function startRunning(): RunningState {
    const queue = new WorkQueue(clock, createDefaultControllerRateLimiter(clock), schedulePump);
    const daemonSetCache = new ObjectCache<DaemonSet>();
    const handlers = createDaemonSetEventHandlers({
      daemonSets: daemonSetCache,
      expectations,
      enqueue: (key) => queue.add(key),
      enqueueAfter: (key, delayMs) => queue.addAfter(key, delayMs),
    });
    const onError = (error: unknown) => reportError(undefined, error);
    const daemonSets = new Informer<DaemonSet>({
      client,
      kind: "DaemonSet",
      handlers: handlers.daemonSets,
      onError,
      cache: daemonSetCache,
    });
    // The indexes hang off the caches' observers, so every write path keeps them exact.
    const podIndex = new DaemonPodIndex();
    const models = new Map<string, DaemonSetModel>();
    const nodeCache = new ObjectCache<Node>((previous, current) => {
      if (previous === undefined || current === undefined) nodeNames.invalidate();
      const name = (current ?? previous)?.metadata?.name ?? "";
      for (const model of models.values()) model.nodeChanged(name);
    });
    const nodeNames = new SortedNodeNames(nodeCache);
    const nodes = new Informer<Node>({
      client,
      kind: "Node",
      handlers: handlers.nodes,
      onError,
      cache: nodeCache,
    });
    const pods = new Informer<Pod>({
      client,
      kind: "Pod",
      handlers: handlers.pods,
      onError,
      cache: new ObjectCache<Pod>((previous, current) => podIndex.observe(previous, current)),
    });
    const revisions = new Informer<ControllerRevision>({
      client,
      kind: "ControllerRevision",
      handlers: handlers.revisions,
      onError,
    });
    return {
      queue,
      daemonSets,
      nodes,
      pods,
      revisions,
      caches: createCaches(daemonSets, nodes, pods, revisions, podIndex, nodeNames, models),
      synced: false,
    };
  }

  return {
    start() {
      if (starting !== undefined) return starting;
      const state = startRunning();
      running = state;
      starting = (async () => {
        // DaemonSets first, so the other kinds' initial events can resolve their owners.
        for (const informer of [state.daemonSets, state.nodes, state.revisions, state.pods]) {
          await informer.start();
          if (running !== state) return;
        }
        state.synced = true;
        schedulePump();
      })();
      return starting;
    },

    stop() {
      const state = running;
      running = undefined;
      starting = undefined;
      if (state === undefined) return;
      state.queue.shutDown();
      for (const informer of [state.daemonSets, state.nodes, state.revisions, state.pods]) informer.stop();
    },

    syncDaemonSet: syncExclusively,

    idle() {
      const state = running;
      if (state === undefined) return inFlight.size === 0;
      return state.synced && state.queue.length === 0 && inFlight.size === 0;
    },

    async flush() {
      if (starting !== undefined) await starting;
      for (;;) {
        if (inFlight.size > 0) {
          await Promise.all([...inFlight]);
          continue;
        }
        if (running?.synced === true && running.queue.length > 0) {
          pump();
          if (inFlight.size > 0) continue;
        }
        return;
      }
    },
  };
}

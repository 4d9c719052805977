import {
  type ApiClient,
  type Clock,
  createRandom,
  KubesimError,
  type Namespace,
  type Pod,
} from "@kubesim/core";
import {
  type ExtensionPoint,
  extensionPointNames,
  parseSchedulerConfiguration,
  type ResolvedProfile,
  resolveProfile,
  type SchedulerConfiguration,
} from "../config/index.js";
import { createNodeInfoLister } from "../framework/node-info.js";
import type { Plugin, QueuedPodInfo } from "../framework/plugin.js";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import { createPodInfo } from "../framework/pod-requests.js";
import type { PluginRegistry } from "../framework/registry.js";
import { type ClusterListers, defaultFeatures, type Features, type PodInfo } from "../framework/types.js";
import { inTreePluginDefinitions } from "../plugins/registry.js";
import { createSchedulingQueue, type SchedulingQueue } from "../queue/index.js";
import { type Explanation, explainPod } from "../runtime/explain.js";
import type { SchedulerServices } from "../runtime/framework-handle.js";
import { createFrameworkRuntime, type FrameworkRuntime } from "../runtime/framework-runtime.js";
import { createPluginDefinitionMap } from "../runtime/plugin-set.js";
import type { AlgorithmState } from "../runtime/schedule-algorithm.js";
import { createClusterEventHandlers } from "./cluster-event-handlers.js";
import { createEventRecorder, type EventRecorder } from "./event-recorder.js";
import { Informer } from "./informer.js";
import { scheduleOne } from "./schedule-one.js";
import { SchedulerCache } from "./scheduler-cache.js";
import { type SchedulerContext, schedulerNameOf } from "./scheduler-context.js";

/** Options of {@link createScheduler}. */
export interface CreateSchedulerOptions {
  /** How the scheduler reads and writes the cluster. */
  readonly client: ApiClient;
  /** Every timer (queue backoff, Permit timeouts) and timestamp comes from here. */
  readonly clock: Clock;
  /** Seeds the random source of tie-breaks and preemption offsets: same seed, same placements. */
  readonly seed: number | string;
  /**
   * A KubeSchedulerConfiguration (`kubescheduler.config.k8s.io/v1`) as a plain object;
   * omitted: the defaults (one `default-scheduler` profile).
   */
  readonly config?: unknown;
  /** Out-of-tree plugin factories, enabled by name in `config` (see `PluginRegistry`). */
  readonly registry?: PluginRegistry;
  /** The host part of `reportingInstance` on events (`default-scheduler-<hostname>`); default `kubesim`. */
  readonly hostname?: string;
  /** Feature gates (defaults: the v1.32 defaults). */
  readonly features?: Features;
}

/** A running kube-scheduler. */
export interface Scheduler {
  /** Lists and watches the cluster, then schedules pods as they become ready. Resolves once synced. */
  start(): Promise<void>;
  /** Stops watching and scheduling; pending timers are cancelled. */
  stop(): void;
  /**
   * Explains where `pod` would go on the current cache, without binding: for every node
   * the filter result and, for feasible nodes, every score plugin's raw, normalized and
   * weighted score, plus the node that would be selected.
   */
  explain(pod: Pod): Explanation;
  /** Runs one scheduling cycle if a pod is ready; false when none is (for tests and `cluster.settle()`). */
  scheduleOne(): Promise<boolean>;
  /** True when nothing is runnable now: no ready pod, no cycle, binding or API write in flight. */
  idle(): boolean;
  /** Resolves once every binding, status write and event started so far has finished. */
  flush(): Promise<void>;
  /** The scheduler names of the profiles. */
  readonly profileNames: readonly string[];
}

const defaultHostname = "kubesim";

function nonTerminalPod(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed";
}

function checkOptions(options: CreateSchedulerOptions): void {
  if (options === null || typeof options !== "object") {
    throw new KubesimError("createScheduler: options { client, clock, seed, config } are required");
  }
  if (options.client === null || typeof options.client !== "object") {
    throw new KubesimError("createScheduler: options.client must be an ApiClient");
  }
  const clock = options.clock as Partial<Clock> | undefined;
  if (
    clock === null ||
    typeof clock !== "object" ||
    typeof clock.now !== "function" ||
    typeof clock.setTimer !== "function"
  ) {
    throw new KubesimError("createScheduler: options.clock must be a Clock (now, setTimer, clearTimer)");
  }
  if (typeof options.seed !== "number" && typeof options.seed !== "string") {
    throw new KubesimError("createScheduler: options.seed must be a number or a string");
  }
}

/** Which extension points an out-of-tree plugin implements, found by building it once. */
function probeExtensionPoints(
  definition: PluginDefinition,
  features: Features,
  clock: Clock,
): ExtensionPoint[] {
  const methods: Readonly<Record<ExtensionPoint, string>> = {
    preEnqueue: "preEnqueue",
    queueSort: "less",
    preFilter: "preFilter",
    filter: "filter",
    postFilter: "postFilter",
    preScore: "preScore",
    score: "score",
    reserve: "reserve",
    permit: "permit",
    preBind: "preBind",
    bind: "bind",
    postBind: "postBind",
  };
  let plugin: Plugin;
  try {
    plugin = definition.factory(
      undefined,
      { snapshotSharedLister: () => createNodeInfoLister([]), clock },
      features,
    );
  } catch {
    return [];
  }
  const record = plugin as unknown as Record<string, unknown>;
  return extensionPointNames.filter((point) => typeof record[methods[point]] === "function");
}

/**
 * Creates kube-scheduler over an {@link ApiClient}: informers for Nodes and Pods (and
 * Services, ReplicaSets, Namespaces for the plugins that read them) feed a cache and the
 * scheduling queue; each ready pod goes through a scheduling cycle (PreFilter, Filter with
 * adaptive sampling, PostFilter/preemption, Score, selectHost with the seeded random
 * source, Reserve, Permit) and a binding cycle (`pods/binding`), and the outcome is
 * written as kube-scheduler writes it: events `Scheduled` / `FailedScheduling` /
 * `Preempted`, the PodScheduled=False condition and `nominatedNodeName`. Pods whose
 * `schedulerName` matches no profile are left alone. All time comes from `clock`.
 *
 * @throws StatusError (BadRequest or Invalid) for a configuration that does not parse or
 *   validate; KubesimError for bad options or plugins that cannot be built.
 * @example
 * const scheduler = createScheduler({ client, clock, seed: 1, config: { apiVersion: "kubescheduler.config.k8s.io/v1", kind: "KubeSchedulerConfiguration" } });
 * await scheduler.start();
 */
export function createScheduler(options: CreateSchedulerOptions): Scheduler {
  checkOptions(options);
  const { client, clock } = options;
  const features = options.features ?? defaultFeatures;
  const hostname = options.hostname ?? defaultHostname;
  const definitions = createPluginDefinitionMap(inTreePluginDefinitions(), options.registry);
  const configuration: SchedulerConfiguration = parseSchedulerConfiguration(
    options.config ?? { apiVersion: "kubescheduler.config.k8s.io/v1", kind: "KubeSchedulerConfiguration" },
    { pluginDefinition: (name) => definitions.get(name) },
  );
  const inTreeNames = new Set(inTreePluginDefinitions().map((definition) => definition.name));
  const extensionPointsOf = (name: string): ExtensionPoint[] | undefined => {
    if (inTreeNames.has(name)) return undefined;
    const definition = definitions.get(name);
    return definition === undefined ? undefined : probeExtensionPoints(definition, features, clock);
  };
  const resolvedProfiles: ResolvedProfile[] = configuration.profiles.map((profile) =>
    resolveProfile(profile, undefined, extensionPointsOf),
  );

  const random = createRandom(options.seed);
  const cache = new SchedulerCache();
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    const tracked = work.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  };

  // Objects some plugins read (PodTopologySpread's system defaulting, InterPodAffinity's
  // namespace selectors). Kinds the server does not serve stay empty.
  const ignore = { onAdd: () => {}, onUpdate: () => {}, onDelete: () => {} };
  const namespaceInformer = new Informer<"Namespace", Namespace>({
    client,
    kind: "Namespace",
    handlers: ignore,
    optional: true,
  });
  const namespacedListers = new Map<string, Informer<string>>(
    ["Service", "ReplicaSet", "StatefulSet", "ReplicationController"].map((kind) => [
      kind,
      new Informer({ client, kind, handlers: ignore, optional: true }),
    ]),
  );
  const listers: ClusterListers = {
    list(kind, namespace) {
      if (kind === "Namespace") return namespaceInformer.list();
      return namespacedListers.get(kind)?.list(namespace) ?? [];
    },
  };

  // Created below, once the queue exists; cycles only run after start().
  let podInformer: Informer<"Pod", Pod> | undefined;
  const getPod = (namespace: string, name: string): Pod | undefined => podInformer?.get(namespace, name);
  let queue: SchedulingQueue | undefined;
  const podInfos = new WeakMap<Pod, PodInfo>();
  const noPodInfos: readonly PodInfo[] = Object.freeze([]);
  // Filter asks for every node it checks, preemption for every candidate: answers are kept
  // (read-only) until the nominations change.
  const nominatedByNode = new Map<string, readonly PodInfo[]>();
  let nominatedVersion = -1;
  const nominatedPodsForNode = (nodeName: string): readonly PodInfo[] => {
    if (queue === undefined || !queue.hasNominatedPods()) return noPodInfos;
    const version = queue.nominationVersion();
    if (version !== nominatedVersion) {
      nominatedByNode.clear();
      nominatedVersion = version;
    }
    let answer = nominatedByNode.get(nodeName);
    if (answer === undefined) {
      const pods = queue.nominatedPodsForNode(nodeName);
      answer =
        pods.length === 0
          ? noPodInfos
          : Object.freeze(
              pods.map((pod) => {
                let podInfo = podInfos.get(pod);
                if (podInfo === undefined) {
                  podInfo = createPodInfo(pod);
                  podInfos.set(pod, podInfo);
                }
                return podInfo;
              }),
            );
      nominatedByNode.set(nodeName, answer);
    }
    return answer;
  };

  const recorders = new Map<string, EventRecorder>();
  const profiles = new Map<string, FrameworkRuntime>();
  for (const profile of resolvedProfiles) {
    const recorder = createEventRecorder({
      client,
      clock,
      reportingController: profile.schedulerName,
      reportingInstance: `${profile.schedulerName}-${hostname}`,
    });
    recorders.set(profile.schedulerName, recorder);
    const services: SchedulerServices = {
      client,
      random,
      nominatedPodsForNode,
      hasNominatedPods: () => queue?.hasNominatedPods() ?? false,
      getPod,
      recordEvent: (event) => recorder.record(event),
    };
    profiles.set(
      profile.schedulerName,
      createFrameworkRuntime({
        profile,
        definitions,
        clock,
        snapshot: () => cache.snapshot(),
        features,
        listers,
        services,
      }),
    );
  }
  const queueSort = [...profiles.values()][0]?.queueSortPlugin;
  if (queueSort === undefined)
    throw new KubesimError("the scheduler has no profile with a queue sort plugin");
  const pluginFramework = new Map<string, FrameworkRuntime>();
  for (const framework of profiles.values()) {
    for (const name of framework.plugins.keys())
      if (!pluginFramework.has(name)) pluginFramework.set(name, framework);
  }

  // Whether the active queue may hold a pod: set by the queue's signal, cleared only by a
  // pop that found nothing with no signal since (a pod may arrive between the two).
  let activeMaybeNonEmpty = false;
  let activeSignals = 0;
  let running = false;
  let driving = false;
  let cycleRunning = false;
  let started: Promise<void> | undefined;
  let cycleChain: Promise<unknown> = Promise.resolve();

  const activeQueue = createSchedulingQueue({
    clock,
    less: (first: QueuedPodInfo, second: QueuedPodInfo) => queueSort.less(first, second),
    preEnqueue: (pod) => profiles.get(schedulerNameOf(pod))?.runPreEnqueuePlugins(pod),
    podInitialBackoffMs: configuration.podInitialBackoffSeconds * 1000,
    podMaxBackoffMs: configuration.podMaxBackoffSeconds * 1000,
    eventsOfPlugin: (name) => pluginFramework.get(name)?.eventsOfPlugin(name),
    enabledPlugins: pluginFramework.keys(),
    namespaceLabels: (namespace) => namespaceInformer.get("", namespace)?.metadata?.labels,
    onActivePod: () => {
      activeSignals++;
      activeMaybeNonEmpty = true;
      wake();
    },
  });
  queue = activeQueue;

  const handlers = createClusterEventHandlers({ cache, queue: activeQueue, profiles });
  // Like kube-scheduler's pod informer (field selector status.phase!=Succeeded,
  // status.phase!=Failed): finished pods leave the cache and free their node.
  podInformer = new Informer({ client, kind: "Pod", handlers: handlers.pods, filter: nonTerminalPod });
  const nodeInformer = new Informer({ client, kind: "Node", handlers: handlers.nodes });
  // Nodes first, so the first pods already see every node.
  const informers: Pick<Informer<string>, "start" | "stop" | "hasSynced">[] = [
    nodeInformer,
    podInformer,
    ...namespacedListers.values(),
    namespaceInformer,
  ];

  const context: SchedulerContext = {
    client,
    clock,
    random,
    cache,
    queue: activeQueue,
    profiles,
    recorders,
    algorithmState: { nextStartNodeIndex: 0 } satisfies AlgorithmState,
    globalPercentageOfNodesToScore: configuration.percentageOfNodesToScore,
    getPod,
    track,
  };

  const runCycle = async (): Promise<boolean> => {
    cycleRunning = true;
    try {
      const signalsBefore = activeSignals;
      const scheduled = await scheduleOne(context);
      if (!scheduled && activeSignals === signalsBefore) activeMaybeNonEmpty = false;
      return scheduled;
    } finally {
      cycleRunning = false;
    }
  };
  const serialCycle = (): Promise<boolean> => {
    const next = cycleChain.then(runCycle);
    cycleChain = next.catch(() => undefined);
    return next;
  };

  function wake(): void {
    if (!running || driving) return;
    driving = true;
    queueMicrotask(() => {
      void drive();
    });
  }

  async function drive(): Promise<void> {
    let failed = false;
    try {
      while (running && (await serialCycle())) {
        // One pod per iteration, as upstream's ScheduleOne loop.
      }
    } catch {
      // A cycle that throws is a bug; the next queue signal restarts the loop.
      failed = true;
    } finally {
      driving = false;
      // A pod that became ready while the loop was winding down starts it again.
      if (!failed && running && activeMaybeNonEmpty) wake();
    }
  }

  return {
    profileNames: [...profiles.keys()],

    start() {
      if (started !== undefined) return started;
      running = true;
      started = (async () => {
        for (const informer of informers) await informer.start();
        activeMaybeNonEmpty = true;
        wake();
      })();
      return started;
    },

    stop() {
      running = false;
      for (const informer of informers) informer.stop();
      activeQueue.close();
    },

    explain(pod: Pod): Explanation {
      const name = schedulerNameOf(pod);
      const framework = profiles.get(name);
      if (framework === undefined) {
        return { nodes: [], error: `profile not found for scheduler name ${JSON.stringify(name)}` };
      }
      return explainPod({
        framework,
        pod,
        snapshot: cache.snapshot(),
        // A separate stream: explaining must not change what the scheduler picks next.
        random: createRandom(
          `${String(options.seed)}/explain/${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`,
        ),
      });
    },

    scheduleOne: serialCycle,

    idle() {
      if (started === undefined) return true;
      if (!informers.every((informer) => informer.hasSynced())) return false;
      if (cycleRunning || activeMaybeNonEmpty || inFlight.size > 0) return false;
      for (const recorder of recorders.values()) if (recorder.pending() > 0) return false;
      return true;
    },

    async flush() {
      const pendingWrites = () => [...recorders.values()].some((recorder) => recorder.pending() > 0);
      while (inFlight.size > 0 || pendingWrites()) {
        await Promise.all([...inFlight, ...[...recorders.values()].map((recorder) => recorder.flush())]);
      }
    },
  };
}

import {
  type ApiClient,
  type Event,
  KubesimError,
  type Node,
  type Pod,
  RealClock,
  type Taint,
  VirtualClock,
} from "@kubesim/core";
import { createScheduler, type Explanation } from "@kubesim/scheduler";
import { createMemoryStore, type MemoryStore, type StoreSnapshot } from "@kubesim/store";

import { createKubelet, type Kubelet } from "../kubelet/index.js";
import { type AppliedObject, applyObjects } from "./apply-objects.js";
import { type ControlLoop, createControllerManagerLoops } from "./controller-manager.js";
import {
  controlPlaneNodeName,
  controlPlaneRoleLabel,
  kubeadmAddOns,
  kubeadmStaticPods,
} from "./kubeadm-objects.js";
import { parseClusterDuration } from "./parse-duration.js";

/** Options of {@link createCluster}; every one is optional. */
export interface ClusterOptions {
  /** Seeds uids, generated names and scheduler tie-breaks: same seed, same cluster (default 1). */
  readonly seed?: number | string;
  /** `"virtual"` (default): time moves only through `settle()`/`advance()`. `"real"`: wall time. */
  readonly clock?: "virtual" | "real";
  /** Epoch milliseconds the virtual clock starts at (default 2026-01-01T00:00:00Z). */
  readonly startTime?: number;
  /** A KubeSchedulerConfiguration object for the scheduler (default: upstream defaults). */
  readonly schedulerConfig?: unknown;
  /** How the DaemonSet controller places pods (default `"scheduler"`). */
  readonly daemonSetScheduling?: "scheduler" | "legacy";
  /** `"kubeadm"` (default): a control plane, workers and kubeadm's add-ons. `"empty"`: nothing. */
  readonly bootstrap?: "kubeadm" | "empty";
  /** How many workers (`node-1` … `node-N`) the kubeadm bootstrap adds (default 2). */
  readonly nodes?: number;
  /** Kubelet start-up latency per pod, in ms (default: the kubelet's). */
  readonly podStartupLatencyMs?: number;
  /** How long deleted pods' containers take to exit, in ms (default: the whole grace period). */
  readonly podShutdownLatencyMs?: number;
  /** `settle()` stops after this much virtual time at most (default 10 minutes). */
  readonly settleLimitMs?: number;
  /** `settle()` stops once nothing was written for this much virtual time (default 2 minutes). */
  readonly settleQuietMs?: number;
  /** Restore this store snapshot instead of bootstrapping (see `cluster.restore`). */
  readonly snapshot?: StoreSnapshot;
  /**
   * With `snapshot`: each node's kubelet settings (static pods it runs, whether it reports
   * Ready), as {@link Cluster.kubeletSettings} returned them when the snapshot was taken.
   * Nodes not listed run no static pods and are Ready.
   */
  readonly kubelets?: Readonly<Record<string, KubeletSettings>>;
  /**
   * Which control-plane components run in this process (each default true). Off, the
   * component can run elsewhere against this cluster's API, as `kube-scheduler` and
   * `kube-controller-manager` run beside kube-apiserver (`kubesim scheduler` and `kubesim
   * controller-manager` over `kubesim serve`). Kubelets always run.
   */
  readonly components?: {
    /** The scheduler (default true); off, pods stay Pending and `explain` fails. */
    readonly scheduler?: boolean;
    /**
     * kube-controller-manager's loops (default true): the DaemonSet controller, the garbage
     * collector, pod GC and node lifecycle (NoExecute eviction, condition taints).
     */
    readonly controllers?: boolean;
  };
}

/** What a node's simulated kubelet runs with, beyond the Node object itself. */
export interface KubeletSettings {
  /** The static pods the kubelet runs (mirror pods `<name>-<node>`). */
  readonly staticPods?: readonly Pod[];
  /** False when the kubelet stopped reporting Ready (see {@link Cluster.setNodeReady}); default true. */
  readonly ready?: boolean;
}

/** Per-node settings of {@link Cluster.addNode}. */
export interface AddNodeOptions {
  /** Labels added to the defaults (`kubernetes.io/os`, `kubernetes.io/arch`, `kubernetes.io/hostname`). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Taints the node is registered with (kubelet `--register-with-taints`). */
  readonly taints?: readonly Taint[];
  /** Node capacity (and allocatable), e.g. `{ cpu: "4", memory: "8Gi", pods: "110" }`. */
  readonly capacity?: Readonly<Record<string, string>>;
  /** Static pod manifests the node's kubelet runs (mirror pods `<name>-<node>`). */
  readonly staticPods?: readonly Pod[];
}

/** Where a pod is, for {@link Cluster.explain}: `"ns/name"`, `"name"` (namespace default) or an object. */
export type PodReference = string | { readonly namespace?: string; readonly name: string };

/** A running simulated cluster. */
export interface Cluster {
  /** The API the components use; reads and writes go through the in-memory store. */
  readonly client: ApiClient;
  /** The clock every component runs on. */
  readonly clock: VirtualClock | RealClock;
  /** Creates or updates objects like `kubectl apply` (see `applyObjects`); does not settle. */
  apply(input: string | object | readonly object[]): Promise<AppliedObject[]>;
  /** Registers a node and starts its kubelet; the name is also accepted as the whole spec. */
  addNode(spec: string | Node, options?: AddNodeOptions): Promise<Node>;
  /** Stops the node's kubelet and deletes the Node; pod GC removes its pods later. */
  deleteNode(name: string): Promise<void>;
  /** Makes the node's kubelet report Ready=True or stop reporting Ready (NotReady). */
  setNodeReady(name: string, ready: boolean): void;
  /**
   * Drives every component until all are idle; on a virtual clock it then jumps from timer to
   * timer (draining in between) until no timer is pending, nothing was written for
   * `settleQuietMs` of virtual time (default 2 minutes, so kubelet start-up and pod GC finish),
   * or `settleLimitMs` (default 10 minutes) has passed. Time therefore moves forward.
   */
  settle(): Promise<void>;
  /** Moves the virtual clock forward by `duration` ("90s", "5m", ms), settling at each timer. */
  advance(duration: string | number): Promise<void>;
  /** Gets the pod and asks the scheduler where it would go and why. */
  explain(pod: PodReference): Promise<Explanation>;
  /** Every Event in the cluster, in store order. */
  events(): Promise<Event[]>;
  /** A JSON-serialisable copy of the store. */
  snapshot(): StoreSnapshot;
  /**
   * Every running kubelet's settings by node name (static pods, readiness): with
   * {@link snapshot}, what `createCluster({ snapshot, kubelets })` needs to bring the same
   * cluster back in another process.
   */
  kubeletSettings(): Record<string, { staticPods: Pod[]; ready: boolean }>;
  /**
   * A new cluster (same options) started from `snapshot`, with a kubelet for every Node in it
   * (running the static pods this cluster's node of that name runs); this cluster keeps
   * running until closed.
   */
  restore(snapshot: StoreSnapshot): Promise<Cluster>;
  /** Stops every component and kubelet; safe to call twice. */
  close(): void;
}

type Component = ControlLoop;

const defaultStartTime = Date.parse("2026-01-01T00:00:00Z");
const defaultSettleLimitMs = 10 * 60_000;
const defaultSettleQuietMs = 2 * 60_000;
const maxRounds = 100_000;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function checkOptions(options: ClusterOptions): void {
  if (options.clock !== undefined && options.clock !== "virtual" && options.clock !== "real") {
    throw new KubesimError(`clock must be "virtual" or "real", got ${JSON.stringify(options.clock)}`);
  }
  if (options.bootstrap !== undefined && options.bootstrap !== "kubeadm" && options.bootstrap !== "empty") {
    throw new KubesimError(
      `bootstrap must be "kubeadm" or "empty", got ${JSON.stringify(options.bootstrap)}`,
    );
  }
  const components = options.components;
  if (components !== undefined) {
    for (const key of ["scheduler", "controllers"] as const) {
      const value = components[key];
      if (value !== undefined && typeof value !== "boolean") {
        throw new KubesimError(`components.${key} must be a boolean, got ${JSON.stringify(value)}`);
      }
    }
  }
  const nodes = options.nodes;
  if (nodes !== undefined && (!Number.isInteger(nodes) || nodes < 0)) {
    throw new KubesimError(`nodes must be an integer >= 0, got ${String(nodes)}`);
  }
}

const podCidrPattern = /^10\.(\d{1,3})\.(\d{1,3})\.0\/24$/;

/** The node index a kubelet's `10.<244 + index / 256>.<index % 256>.0/24` podCIDR encodes. */
function nodeIndexFromPodCidr(podCidr: string | undefined): number | undefined {
  const match = podCidr === undefined ? null : podCidrPattern.exec(podCidr);
  if (match === null) return undefined;
  const high = Number(match[1]) - 244;
  const low = Number(match[2]);
  return high < 0 || high > 11 || low > 255 ? undefined : high * 256 + low;
}

function parsePodReference(reference: PodReference): { namespace: string; name: string } {
  if (typeof reference === "string") {
    const slash = reference.indexOf("/");
    return slash < 0
      ? { namespace: "default", name: reference }
      : { namespace: reference.slice(0, slash), name: reference.slice(slash + 1) };
  }
  return { namespace: reference.namespace ?? "default", name: reference.name };
}

function nodeObject(spec: string | Node, options: AddNodeOptions): Node {
  const base: Node =
    typeof spec === "string" ? { apiVersion: "v1", kind: "Node", metadata: { name: spec } } : spec;
  const name = base.metadata?.name;
  if (typeof name !== "string" || name === "") throw new KubesimError("addNode: the node needs a name");
  const labels = {
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
    ...base.metadata?.labels,
    ...options.labels,
  };
  const taints = [...(base.spec?.taints ?? []), ...(options.taints ?? [])];
  const capacity = options.capacity;
  return {
    ...base,
    apiVersion: "v1",
    kind: "Node",
    metadata: { ...base.metadata, name, labels },
    spec: { ...base.spec, ...(taints.length > 0 ? { taints } : {}) },
    ...(capacity === undefined
      ? {}
      : { status: { ...base.status, capacity: { ...capacity }, allocatable: { ...capacity } } }),
  };
}

/**
 * Creates a simulated cluster: an in-memory API server, the scheduler, the DaemonSet,
 * node lifecycle, pod GC and garbage collector controllers, and a kubelet per node, all on
 * one clock. With `bootstrap: "kubeadm"` (default) it holds what a fresh kubeadm cluster
 * shows (see `kubeadmAddOns`): node `control-plane` (tainted
 * `node-role.kubernetes.io/control-plane:NoSchedule`, running the control-plane static pods)
 * and workers `node-1` … `node-N`. The returned cluster is settled. `components` leaves the
 * scheduler or the controllers out, for running them in another process over HTTP.
 *
 * @example
 * const cluster = await createCluster({ seed: 1, nodes: 2 });
 * await cluster.apply(yamlText);
 * await cluster.settle();
 */
export function createCluster(options: ClusterOptions = {}): Promise<Cluster> {
  return startCluster(options, undefined);
}

async function startCluster(
  options: ClusterOptions,
  restoredStaticPods: ReadonlyMap<string, readonly Pod[]> | undefined,
): Promise<Cluster> {
  checkOptions(options);
  const seed = options.seed ?? 1;
  const virtualClock =
    options.clock === "real" ? undefined : new VirtualClock(options.startTime ?? defaultStartTime);
  const clock = virtualClock ?? new RealClock();
  const settleLimitMs = options.settleLimitMs ?? defaultSettleLimitMs;
  const settleQuietMs = options.settleQuietMs ?? defaultSettleQuietMs;
  const store: MemoryStore = createMemoryStore(
    options.snapshot === undefined ? { clock, seed } : { clock, seed, snapshot: options.snapshot },
  );
  const client: ApiClient = store;
  const runScheduler = options.components?.scheduler ?? true;
  const runControllers = options.components?.controllers ?? true;
  const scheduler = runScheduler
    ? createScheduler({ client, clock, seed, config: options.schedulerConfig })
    : undefined;
  const controllers: Component[] = scheduler === undefined ? [] : [scheduler];
  if (runControllers) {
    controllers.push(
      ...createControllerManagerLoops({
        client,
        clock,
        seed,
        daemonSetScheduling: options.daemonSetScheduling ?? "scheduler",
      }),
    );
  }
  const kubelets = new Map<string, Kubelet>();
  // Kubelets that got work since a drain last saw them idle: only these are flushed.
  const busyKubelets = new Set<Kubelet>();
  const staticPodsByNode = new Map<string, readonly Pod[]>();
  const notReadyNodes = new Set<string>();
  let closed = false;
  // Each node gets the next index: its InternalIP and podCIDR (10.244.<index>.0/24) follow it.
  let nextNodeIndex = 0;

  function components(): Component[] {
    return [...controllers, ...kubelets.values()];
  }

  function ensureOpen(): void {
    if (closed) throw new KubesimError("the cluster is closed");
  }

  async function startKubelet(
    nodeName: string,
    staticPods: readonly Pod[],
    ready = true,
    nodeIndex = nextNodeIndex++,
  ): Promise<void> {
    const kubelet: Kubelet = createKubelet({
      client,
      clock,
      nodeName,
      onBusy: () => {
        // A deleted node's kubelet finishing its last task is not waited for (as before).
        if (kubelets.get(nodeName) === kubelet) busyKubelets.add(kubelet);
      },
      nodeIndex,
      staticPods: [...staticPods],
      ...(options.podStartupLatencyMs === undefined ? {} : { startupLatencyMs: options.podStartupLatencyMs }),
      ...(options.podShutdownLatencyMs === undefined
        ? {}
        : { shutdownLatencyMs: options.podShutdownLatencyMs }),
    });
    kubelets.set(nodeName, kubelet);
    staticPodsByNode.set(nodeName, staticPods);
    if (!ready) {
      // Before start: the kubelet's first node status already reports NotReady.
      kubelet.setReady(false);
      notReadyNodes.add(nodeName);
    }
    // The kubelet retries its first status write itself when another writer races it.
    await kubelet.start();
  }

  // Runs every component's pending work (not timers) until all of them are idle. A
  // kubelet without work is neither flushed nor asked: a round costs O(busy kubelets),
  // not O(nodes).
  async function drain(): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      const current: Component[] = [...controllers, ...busyKubelets];
      await Promise.all(current.map((component) => component.flush()));
      await yieldToEventLoop();
      let idle = controllers.every((component) => component.idle());
      for (const kubelet of busyKubelets) {
        if (kubelet.idle()) busyKubelets.delete(kubelet);
        else idle = false;
      }
      if (idle) return;
    }
  }

  async function storeVersion(): Promise<string> {
    return (await client.list("Namespace")).resourceVersion;
  }

  async function settle(): Promise<void> {
    ensureOpen();
    await drain();
    if (virtualClock === undefined) return;
    const limit = virtualClock.now() + settleLimitMs;
    let lastVersion = await storeVersion();
    let quietSince = virtualClock.now();
    for (let round = 0; round < maxRounds; round++) {
      const next = virtualClock.nextTimerAt();
      if (next === undefined || next > limit) return;
      virtualClock.runNextTimers();
      await drain();
      const version = await storeVersion();
      if (version !== lastVersion) {
        lastVersion = version;
        quietSince = virtualClock.now();
      } else if (virtualClock.now() - quietSince >= settleQuietMs) {
        return;
      }
    }
  }

  async function advance(duration: string | number): Promise<void> {
    ensureOpen();
    const milliseconds = parseClusterDuration(duration);
    if (virtualClock === undefined) {
      throw new KubesimError("advance() needs a virtual clock; this cluster runs on real time");
    }
    const target = virtualClock.now() + milliseconds;
    await drain();
    for (let round = 0; round < maxRounds; round++) {
      const next = virtualClock.nextTimerAt();
      if (next === undefined || next > target) break;
      virtualClock.runNextTimers();
      await drain();
    }
    virtualClock.advance(Math.max(0, target - virtualClock.now()));
    await drain();
  }

  async function addNode(spec: string | Node, nodeOptions: AddNodeOptions = {}): Promise<Node> {
    ensureOpen();
    const node = nodeObject(spec, nodeOptions);
    const name = node.metadata?.name ?? "";
    if (kubelets.has(name)) throw new KubesimError(`node "${name}" already has a kubelet`);
    const created = await client.create(node);
    await startKubelet(name, nodeOptions.staticPods ?? []);
    return created;
  }

  const cluster: Cluster = {
    client,
    clock,
    apply: (input) => {
      ensureOpen();
      return applyObjects(client, input);
    },
    addNode,
    async deleteNode(name) {
      ensureOpen();
      const kubelet = kubelets.get(name);
      kubelet?.stop();
      kubelets.delete(name);
      if (kubelet !== undefined) busyKubelets.delete(kubelet);
      staticPodsByNode.delete(name);
      notReadyNodes.delete(name);
      await client.delete("Node", name);
    },
    setNodeReady(name, ready) {
      ensureOpen();
      const kubelet = kubelets.get(name);
      if (kubelet === undefined) throw new KubesimError(`no kubelet runs on node "${name}"`);
      kubelet.setReady(ready);
      if (ready) notReadyNodes.delete(name);
      else notReadyNodes.add(name);
    },
    settle,
    advance,
    async explain(reference) {
      const { namespace, name } = parsePodReference(reference);
      const pod = await client.get("Pod", name, { namespace });
      if (scheduler === undefined) {
        throw new KubesimError("explain needs the scheduler, and this cluster runs without one");
      }
      return scheduler.explain(pod);
    },
    async events() {
      return (await client.list("Event")).items;
    },
    snapshot: () => store.snapshot(),
    kubeletSettings() {
      const settings: Record<string, { staticPods: Pod[]; ready: boolean }> = Object.create(null);
      for (const name of [...kubelets.keys()].sort()) {
        settings[name] = {
          staticPods: structuredClone([...(staticPodsByNode.get(name) ?? [])]),
          ready: !notReadyNodes.has(name),
        };
      }
      return settings;
    },
    async restore(snapshot) {
      return startCluster(
        { ...options, snapshot, kubelets: cluster.kubeletSettings() },
        new Map(staticPodsByNode),
      );
    },
    close() {
      if (closed) return;
      closed = true;
      for (const component of components()) component.stop();
      kubelets.clear();
      busyKubelets.clear();
    },
  };

  for (const controller of controllers) await controller.start();
  if (options.snapshot !== undefined) {
    const nodes = (await client.list("Node")).items;
    // A restored node keeps its index (so its InternalIP and pod IPs) from the podCIDR it
    // was given; nodes added later take indexes after the highest one.
    const indexes = nodes.map((node) => nodeIndexFromPodCidr(node.spec?.podCIDR));
    nextNodeIndex = Math.max(-1, ...indexes.map((index) => index ?? -1)) + 1;
    for (const [position, node] of nodes.entries()) {
      const name = node.metadata?.name ?? "";
      const saved =
        options.kubelets !== undefined && Object.hasOwn(options.kubelets, name)
          ? options.kubelets[name]
          : undefined;
      await startKubelet(
        name,
        restoredStaticPods?.get(name) ?? saved?.staticPods ?? [],
        saved?.ready !== false,
        indexes[position] ?? nextNodeIndex++,
      );
    }
  } else if ((options.bootstrap ?? "kubeadm") === "kubeadm") {
    await addNode(controlPlaneNodeName, {
      labels: { [controlPlaneRoleLabel]: "" },
      taints: [{ key: controlPlaneRoleLabel, effect: "NoSchedule" }],
      staticPods: kubeadmStaticPods(),
    });
    for (let index = 1; index <= (options.nodes ?? 2); index++) await addNode(`node-${index}`);
    await applyObjects(client, kubeadmAddOns());
  }
  await settle();
  return cluster;
}

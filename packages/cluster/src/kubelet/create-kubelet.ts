import type { ApiClient, Clock, Node, Pod, PodStatus, Random, TimerHandle, Watch } from "@kubesim/core";
import { KubesimError, StatusError } from "@kubesim/core";
import { copyOwnFields } from "./copy-own-fields.js";
import {
  buildNodeStatus,
  nodeIndexFromName,
  nodeInternalIp,
  nodePodCidr,
  sameNodeStatusBesidesHeartbeats,
} from "./node-status.js";
import { buildCreatingPodStatus, buildRunningPodStatus } from "./pod-status.js";
import { type KubeletPodView, kubeletPodView } from "./pod-view.js";
import {
  buildMirrorPod,
  configMirrorAnnotation,
  isMirrorPod,
  type StaticPodEntry,
  staticPodEntry,
} from "./static-pods.js";

/** Options of {@link createKubelet}. */
export interface KubeletOptions {
  readonly client: ApiClient;
  readonly clock: Clock;
  /** The Node this kubelet runs; it must exist when {@link Kubelet.start} is called. */
  readonly nodeName: string;
  /** Virtual time from first seeing a pod to its containers running (default 2000 ms). */
  readonly startupLatencyMs?: number;
  /**
   * How long a deleted pod's containers take to exit after SIGTERM, capped by the pod's
   * grace period. Default: the whole grace period (containers that ignore SIGTERM).
   */
  readonly shutdownLatencyMs?: number;
  /** Static pod manifests (kubelet `staticPodPath` contents), run without the scheduler. */
  readonly staticPods?: readonly Pod[];
  /**
   * The node's position in the cluster: picks its InternalIP (172.18.0.<index + 2>) and,
   * when the node has none, its podCIDR (10.244.<index>.0/24). Default: a hash of the name.
   */
  readonly nodeIndex?: number;
  /** Reserved for jitter; the kubelet is currently fully deterministic without it. */
  readonly random?: Random;
  /** Called with errors the kubelet could not act on (default: ignored). */
  readonly onError?: (error: unknown) => void;
  /**
   * Called when work is queued on an idle kubelet (it stops being {@link Kubelet.idle}), so
   * a driver can flush only the kubelets that have work.
   */
  readonly onBusy?: () => void;
}

/** A simulated kubelet for one node. */
export interface Kubelet {
  /** Posts the node status (and podCIDR), creates mirror pods and starts watching the node's pods. */
  start(): Promise<void>;
  /** Stops watching and cancels every timer; safe before start and twice. */
  stop(): void;
  /** True when no kubelet work is queued or running (timers waiting on the clock do not count). */
  idle(): boolean;
  /** Resolves once every queued piece of work has finished. */
  flush(): Promise<void>;
  /** Replaces the static pod manifests: new ones get mirror pods, removed ones lose theirs. */
  setStaticPods(pods: readonly Pod[]): void;
  /** Sets the Ready condition; while not ready, pods keep their last status and nothing progresses. */
  setReady(ready: boolean): void;
}

interface PodRecord {
  uid: string;
  stage: "creating" | "running" | "terminating";
  timer: TimerHandle | undefined;
  podIp: string | undefined;
  /** What the kubelet last saw or wrote of the pod (the parts it reads, not a whole copy). */
  latest: KubeletPodView;
  /**
   * For a pod found already starting when the kubelet started (a cluster restored from a
   * snapshot): its `status.startTime` in epoch ms, so start-up finishes on the original
   * schedule instead of starting over. Cleared once the start-up timer is armed.
   */
  resumeFrom: number | undefined;
}

const maxEmptyWatchRounds = 100;
const maxStatusWriteAttempts = 5;

/** `status.startTime` in epoch ms, or undefined when absent or unparsable. */
function parseStartTime(startTime: string | undefined): number | undefined {
  if (startTime === undefined) return undefined;
  const parsed = Date.parse(startTime);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function podKey(pod: Pick<Pod, "metadata">): string {
  return `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof StatusError && error.status.reason === "NotFound";
}

// Upstream gives a host-network pod the node's InternalIP as its pod IP.
function isHostNetwork(pod: { readonly spec?: { readonly hostNetwork?: boolean } }): boolean {
  return pod.spec?.hostNetwork === true;
}

function isIgnorableWriteError(error: unknown): boolean {
  return (
    error instanceof StatusError && (error.status.reason === "NotFound" || error.status.reason === "Conflict")
  );
}

const noStaticPods: ReadonlyMap<string, StaticPodEntry> = new Map();
const settledChain: Promise<void> = Promise.resolve();

function ignoreError(): void {}

function staticPodEntries(manifests: readonly Pod[], nodeName: string): ReadonlyMap<string, StaticPodEntry> {
  if (manifests.length === 0) return noStaticPods;
  const result = new Map<string, StaticPodEntry>();
  for (const manifest of manifests) {
    const entry = staticPodEntry(manifest, nodeName);
    result.set(entry.key, entry);
  }
  return result;
}

/**
 * Creates a simulated kubelet for one node, driven entirely by the injected clock: pods
 * bound to the node go Pending/ContainerCreating → Running after `startupLatencyMs`,
 * terminating pods are removed after their grace period, static pods get mirror pods.
 */
export function createKubelet(options: KubeletOptions): Kubelet {
  const startupLatencyMs = options.startupLatencyMs ?? 2000;
  if (!Number.isFinite(startupLatencyMs) || startupLatencyMs < 0) {
    throw new KubesimError(`startupLatencyMs must be a finite number >= 0, got ${String(startupLatencyMs)}`);
  }
  const shutdownLatencyMs = options.shutdownLatencyMs ?? Number.POSITIVE_INFINITY;
  if (Number.isNaN(shutdownLatencyMs) || shutdownLatencyMs < 0) {
    throw new KubesimError(`shutdownLatencyMs must be a number >= 0, got ${String(shutdownLatencyMs)}`);
  }
  const nodeName = options.nodeName;
  if (typeof nodeName !== "string" || nodeName === "")
    throw new KubesimError("nodeName must be a non-empty string");
  const nodeIndex = options.nodeIndex ?? nodeIndexFromName(nodeName);
  if (!Number.isInteger(nodeIndex) || nodeIndex < 0) {
    throw new KubesimError(`nodeIndex must be an integer >= 0, got ${String(nodeIndex)}`);
  }
  return new SimulatedKubelet(options, startupLatencyMs, shutdownLatencyMs, nodeIndex);
}

// One object per node with its methods on the prototype: a cluster has a kubelet per node,
// and a closure per function per node cost more than the kubelet's own state.
class SimulatedKubelet implements Kubelet {
  readonly #client: ApiClient;
  readonly #clock: Clock;
  readonly #nodeName: string;
  readonly #nodeIndex: number;
  readonly #startupLatencyMs: number;
  readonly #shutdownLatencyMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #onBusy: (() => void) | undefined;
  readonly #hostIp: string;

  #ready = true;
  #started = false;
  #stopped = false;
  #watch: Watch<Pod> | undefined = undefined;
  #podCidrBase = "";
  readonly #pods = new Map<string, PodRecord>();
  readonly #usedIps = new Set<string>();
  #nextHost = 2;
  #staticPods: ReadonlyMap<string, StaticPodEntry>;
  // Created on first use: most nodes run no static pods.
  #staticSeen: Map<string, number> | undefined = undefined;
  // Static pods whose mirror is gone while they run on: key → config hash and pod IP.
  #staticRunning: Map<string, { hash: string; podIp: string }> | undefined = undefined;
  #chain: Promise<void> = settledChain;
  #pending = 0;

  constructor(
    options: KubeletOptions,
    startupLatencyMs: number,
    shutdownLatencyMs: number,
    nodeIndex: number,
  ) {
    this.#client = options.client;
    this.#clock = options.clock;
    this.#nodeName = options.nodeName;
    this.#nodeIndex = nodeIndex;
    this.#startupLatencyMs = startupLatencyMs;
    this.#shutdownLatencyMs = shutdownLatencyMs;
    this.#onError = options.onError ?? ignoreError;
    this.#onBusy = options.onBusy;
    this.#hostIp = nodeInternalIp(nodeIndex);
    this.#staticPods = staticPodEntries(options.staticPods ?? [], options.nodeName);
  }

  #enqueue(task: () => Promise<void>): void {
    if (this.#pending === 0 && this.#onBusy !== undefined) this.#onBusy();
    this.#pending++;
    this.#chain = this.#chain.then(async () => {
      try {
        if (!this.#stopped) await task();
      } catch (error) {
        if (!isIgnorableWriteError(error)) this.#onError(error);
      } finally {
        this.#pending--;
      }
    });
  }

  #allocateIp(): string {
    for (let attempts = 0; attempts < 253; attempts++) {
      const host = this.#nextHost;
      this.#nextHost = this.#nextHost >= 254 ? 2 : this.#nextHost + 1;
      const ip = `${this.#podCidrBase}${host}`;
      if (!this.#usedIps.has(ip)) {
        this.#usedIps.add(ip);
        return ip;
      }
    }
    throw new KubesimError(`node ${this.#nodeName} has no free pod IP left in its podCIDR`);
  }

  #cancelTimer(record: PodRecord): void {
    if (record.timer !== undefined) this.#clock.clearTimer(record.timer);
    record.timer = undefined;
  }

  #forget(key: string): void {
    const record = this.#pods.get(key);
    if (record === undefined) return;
    this.#cancelTimer(record);
    this.#pods.delete(key);
    if (record.podIp === undefined) return;
    // A static pod keeps running (and keeps its IP) while only its mirror is gone.
    const entry = this.#staticPods.get(key);
    const mirrorHash = record.latest.metadata?.annotations?.[configMirrorAnnotation];
    if (record.stage === "running" && entry !== undefined && mirrorHash === entry.hash) {
      this.#staticRunning ??= new Map();
      this.#staticRunning.set(key, { hash: entry.hash, podIp: record.podIp });
      return;
    }
    // The node's own IP (host network) was never taken from the podCIDR.
    if (!isHostNetwork(record.latest)) this.#usedIps.delete(record.podIp);
  }

  #releaseStaticRunning(key: string, keepHash: string | undefined): void {
    const stash = this.#staticRunning?.get(key);
    if (stash === undefined || stash.hash === keepHash) return;
    this.#staticRunning?.delete(key);
    this.#usedIps.delete(stash.podIp);
  }

  // Reads the pod fresh and writes its status, retrying a few times on Conflict (another
  // writer got in between); undefined when the pod is gone, replaced or terminating.
  async #writeStatus(
    pod: Pick<Pod, "metadata">,
    build: (current: Pod) => PodStatus,
  ): Promise<Pod | undefined> {
    const namespace = pod.metadata?.namespace ?? "";
    for (let attempt = 1; ; attempt++) {
      const current = await this.#client.get("Pod", pod.metadata?.name ?? "", { namespace });
      if (current.metadata?.uid !== pod.metadata?.uid || current.metadata?.deletionTimestamp !== undefined) {
        return undefined;
      }
      try {
        return await this.#client.updateStatus<Pod>({ ...current, status: build(current) });
      } catch (error) {
        const conflict = error instanceof StatusError && error.status.reason === "Conflict";
        if (!conflict || attempt >= maxStatusWriteAttempts) throw error;
      }
    }
  }

  #observe(pod: Pod): void {
    const key = podKey(pod);
    const uid = pod.metadata?.uid ?? "";
    const entry = this.#staticPods.get(key);
    if (entry !== undefined && isMirrorPod(pod) && pod.metadata?.deletionTimestamp !== undefined) {
      // A terminating mirror is deleted at once and recreated; the static pod keeps running.
      const record = this.#pods.get(key);
      if (record !== undefined) record.latest = kubeletPodView(pod);
      this.#enqueue(() => this.#ensureMirror(entry));
      return;
    }
    let record = this.#pods.get(key);
    if (record !== undefined && record.uid !== uid) {
      this.#forget(key);
      record = undefined;
    }
    if (record === undefined) {
      const phase = pod.status?.phase;
      const runningIp = phase === "Running" ? pod.status?.podIP : undefined;
      record = {
        uid,
        stage: runningIp === undefined ? "creating" : "running",
        timer: undefined,
        podIp: runningIp,
        latest: kubeletPodView(pod),
        resumeFrom: runningIp === undefined ? parseStartTime(pod.status?.startTime) : undefined,
      };
      if (runningIp !== undefined && !isHostNetwork(pod)) this.#usedIps.add(runningIp);
      this.#pods.set(key, record);
      const stash = this.#staticRunning?.get(key);
      const mirrorHash = pod.metadata?.annotations?.[configMirrorAnnotation];
      if (runningIp === undefined && stash !== undefined && isMirrorPod(pod) && stash.hash === mirrorHash) {
        // A recreated mirror of a static pod that is already running reports it running.
        this.#staticRunning?.delete(key);
        record.stage = "running";
        record.podIp = stash.podIp;
        const mirrored = record;
        this.#enqueue(async () => {
          if (this.#pods.get(key) !== mirrored) return;
          const written = await this.#writeStatus(pod, (current) =>
            buildRunningPodStatus(current, this.#hostIp, stash.podIp, this.#clock.now()),
          );
          if (written !== undefined) mirrored.latest = kubeletPodView(written);
        });
      } else if (phase !== "Succeeded" && phase !== "Failed" && runningIp === undefined) {
        const created = record;
        this.#enqueue(async () => {
          if (!this.#ready || this.#pods.get(key) !== created) return;
          const written = await this.#writeStatus(pod, (current) =>
            buildCreatingPodStatus(current, this.#hostIp, this.#clock.now()),
          );
          if (written !== undefined) created.latest = kubeletPodView(written);
        });
      }
    }
    record.latest = kubeletPodView(pod);
    this.#progress(key, record);
  }

  #progress(key: string, record: PodRecord): void {
    if (!this.#ready) return;
    const clock = this.#clock;
    const pod = record.latest;
    const deletionTimestamp = pod.metadata?.deletionTimestamp;
    // A pod deleted while starting stops starting: only its termination is timed now.
    if (deletionTimestamp !== undefined && record.stage !== "terminating") this.#cancelTimer(record);
    if (record.timer !== undefined) return;
    if (deletionTimestamp !== undefined) {
      record.stage = "terminating";
      const graceSeconds =
        pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      const remainingMs = Math.max(0, Date.parse(deletionTimestamp) - clock.now());
      const delay = Math.min(
        Math.max(0, graceSeconds) * 1000,
        Number.isFinite(remainingMs) ? remainingMs : 0,
        this.#shutdownLatencyMs,
      );
      record.timer = clock.setTimer(() => {
        record.timer = undefined;
        this.#enqueue(async () => {
          if (!this.#ready || this.#pods.get(key) !== record) return;
          await this.#client.delete("Pod", pod.metadata?.name ?? "", {
            namespace: pod.metadata?.namespace ?? "",
            gracePeriodSeconds: 0,
            preconditions: { uid: record.uid },
          });
        });
      }, delay);
      return;
    }
    const phase = pod.status?.phase;
    if (record.stage !== "creating" || phase === "Succeeded" || phase === "Failed") return;
    const resumeFrom = record.resumeFrom;
    record.resumeFrom = undefined;
    const startupDelay =
      resumeFrom === undefined
        ? this.#startupLatencyMs
        : Math.max(0, Math.min(this.#startupLatencyMs, resumeFrom + this.#startupLatencyMs - clock.now()));
    record.timer = clock.setTimer(() => {
      record.timer = undefined;
      this.#enqueue(async () => {
        if (this.#pods.get(key) !== record || record.stage !== "creating") return;
        // Not ready when the containers would have started: retried once ready again.
        if (!this.#ready) return;
        // A host-network pod shares the node's network namespace: its IP is the node's.
        const podIp = record.podIp ?? (isHostNetwork(record.latest) ? this.#hostIp : this.#allocateIp());
        record.podIp = podIp;
        const written = await this.#writeStatus(record.latest, (current) =>
          buildRunningPodStatus(current, this.#hostIp, podIp, clock.now()),
        );
        if (written !== undefined) {
          record.stage = "running";
          record.latest = kubeletPodView(written);
        }
      });
    }, startupDelay);
  }

  #onPodDeleted(pod: Pick<Pod, "metadata">): void {
    const key = podKey(pod);
    const record = this.#pods.get(key);
    if (record !== undefined && record.uid === (pod.metadata?.uid ?? "")) this.#forget(key);
    const entry = this.#staticPods.get(key);
    if (entry !== undefined && isMirrorPod(pod)) this.#enqueue(() => this.#ensureMirror(entry));
  }

  async #ensureMirror(entry: StaticPodEntry): Promise<void> {
    if (this.#staticPods.get(entry.key) !== entry) return;
    const client = this.#client;
    let existing: Pod | undefined;
    try {
      existing = await client.get("Pod", entry.name, { namespace: entry.namespace });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (existing !== undefined) {
      const hash = existing.metadata?.annotations?.[configMirrorAnnotation];
      if (hash === entry.hash && existing.metadata?.deletionTimestamp === undefined) return;
      if (hash === undefined) {
        throw new KubesimError(`pod ${entry.key} exists and is not a mirror pod: static pod not mirrored`);
      }
      // Stale or terminating mirror: delete it now; the DELETED event recreates it.
      await client.delete("Pod", entry.name, {
        namespace: entry.namespace,
        gracePeriodSeconds: 0,
        preconditions: { uid: existing.metadata?.uid ?? "" },
      });
      return;
    }
    const node = await client.get("Node", this.#nodeName);
    this.#staticSeen ??= new Map();
    let seen = this.#staticSeen.get(entry.key);
    if (seen === undefined) {
      seen = this.#clock.now();
      this.#staticSeen.set(entry.key, seen);
    }
    await client.create<Pod>(buildMirrorPod(entry, node, seen));
  }

  async #removeMirror(entry: StaticPodEntry): Promise<void> {
    this.#staticSeen?.delete(entry.key);
    let existing: Pod;
    try {
      existing = await this.#client.get("Pod", entry.name, { namespace: entry.namespace });
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    if (!isMirrorPod(existing)) return;
    await this.#client.delete("Pod", entry.name, {
      namespace: entry.namespace,
      gracePeriodSeconds: 0,
      preconditions: { uid: existing.metadata?.uid ?? "" },
    });
  }

  // Writes the podCIDR (when missing) and the node status from a fresh read; another writer
  // (the node lifecycle controller) can get in between, so a Conflict re-reads and retries a
  // few times, as the kubelet's status loop does (nodeStatusUpdateRetry).
  async #postNodeStatus(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#writeNodeStatus();
        return;
      } catch (error) {
        const conflict = error instanceof StatusError && error.status.reason === "Conflict";
        if (!conflict || attempt >= maxStatusWriteAttempts) throw error;
      }
    }
  }

  async #writeNodeStatus(): Promise<void> {
    const client = this.#client;
    const nodeIndex = this.#nodeIndex;
    const node = await client.get("Node", this.#nodeName);
    let current: Node = node;
    const cidr = node.spec?.podCIDR;
    if (cidr === undefined || cidr === "") {
      const assigned = nodePodCidr(nodeIndex);
      // `{ ...node.spec, podCIDR, podCIDRs }`, built field by field (see copyOwnFields).
      const spec = copyOwnFields(node.spec);
      spec.podCIDR = assigned;
      spec.podCIDRs = [assigned];
      current = await client.update<Node>({ ...node, spec });
    }
    this.#podCidrBase = podCidrPrefix(current.spec?.podCIDR ?? nodePodCidr(nodeIndex));
    const status = buildNodeStatus(current, nodeIndex, this.#ready, this.#clock.now());
    // A kubelet restored with its cluster finds the status it last posted: it goes on
    // without a write (only heartbeats would change), so reading a saved cluster changes nothing.
    if (sameNodeStatusBesidesHeartbeats(current.status, status)) return;
    await client.updateStatus<Node>({ ...current, status });
  }

  // Lists the node's pods, reporting pods that vanished since the last look as deleted.
  async #relist(): Promise<string> {
    // Shared (possibly frozen) objects: the kubelet only reads them (kubeletPodView).
    const listed = await this.#client.list("Pod", {
      fieldSelector: `spec.nodeName=${this.#nodeName}`,
      sharedObjects: true,
    });
    const present = new Set<string>();
    for (const item of listed.items) present.add(podKey(item));
    for (const [key, record] of [...this.#pods]) {
      if (!present.has(key)) this.#onPodDeleted(record.latest);
    }
    for (const item of listed.items) this.#observe(item);
    return listed.resourceVersion;
  }

  async #runWatch(initialResourceVersion: string): Promise<void> {
    let resourceVersion = initialResourceVersion;
    // A watch that keeps ending without delivering anything is given up after this many relists.
    for (let emptyRounds = 0; !this.#stopped && emptyRounds < maxEmptyWatchRounds; ) {
      let delivered = false;
      try {
        const opened = await this.#client.watch("Pod", {
          fieldSelector: `spec.nodeName=${this.#nodeName}`,
          resourceVersion,
          sharedObjects: true,
        });
        if (this.#stopped) {
          opened.close();
          return;
        }
        this.#watch = opened;
        for await (const event of opened) {
          if (this.#stopped) return;
          delivered = true;
          resourceVersion = event.object.metadata?.resourceVersion ?? resourceVersion;
          if (event.type === "BOOKMARK") continue;
          if (event.type === "DELETED") this.#onPodDeleted(event.object);
          else this.#observe(event.object);
        }
      } catch (error) {
        if (this.#stopped) return;
        this.#onError(error);
      }
      if (this.#stopped) return;
      emptyRounds = delivered ? 0 : emptyRounds + 1;
      try {
        resourceVersion = await this.#relist();
      } catch (error) {
        this.#onError(error);
        return;
      }
    }
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#stopped = false;
    await this.#postNodeStatus();
    const resourceVersion = await this.#relist();
    for (const entry of this.#staticPods.values()) this.#enqueue(() => this.#ensureMirror(entry));
    void this.#runWatch(resourceVersion);
  }

  stop(): void {
    this.#stopped = true;
    this.#started = false;
    this.#watch?.close();
    this.#watch = undefined;
    for (const record of this.#pods.values()) this.#cancelTimer(record);
  }

  idle(): boolean {
    return this.#pending === 0;
  }

  async flush(): Promise<void> {
    while (this.#pending > 0) await this.#chain;
  }

  setStaticPods(manifests: readonly Pod[]): void {
    const next = staticPodEntries(manifests, this.#nodeName);
    const previous = this.#staticPods;
    this.#staticPods = next;
    if (!this.#started) return;
    for (const [key, entry] of previous) {
      this.#releaseStaticRunning(key, next.get(key)?.hash);
      if (!next.has(key)) this.#enqueue(() => this.#removeMirror(entry));
    }
    for (const [key, entry] of next) {
      if (previous.get(key)?.hash !== entry.hash) this.#enqueue(() => this.#ensureMirror(entry));
    }
  }

  setReady(value: boolean): void {
    if (this.#ready === value) return;
    this.#ready = value;
    if (!this.#started) return;
    if (!this.#ready) {
      for (const record of this.#pods.values()) this.#cancelTimer(record);
    }
    this.#enqueue(() => this.#postNodeStatus());
    if (this.#ready) {
      for (const [key, record] of this.#pods) {
        if (record.stage === "creating" || record.stage === "terminating") {
          if (record.stage === "creating" && record.latest.status?.hostIP === undefined) {
            const pod = record.latest;
            this.#enqueue(async () => {
              if (this.#pods.get(key) !== record) return;
              const written = await this.#writeStatus(pod, (current) =>
                buildCreatingPodStatus(current, this.#hostIp, this.#clock.now()),
              );
              if (written !== undefined) record.latest = kubeletPodView(written);
            });
          }
          this.#progress(key, record);
        }
      }
    }
  }
}

function podCidrPrefix(cidr: string): string {
  const slash = cidr.indexOf("/");
  const address = slash === -1 ? cidr : cidr.slice(0, slash);
  const lastDot = address.lastIndexOf(".");
  if (lastDot === -1) throw new KubesimError(`node podCIDR ${JSON.stringify(cidr)} is not an IPv4 CIDR`);
  return address.slice(0, lastDot + 1);
}

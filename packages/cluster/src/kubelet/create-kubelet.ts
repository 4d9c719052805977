import type { ApiClient, Clock, Node, Pod, PodStatus, Random, TimerHandle, Watch } from "@kubesim/core";
import { KubesimError, StatusError } from "@kubesim/core";
import { buildNodeStatus, nodeIndexFromName, nodeInternalIp, nodePodCidr } from "./node-status.js";
import { buildCreatingPodStatus, buildRunningPodStatus } from "./pod-status.js";
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
  latest: Pod;
}

const maxEmptyWatchRounds = 100;
const maxStatusWriteAttempts = 5;

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof StatusError && error.status.reason === "NotFound";
}

// Upstream gives a host-network pod the node's InternalIP as its pod IP.
function isHostNetwork(pod: Pod): boolean {
  return pod.spec?.hostNetwork === true;
}

function isIgnorableWriteError(error: unknown): boolean {
  return (
    error instanceof StatusError && (error.status.reason === "NotFound" || error.status.reason === "Conflict")
  );
}

/**
 * Creates a simulated kubelet for one node, driven entirely by the injected clock: pods
 * bound to the node go Pending/ContainerCreating → Running after `startupLatencyMs`,
 * terminating pods are removed after their grace period, static pods get mirror pods.
 */
export function createKubelet(options: KubeletOptions): Kubelet {
  const { client, clock, nodeName } = options;
  const startupLatencyMs = options.startupLatencyMs ?? 2000;
  if (!Number.isFinite(startupLatencyMs) || startupLatencyMs < 0) {
    throw new KubesimError(`startupLatencyMs must be a finite number >= 0, got ${String(startupLatencyMs)}`);
  }
  if (typeof nodeName !== "string" || nodeName === "")
    throw new KubesimError("nodeName must be a non-empty string");
  const nodeIndex = options.nodeIndex ?? nodeIndexFromName(nodeName);
  if (!Number.isInteger(nodeIndex) || nodeIndex < 0) {
    throw new KubesimError(`nodeIndex must be an integer >= 0, got ${String(nodeIndex)}`);
  }
  const onError = options.onError ?? (() => {});
  const hostIp = nodeInternalIp(nodeIndex);

  let ready = true;
  let started = false;
  let stopped = false;
  let watch: Watch<Pod> | undefined;
  let podCidrBase = "";
  const pods = new Map<string, PodRecord>();
  const usedIps = new Set<string>();
  let nextHost = 2;
  let staticPods = new Map<string, StaticPodEntry>();
  const staticSeen = new Map<string, number>();
  // Static pods whose mirror is gone while they run on: key → config hash and pod IP.
  const staticRunning = new Map<string, { hash: string; podIp: string }>();

  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  function enqueue(task: () => Promise<void>): void {
    pending++;
    chain = chain.then(async () => {
      try {
        if (!stopped) await task();
      } catch (error) {
        if (!isIgnorableWriteError(error)) onError(error);
      } finally {
        pending--;
      }
    });
  }

  function setStatic(manifests: readonly Pod[]): Map<string, StaticPodEntry> {
    const result = new Map<string, StaticPodEntry>();
    for (const manifest of manifests) {
      const entry = staticPodEntry(manifest, nodeName);
      result.set(entry.key, entry);
    }
    return result;
  }
  staticPods = setStatic(options.staticPods ?? []);

  function allocateIp(): string {
    for (let attempts = 0; attempts < 253; attempts++) {
      const host = nextHost;
      nextHost = nextHost >= 254 ? 2 : nextHost + 1;
      const ip = `${podCidrBase}${host}`;
      if (!usedIps.has(ip)) {
        usedIps.add(ip);
        return ip;
      }
    }
    throw new KubesimError(`node ${nodeName} has no free pod IP left in its podCIDR`);
  }

  function cancelTimer(record: PodRecord): void {
    if (record.timer !== undefined) clock.clearTimer(record.timer);
    record.timer = undefined;
  }

  function forget(key: string): void {
    const record = pods.get(key);
    if (record === undefined) return;
    cancelTimer(record);
    pods.delete(key);
    if (record.podIp === undefined) return;
    // A static pod keeps running (and keeps its IP) while only its mirror is gone.
    const entry = staticPods.get(key);
    const mirrorHash = record.latest.metadata?.annotations?.[configMirrorAnnotation];
    if (record.stage === "running" && entry !== undefined && mirrorHash === entry.hash) {
      staticRunning.set(key, { hash: entry.hash, podIp: record.podIp });
      return;
    }
    // The node's own IP (host network) was never taken from the podCIDR.
    if (!isHostNetwork(record.latest)) usedIps.delete(record.podIp);
  }

  function releaseStaticRunning(key: string, keepHash: string | undefined): void {
    const stash = staticRunning.get(key);
    if (stash === undefined || stash.hash === keepHash) return;
    staticRunning.delete(key);
    usedIps.delete(stash.podIp);
  }

  // Reads the pod fresh and writes its status, retrying a few times on Conflict (another
  // writer got in between); undefined when the pod is gone, replaced or terminating.
  async function writeStatus(pod: Pod, build: (current: Pod) => PodStatus): Promise<Pod | undefined> {
    const namespace = pod.metadata?.namespace ?? "";
    for (let attempt = 1; ; attempt++) {
      const current = await client.get("Pod", pod.metadata?.name ?? "", { namespace });
      if (current.metadata?.uid !== pod.metadata?.uid || current.metadata?.deletionTimestamp !== undefined) {
        return undefined;
      }
      try {
        return await client.updateStatus<Pod>({ ...current, status: build(current) });
      } catch (error) {
        const conflict = error instanceof StatusError && error.status.reason === "Conflict";
        if (!conflict || attempt >= maxStatusWriteAttempts) throw error;
      }
    }
  }

  function observe(pod: Pod): void {
    const key = podKey(pod);
    const uid = pod.metadata?.uid ?? "";
    const entry = staticPods.get(key);
    if (entry !== undefined && isMirrorPod(pod) && pod.metadata?.deletionTimestamp !== undefined) {
      // A terminating mirror is deleted at once and recreated; the static pod keeps running.
      const record = pods.get(key);
      if (record !== undefined) record.latest = pod;
      enqueue(() => ensureMirror(entry));
      return;
    }
    let record = pods.get(key);
    if (record !== undefined && record.uid !== uid) {
      forget(key);
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
        latest: pod,
      };
      if (runningIp !== undefined && !isHostNetwork(pod)) usedIps.add(runningIp);
      pods.set(key, record);
      const stash = staticRunning.get(key);
      const mirrorHash = pod.metadata?.annotations?.[configMirrorAnnotation];
      if (runningIp === undefined && stash !== undefined && isMirrorPod(pod) && stash.hash === mirrorHash) {
        // A recreated mirror of a static pod that is already running reports it running.
        staticRunning.delete(key);
        record.stage = "running";
        record.podIp = stash.podIp;
        const mirrored = record;
        enqueue(async () => {
          if (pods.get(key) !== mirrored) return;
          const written = await writeStatus(pod, (current) =>
            buildRunningPodStatus(current, hostIp, stash.podIp, clock.now()),
          );
          if (written !== undefined) mirrored.latest = written;
        });
      } else if (phase !== "Succeeded" && phase !== "Failed" && runningIp === undefined) {
        const created = record;
        enqueue(async () => {
          if (!ready || pods.get(key) !== created) return;
          const written = await writeStatus(pod, (current) =>
            buildCreatingPodStatus(current, hostIp, clock.now()),
          );
          if (written !== undefined) created.latest = written;
        });
      }
    }
    record.latest = pod;
    progress(key, record);
  }

  function progress(key: string, record: PodRecord): void {
    if (!ready) return;
    const pod = record.latest;
    const deletionTimestamp = pod.metadata?.deletionTimestamp;
    // A pod deleted while starting stops starting: only its termination is timed now.
    if (deletionTimestamp !== undefined && record.stage !== "terminating") cancelTimer(record);
    if (record.timer !== undefined) return;
    if (deletionTimestamp !== undefined) {
      record.stage = "terminating";
      const graceSeconds =
        pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      const remainingMs = Math.max(0, Date.parse(deletionTimestamp) - clock.now());
      const delay = Math.min(
        Math.max(0, graceSeconds) * 1000,
        Number.isFinite(remainingMs) ? remainingMs : 0,
      );
      record.timer = clock.setTimer(() => {
        record.timer = undefined;
        enqueue(async () => {
          if (!ready || pods.get(key) !== record) return;
          await client.delete("Pod", pod.metadata?.name ?? "", {
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
    record.timer = clock.setTimer(() => {
      record.timer = undefined;
      enqueue(async () => {
        if (pods.get(key) !== record || record.stage !== "creating") return;
        // Not ready when the containers would have started: retried once ready again.
        if (!ready) return;
        // A host-network pod shares the node's network namespace: its IP is the node's.
        const podIp = record.podIp ?? (isHostNetwork(record.latest) ? hostIp : allocateIp());
        record.podIp = podIp;
        const written = await writeStatus(record.latest, (current) =>
          buildRunningPodStatus(current, hostIp, podIp, clock.now()),
        );
        if (written !== undefined) {
          record.stage = "running";
          record.latest = written;
        }
      });
    }, startupLatencyMs);
  }

  function onPodDeleted(pod: Pod): void {
    const key = podKey(pod);
    const record = pods.get(key);
    if (record !== undefined && record.uid === (pod.metadata?.uid ?? "")) forget(key);
    const entry = staticPods.get(key);
    if (entry !== undefined && isMirrorPod(pod)) enqueue(() => ensureMirror(entry));
  }

  async function ensureMirror(entry: StaticPodEntry): Promise<void> {
    if (staticPods.get(entry.key) !== entry) return;
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
    const node = await client.get("Node", nodeName);
    let seen = staticSeen.get(entry.key);
    if (seen === undefined) {
      seen = clock.now();
      staticSeen.set(entry.key, seen);
    }
    await client.create<Pod>(buildMirrorPod(entry, node, seen));
  }

  async function removeMirror(entry: StaticPodEntry): Promise<void> {
    staticSeen.delete(entry.key);
    let existing: Pod;
    try {
      existing = await client.get("Pod", entry.name, { namespace: entry.namespace });
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    if (!isMirrorPod(existing)) return;
    await client.delete("Pod", entry.name, {
      namespace: entry.namespace,
      gracePeriodSeconds: 0,
      preconditions: { uid: existing.metadata?.uid ?? "" },
    });
  }

  // Writes the podCIDR (when missing) and the node status from a fresh read; another writer
  // (the node lifecycle controller) can get in between, so a Conflict re-reads and retries a
  // few times, as the kubelet's status loop does (nodeStatusUpdateRetry).
  async function postNodeStatus(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await writeNodeStatus();
        return;
      } catch (error) {
        const conflict = error instanceof StatusError && error.status.reason === "Conflict";
        if (!conflict || attempt >= maxStatusWriteAttempts) throw error;
      }
    }
  }

  async function writeNodeStatus(): Promise<void> {
    const node = await client.get("Node", nodeName);
    let current: Node = node;
    const cidr = node.spec?.podCIDR;
    if (cidr === undefined || cidr === "") {
      const assigned = nodePodCidr(nodeIndex);
      current = await client.update<Node>({
        ...node,
        spec: { ...node.spec, podCIDR: assigned, podCIDRs: [assigned] },
      });
    }
    podCidrBase = podCidrPrefix(current.spec?.podCIDR ?? nodePodCidr(nodeIndex));
    await client.updateStatus<Node>({
      ...current,
      status: buildNodeStatus(current, nodeIndex, ready, clock.now()),
    });
  }

  // Lists the node's pods, reporting pods that vanished since the last look as deleted.
  async function relist(): Promise<string> {
    const listed = await client.list("Pod", { fieldSelector: `spec.nodeName=${nodeName}` });
    const present = new Set<string>();
    for (const item of listed.items) present.add(podKey(item));
    for (const [key, record] of [...pods]) {
      if (!present.has(key)) onPodDeleted(record.latest);
    }
    for (const item of listed.items) observe(item);
    return listed.resourceVersion;
  }

  async function runWatch(initialResourceVersion: string): Promise<void> {
    let resourceVersion = initialResourceVersion;
    // A watch that keeps ending without delivering anything is given up after this many relists.
    for (let emptyRounds = 0; !stopped && emptyRounds < maxEmptyWatchRounds; ) {
      let delivered = false;
      try {
        const opened = await client.watch("Pod", {
          fieldSelector: `spec.nodeName=${nodeName}`,
          resourceVersion,
        });
        if (stopped) {
          opened.close();
          return;
        }
        watch = opened;
        for await (const event of opened) {
          if (stopped) return;
          delivered = true;
          resourceVersion = event.object.metadata?.resourceVersion ?? resourceVersion;
          if (event.type === "BOOKMARK") continue;
          if (event.type === "DELETED") onPodDeleted(event.object);
          else observe(event.object);
        }
      } catch (error) {
        if (stopped) return;
        onError(error);
      }
      if (stopped) return;
      emptyRounds = delivered ? 0 : emptyRounds + 1;
      try {
        resourceVersion = await relist();
      } catch (error) {
        onError(error);
        return;
      }
    }
  }

  return {
    async start() {
      if (started) return;
      started = true;
      stopped = false;
      await postNodeStatus();
      const resourceVersion = await relist();
      for (const entry of staticPods.values()) enqueue(() => ensureMirror(entry));
      void runWatch(resourceVersion);
    },

    stop() {
      stopped = true;
      started = false;
      watch?.close();
      watch = undefined;
      for (const record of pods.values()) cancelTimer(record);
    },

    idle() {
      return pending === 0;
    },

    async flush() {
      while (pending > 0) await chain;
    },

    setStaticPods(manifests) {
      const next = setStatic(manifests);
      const previous = staticPods;
      staticPods = next;
      if (!started) return;
      for (const [key, entry] of previous) {
        releaseStaticRunning(key, next.get(key)?.hash);
        if (!next.has(key)) enqueue(() => removeMirror(entry));
      }
      for (const [key, entry] of next) {
        if (previous.get(key)?.hash !== entry.hash) enqueue(() => ensureMirror(entry));
      }
    },

    setReady(value) {
      if (ready === value) return;
      ready = value;
      if (!started) return;
      if (!ready) {
        for (const record of pods.values()) cancelTimer(record);
      }
      enqueue(postNodeStatus);
      if (ready) {
        for (const [key, record] of pods) {
          if (record.stage === "creating" || record.stage === "terminating") {
            if (record.stage === "creating" && record.latest.status?.hostIP === undefined) {
              const pod = record.latest;
              enqueue(async () => {
                if (pods.get(key) !== record) return;
                const written = await writeStatus(pod, (current) =>
                  buildCreatingPodStatus(current, hostIp, clock.now()),
                );
                if (written !== undefined) record.latest = written;
              });
            }
            progress(key, record);
          }
        }
      }
    },
  };
}

function podCidrPrefix(cidr: string): string {
  const slash = cidr.indexOf("/");
  const address = slash === -1 ? cidr : cidr.slice(0, slash);
  const lastDot = address.lastIndexOf(".");
  if (lastDot === -1) throw new KubesimError(`node podCIDR ${JSON.stringify(cidr)} is not an IPv4 CIDR`);
  return address.slice(0, lastDot + 1);
}

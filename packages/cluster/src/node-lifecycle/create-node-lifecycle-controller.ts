import {
  type ApiClient,
  type Clock,
  isConflict,
  isNotFound,
  type KubeObject,
  type Node,
  type Pod,
  type TimerHandle,
  type WatchEvent,
} from "@kubesim/core";
import { reconcileConditionTaints } from "./condition-taints.js";
import { decideEviction } from "./eviction-decision.js";
import { formatKubernetesTime } from "./format-time.js";
import { createReconcileLoop } from "./reconcile-loop.js";
import { createTaintEvictionEventRecorder } from "./taint-eviction-events.js";
import { type KindWatches, watchKinds } from "./watch-kinds.js";

/** Reason of the DisruptionTarget condition the taint eviction controller writes. */
export const taintEvictionReason = "DeletionByTaintManager";
/** Message of that condition. */
export const taintEvictionMessage = "Taint manager: deleting due to NoExecute taint";

/** Options of {@link createNodeLifecycleController}. */
export interface NodeLifecycleControllerOptions {
  readonly client: ApiClient;
  readonly clock: Clock;
  /** Called with errors the controller survives (write failures); default ignores them. */
  readonly onError?: (error: unknown) => void;
  /**
   * Also handed every Node and Pod watch event (not `BOOKMARK`s), after the controller's
   * own handling, so another component can follow these kinds without watches of its own
   * (pod GC in a cluster). It must neither modify the object nor keep it.
   */
  readonly onWatchEvent?: (kind: "Node" | "Pod", event: WatchEvent<KubeObject>) => void;
}

/** The node lifecycle and taint eviction controllers, driven like the scheduler. */
export interface NodeLifecycleController {
  /** Watches Nodes and Pods and reconciles every node once. */
  start(): Promise<void>;
  /** Stops watching and cancels pending evictions; safe twice and without start. */
  stop(): void;
  /** True when no node is waiting to be reconciled. */
  idle(): boolean;
  /**
   * Waits until every changed node is reconciled; without `start` (no watches), first
   * marks every node as changed.
   */
  flush(): Promise<void>;
}

interface PendingEviction {
  readonly nodeName: string;
  readonly namespace: string;
  readonly name: string;
  readonly dueAt: number;
  readonly handle: TimerHandle;
}

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}/${pod.metadata?.uid ?? ""}`;
}

/**
 * Creates the node lifecycle controller (condition taints of kube-controller-manager's
 * node-lifecycle-controller) together with the taint eviction controller: on every node
 * change the NoSchedule condition taints and the not-ready / unreachable NoExecute taint
 * are recomputed and written with `client.update`; pods bound to a node with NoExecute
 * taints they do not tolerate get a `DisruptionTarget` condition (reason
 * `DeletionByTaintManager`) and are deleted, at once or after their `tolerationSeconds`
 * on the clock (cancelled when the taint goes). As upstream, each eviction records a Normal
 * `TaintManagerEviction` Event "Marking for deletion Pod <ns>/<name>" and each cancelled
 * scheduled eviction "Cancelling deletion of Pod <ns>/<name>". Kubelet heartbeats and the Ready→Unknown
 * grace period are not modelled here: the Ready condition is taken as written.
 */
export function createNodeLifecycleController(
  options: NodeLifecycleControllerOptions,
): NodeLifecycleController {
  const { client, clock } = options;
  const onError = options.onError ?? (() => {});
  const dirtyNodes = new Set<string>();
  const evictions = new Map<string, PendingEviction>();
  let watches: KindWatches | undefined;
  let stopped = false;
  const events = createTaintEvictionEventRecorder(client, clock);

  async function evict(pod: Pod): Promise<boolean> {
    const namespace = pod.metadata?.namespace ?? "";
    const name = pod.metadata?.name ?? "";
    const now = formatKubernetesTime(clock.now());
    await events.record("markForDeletion", { namespace, name });
    const conditions = (pod.status?.conditions ?? []).filter(
      (condition) => condition.type !== "DisruptionTarget",
    );
    conditions.push({
      type: "DisruptionTarget",
      status: "True",
      reason: taintEvictionReason,
      message: taintEvictionMessage,
      lastTransitionTime: now,
    });
    try {
      await client.updateStatus({ ...pod, status: { ...pod.status, conditions } });
      await client.delete("Pod", name, { namespace });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      if (isConflict(error)) return true;
      throw error;
    }
  }

  // Drops a scheduled eviction. One whose time has not come yet is cancelled work, which
  // upstream records as an event; one already due has fired and is being carried out.
  async function cancelEviction(key: string): Promise<void> {
    const pending = evictions.get(key);
    if (pending === undefined) return;
    clock.clearTimer(pending.handle);
    evictions.delete(key);
    if (pending.dueAt > clock.now()) {
      await events.record("cancelDeletion", { namespace: pending.namespace, name: pending.name });
    }
  }

  async function reconcileNode(nodeName: string): Promise<boolean> {
    let node: Node;
    try {
      node = await client.get("Node", nodeName);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      for (const [key, pending] of [...evictions]) {
        if (pending.nodeName === nodeName) await cancelEviction(key);
      }
      return false;
    }
    let changed = false;
    const taints = reconcileConditionTaints(node, formatKubernetesTime(clock.now()));
    if (taints !== undefined) {
      try {
        node = await client.update({ ...node, spec: { ...node.spec, taints } });
        changed = true;
      } catch (error) {
        if (isConflict(error) || isNotFound(error)) return true;
        throw error;
      }
    }
    const noExecute = (node.spec?.taints ?? []).filter((taint) => taint.effect === "NoExecute");
    // Shared (possibly frozen) pods: they are only read, and written back as spread copies.
    const { items: pods } = await client.list("Pod", {
      fieldSelector: `spec.nodeName=${nodeName}`,
      sharedObjects: true,
    });
    const seen = new Set<string>();
    for (const pod of pods) {
      if (pod.metadata?.deletionTimestamp !== undefined) continue;
      const key = podKey(pod);
      seen.add(key);
      const decision = decideEviction(pod, noExecute);
      if (decision.action === "keep") {
        await cancelEviction(key);
        continue;
      }
      const pending = evictions.get(key);
      // As upstream, a pod already queued keeps its original start time.
      const dueAt =
        decision.action === "evict" ? clock.now() : (pending?.dueAt ?? clock.now() + decision.delayMs);
      if (dueAt <= clock.now()) {
        await cancelEviction(key);
        if (await evict(pod)) changed = true;
        continue;
      }
      if (pending?.dueAt === dueAt) continue;
      await cancelEviction(key);
      // The entry stays until the pass that sees it due evicts the pod.
      const handle = clock.setTimer(() => markDirty(nodeName), dueAt - clock.now());
      evictions.set(key, {
        nodeName,
        namespace: pod.metadata?.namespace ?? "",
        name: pod.metadata?.name ?? "",
        dueAt,
        handle,
      });
    }
    for (const [key, pending] of [...evictions]) {
      if (pending.nodeName === nodeName && !seen.has(key)) await cancelEviction(key);
    }
    return changed;
  }

  const loop = createReconcileLoop(async () => {
    let changed = false;
    const names = [...dirtyNodes].sort();
    dirtyNodes.clear();
    for (const name of names) {
      if (await reconcileNode(name)) {
        changed = true;
        dirtyNodes.add(name);
      }
    }
    return changed;
  }, onError);

  function markDirty(nodeName: string): void {
    if (stopped || nodeName === "") return;
    dirtyNodes.add(nodeName);
    loop.kick();
  }

  function onEvent(kind: string, event: WatchEvent<KubeObject>): void {
    if (event.type === "BOOKMARK") return;
    if (kind === "Node") markDirty(event.object.metadata?.name ?? "");
    else if (event.type !== "DELETED") markDirty((event.object as Pod).spec?.nodeName ?? "");
    options.onWatchEvent?.(kind === "Node" ? "Node" : "Pod", event);
  }

  async function markAllNodes(): Promise<void> {
    const { items } = await client.list("Node");
    for (const node of items) dirtyNodes.add(node.metadata?.name ?? "");
    dirtyNodes.delete("");
  }

  return {
    async start() {
      stopped = false;
      if (watches !== undefined) return;
      watches = await watchKinds(client, ["Node", "Pod"], onEvent);
    },
    stop() {
      stopped = true;
      watches?.close();
      watches = undefined;
      // Stopping drops the scheduled work without cancelling it: no events.
      for (const pending of evictions.values()) clock.clearTimer(pending.handle);
      evictions.clear();
      dirtyNodes.clear();
    },
    idle() {
      return dirtyNodes.size === 0 && loop.idle();
    },
    async flush() {
      // Started, the watches say which nodes changed; a full sweep per flush would cost a
      // GET and a pod list per node on every settle round.
      if (watches === undefined) await markAllNodes();
      if (dirtyNodes.size > 0) loop.kick();
      await loop.settle();
    },
  };
}

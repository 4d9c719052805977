import type { Node, Pod, WatchEventType } from "@kubesim/core";

/**
 * What pod GC knows from its Node and Pod watches, to tell without listing whether a run
 * could act: a run only acts on pods bound to a node name no Node has (quarantine, then
 * collection) and on terminating pods that were never scheduled or sit on a NotReady node
 * tainted `node.kubernetes.io/out-of-service`.
 */
export interface PodGcWorkTracker {
  /** Records a Node watch event (or a listed Node, as `ADDED`). */
  observeNode(type: WatchEventType, node: Node): void;
  /** Records a Pod watch event (or a listed Pod, as `ADDED`). */
  observePod(type: WatchEventType, pod: Pod): void;
  /** True when some pod's node is missing or some terminating pod qualifies for collection. */
  hasWork(): boolean;
  /** Forgets everything. */
  clear(): void;
}

interface NodeFacts {
  readonly ready: boolean;
  readonly outOfService: boolean;
}

interface PodFacts {
  readonly nodeName: string;
  readonly terminating: boolean;
}

const outOfServiceTaintKey = "node.kubernetes.io/out-of-service";

function nodeFacts(node: Node): NodeFacts {
  return {
    ready: (node.status?.conditions ?? []).some(
      (condition) => condition.type === "Ready" && condition.status === "True",
    ),
    outOfService: (node.spec?.taints ?? []).some((taint) => taint.key === outOfServiceTaintKey),
  };
}

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
}

/** Creates an empty {@link PodGcWorkTracker}. */
export function createPodGcWorkTracker(): PodGcWorkTracker {
  const nodes = new Map<string, NodeFacts>();
  const pods = new Map<string, PodFacts>();
  // Node name -> how many tracked pods are bound to it.
  const podsPerNode = new Map<string, number>();
  // Bound-to node names with pods but no Node.
  let missingNodeNames = 0;
  const terminating = new Map<string, PodFacts>();

  function removePod(key: string): void {
    const facts = pods.get(key);
    if (facts === undefined) return;
    pods.delete(key);
    terminating.delete(key);
    if (facts.nodeName === "") return;
    const count = (podsPerNode.get(facts.nodeName) ?? 0) - 1;
    if (count > 0) {
      podsPerNode.set(facts.nodeName, count);
      return;
    }
    podsPerNode.delete(facts.nodeName);
    if (!nodes.has(facts.nodeName)) missingNodeNames -= 1;
  }

  function addPod(key: string, facts: PodFacts): void {
    pods.set(key, facts);
    if (facts.terminating) terminating.set(key, facts);
    if (facts.nodeName === "") return;
    const count = podsPerNode.get(facts.nodeName) ?? 0;
    podsPerNode.set(facts.nodeName, count + 1);
    if (count === 0 && !nodes.has(facts.nodeName)) missingNodeNames += 1;
  }

  return {
    observeNode(type, node) {
      if (type === "BOOKMARK") return;
      const name = node.metadata?.name ?? "";
      const known = nodes.has(name);
      if (type === "DELETED") {
        nodes.delete(name);
        if (known && podsPerNode.has(name)) missingNodeNames += 1;
        return;
      }
      nodes.set(name, nodeFacts(node));
      if (!known && podsPerNode.has(name)) missingNodeNames -= 1;
    },
    observePod(type, pod) {
      if (type === "BOOKMARK") return;
      const key = podKey(pod);
      removePod(key);
      if (type === "DELETED") return;
      addPod(key, {
        nodeName: pod.spec?.nodeName ?? "",
        terminating: pod.metadata?.deletionTimestamp !== undefined,
      });
    },
    hasWork() {
      if (missingNodeNames > 0) return true;
      for (const facts of terminating.values()) {
        if (facts.nodeName === "") return true;
        const node = nodes.get(facts.nodeName);
        if (node !== undefined && !node.ready && node.outOfService) return true;
      }
      return false;
    },
    clear() {
      nodes.clear();
      pods.clear();
      podsPerNode.clear();
      terminating.clear();
      missingNodeNames = 0;
    },
  };
}

import type { Node, NodeCondition, NodeStatus } from "@kubesim/core";
import { copyOwnFields } from "./copy-own-fields.js";
import { kubeletHash, kubeletTimestamp } from "./kubelet-hash.js";

/** The kubelet version simulated kubelets report (`status.nodeInfo.kubeletVersion`). */
export const simulatedKubeletVersion = "v1.32.2";

/** Capacity a node gets when it does not declare its own: a small VM. */
export const defaultNodeCapacity: Readonly<Record<string, string>> = Object.freeze({
  cpu: "2",
  memory: "4Gi",
  pods: "110",
});

/**
 * A stable index for a node without an explicit one: an FNV hash of its name, so the
 * same name always gets the same addresses.
 */
export function nodeIndexFromName(nodeName: string): number {
  return Number.parseInt(kubeletHash(nodeName, 8), 16) % 256;
}

/**
 * The node's InternalIP for an index: 172.18.0.2 upwards, as kind numbers its nodes
 * (index 0 → 172.18.0.2), spilling into the third and second octets past 253.
 */
export function nodeInternalIp(nodeIndex: number): string {
  const host = nodeIndex + 2;
  return `172.${18 + (host >> 16)}.${(host >> 8) & 255}.${host & 255}`;
}

/**
 * The pod CIDR for an index, as kube-controller-manager's range allocator hands out /24s
 * of flannel's 10.244.0.0/16 in order; indexes past 255 continue in 10.245.0.0/16 etc.
 */
export function nodePodCidr(nodeIndex: number): string {
  return `10.${244 + (nodeIndex >> 8)}.${nodeIndex & 255}.0/24`;
}

function uuidFormat(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The Ready condition's reason and message, as the kubelet writes them. */
export function nodeReadyCondition(
  ready: boolean,
  nowMs: number,
  previous: NodeCondition | undefined,
): NodeCondition {
  const status = ready ? "True" : "False";
  const now = kubeletTimestamp(nowMs);
  return {
    type: "Ready",
    status,
    reason: ready ? "KubeletReady" : "KubeletNotReady",
    message: ready ? "kubelet is posting ready status" : "container runtime is down",
    lastHeartbeatTime: now,
    lastTransitionTime: previous?.status === status ? (previous.lastTransitionTime ?? now) : now,
  };
}

function pressureCondition(
  type: string,
  reason: string,
  message: string,
  nowMs: number,
  previous: NodeCondition | undefined,
): NodeCondition {
  const now = kubeletTimestamp(nowMs);
  return {
    type,
    status: "False",
    reason,
    message,
    lastHeartbeatTime: now,
    lastTransitionTime: previous?.status === "False" ? (previous.lastTransitionTime ?? now) : now,
  };
}

function withDefaults(declared: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const result: Record<string, string> = copyOwnFields(defaultNodeCapacity);
  if (declared === undefined) return result;
  for (const key of Object.keys(declared)) {
    const value = declared[key];
    if (typeof value === "string") result[key] = value;
  }
  return result;
}

/**
 * The status a healthy simulated kubelet posts for `node`: pressure conditions False,
 * Ready as given, capacity/allocatable (node-declared values win over the defaults),
 * InternalIP and Hostname addresses, nodeInfo and the kubelet endpoint. Conditions of
 * other types the node already has are kept.
 */
export function buildNodeStatus(node: Node, nodeIndex: number, ready: boolean, nowMs: number): NodeStatus {
  const name = node.metadata?.name ?? "";
  const existing = node.status ?? {};
  const previous = new Map<string, NodeCondition>();
  for (const condition of existing.conditions ?? []) previous.set(condition.type, condition);
  const capacity = withDefaults(existing.capacity);
  const allocatable = withDefaults(existing.allocatable ?? existing.capacity);
  const ownTypes = new Set(["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"]);
  const conditions: NodeCondition[] = [
    pressureCondition(
      "MemoryPressure",
      "KubeletHasSufficientMemory",
      "kubelet has sufficient memory available",
      nowMs,
      previous.get("MemoryPressure"),
    ),
    pressureCondition(
      "DiskPressure",
      "KubeletHasNoDiskPressure",
      "kubelet has no disk pressure",
      nowMs,
      previous.get("DiskPressure"),
    ),
    pressureCondition(
      "PIDPressure",
      "KubeletHasSufficientPID",
      "kubelet has sufficient PID available",
      nowMs,
      previous.get("PIDPressure"),
    ),
    nodeReadyCondition(ready, nowMs, previous.get("Ready")),
    ...(existing.conditions ?? []).filter((condition) => !ownTypes.has(condition.type)),
  ];
  const machineId = kubeletHash(`machine:${name}`);
  // What `{ ...existing, capacity, ... }` gives, built field by field (see copyOwnFields).
  const status = copyOwnFields<NodeStatus>(existing);
  status.capacity = capacity;
  status.allocatable = allocatable;
  status.conditions = conditions;
  status.addresses = [
    { type: "InternalIP", address: nodeInternalIp(nodeIndex) },
    { type: "Hostname", address: name },
  ];
  status.daemonEndpoints = { kubeletEndpoint: { Port: 10250 } };
  status.nodeInfo = {
    machineID: machineId,
    systemUUID: uuidFormat(kubeletHash(`system:${name}`)),
    bootID: uuidFormat(kubeletHash(`boot:${name}`)),
    kernelVersion: "6.8.0-49-generic",
    osImage: "Ubuntu 24.04.1 LTS",
    containerRuntimeVersion: "containerd://1.7.24",
    kubeletVersion: simulatedKubeletVersion,
    kubeProxyVersion: simulatedKubeletVersion,
    operatingSystem: "linux",
    architecture: "amd64",
  };
  return status;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Whether `next` (a freshly built status) says nothing `current` does not, once each
 * condition's `lastHeartbeatTime` is taken from `current`: the kubelet then has nothing to post.
 */
export function sameNodeStatusBesidesHeartbeats(current: NodeStatus | undefined, next: NodeStatus): boolean {
  if (current === undefined) return false;
  const heartbeats = new Map<string, string | undefined>();
  for (const condition of current.conditions ?? [])
    heartbeats.set(condition.type, condition.lastHeartbeatTime);
  const conditions = (next.conditions ?? []).map((condition) => ({
    ...condition,
    lastHeartbeatTime: heartbeats.has(condition.type)
      ? heartbeats.get(condition.type)
      : condition.lastHeartbeatTime,
  }));
  return canonicalJson(current) === canonicalJson({ ...next, conditions });
}

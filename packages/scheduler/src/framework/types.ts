import type { Clock, Node, Pod } from "@kubesim/core";

/**
 * Resource amounts as the scheduler counts them: CPU in millicores, memory and
 * ephemeral storage in bytes, pods as a count, and every other resource (extended
 * resources, hugepages-*, attachable volumes) in its own integer unit — the same
 * integer arithmetic as upstream's `framework.Resource`.
 */
export interface Resource {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Only meaningful for allocatable: how many pods the node accepts. */
  allowedPodNumber: number;
  /** Extended and other scalar resources by name, e.g. `nvidia.com/gpu`, `hugepages-2Mi`. */
  scalarResources: Map<string, number>;
}

/** A host port a pod uses: `(ip, protocol, port)`; ip `0.0.0.0` means every address. */
export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/** A pod as the scheduler's cache holds it, with what plugins precompute once. */
export interface PodInfo {
  readonly pod: Pod;
  /** The pod's requests as NodeResourcesFit counts them (init containers, sidecars, overhead). */
  readonly requests: Resource;
  /** As {@link PodInfo.requests}, but cpu/memory that a container leaves unset count as 100m / 200Mi. */
  readonly nonZeroRequests: Resource;
}

/** An image on a node, with how many nodes of the snapshot have it. */
export interface ImageStateSummary {
  readonly size: number;
  readonly numNodes: number;
}

/**
 * Everything the scheduler knows about one node: the node object, the pods assigned to
 * it (bound or assumed) and the aggregates plugins need, kept up to date incrementally
 * so no plugin scans every pod.
 */
export interface NodeInfo {
  /** The node; `undefined` only while a pod references a node not yet seen. */
  readonly node: Node | undefined;
  /** The node's name (`""` for an unnamed node in plugin tests). */
  readonly name: string;
  readonly pods: readonly PodInfo[];
  /** Pods on the node that have (anti-)affinity terms of any kind. */
  readonly podsWithAffinity: readonly PodInfo[];
  /** Pods on the node that have required anti-affinity terms. */
  readonly podsWithRequiredAntiAffinity: readonly PodInfo[];
  /** Host ports used by the node's pods. */
  readonly usedPorts: readonly HostPort[];
  /** Sum of the requests of the node's pods. */
  readonly requested: Resource;
  /** Sum of the non-zero requests of the node's pods. */
  readonly nonZeroRequested: Resource;
  /** The node's allocatable resources (`status.allocatable`). */
  readonly allocatable: Resource;
  /** Images on the node by normalized name (each of `status.images[].names`). */
  readonly imageStates: ReadonlyMap<string, ImageStateSummary>;
  /** Bumped on every change, so per-node caches can be invalidated. */
  readonly generation: number;
}

/** The node list a cycle works on, as upstream's SharedLister over a snapshot. */
export interface NodeInfoLister {
  /** Every node, in the snapshot's order. */
  list(): readonly NodeInfo[];
  /** Nodes that hold at least one pod with affinity terms. */
  havePodsWithAffinityList(): readonly NodeInfo[];
  /** Nodes that hold at least one pod with required anti-affinity terms. */
  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[];
  /** A node by name. */
  get(name: string): NodeInfo | undefined;
}

/** Feature switches handed to plugin factories (upstream's `feature.Features`). */
export interface Features {
  readonly enableSidecarContainers: boolean;
  readonly enableSchedulingQueueHint: boolean;
  readonly enablePodLevelResources: boolean;
  readonly enableDynamicResourceAllocation: boolean;
  readonly enableNodeInclusionPolicyInPodTopologySpread: boolean;
  readonly enableMatchLabelKeysInPodTopologySpread: boolean;
  readonly enableInPlacePodVerticalScaling: boolean;
}

/** The v1.32 defaults of {@link Features}. */
export const defaultFeatures: Features = Object.freeze({
  enableSidecarContainers: true,
  enableSchedulingQueueHint: false,
  enablePodLevelResources: false,
  enableDynamicResourceAllocation: false,
  enableNodeInclusionPolicyInPodTopologySpread: true,
  enableMatchLabelKeysInPodTopologySpread: true,
  enableInPlacePodVerticalScaling: false,
});

/**
 * What a plugin may use besides its arguments: the current snapshot, the clock and,
 * when running inside a scheduler, helpers to act on the cluster.
 */
export interface Handle {
  /** The node snapshot of the cycle in progress. */
  snapshotSharedLister(): NodeInfoLister;
  readonly clock: Clock;
  /**
   * Pods of the whole cluster matching a namespace (plugins such as PodTopologySpread's
   * system defaulting ask which Services/ReplicaSets select a pod). Optional: plugin tests
   * run without it.
   */
  readonly listers?: ClusterListers;
}

/** Read access to cluster objects some plugins need (services, replica sets, ...). */
export interface ClusterListers {
  /** Objects of a kind in a namespace, e.g. `("Service", "default")`. */
  list(kind: string, namespace: string): readonly object[];
}

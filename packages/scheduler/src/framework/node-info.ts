import type { Node, Pod } from "@kubesim/core";
import { createPodInfo } from "./pod-requests.js";
import {
  addResource,
  cloneResource,
  createResource,
  resourceFromList,
  subtractResource,
} from "./resource.js";
import type { HostPort, NodeInfo, NodeInfoLister, PodInfo, Resource } from "./types.js";

/** The address a host port without `hostIP` binds: every address. */
export const defaultHostIp = "0.0.0.0";

/** The protocol of a port without `protocol`. */
export const defaultPortProtocol = "TCP";

/**
 * A {@link NodeInfo} the scheduler cache keeps up to date: pods are added and removed
 * incrementally and every aggregate follows, bumping {@link NodeInfo.generation}.
 */
export interface MutableNodeInfo extends NodeInfo {
  /** Adds a pod (or a precomputed PodInfo) to the node and its aggregates. */
  addPod(pod: Pod | PodInfo): void;
  /**
   * Removes a pod, matched by uid (or by namespace/name when either side has no uid).
   * Returns false, changing nothing, when the node does not hold the pod.
   */
  removePod(pod: Pod | PodInfo): boolean;
  /** Replaces the node object (allocatable and images follow); pods are kept. */
  setNode(node: Node | undefined): void;
  /** An independent copy for what-if evaluation (preemption); PodInfos are shared. */
  clone(): MutableNodeInfo;
  /**
   * Sets how many nodes of the snapshot hold each of the node's images (`countOf(name)`);
   * a change bumps the generation (ImageLocality's score depends on it).
   */
  setImageNodeCounts(countOf: (imageName: string) => number): void;
}

/** A mutable image summary; `numNodes` is filled in by {@link createNodeInfoLister}. */
interface ImageState {
  size: number;
  numNodes: number;
}

interface PortUse {
  readonly hostPort: HostPort;
  count: number;
}

// Upstream uses one process-wide counter, so generations order changes across nodes.
let lastGeneration = 0;
function nextGeneration(): number {
  lastGeneration += 1;
  return lastGeneration;
}

function isPodInfo(value: Pod | PodInfo): value is PodInfo {
  return (
    Object.hasOwn(value, "pod") &&
    Object.hasOwn(value, "requests") &&
    (value as PodInfo).requests?.scalarResources instanceof Map
  );
}

function podWithAffinity(pod: Pod): boolean {
  const affinity = pod.spec?.affinity;
  return (
    affinity !== undefined &&
    affinity !== null &&
    ((affinity.podAffinity !== undefined && affinity.podAffinity !== null) ||
      (affinity.podAntiAffinity !== undefined && affinity.podAntiAffinity !== null))
  );
}

function podWithRequiredAntiAffinity(pod: Pod): boolean {
  const terms = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return Array.isArray(terms) && terms.length > 0;
}

/** True when both pods are the same: equal uids, or equal namespace/name when a uid is missing. */
function samePod(stored: Pod, wanted: Pod): boolean {
  const storedUid = stored.metadata?.uid;
  const wantedUid = wanted.metadata?.uid;
  if (storedUid && wantedUid) return storedUid === wantedUid;
  return (
    (stored.metadata?.namespace ?? "") === (wanted.metadata?.namespace ?? "") &&
    (stored.metadata?.name ?? "") === (wanted.metadata?.name ?? "")
  );
}

// Most pods use no host port: adding or removing them allocates nothing for ports.
const noHostPorts: readonly HostPort[] = Object.freeze([]);

function hostPortsOf(pod: Pod): readonly HostPort[] {
  let ports: HostPort[] | undefined;
  const containers = pod.spec?.containers;
  if (!Array.isArray(containers)) return noHostPorts;
  for (const container of containers) {
    if (!Array.isArray(container.ports)) continue;
    for (const port of container.ports) {
      if (typeof port.hostPort !== "number" || port.hostPort <= 0) continue;
      ports ??= [];
      ports.push({
        ip: port.hostIP || defaultHostIp,
        protocol: port.protocol || defaultPortProtocol,
        port: port.hostPort,
      });
    }
  }
  return ports ?? noHostPorts;
}

function portKey(port: HostPort): string {
  return `${port.ip}|${port.protocol}|${port.port}`;
}

function imageStatesOf(node: Node | undefined): Map<string, ImageState> {
  const states = new Map<string, ImageState>();
  const images = node?.status?.images;
  if (!Array.isArray(images)) return states;
  for (const image of images) {
    if (!Array.isArray(image.names)) continue;
    const size = typeof image.sizeBytes === "number" ? image.sizeBytes : 0;
    for (const name of image.names) {
      if (typeof name === "string" && !states.has(name)) states.set(name, { size, numNodes: 1 });
    }
  }
  return states;
}

/** What adding or removing a pod changes besides its requests, worked out once per PodInfo. */
interface PodTraits {
  readonly hostPorts: readonly HostPort[];
  readonly withAffinity: boolean;
  readonly withRequiredAntiAffinity: boolean;
}

// Preemption adds and removes the same PodInfos once per candidate node; their pods are
// read once. A PodInfo's pod never changes (a new pod version gets a new PodInfo).
const traitsByPodInfo = new WeakMap<PodInfo, PodTraits>();

function traitsOf(podInfo: PodInfo): PodTraits {
  let traits = traitsByPodInfo.get(podInfo);
  if (traits === undefined) {
    const pod = podInfo.pod;
    traits = {
      hostPorts: hostPortsOf(pod),
      withAffinity: podWithAffinity(pod),
      withRequiredAntiAffinity: podWithRequiredAntiAffinity(pod),
    };
    traitsByPodInfo.set(podInfo, traits);
  }
  return traits;
}

function removeFromList(list: PodInfo[], pod: Pod): void {
  const index = list.findIndex((candidate) => samePod(candidate.pod, pod));
  if (index >= 0) list.splice(index, 1);
}

class NodeInfoImpl implements MutableNodeInfo {
  node: Node | undefined;
  generation: number;
  allocatable: Resource;
  requested: Resource;
  nonZeroRequested: Resource;
  imageStates: Map<string, ImageState>;
  readonly pods: PodInfo[];
  readonly podsWithAffinity: PodInfo[];
  readonly podsWithRequiredAntiAffinity: PodInfo[];
  private readonly portUses: Map<string, PortUse>;
  private usedPortsCache: readonly HostPort[] | undefined;

  /** `node.metadata.name`, read once per node object (Filter and Score ask for it per node). */
  private nodeName: string | undefined;

  /** A node info for `node`, or (with `source`) an independent copy of `source`. */
  constructor(node: Node | undefined, source?: NodeInfoImpl) {
    if (source === undefined) {
      this.node = node;
      this.nodeName = node?.metadata?.name;
      this.allocatable = resourceFromList(node?.status?.allocatable);
      this.requested = createResource();
      this.nonZeroRequested = createResource();
      this.imageStates = imageStatesOf(node);
      this.pods = [];
      this.podsWithAffinity = [];
      this.podsWithRequiredAntiAffinity = [];
      this.portUses = new Map();
      this.usedPortsCache = noHostPorts;
      this.generation = nextGeneration();
      return;
    }
    // Built field by field (preemption clones a node per candidate): nothing made twice.
    this.node = source.node;
    this.nodeName = source.nodeName;
    this.allocatable = cloneResource(source.allocatable);
    this.requested = cloneResource(source.requested);
    this.nonZeroRequested = cloneResource(source.nonZeroRequested);
    this.imageStates = new Map();
    for (const [name, state] of source.imageStates) this.imageStates.set(name, { ...state });
    this.pods = source.pods.slice();
    this.podsWithAffinity = source.podsWithAffinity.slice();
    this.podsWithRequiredAntiAffinity = source.podsWithRequiredAntiAffinity.slice();
    this.portUses = new Map();
    for (const [key, use] of source.portUses)
      this.portUses.set(key, { hostPort: use.hostPort, count: use.count });
    this.usedPortsCache = undefined;
    this.generation = source.generation;
  }

  get name(): string {
    const nodeName = this.nodeName;
    if (nodeName !== undefined) return nodeName;
    // While the node is unknown, its pods still say where they run.
    return this.pods[0]?.pod.spec?.nodeName ?? "";
  }

  get usedPorts(): readonly HostPort[] {
    if (this.usedPortsCache === undefined) {
      this.usedPortsCache = Array.from(this.portUses.values(), (use) => use.hostPort);
    }
    return this.usedPortsCache;
  }

  addPod(pod: Pod | PodInfo): void {
    // A PodInfo seen before has traits: no need to tell it from a Pod again.
    let traits = traitsByPodInfo.get(pod as PodInfo);
    const podInfo = traits !== undefined || isPodInfo(pod) ? (pod as PodInfo) : createPodInfo(pod);
    traits ??= traitsOf(podInfo);
    this.pods.push(podInfo);
    if (traits.withAffinity) this.podsWithAffinity.push(podInfo);
    if (traits.withRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(podInfo);
    this.updateAggregates(podInfo, traits, 1);
  }

  removePod(pod: Pod | PodInfo): boolean {
    const wanted =
      traitsByPodInfo.has(pod as PodInfo) || isPodInfo(pod) ? (pod as PodInfo).pod : (pod as Pod);
    const pods = this.pods;
    let index = 0;
    while (index < pods.length && !samePod((pods[index] as PodInfo).pod, wanted)) index++;
    const podInfo = pods[index];
    if (podInfo === undefined) return false;
    this.pods.splice(index, 1);
    const traits = traitsOf(podInfo);
    if (traits.withAffinity) removeFromList(this.podsWithAffinity, podInfo.pod);
    if (traits.withRequiredAntiAffinity) removeFromList(this.podsWithRequiredAntiAffinity, podInfo.pod);
    this.updateAggregates(podInfo, traits, -1);
    return true;
  }

  setNode(node: Node | undefined): void {
    this.node = node;
    this.nodeName = node?.metadata?.name;
    this.allocatable = resourceFromList(node?.status?.allocatable);
    this.imageStates = imageStatesOf(node);
    this.generation = nextGeneration();
  }

  clone(): MutableNodeInfo {
    return new NodeInfoImpl(undefined, this);
  }

  setImageNodeCounts(countOf: (imageName: string) => number): void {
    let changed = false;
    for (const [name, state] of this.imageStates) {
      const numNodes = countOf(name);
      if (state.numNodes !== numNodes) {
        state.numNodes = numNodes;
        changed = true;
      }
    }
    if (changed) this.generation = nextGeneration();
  }

  private updateAggregates(podInfo: PodInfo, traits: PodTraits, sign: 1 | -1): void {
    if (sign > 0) {
      addResource(this.requested, podInfo.requests);
      addResource(this.nonZeroRequested, podInfo.nonZeroRequests);
    } else {
      subtractResource(this.requested, podInfo.requests);
      subtractResource(this.nonZeroRequested, podInfo.nonZeroRequests);
    }
    const ports = traits.hostPorts;
    if (ports.length > 0) {
      for (const port of ports) this.updatePortUse(port, sign);
      this.usedPortsCache = undefined;
    }
    this.generation = nextGeneration();
  }

  private updatePortUse(port: HostPort, sign: 1 | -1): void {
    const key = portKey(port);
    const use = this.portUses.get(key);
    if (use === undefined) {
      if (sign > 0) this.portUses.set(key, { hostPort: port, count: 1 });
      return;
    }
    use.count += sign;
    if (use.count <= 0) this.portUses.delete(key);
  }
}

/**
 * A node's scheduling view built from the node object and the pods assigned to it.
 * `node` may be `undefined` while pods reference a node not yet seen. Image summaries
 * count this node only until a {@link createNodeInfoLister} counts them over a snapshot.
 *
 * @example
 * const nodeInfo = createNodeInfo(node, [pod]);
 * nodeInfo.requested.milliCpu; // => the pod's cpu request in millicores
 * nodeInfo.removePod(pod); // => true
 */
export function createNodeInfo(node: Node | undefined, pods: readonly Pod[] = []): MutableNodeInfo {
  const nodeInfo = new NodeInfoImpl(node);
  for (const pod of pods) nodeInfo.addPod(pod);
  return nodeInfo;
}

/**
 * A {@link NodeInfoLister} over a fixed list (the snapshot of one cycle). It counts, for
 * every image name, how many of the listed nodes report it and stores that as
 * `numNodes` in the node infos made by {@link createNodeInfo} (this is O(images on all
 * nodes); build it once per snapshot, not per pod).
 */
export function createNodeInfoLister(nodeInfos: readonly NodeInfo[]): NodeInfoLister {
  const list = nodeInfos.slice();
  const byName = new Map<string, NodeInfo>();
  const withAffinity: NodeInfo[] = [];
  const withRequiredAntiAffinity: NodeInfo[] = [];
  const imageCounts = new Map<string, number>();
  for (const nodeInfo of list) {
    byName.set(nodeInfo.name, nodeInfo);
    if (nodeInfo.podsWithAffinity.length > 0) withAffinity.push(nodeInfo);
    if (nodeInfo.podsWithRequiredAntiAffinity.length > 0) withRequiredAntiAffinity.push(nodeInfo);
    for (const name of nodeInfo.imageStates.keys()) imageCounts.set(name, (imageCounts.get(name) ?? 0) + 1);
  }
  for (const nodeInfo of list) {
    if (nodeInfo instanceof NodeInfoImpl) nodeInfo.setImageNodeCounts((name) => imageCounts.get(name) ?? 1);
  }
  return {
    list: () => list,
    havePodsWithAffinityList: () => withAffinity,
    havePodsWithRequiredAntiAffinityList: () => withRequiredAntiAffinity,
    get: (name) => byName.get(name),
  };
}

/** True when the value is a node info made by {@link createNodeInfo}. */
export function isMutableNodeInfo(value: NodeInfo): value is MutableNodeInfo {
  return value instanceof NodeInfoImpl;
}

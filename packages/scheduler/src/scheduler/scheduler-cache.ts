import type { Node, Pod } from "@kubesim/core";
import { createNodeInfo, createNodeInfoLister, type MutableNodeInfo } from "../framework/node-info.js";
import { updatedPodInfo } from "../framework/pod-requests.js";
import type { ImageStateSummary, NodeInfo, NodeInfoLister, PodInfo } from "../framework/types.js";
import { NodeTree } from "./node-tree.js";

interface PodState {
  pod: Pod;
  podInfo: PodInfo;
  nodeName: string;
  assumed: boolean;
  bindingFinished: boolean;
}

/** The cache's key of a pod: its uid, or `namespace/name` without one (upstream `GetPodKey`). */
export function cachePodKey(pod: Pod): string {
  const uid = pod.metadata?.uid;
  return typeof uid === "string" && uid !== ""
    ? uid
    : `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
}

function nodeNameOf(pod: Pod): string {
  const nodeName = pod.spec?.nodeName;
  return typeof nodeName === "string" ? nodeName : "";
}

/**
 * When the node's image names are those it had before, gives its new image states the
 * node counts the snapshot computed for them (the same names, so the same counts) and
 * returns true; returns false (the list must count again) otherwise.
 */
function carryImageCounts(
  previous: ReadonlyMap<string, ImageStateSummary>,
  nodeInfo: MutableNodeInfo,
): boolean {
  const current = nodeInfo.imageStates;
  if (previous.size !== current.size) return false;
  for (const name of current.keys()) if (!previous.has(name)) return false;
  nodeInfo.setImageNodeCounts((name) => previous.get(name)?.numNodes ?? 1);
  return true;
}

function hasPodAffinity(pod: Pod): boolean {
  const affinity = pod.spec?.affinity;
  return (
    affinity !== undefined &&
    affinity !== null &&
    ((affinity.podAffinity !== undefined && affinity.podAffinity !== null) ||
      (affinity.podAntiAffinity !== undefined && affinity.podAntiAffinity !== null))
  );
}

/**
 * The scheduler's view of the cluster (upstream `internal/cache`): one {@link NodeInfo}
 * per node, updated incrementally as pods are added, assumed, bound and removed, plus
 * the node order of the snapshot (zones interleaved). Pods the scheduler placed but the
 * API has not yet confirmed are "assumed" and count on their node like bound pods.
 */
export class SchedulerCache {
  private readonly nodes = new Map<string, MutableNodeInfo>();
  private readonly tree = new NodeTree();
  private readonly podStates = new Map<string, PodState>();
  private lister: NodeInfoLister | undefined;
  private listDirty = true;
  private affinityDirty = true;
  private withAffinity: NodeInfo[] = [];
  private withRequiredAntiAffinity: NodeInfo[] = [];
  private readonly snapshotLister: NodeInfoLister;

  constructor() {
    this.snapshotLister = {
      list: () => this.currentLister().list(),
      get: (name) => this.currentLister().get(name),
      havePodsWithAffinityList: () => {
        this.refreshAffinityLists();
        return this.withAffinity;
      },
      havePodsWithRequiredAntiAffinityList: () => {
        this.refreshAffinityLists();
        return this.withRequiredAntiAffinity;
      },
    };
  }

  /**
   * The node list the next cycle works on: nodes with a Node object, in node-tree order.
   * Node infos are live: pods added later show up in them.
   */
  snapshot(): NodeInfoLister {
    return this.snapshotLister;
  }

  /** The live node info of a node (with or without a Node object), without rebuilding the snapshot. */
  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  /** How many nodes the snapshot lists. */
  nodeCount(): number {
    return this.tree.size;
  }

  /**
   * Adds or replaces a node. The snapshot's node list is rebuilt only when it changes: a
   * node joins it, the node order changes (zones), or the node's image names change (the
   * list counts how many nodes hold each image). Any other update changes the live node
   * info in place, so caches keyed on the list survive kubelet-style status updates.
   */
  addNode(node: Node): void {
    const name = node.metadata?.name ?? "";
    const existing = this.nodes.get(name);
    let listChanged = true;
    if (existing === undefined) {
      this.nodes.set(name, createNodeInfo(node));
    } else {
      const wasListed = existing.node !== undefined;
      const previousImages = existing.imageStates;
      existing.setNode(node);
      listChanged = !wasListed || !carryImageCounts(previousImages, existing);
    }
    const added = this.tree.add(node);
    const moved = this.tree.update(node);
    if (listChanged || added || moved) this.listDirty = true;
  }

  /** Applies a node update. */
  updateNode(node: Node): void {
    this.addNode(node);
  }

  /**
   * Removes a node. Its node info stays while pods still reference it (their deletions
   * arrive on another watch and may come later), without appearing in snapshots.
   */
  removeNode(name: string): void {
    const nodeInfo = this.nodes.get(name);
    if (nodeInfo === undefined) return;
    if (nodeInfo.pods.length === 0) this.nodes.delete(name);
    else nodeInfo.setNode(undefined);
    this.tree.remove(name);
    this.listDirty = true;
  }

  /** True when the pod is assumed (placed by the scheduler, not yet seen bound). */
  isAssumedPod(pod: Pod): boolean {
    return this.podStates.get(cachePodKey(pod))?.assumed === true;
  }

  /** The cached copy of a pod (assumed or bound), if any. */
  getPod(pod: Pod): Pod | undefined {
    return this.podStates.get(cachePodKey(pod))?.pod;
  }

  /**
   * Assumes a pod (with `spec.nodeName` set) on its node. Throws when the pod is already
   * in the cache, as upstream.
   */
  assumePod(pod: Pod): void {
    const key = cachePodKey(pod);
    if (this.podStates.has(key)) {
      throw new Error(
        `pod ${key}(${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}) is in the cache, so can't be assumed`,
      );
    }
    this.addPodToNode(key, pod, true);
  }

  /** Marks the binding of an assumed pod as finished (success or not). */
  finishBinding(pod: Pod): void {
    const state = this.podStates.get(cachePodKey(pod));
    if (state?.assumed) state.bindingFinished = true;
  }

  /** Removes an assumed pod again (its binding failed). Returns false when it was not assumed. */
  forgetPod(pod: Pod): boolean {
    const key = cachePodKey(pod);
    const state = this.podStates.get(key);
    if (state === undefined || !state.assumed) return false;
    this.removePodFromNode(key, state);
    return true;
  }

  /**
   * A bound pod arrived from the API: confirms an assumed pod (moving it if it landed on
   * another node) or adds it.
   */
  addPod(pod: Pod): void {
    const key = cachePodKey(pod);
    const state = this.podStates.get(key);
    if (state === undefined) {
      this.addPodToNode(key, pod, false);
      return;
    }
    // Confirmed: no longer assumed.
    this.replacePod(key, state, pod, false);
  }

  /** A bound pod changed. Unknown pods are added. */
  updatePod(pod: Pod): void {
    const key = cachePodKey(pod);
    const state = this.podStates.get(key);
    if (state === undefined) {
      this.addPodToNode(key, pod, false);
      return;
    }
    this.replacePod(key, state, pod, state.assumed);
  }

  /** A bound pod was deleted. */
  removePod(pod: Pod): void {
    const key = cachePodKey(pod);
    const state = this.podStates.get(key);
    if (state !== undefined) this.removePodFromNode(key, state);
  }

  private replacePod(key: string, state: PodState, pod: Pod, assumed: boolean): void {
    this.removePodFromNode(key, state);
    // The API's copy of a pod we assumed usually requests exactly the same.
    this.addPodToNode(key, pod, assumed, state.podInfo);
  }

  private addPodToNode(key: string, pod: Pod, assumed: boolean, previous?: PodInfo): void {
    const nodeName = nodeNameOf(pod);
    let nodeInfo = this.nodes.get(nodeName);
    if (nodeInfo === undefined) {
      // A pod may arrive before its node: keep it on a node info without a node.
      nodeInfo = createNodeInfo(undefined);
      this.nodes.set(nodeName, nodeInfo);
    }
    const podInfo = updatedPodInfo(pod, previous);
    nodeInfo.addPod(podInfo);
    this.podStates.set(key, { pod, podInfo, nodeName, assumed, bindingFinished: false });
    if (hasPodAffinity(pod)) this.affinityDirty = true;
  }

  private removePodFromNode(key: string, state: PodState): void {
    const nodeInfo = this.nodes.get(state.nodeName);
    if (nodeInfo !== undefined) {
      nodeInfo.removePod(state.podInfo);
      if (nodeInfo.node === undefined && nodeInfo.pods.length === 0) this.nodes.delete(state.nodeName);
    }
    this.podStates.delete(key);
    if (hasPodAffinity(state.pod)) this.affinityDirty = true;
  }

  private currentLister(): NodeInfoLister {
    if (this.lister === undefined || this.listDirty) {
      const nodeInfos: NodeInfo[] = [];
      for (const name of this.tree.list()) {
        const nodeInfo = this.nodes.get(name);
        if (nodeInfo !== undefined && nodeInfo.node !== undefined) nodeInfos.push(nodeInfo);
      }
      // Counts, per image, the nodes that have it (ImageLocality's spread factor).
      this.lister = createNodeInfoLister(nodeInfos);
      this.listDirty = false;
      this.affinityDirty = true;
    }
    return this.lister;
  }

  private refreshAffinityLists(): void {
    const lister = this.currentLister();
    if (!this.affinityDirty) return;
    this.withAffinity = [];
    this.withRequiredAntiAffinity = [];
    for (const nodeInfo of lister.list()) {
      if (nodeInfo.podsWithAffinity.length > 0) this.withAffinity.push(nodeInfo);
      if (nodeInfo.podsWithRequiredAntiAffinity.length > 0) this.withRequiredAntiAffinity.push(nodeInfo);
    }
    this.affinityDirty = false;
  }
}

import type { Pod } from "@kubesim/core";
import { nominatorPodKey } from "./pod-key.js";

// Filter asks every node of every cycle; most have no nominated pod.
const noPods: readonly Pod[] = Object.freeze([]);

function statusNominatedNodeName(pod: Pod | undefined): string {
  const name = pod?.status?.nominatedNodeName;
  return typeof name === "string" ? name : "";
}

/**
 * Which pending pods are nominated to which node (upstream's `nominator`): preemption
 * nominates a pod to the node where it evicted victims, and the Filter of later pods
 * counts nominated pods of equal or higher priority as if they were already there.
 * A pod is nominated to at most one node; per node, pods keep nomination order.
 */
export class PodNominator {
  private readonly podsByNode = new Map<string, Pod[]>();
  private readonly nodeByPod = new Map<string, string>();
  private changes = 0;

  /** A number that changes whenever a nomination may have changed (for caches of {@link podsForNode}). */
  version(): number {
    return this.changes;
  }

  /**
   * Nominates `pod` to `nodeName`, replacing an earlier nomination. Without `nodeName`
   * the pod's own `status.nominatedNodeName` is used (nothing happens when it is empty).
   * A pod already bound (`spec.nodeName` set) is not nominated, as upstream. An empty
   * `nodeName` only clears the nomination (upstream files it under node `""`, which no
   * node is ever asked about).
   */
  add(pod: Pod, nodeName?: string): void {
    this.changes++;
    this.delete(pod);
    const node = nodeName ?? statusNominatedNodeName(pod);
    if (node === "") return;
    const boundNode = pod.spec?.nodeName;
    if (typeof boundNode === "string" && boundNode !== "") return;
    this.nodeByPod.set(nominatorPodKey(pod), node);
    const pods = this.podsByNode.get(node);
    if (pods === undefined) this.podsByNode.set(node, [pod]);
    else pods.push(pod);
  }

  /**
   * Replaces the stored pod after an update, as upstream's `UpdateNominatedPod`: when
   * neither version carries `status.nominatedNodeName` but the pod was nominated in
   * memory (preemption just happened and the status write has not arrived yet), the
   * nomination is kept; otherwise the new version's status decides.
   */
  update(oldPod: Pod, newPod: Pod): void {
    let keep: string | undefined;
    if (statusNominatedNodeName(oldPod) === "" && statusNominatedNodeName(newPod) === "") {
      keep = this.nodeByPod.get(nominatorPodKey(oldPod));
    }
    this.delete(oldPod);
    this.add(newPod, keep);
  }

  /** Removes the pod's nomination, if any. */
  delete(pod: Pod): void {
    this.changes++;
    const key = nominatorPodKey(pod);
    const node = this.nodeByPod.get(key);
    if (node === undefined) return;
    this.nodeByPod.delete(key);
    const pods = this.podsByNode.get(node);
    if (pods === undefined) return;
    const index = pods.findIndex((candidate) => nominatorPodKey(candidate) === key);
    if (index >= 0) pods.splice(index, 1);
    if (pods.length === 0) this.podsByNode.delete(node);
  }

  /** How many pods are nominated. */
  size(): number {
    return this.nodeByPod.size;
  }

  /** The node the pod is nominated to, or `undefined`. */
  nodeOf(pod: Pod): string | undefined {
    return this.nodeByPod.get(nominatorPodKey(pod));
  }

  /** The pods nominated to the node, in nomination order (a copy; a shared frozen empty list when none). */
  podsForNode(nodeName: string): readonly Pod[] {
    if (this.nodeByPod.size === 0) return noPods;
    const pods = this.podsByNode.get(nodeName);
    return pods === undefined ? noPods : [...pods];
  }
}

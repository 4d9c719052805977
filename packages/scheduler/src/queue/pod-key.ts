import type { Pod } from "@kubesim/core";

/**
 * The queue's key of a pod: `namespace/name`, as upstream's heaps key pods (a pod deleted
 * and re-created under the same name is the same queue entry).
 */
export function queuePodKey(pod: Pod): string {
  const metadata = pod.metadata;
  return `${metadata?.namespace ?? ""}/${metadata?.name ?? ""}`;
}

/** The nominator's key of a pod: its UID, or `namespace/name` for a pod without one. */
export function nominatorPodKey(pod: Pod): string {
  const uid = pod.metadata?.uid;
  return typeof uid === "string" && uid !== "" ? uid : queuePodKey(pod);
}

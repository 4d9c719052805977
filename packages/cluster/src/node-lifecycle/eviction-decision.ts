import { toleratesTaint } from "@kubesim/affinity";
import type { Pod, Taint } from "@kubesim/core";

/** What the taint eviction controller does with one pod: keep it, evict now, or evict after a delay. */
export type EvictionDecision =
  | { readonly action: "keep" }
  | { readonly action: "evict" }
  | { readonly action: "evictAfter"; readonly delayMs: number };

/**
 * Decides a pod's fate under the node's NoExecute taints, as upstream's taint eviction
 * controller: any untolerated taint evicts at once; otherwise the smallest
 * `tolerationSeconds` among the tolerations used (negative counts as 0) delays the
 * eviction, and none set means tolerated forever.
 */
export function decideEviction(pod: Pod, noExecuteTaints: readonly Taint[]): EvictionDecision {
  if (noExecuteTaints.length === 0) return { action: "keep" };
  const tolerations = pod.spec?.tolerations ?? [];
  let minimumSeconds: number | undefined;
  for (const taint of noExecuteTaints) {
    const used = tolerations.find((toleration) => toleratesTaint(toleration, taint));
    if (used === undefined) return { action: "evict" };
    const seconds = used.tolerationSeconds;
    if (seconds === undefined) continue;
    const clamped = Math.max(seconds, 0);
    minimumSeconds = minimumSeconds === undefined ? clamped : Math.min(minimumSeconds, clamped);
  }
  if (minimumSeconds === undefined) return { action: "keep" };
  return { action: "evictAfter", delayMs: minimumSeconds * 1000 };
}

import type { Pod } from "@kubesim/core";
import {
  controllerRevisionHashLabel,
  podTemplateGenerationLabel,
} from "../pod-template/daemon-pod-labels.js";
import { canonicalGoInt64 } from "../pod-template/template-generation.js";

function podLabel(pod: Pod, key: string): string | undefined {
  const labels = pod.metadata?.labels;
  if (labels === undefined || labels === null || !Object.hasOwn(labels, key)) return undefined;
  return labels[key];
}

/**
 * Upstream's `IsPodUpdated`: whether a daemon pod belongs to the DaemonSet's current
 * template.
 *
 * True when `hash` is non-empty and equals the pod's `controller-revision-hash` label, OR
 * `templateGeneration` is an integer (the DaemonSet's template generation, e.g. from
 * `daemonSetTemplateGeneration(ds)` or the raw annotation) whose decimal form equals the
 * pod's `pod-template-generation` label. Never throws.
 *
 * @example
 * const pod = { metadata: { labels: { "controller-revision-hash": "abc", "pod-template-generation": "3" } } };
 * isPodUpdated(pod, "abc", undefined) // => true
 * isPodUpdated(pod, "xyz", "3") // => true
 * isPodUpdated(pod, "xyz", 4) // => false
 */
export function isPodUpdated(
  pod: Pod,
  hash: string,
  templateGeneration: string | number | bigint | null | undefined,
): boolean {
  if (hash.length > 0 && podLabel(pod, controllerRevisionHashLabel) === hash) return true;
  const generation = canonicalGoInt64(templateGeneration);
  return generation !== undefined && podLabel(pod, podTemplateGenerationLabel) === generation;
}

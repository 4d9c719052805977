import type { Pod } from "@kubesim/core";
import { nodeNameField } from "./match-fields.js";

/**
 * Lists the only node names a pod's required node affinity can select, as the NodeAffinity PreFilter does.
 *
 * Within each term, the values of all its `matchFields` `metadata.name` `In` requirements
 * are intersected; the terms are united. `spec.nodeSelector` and `matchExpressions` play
 * no part. Never throws.
 *
 * @returns `undefined` when there is no narrowing (no required affinity, no terms, or some
 *   term without such a requirement, since terms are ORed); otherwise the set of names,
 *   which is empty when the terms pin the pod to no node at all (the scheduler reports
 *   `pod affinity terms conflict`). Invalid terms are not filtered out here: the set only
 *   narrows the candidates, and the affinity filter still runs on each of them.
 * @example
 * // A DaemonSet pod, pinned to its node as the DaemonSet controller does:
 * const pinnedPod = {
 *   spec: {
 *     containers: [],
 *     affinity: {
 *       nodeAffinity: {
 *         requiredDuringSchedulingIgnoredDuringExecution: {
 *           nodeSelectorTerms: [
 *             { matchFields: [{ key: "metadata.name", operator: "In", values: ["node-7"] }] },
 *           ],
 *         },
 *       },
 *     },
 *   },
 * };
 * nodeNamesFromAffinityPins(pinnedPod) // => new Set(["node-7"])
 * nodeNamesFromAffinityPins({ spec: { containers: [] } }) // => undefined
 */
export function nodeNamesFromAffinityPins(pod: Pod): ReadonlySet<string> | undefined {
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined || terms === null || terms.length === 0) return undefined;
  const union = new Set<string>();
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const requirement of term?.matchFields ?? []) {
      if (requirement.key !== nodeNameField || requirement.operator !== "In") continue;
      const values = requirement.values ?? [];
      termNames =
        termNames === undefined
          ? new Set(values)
          : new Set(values.filter((value) => (termNames as Set<string>).has(value)));
    }
    // This term can select nodes of any name, and the terms are ORed.
    if (termNames === undefined) return undefined;
    for (const name of termNames) union.add(name);
  }
  return union;
}

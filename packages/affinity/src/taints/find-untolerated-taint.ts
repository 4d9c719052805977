import type { Taint, Toleration } from "@kubesim/core";
import { tolerationsTolerateTaint } from "./tolerates-taint.js";

/**
 * Finds the first taint, in node order, that passes `filter` and that no toleration tolerates.
 *
 * Upstream's `FindMatchingUntoleratedTaint`: returns the taint itself, or `undefined` when
 * every filtered taint is tolerated (or there are no taints). Without a filter every taint
 * is considered. Never throws.
 *
 * @example
 * const taints = [{ key: "soft", effect: "PreferNoSchedule" }, { key: "gpu", effect: "NoSchedule" }];
 * findUntoleratedTaint(taints, [], doNotScheduleTaintFilter) // => { key: "gpu", effect: "NoSchedule" }
 * findUntoleratedTaint(taints, [{ key: "gpu", operator: "Exists" }], doNotScheduleTaintFilter) // => undefined
 * findUntoleratedTaint(taints, undefined) // => { key: "soft", effect: "PreferNoSchedule" }
 */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter?: (taint: Taint) => boolean,
): Taint | undefined {
  if (!taints) return undefined;
  for (const taint of taints) {
    if (filter && !filter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}

/**
 * Formats the reason the scheduler's TaintToleration Filter reports for a node it rejects.
 *
 * The text is `node(s) had untolerated taint {<key>: <value>}`; an empty value renders as
 * `{key: }`, and the effect is not shown.
 *
 * @example
 * untoleratedTaintReason({ key: "gpu", value: "a100", effect: "NoSchedule" })
 * // => "node(s) had untolerated taint {gpu: a100}"
 * untoleratedTaintReason({ key: "node.kubernetes.io/not-ready", effect: "NoExecute" })
 * // => "node(s) had untolerated taint {node.kubernetes.io/not-ready: }"
 */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key ?? ""}: ${taint.value ?? ""}}`;
}

import type { Taint, Toleration } from "@kubesim/core";
import { tolerationsTolerateTaint } from "./tolerates-taint.js";

/**
 * The first taint, in node order, that passes `filter` and that no toleration tolerates
 * (upstream's `FindMatchingUntoleratedTaint`), or `undefined` when every filtered taint is
 * tolerated. Without a filter every taint is considered.
 *
 * @example
 * findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, doNotScheduleTaintFilter)
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
 * The reason the scheduler's TaintToleration Filter reports for a node it rejects:
 * `node(s) had untolerated taint {<key>: <value>}` (an empty value renders as `{key: }`).
 */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key ?? ""}: ${taint.value ?? ""}}`;
}

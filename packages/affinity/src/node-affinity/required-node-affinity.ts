import type { Node, Pod } from "@kubesim/core";
import {
  createLazyNodeSelector,
  type LazyNodeSelectorMatcher,
  type NodeSelectorMatchResult,
} from "./node-selector.js";
import { labelsOfNode } from "./node-view.js";

/**
 * A pod's hard node constraints, parsed once (upstream's `RequiredNodeAffinity`), built by {@link requiredNodeAffinity}.
 *
 * A node must satisfy `spec.nodeSelector` AND `requiredDuringSchedulingIgnoredDuringExecution`.
 * Neither method throws, and both allocate nothing.
 *
 * @example
 * const affinity = requiredNodeAffinity({
 *   spec: {
 *     containers: [],
 *     affinity: {
 *       nodeAffinity: {
 *         requiredDuringSchedulingIgnoredDuringExecution: {
 *           nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In" }] }],
 *         },
 *       },
 *     },
 *   },
 * });
 * const zoneANode = { metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } };
 * affinity.hasNodeSelector // => false
 * affinity.hasRequiredAffinity // => true
 * affinity.matches(zoneANode) // => false (the only term is invalid)
 * affinity.match(zoneANode).error?.message
 * // => "nodeSelectorTerms[0].matchExpressions[0].values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"
 */
export interface RequiredNodeAffinity {
  /** True when `spec.nodeSelector` is a non-empty map (an empty one constrains nothing). */
  readonly hasNodeSelector: boolean;
  /** True when `requiredDuringSchedulingIgnoredDuringExecution` is set (even with no terms, which matches nothing). */
  readonly hasRequiredAffinity: boolean;
  /** True when either of the above holds; when false every node (even a missing one) matches. */
  readonly hasConstraint: boolean;
  /**
   * Matches a node; when the node selector passes but no valid affinity term matched, the
   * parse errors of the invalid terms (if any) come back in `error`. Allocates nothing.
   */
  match(node: Node | null | undefined): NodeSelectorMatchResult;
  /** True when the node satisfies both parts; parse errors are ignored, as the scheduler and DaemonSet controller do. */
  matches(node: Node | null | undefined): boolean;
}

const matched: NodeSelectorMatchResult = Object.freeze({ matches: true });
const notMatched: NodeSelectorMatchResult = Object.freeze({ matches: false });

/**
 * Parses a pod's required node affinity (upstream's `GetRequiredNodeAffinity`).
 *
 * Never throws: `spec.nodeSelector` is used as exact `key=value` matches without
 * validation, and invalid affinity terms are skipped (they never match; `match` reports
 * their errors).
 *
 * @example
 * const affinity = requiredNodeAffinity({
 *   spec: {
 *     containers: [],
 *     nodeSelector: { disk: "ssd" },
 *     affinity: {
 *       nodeAffinity: {
 *         requiredDuringSchedulingIgnoredDuringExecution: {
 *           nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["b"] }] }],
 *         },
 *       },
 *     },
 *   },
 * });
 * const zoneANode = { metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } };
 * const zoneBNode = { metadata: { name: "node-2", labels: { zone: "b" } } };
 * [zoneANode, zoneBNode].filter((node) => affinity.matches(node)).map((node) => node.metadata?.name)
 * // => ["node-1"]
 * affinity.hasConstraint // => true
 * requiredNodeAffinity({ spec: { containers: [] } }).matches(zoneBNode) // => true
 * requiredNodeAffinity({ spec: { containers: [] } }).matches(undefined) // => true (no constraint)
 */
export function requiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  const nodeSelector = pod.spec?.nodeSelector ?? {};
  // Flattened once so that matching a node walks two arrays and allocates nothing.
  const selectorKeys = Object.keys(nodeSelector);
  const selectorValues = selectorKeys.map((key) => nodeSelector[key]);
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const affinity: LazyNodeSelectorMatcher | undefined =
    required === null || required === undefined ? undefined : createLazyNodeSelector(required);

  const matchesNodeSelector = (node: Node | null | undefined): boolean => {
    if (selectorKeys.length === 0) return true;
    if (node === null || node === undefined) return false;
    const labels = labelsOfNode(node);
    for (let index = 0; index < selectorKeys.length; index++) {
      const key = selectorKeys[index] as string;
      if (!Object.hasOwn(labels, key) || labels[key] !== selectorValues[index]) return false;
    }
    return true;
  };

  return {
    hasNodeSelector: selectorKeys.length > 0,
    hasRequiredAffinity: affinity !== undefined,
    hasConstraint: selectorKeys.length > 0 || affinity !== undefined,
    match: (node) => {
      if (!matchesNodeSelector(node)) return notMatched;
      return affinity === undefined ? matched : affinity.match(node);
    },
    matches: (node) => matchesNodeSelector(node) && (affinity === undefined || affinity.matches(node)),
  };
}

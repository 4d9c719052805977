import type { Node, NodeSelector } from "@kubesim/core";
import { createLazyNodeSelector } from "./node-selector.js";

/**
 * Tells whether the node matches at least one term of the node selector.
 *
 * Upstream's `corev1.MatchNodeSelectorTerms`, with its error ignored: never throws;
 * invalid terms and empty terms never match; a missing node or selector matches nothing.
 * Parses on every call; to match many nodes, build the matcher once with
 * {@link createLazyNodeSelector}.
 *
 * @example
 * const zoneA = { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] };
 * const zoneANode = { metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } };
 * const zoneBNode = { metadata: { name: "node-2", labels: { zone: "b" } } };
 * matchNodeSelectorTerms(zoneANode, zoneA) // => true
 * matchNodeSelectorTerms(zoneBNode, zoneA) // => false
 * matchNodeSelectorTerms(zoneANode, { nodeSelectorTerms: [{}] }) // => false (an empty term matches nothing)
 */
export function matchNodeSelectorTerms(
  node: Node | null | undefined,
  nodeSelector: NodeSelector | null | undefined,
): boolean {
  if (node === null || node === undefined) return false;
  return createLazyNodeSelector(nodeSelector).matches(node);
}

import type { Node, NodeSelector } from "@kubesim/core";
import { createLazyNodeSelector } from "./node-selector.js";

/**
 * True when the node matches at least one term of the selector (upstream's
 * `corev1.MatchNodeSelectorTerms`, with its error ignored): invalid terms and empty terms
 * never match; a missing node or selector matches nothing. Parses on every call; to match
 * many nodes, build the matcher once with {@link createLazyNodeSelector}.
 */
export function matchNodeSelectorTerms(
  node: Node | null | undefined,
  nodeSelector: NodeSelector | null | undefined,
): boolean {
  if (node === null || node === undefined) return false;
  return createLazyNodeSelector(nodeSelector).matches(node);
}

import type { Node } from "@kubesim/core";

/** A node's labels: what `matchExpressions` and `spec.nodeSelector` look at. */
export type NodeLabels = Readonly<Record<string, string>>;

// Shared so that reading a node without labels allocates nothing.
const noLabels: NodeLabels = Object.freeze(Object.create(null) as Record<string, string>);

/** The node's labels, or a shared empty map when it has none. */
export function labelsOfNode(node: Node): NodeLabels {
  return node.metadata?.labels ?? noLabels;
}

/**
 * The node's name, or `""` when it has none. `matchFields` only sees this one field
 * (`metadata.name`); upstream leaves the field set empty for a nameless node, which makes
 * every term ignore its `matchFields`.
 */
export function nameOfNode(node: Node): string {
  return node.metadata?.name ?? "";
}

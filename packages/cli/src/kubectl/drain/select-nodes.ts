import { KubesimError, type Node } from "@kubesim/core";
import type { KubectlContext } from "../kubectl-context.js";
import { resolveResourceType, usageError } from "../resource-builder/index.js";

/** A node `cordon`, `uncordon` or `drain` works on, as read from the cluster. */
export interface SelectedNode {
  readonly name: string;
  readonly node: Node;
}

/** Which nodes to act on: names (`node-1`, `node/node-1`) or `-l/--selector`. */
export interface NodeSelection {
  readonly names: readonly string[];
  /** `-l/--selector`. */
  readonly labelSelector?: string;
}

/**
 * The Complete step `cordon`, `uncordon` and `drain` share (kubectl's `DrainCmdOptions`):
 * a name or a selector is required (not both), and the nodes are read in order; the
 * first one that cannot be read stops the command (kubectl does not continue on error
 * here). Resources other than nodes are refused.
 *
 * @param verb - `cordon`, `uncordon` or `drain`, for the usage messages.
 * @throws the first error, with kubectl's message.
 */
export async function selectNodes(
  context: Pick<KubectlContext, "client" | "namespace">,
  verb: string,
  selection: NodeSelection,
): Promise<SelectedNode[]> {
  const selector = selection.labelSelector ?? "";
  if (selection.names.length === 0 && selector === "") throw usageError(verb, `USAGE: ${verb} NODE [flags]`);
  if (selection.names.length > 0 && selector !== "") {
    throw usageError(verb, "error: cannot specify both a node name and a --selector option");
  }
  if (selector !== "") {
    const listed = await context.client.list("Node", { labelSelector: selector });
    return listed.items.map((node) => ({ name: node.metadata?.name ?? "", node }));
  }
  const selected: SelectedNode[] = [];
  for (const argument of selection.names) {
    const slash = argument.indexOf("/");
    const resource = slash < 0 ? resolveResourceType("nodes") : resolveResourceType(argument.slice(0, slash));
    const name = slash < 0 ? argument : argument.slice(slash + 1);
    if (resource.kind !== "Node") {
      await context.client.get(
        resource.kind,
        name,
        resource.namespaced ? { namespace: context.namespace } : {},
      );
      throw new KubesimError(
        `error: expected resource of type node, got "${resource.group}/${resource.version}, Resource=${resource.plural}"`,
      );
    }
    selected.push({ name, node: await context.client.get("Node", name) });
  }
  return selected;
}

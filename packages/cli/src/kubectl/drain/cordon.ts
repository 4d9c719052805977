import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import { errorMessage, kubectlFieldManagers, reportCommandError } from "../resource-builder/index.js";
import { type NodeSelection, type SelectedNode, selectNodes } from "./select-nodes.js";

/**
 * kubectl's `RunCordonOrUncordon`: for each node, `node/x already cordoned` when nothing
 * needs to change, else the `spec.unschedulable` strategic merge patch and `node/x
 * cordoned` (`uncordoned`). A failed patch prints `error: unable to cordon node "x": …`
 * and the next node is tried; the command still succeeds, as kubectl's does.
 */
export async function cordonNodes(
  context: KubectlContext,
  nodes: readonly SelectedNode[],
  desired: boolean,
): Promise<void> {
  const verb = desired ? "cordon" : "uncordon";
  for (const { name, node } of nodes) {
    if ((node.spec?.unschedulable === true) === desired) {
      context.io.stdout(`node/${name} already ${verb}ed\n`);
      continue;
    }
    try {
      await context.client.patch(
        "Node",
        name,
        { spec: { unschedulable: desired ? true : null } },
        // kubectl sends no fieldManager; kube-apiserver names the manager after its User-Agent.
        { type: "strategic", fieldManager: kubectlFieldManagers.userAgent },
      );
    } catch (error) {
      context.io.stderr(`error: unable to ${verb} node ${JSON.stringify(name)}: ${errorMessage(error)}\n`);
      continue;
    }
    context.io.stdout(`node/${name} ${verb}ed\n`);
  }
}

async function runCordonOrUncordon(
  context: KubectlContext,
  selection: NodeSelection,
  desired: boolean,
): Promise<ExitCode> {
  let nodes: SelectedNode[];
  try {
    nodes = await selectNodes(context, desired ? "cordon" : "uncordon", selection);
  } catch (error) {
    return reportCommandError(context.io, error);
  }
  await cordonNodes(context, nodes, desired);
  return 0;
}

/** `kubectl cordon NODE… | -l SEL`: marks nodes unschedulable (`node/node-1 cordoned`). */
export function runCordon(context: KubectlContext, selection: NodeSelection): Promise<ExitCode> {
  return runCordonOrUncordon(context, selection, true);
}

/** `kubectl uncordon NODE… | -l SEL`: marks nodes schedulable again (`node/node-1 uncordoned`). */
export function runUncordon(context: KubectlContext, selection: NodeSelection): Promise<ExitCode> {
  return runCordonOrUncordon(context, selection, false);
}

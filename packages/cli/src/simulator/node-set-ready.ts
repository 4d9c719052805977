import { KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl/kubectl-context.js";

function parseReady(text: string): boolean {
  if (text === "true") return true;
  if (text === "false") return false;
  throw new KubesimError(`invalid ready value ${JSON.stringify(text)}: must be true or false`);
}

/**
 * `kubesim node set-ready NAME true|false`: makes the node's kubelet report Ready=True, or stop
 * reporting Ready (NotReady: the node lifecycle controller taints it and, after the pods'
 * `tolerationSeconds`, evicts them). Prints `node/NAME marked Ready` or `node/NAME marked NotReady`.
 *
 * @throws KubesimError for a value other than `true`/`false`; StatusError NotFound.
 */
export async function runNodeSetReady(
  context: KubectlContext,
  name: string,
  value: string,
): Promise<ExitCode> {
  const ready = parseReady(value);
  await context.client.get("Node", name);
  context.cluster.setNodeReady(name, ready);
  context.io.stdout(`node/${name} marked ${ready ? "Ready" : "NotReady"}\n`);
  return 0;
}

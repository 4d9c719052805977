import type { ExitCode, KubectlContext } from "../kubectl/kubectl-context.js";

/**
 * `kubesim node remove NAME`: stops the node's kubelet and deletes the Node, as when a machine
 * leaves the cluster; pod GC later deletes the pods bound to it (DaemonSet pods included).
 * Prints `node/NAME removed`.
 *
 * @throws StatusError NotFound (`nodes "NAME" not found`).
 */
export async function runNodeRemove(context: KubectlContext, name: string): Promise<ExitCode> {
  await context.client.get("Node", name);
  await context.cluster.deleteNode(name);
  context.io.stdout(`node/${name} removed\n`);
  return 0;
}

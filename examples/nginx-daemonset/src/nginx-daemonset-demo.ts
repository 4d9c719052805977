import { fileURLToPath } from "node:url";
import { KubesimTranscript } from "@kubesim/example-transcript-kit";

/** The example's folder (from src/ or dist/): `nginx-daemonset.yaml` is read from there. */
const exampleDirectory = fileURLToPath(new URL("..", import.meta.url));

/** A jsonpath output template ending in a newline, as kubectl users write it. */
const jsonpath = (template: string) => `jsonpath=${template}{"\\n"}`;

/** The first column of the first row of a table: the first object `kubesim get` listed. */
function firstName(table: string): string {
  const name = table.split("\n")[1]?.split(" ")[0];
  if (name === undefined || name === "") throw new Error(`no object listed in:\n${table}`);
  return name;
}

/**
 * The seed demo, typed at a terminal with the real `kubesim` binary: a kubeadm-style
 * cluster (a tainted control plane and two workers), `create -f nginx-daemonset.yaml`,
 * `get ds`, `get ds --all-namespaces`, how the pods were placed (node affinity and the
 * default scheduler, Kubernetes 1.12+), then a node joins (it gets a pod) and a node
 * leaves (its pod goes). Returns the transcript; `onText` receives it piece by piece.
 *
 * @throws Error when the `kubesim` binary is not built or a command fails.
 */
export function runNginxDaemonSetDemo(onText?: (text: string) => void): Promise<string> {
  const options = { cwd: exampleDirectory, startTime: "2026-03-01T00:00:00Z" };
  return KubesimTranscript.record(
    onText === undefined ? options : { ...options, onText },
    async (kubesim) => {
      kubesim.caption("A new kubeadm-style cluster: one control-plane node and two workers.");
      await kubesim.run(["cluster", "create", "demo", "--nodes", "2"]);
      await kubesim.run(["get", "nodes"]);
      kubesim.caption(
        "kubeadm taints the control plane: pods that do not tolerate the taint are not placed there.",
      );
      await kubesim.run(["get", "node", "control-plane", "-o", jsonpath("{.spec.taints}")]);

      kubesim.caption("The tutorial's DaemonSet: one nginx pod on every eligible node.");
      await kubesim.run(["create", "-f", "nginx-daemonset.yaml"]);
      kubesim.wait(10);
      kubesim.caption(
        "Ten seconds later: DESIRED 2, one pod per worker; nginx has no toleration for the taint.",
      );
      await kubesim.run(["get", "ds"]);
      kubesim.caption(
        "The cluster's own DaemonSets live in other namespaces. kube-proxy and kube-flannel-ds tolerate\n" +
          "every taint (3 pods, control plane included); kube-keepalived-vip only wants nodes labelled\n" +
          "keepalived-vip=true, and there are none.",
      );
      await kubesim.run(["get", "ds", "--all-namespaces"]);
      kubesim.caption("One nginx pod on each worker.");
      const pods = await kubesim.run(["get", "pods", "-o", "wide"]);

      kubesim.caption(
        "Since Kubernetes 1.12 the controller does not set spec.nodeName: it pins each pod to its node\n" +
          "with a node affinity on the node's name (matchFields metadata.name)...",
      );
      await kubesim.run([
        "get",
        "pod",
        firstName(pods),
        "-o",
        jsonpath("{.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution}"),
      ]);
      kubesim.caption("...and the default scheduler binds it there.");
      await kubesim.run(["get", "events", "--field-selector", "reason=Scheduled"]);

      kubesim.caption("A node joins: the DaemonSet controller gives it a pod.");
      await kubesim.run(["node", "add", "node-3"]);
      kubesim.wait(10);
      await kubesim.run(["get", "pods", "-o", "wide"]);

      kubesim.caption(
        "A node leaves. Its pod is deleted by the pod garbage collector, which waits 40 s before\n" +
          "collecting the pods of a node that no longer exists.",
      );
      await kubesim.run(["node", "remove", "node-1"]);
      kubesim.wait(60);
      kubesim.caption("A minute later node-1's pod is gone, and DESIRED is still 2 (node-2 and node-3).");
      await kubesim.run(["get", "pods", "-o", "wide"]);
      await kubesim.run(["get", "ds"]);
    },
  );
}

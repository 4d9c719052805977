import { fileURLToPath } from "node:url";
import { KubesimTranscript } from "@kubesim/example-transcript-kit";

/** The example's folder (from src/ or dist/): the `manifests` folder is read from there. */
const exampleDirectory = fileURLToPath(new URL("..", import.meta.url));

/**
 * Static pods, the other way to run a pod on a chosen node, typed at a terminal with the
 * real `kubesim` binary: the kubeadm control plane's own static pods, a node whose kubelet
 * reads `manifests/` (`node add --static-pod-manifests`), its mirror pod
 * `static-web-node-3` (annotated `kubernetes.io/config.mirror`, controlled by the Node),
 * recreated by the kubelet when deleted, gone when the node leaves. Returns the
 * transcript; `onText` receives it piece by piece.
 *
 * @throws Error when the `kubesim` binary is not built or a command fails.
 */
export function runStaticPodsDemo(onText?: (text: string) => void): Promise<string> {
  const options = { cwd: exampleDirectory, startTime: "2026-03-01T00:00:00Z" };
  return KubesimTranscript.record(
    onText === undefined ? options : { ...options, onText },
    async (kubesim) => {
      kubesim.caption(
        "A kubeadm-style cluster. Its control plane runs as static pods: the control-plane node's\n" +
          "kubelet starts them from files, and the API server shows them as mirror pods named\n" +
          "<pod>-<node> (etcd-control-plane, kube-apiserver-control-plane, ...).",
      );
      await kubesim.run(["cluster", "create"]);
      await kubesim.run(["get", "pods", "-n", "kube-system"]);

      kubesim.caption("A static pod manifest is a plain Pod.");
      kubesim.showFile("manifests/static-web.yaml");
      kubesim.caption(
        "A node joins whose kubelet reads that folder (the kubelet's staticPodPath). Neither a\n" +
          "controller nor the scheduler is involved: the kubelet runs what its files say.",
      );
      await kubesim.run(["node", "add", "node-3", "--static-pod-manifests", "manifests"]);
      kubesim.wait(10);
      kubesim.caption("Ten seconds later node-3 runs static-web, shown as the mirror pod static-web-node-3.");
      await kubesim.run(["get", "pods", "-A", "-o", "wide", "--field-selector", "spec.nodeName=node-3"]);
      kubesim.caption(
        "What marks it as a mirror pod: the config.mirror annotation, and its node as controller.",
      );
      await kubesim.run(["describe", "pod", "static-web-node-3"], {
        grep: "config\\.(mirror|source)|Controlled By",
      });

      kubesim.caption(
        "Deleting the mirror pod does not stop the static pod: the kubelet recreates the mirror\n" +
          "(a new AGE, same IP, no restart). Only removing the file, or the node, removes it.",
      );
      await kubesim.run(["delete", "pod", "static-web-node-3"]);
      kubesim.wait(5);
      await kubesim.run(["get", "pods", "-o", "wide"]);

      kubesim.caption(
        "The node leaves. The garbage collector deletes the mirror pod at once (the Node object owns\n" +
          "it), but with no kubelet left to finish the deletion it stays Terminating; the DaemonSet\n" +
          "pods still show Running.",
      );
      await kubesim.run(["node", "remove", "node-3"]);
      await kubesim.run(["get", "pods", "-A", "-o", "wide", "--field-selector", "spec.nodeName=node-3"]);
      kubesim.wait(60);
      kubesim.caption("A minute later the pod garbage collector has deleted every pod of the missing node.");
      await kubesim.run(["get", "pods", "-A", "-o", "wide", "--field-selector", "spec.nodeName=node-3"]);
    },
  );
}

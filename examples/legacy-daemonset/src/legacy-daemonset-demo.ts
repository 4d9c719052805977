import { fileURLToPath } from "node:url";
import { KubesimTranscript } from "@kubesim/example-transcript-kit";

/** The example's folder (from src/ or dist/): `nginx-daemonset.yaml` is read from there. */
const exampleDirectory = fileURLToPath(new URL("..", import.meta.url));

/** Each pod's name, spec.nodeName and spec.affinity, one pod a line. */
const placementJsonpath =
  'jsonpath={range .items[*]}{.metadata.name}{": nodeName="}{.spec.nodeName}{", affinity="}{.spec.affinity}{"\\n"}{end}';

/**
 * The nginx DaemonSet demo on a cluster that places DaemonSet pods as Kubernetes did
 * before 1.12 (`cluster create --scheduling legacy`), typed at a terminal with the real
 * `kubesim` binary: the controller writes `spec.nodeName` into each pod itself (no node
 * affinity), so the default scheduler never sees the pods (no `Scheduled` events). A node
 * joins (it gets a pod) and a node leaves (its pod goes). Returns the transcript; `onText`
 * receives it piece by piece.
 *
 * @throws Error when the `kubesim` binary is not built or a command fails.
 */
export function runLegacyDaemonSetDemo(onText?: (text: string) => void): Promise<string> {
  const options = { cwd: exampleDirectory, startTime: "2026-03-01T00:00:00Z" };
  return KubesimTranscript.record(
    onText === undefined ? options : { ...options, onText },
    async (kubesim) => {
      kubesim.caption(
        "A kubeadm-style cluster (a tainted control plane, two workers) whose DaemonSet controller\n" +
          "places pods as it did before Kubernetes 1.12.",
      );
      await kubesim.run(["cluster", "create", "legacy", "--nodes", "2", "--scheduling", "legacy"]);

      kubesim.caption("The tutorial's nginx DaemonSet.");
      await kubesim.run(["create", "-f", "nginx-daemonset.yaml"]);
      kubesim.wait(10);
      kubesim.caption(
        "Ten seconds later: one pod per worker, none on the tainted control plane, as with 1.12+.",
      );
      await kubesim.run(["get", "ds"]);
      await kubesim.run(["get", "pods", "-o", "wide"]);

      kubesim.caption(
        "The difference is how they got there: the controller chose each node itself and wrote it\n" +
          "into spec.nodeName when it created the pod; there is no node affinity.",
      );
      await kubesim.run(["get", "pods", "-o", placementJsonpath]);
      kubesim.caption(
        "The default scheduler was bypassed: the controller's SuccessfulCreate events, but no\n" +
          "Scheduled event (with 1.12+ each pod has one from default-scheduler).",
      );
      await kubesim.run(["get", "events"]);

      kubesim.caption("A node joins: the controller creates its pod with spec.nodeName: node-3.");
      await kubesim.run(["node", "add", "node-3"]);
      kubesim.wait(10);
      await kubesim.run(["get", "pods", "-o", "wide"]);

      kubesim.caption("A node leaves; 40 s later the pod garbage collector deletes its pod.");
      await kubesim.run(["node", "remove", "node-1"]);
      kubesim.wait(60);
      kubesim.caption("A minute later node-1's pod is gone.");
      await kubesim.run(["get", "pods", "-o", "wide"]);
    },
  );
}

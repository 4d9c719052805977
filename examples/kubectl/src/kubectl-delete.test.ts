import { describe, expect, it } from "vitest";
import { expectKubectlCase, type ServedCluster, useServedCluster } from "./served-cluster.js";

const nothingLeft = { exitCode: 0, stdout: "", stderr: "No resources found in default namespace.\n" };

/** Polls `kubectl get pods,controllerrevisions` until the garbage collector has removed the DaemonSet's dependents. */
async function dependentsOf(cluster: ServedCluster, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await cluster.kubectl(["get", "ds,pods,controllerrevisions"]);
    if (result.stdout === "" || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("kubectl delete against kubesim serve", () => {
  const cluster = useServedCluster();

  /** Creates the nginx DaemonSet of the tutorial and waits for its pods. */
  async function createNginx(): Promise<void> {
    await expectKubectlCase(cluster(), {
      name: "create",
      args: ["create", "-f", "ds.yaml"],
      exitCode: 0,
      stdout: "daemonset.apps/nginx created\n",
      stderr: "",
    });
    await cluster().waitForRollout("nginx");
  }

  it.each([
    {
      name: "delete ds NAME deletes in the background; its pods and revisions follow (40)",
      args: ["delete", "ds", "nginx"],
    },
    {
      name: "delete -f FILE deletes what the file names (41)",
      args: ["delete", "-f", "ds.yaml"],
    },
  ])(
    "$name",
    async ({ args }) => {
      await createNginx();
      await expectKubectlCase(cluster(), {
        name: "delete",
        args,
        exitCode: 0,
        stdout: 'daemonset.apps "nginx" deleted\n',
        stderr: "",
      });
      expect(await dependentsOf(cluster())).toEqual(nothingLeft);
    },
    30_000,
  );

  it("delete --cascade=foreground returns once the pods are gone and the DaemonSet with them (42)", async () => {
    await createNginx();
    await expectKubectlCase(cluster(), {
      name: "delete",
      args: ["delete", "ds", "nginx", "--cascade=foreground"],
      exitCode: 0,
      stdout: 'daemonset.apps "nginx" deleted\n',
      stderr: "",
    });
    expect(await cluster().kubectl(["get", "ds,pods"])).toEqual(nothingLeft);
  }, 30_000);

  it("delete pod NAME waits for the pod to go, and the DaemonSet controller replaces it (43)", async () => {
    await createNginx();
    const pod = await cluster().kubectlOk(["get", "pods", "-o", "jsonpath={.items[0].metadata.name}"]);
    await expectKubectlCase(cluster(), {
      name: "delete",
      args: ["delete", "pod", pod],
      exitCode: 0,
      stdout: `pod "${pod}" deleted\n`,
      stderr: "",
    });
    await cluster().waitForRollout("nginx");
    const pods = await cluster().kubectlOk(["get", "pods", "-o", "name"]);
    expect({ count: pods.split("\n").length - 1, replaced: !pods.includes(`pod/${pod}\n`) }).toEqual({
      count: 2,
      replaced: true,
    });
  }, 30_000);

  it("delete of a DaemonSet that does not exist prints NotFound (70b)", async () => {
    await expectKubectlCase(cluster(), {
      name: "delete",
      args: ["delete", "ds", "nope"],
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    });
  });
});

import type { Cluster } from "@kubesim/cluster";
import { loadManifests } from "@kubesim/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import { createTestCluster, nginxDaemonSetYaml } from "../resource-builder/test-manifests.js";
import { runSetImage } from "../set-image/set-image.js";
import { testContext } from "../test-context.js";
import { runRolloutHistory } from "./rollout-history.js";
import { restartedAtAnnotation, runRolloutRestart } from "./rollout-restart.js";
import { runRolloutStatus } from "./rollout-status.js";
import { runRolloutUndo } from "./rollout-undo.js";

async function clusterWithNginx(): Promise<Cluster> {
  const cluster = await createTestCluster();
  for (const object of loadManifests(nginxDaemonSetYaml())) {
    await cluster.client.create({ ...object, metadata: { ...object.metadata, namespace: "default" } });
  }
  await cluster.settle();
  return cluster;
}

async function run(
  cluster: Cluster,
  verb: (context: KubectlContext) => Promise<ExitCode>,
  namespace?: string,
) {
  const io = bufferedIo();
  const exitCode = await verb(
    testContext(cluster, { io, ...(namespace === undefined ? {} : { namespace }) }),
  );
  return { exitCode, ...io.output };
}

const progress = (line: string) => `Waiting for daemon set "nginx" rollout to finish: ${line}...\n`;

describe("rollout of the nginx DaemonSet", () => {
  it("status, history, history --revision, undo and undo --to-revision print what kubectl prints", async () => {
    const cluster = await clusterWithNginx();
    expect(await run(cluster, (context) => runRolloutStatus(context, { args: ["ds/nginx"] }))).toEqual({
      exitCode: 0,
      stdout: 'daemon set "nginx" successfully rolled out\n',
      stderr: "",
    });
    await run(cluster, (context) => runSetImage(context, { args: ["ds/nginx", "nginx=nginx:1.26"] }));
    expect(await run(cluster, (context) => runRolloutStatus(context, { args: ["ds/nginx"] }))).toEqual({
      exitCode: 0,
      stdout: `Waiting for daemon set spec update to be observed...\n${progress("0 out of 2 new pods have been updated")}${progress("1 out of 2 new pods have been updated")}${progress("1 out of 2 new pods have been updated")}${progress("1 of 2 updated pods are available")}daemon set "nginx" successfully rolled out\n`,
      stderr: "",
    });
    await run(cluster, (context) => runSetImage(context, { args: ["ds/nginx", "nginx=nginx:1.27"] }));
    await cluster.settle();
    expect(await run(cluster, (context) => runRolloutHistory(context, { args: ["ds/nginx"] }))).toEqual({
      exitCode: 0,
      stdout:
        "daemonset.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n",
      stderr: "",
    });
    expect(
      await run(cluster, (context) => runRolloutHistory(context, { args: ["ds", "nginx"], revision: 2 })),
    ).toEqual({
      exitCode: 0,
      stdout:
        "daemonset.apps/nginx with revision #2\nPod Template:\n  Labels:\tapp=nginx\n  Containers:\n   nginx:\n    Image:\tnginx:1.26\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n",
      stderr: "",
    });
    expect(await run(cluster, (context) => runRolloutUndo(context, { args: ["ds/nginx"] }))).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx rolled back\n",
      stderr: "",
    });
    await cluster.settle();
    expect(await run(cluster, (context) => runRolloutHistory(context, { args: ["ds/nginx"] }))).toEqual({
      exitCode: 0,
      stdout:
        "daemonset.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n3         <none>\n4         <none>\n\n",
      stderr: "",
    });
    expect(
      await run(cluster, (context) => runRolloutUndo(context, { args: ["ds/nginx"], toRevision: 4 })),
    ).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx skipped rollback (current template already matches revision 4)\n",
      stderr: "",
    });
    expect(
      await run(cluster, (context) => runRolloutUndo(context, { args: ["ds/nginx"], toRevision: 3 })),
    ).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx rolled back\n",
      stderr: "",
    });
    const daemonSet = await cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
    expect(daemonSet.spec?.template.spec?.containers[0]?.image).toBe("nginx:1.27");
    cluster.close();
  });

  it("restart stamps the template with the cluster's time and refuses a second restart in the same second", async () => {
    const cluster = await clusterWithNginx();
    const now = new Date(cluster.clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
    expect(await run(cluster, (context) => runRolloutRestart(context, { args: ["ds/nginx"] }))).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx restarted\n",
      stderr: "",
    });
    const daemonSet = await cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
    expect(daemonSet.spec?.template.metadata?.annotations?.[restartedAtAnnotation]).toBe(now);
    expect(await run(cluster, (context) => runRolloutRestart(context, { args: ["ds/nginx"] }))).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "error: failed to create patch for nginx: if restart has already been triggered within the past second, please wait before attempting to trigger another\n",
    });
    const status = await run(cluster, (context) => runRolloutStatus(context, { args: ["ds/nginx"] }));
    expect(status.stdout.endsWith('daemon set "nginx" successfully rolled out\n')).toBe(true);
    cluster.close();
  });

  it("a status timeout shorter than the rollout stops with kubectl's timeout error", async () => {
    const cluster = await clusterWithNginx();
    await run(cluster, (context) => runSetImage(context, { args: ["ds/nginx", "nginx=nginx:1.26"] }));
    const status = await run(cluster, (context) =>
      runRolloutStatus(context, { args: ["ds/nginx"], timeoutMs: 1000 }),
    );
    expect(status).toEqual({
      exitCode: 1,
      stdout: `Waiting for daemon set spec update to be observed...\n${progress("0 out of 2 new pods have been updated")}`,
      stderr: "error: timed out waiting for the condition\n",
    });
    cluster.close();
  });

  it("--watch=false prints the current status once", async () => {
    const cluster = await clusterWithNginx();
    await run(cluster, (context) => runSetImage(context, { args: ["ds/nginx", "nginx=nginx:1.26"] }));
    expect(
      await run(cluster, (context) => runRolloutStatus(context, { args: ["ds/nginx"], watch: false })),
    ).toEqual({
      exitCode: 0,
      stdout: "Waiting for daemon set spec update to be observed...\n",
      stderr: "",
    });
    cluster.close();
  });
});

describe("rollout undo to the revision already running", () => {
  /** Drops the `creationTimestamp: null` from the revision's data, as kubesim wrote it before. */
  /**
   * Restores the cluster from a snapshot whose revisions lack the null, as kubesim saved
   * them before (an update cannot do it: a revision's data is immutable, as upstream).
   */
  async function stripCreationTimestamp(cluster: Cluster): Promise<Cluster> {
    const snapshot = cluster.snapshot();
    const objects = snapshot.objects.map((object) => {
      if (object.kind !== "ControllerRevision") return object;
      const data = structuredClone((object as { data?: unknown }).data) as {
        spec: { template: { metadata: Record<string, unknown> } };
      };
      delete data.spec.template.metadata.creationTimestamp;
      return { ...object, data };
    });
    const restored = await cluster.restore({ ...snapshot, objects });
    cluster.close();
    return restored;
  }

  it.each([
    {
      name: "undo --to-revision=1 right after create skips: revision 1 is the running template",
      prepare: async (cluster: Cluster): Promise<Cluster> => cluster,
      toRevision: 1,
      stdout: "daemonset.apps/nginx skipped rollback (current template already matches revision 1)\n",
    },
    {
      name: "undo to the revision a set image went back to skips (the controller renumbered it to 3)",
      prepare: async (cluster: Cluster): Promise<Cluster> => {
        await run(cluster, (context) => runSetImage(context, { args: ["ds/nginx", "nginx=nginx:1.26"] }));
        await cluster.settle();
        await run(cluster, (context) => runSetImage(context, { args: ["ds/nginx", "nginx=nginx:1.25"] }));
        await cluster.settle();
        return cluster;
      },
      toRevision: 3,
      stdout: "daemonset.apps/nginx skipped rollback (current template already matches revision 3)\n",
    },
    {
      name: "a revision whose data lacks Go's creationTimestamp null is patched back, as kubectl's byte comparison does",
      prepare: stripCreationTimestamp,
      toRevision: 1,
      stdout: "daemonset.apps/nginx rolled back\n",
    },
  ])("$name", async ({ prepare, toRevision, stdout }) => {
    const cluster = await prepare(await clusterWithNginx());
    expect(
      await run(cluster, (context) => runRolloutUndo(context, { args: ["ds/nginx"], toRevision })),
    ).toEqual({
      exitCode: 0,
      stdout,
      stderr: "",
    });
    cluster.close();
  });
});

describe("rollout errors", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await clusterWithNginx();
  });
  afterAll(() => cluster.close());

  it.each([
    {
      name: "status of a pod has no status viewer",
      verb: (context: KubectlContext) =>
        runRolloutStatus(context, { args: ["pod/kube-apiserver-control-plane"] }),
      namespace: "kube-system",
      stderr: "error: no status viewer has been implemented for Pod\n",
    },
    {
      name: "history of a node has no kind visitor",
      verb: (context: KubectlContext) => runRolloutHistory(context, { args: ["node/node-1"] }),
      stderr: 'error: error retrieving history for "Node", no visitor method exists for { Node}\n',
    },
    {
      name: "undo of a pod has no rollbacker",
      verb: (context: KubectlContext) =>
        runRolloutUndo(context, { args: ["pods", "kube-apiserver-control-plane"] }),
      namespace: "kube-system",
      stderr: 'error: no rollbacker has been implemented for "Pod"\n',
    },
    {
      name: "undo with a single revision has nothing to go back to",
      verb: (context: KubectlContext) => runRolloutUndo(context, { args: ["ds/nginx"] }),
      stderr: "error: no last revision to roll back to\n",
    },
    {
      name: "undo to a revision that does not exist is refused",
      verb: (context: KubectlContext) => runRolloutUndo(context, { args: ["ds/nginx"], toRevision: 9 }),
      stderr: "error: unable to find specified revision 9 in history\n",
    },
    {
      name: "history of a revision that does not exist is refused",
      verb: (context: KubectlContext) => runRolloutHistory(context, { args: ["ds/nginx"], revision: 9 }),
      stderr: "error: unable to find the specified revision\n",
    },
    {
      name: "a negative history revision is refused",
      verb: (context: KubectlContext) => runRolloutHistory(context, { args: ["ds/nginx"], revision: -1 }),
      stderr: "error: revision must be a positive integer: -1\n",
    },
    {
      name: "restart of a node is not supported",
      verb: (context: KubectlContext) => runRolloutRestart(context, { args: ["node", "node-1"] }),
      stderr: 'error: nodes "node-1" restarting is not supported\n',
    },
    {
      name: "nothing named is refused",
      verb: (context: KubectlContext) => runRolloutStatus(context, { args: [] }),
      stderr: "error: required resource not specified\n",
    },
    {
      name: "a DaemonSet that does not exist is NotFound",
      verb: (context: KubectlContext) => runRolloutStatus(context, { args: ["daemonset", "nope"] }),
      stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    },
  ] as Array<{
    name: string;
    verb: (context: KubectlContext) => Promise<ExitCode>;
    namespace?: string;
    stderr: string;
  }>)("$name", async ({ verb, namespace, stderr }) => {
    expect(await run(cluster, verb, namespace)).toEqual({ exitCode: 1, stdout: "", stderr });
  });

  it("status of every DaemonSet in an empty namespace says no resources were found", async () => {
    const io = bufferedIo();
    const exitCode = await runRolloutStatus(testContext(cluster, { io, namespace: "kube-node-lease" }), {
      args: ["ds"],
    });
    expect({ exitCode, ...io.output }).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "No resources found in kube-node-lease namespace.\n",
    });
  });
});

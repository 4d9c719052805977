import type { Cluster } from "@kubesim/cluster";
import { loadManifests, type Pod, type ReplicaSet } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { createTestCluster, nginxDaemonSetYaml } from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { runCordon, runUncordon } from "./cordon.js";
import { type DrainOptions, runDrain } from "./drain.js";

const webReplicaSet = "web-6d4cf56db6";

/** The transcripts' cluster: the nginx DaemonSet plus one Deployment-style pod on node-2. */
async function drainCluster(options: { bareWebPod?: boolean; emptyDir?: boolean } = {}): Promise<Cluster> {
  const cluster = await createTestCluster();
  for (const object of loadManifests(nginxDaemonSetYaml())) {
    await cluster.client.create({ ...object, metadata: { ...object.metadata, namespace: "default" } });
  }
  const replicaSet = await cluster.client.create<ReplicaSet>({
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: webReplicaSet, namespace: "default" },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "web", image: "nginx:1.25" }] },
      },
    },
  });
  const owner = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    name: webReplicaSet,
    uid: replicaSet.metadata?.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
  await cluster.client.create<Pod>({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `${webReplicaSet}-fwl9x`,
      namespace: "default",
      labels: { app: "web" },
      ...(options.bareWebPod === true ? {} : { ownerReferences: [owner] }),
    },
    spec: {
      nodeName: "node-2",
      containers: [{ name: "web", image: "nginx:1.25" }],
      ...(options.emptyDir === true ? { volumes: [{ name: "scratch", emptyDir: {} }] } : {}),
    },
  });
  await cluster.settle();
  return cluster;
}

/** `ns/name` of the DaemonSet pods on a node, in the order kubectl lists them. */
async function daemonSetPods(cluster: Cluster, node: string): Promise<string> {
  const pods = await cluster.client.list("Pod", { fieldSelector: `spec.nodeName=${node}` });
  return pods.items
    .filter((pod) => pod.metadata?.ownerReferences?.some((owner) => owner.kind === "DaemonSet"))
    .map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`)
    .join(", ");
}

async function drain(cluster: Cluster, options: DrainOptions) {
  const io = bufferedIo();
  const exitCode = await runDrain(testContext(cluster, { io }), options);
  return { exitCode, ...io.output };
}

describe("runCordon and runUncordon", () => {
  it("cordons, reports an already cordoned node and uncordons as kubectl does", async () => {
    const cluster = await createTestCluster();
    const io = bufferedIo();
    const context = testContext(cluster, { io });
    expect(await runCordon(context, { names: ["node-2"] })).toBe(0);
    expect((await cluster.client.get("Node", "node-2")).spec?.unschedulable).toBe(true);
    expect(await runCordon(context, { names: ["node/node-2"] })).toBe(0);
    expect(await runUncordon(context, { names: ["node-2"] })).toBe(0);
    expect(await runUncordon(context, { names: ["node-2"] })).toBe(0);
    expect((await cluster.client.get("Node", "node-2")).spec?.unschedulable).toBeUndefined();
    expect(io.output).toEqual({
      stdout:
        "node/node-2 cordoned\nnode/node-2 already cordoned\nnode/node-2 uncordoned\nnode/node-2 already uncordoned\n",
      stderr: "",
    });
    cluster.close();
  });

  it.each([
    {
      name: "a node that does not exist is NotFound",
      selection: { names: ["nope"] },
      stderr: 'Error from server (NotFound): nodes "nope" not found\n',
    },
    {
      name: "no node at all is a usage error",
      selection: { names: [] },
      stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubesim cordon -h' for help and examples\n",
    },
    {
      name: "a name and a selector together are refused",
      selection: { names: ["node-1"], labelSelector: "a=b" },
      stderr:
        "error: cannot specify both a node name and a --selector option\nSee 'kubesim cordon -h' for help and examples\n",
    },
  ])("$name", async ({ selection, stderr }) => {
    const cluster = await createTestCluster();
    const io = bufferedIo();
    expect(await runCordon(testContext(cluster, { io }), selection)).toBe(1);
    expect(io.output).toEqual({ stdout: "", stderr });
    cluster.close();
  });

  it("a selector cordons every matching node", async () => {
    const cluster = await createTestCluster();
    const io = bufferedIo();
    expect(
      await runCordon(testContext(cluster, { io }), {
        names: [],
        labelSelector: "kubernetes.io/hostname in (node-1,node-2)",
      }),
    ).toBe(0);
    expect(io.output.stdout).toBe("node/node-1 cordoned\nnode/node-2 cordoned\n");
    cluster.close();
  });
});

describe("runDrain", () => {
  it("evicts the Deployment pod, leaves the DaemonSet pods with a warning and reports the node drained", async () => {
    const cluster = await drainCluster();
    await runCordon(testContext(cluster), { names: ["node-2"] });
    const ignored = await daemonSetPods(cluster, "node-2");
    expect(await drain(cluster, { names: ["node-2"], ignoreDaemonSets: true })).toEqual({
      exitCode: 0,
      stdout: `node/node-2 already cordoned\nevicting pod default/${webReplicaSet}-fwl9x\npod/${webReplicaSet}-fwl9x evicted\nnode/node-2 drained\n`,
      stderr: `Warning: ignoring DaemonSet-managed Pods: ${ignored}\n`,
    });
    await expect(
      cluster.client.get("Pod", `${webReplicaSet}-fwl9x`, { namespace: "default" }),
    ).rejects.toMatchObject({
      status: { reason: "NotFound" },
    });
    expect(await daemonSetPods(cluster, "node-2")).toBe(ignored);
    cluster.close();
  });

  it("without --ignore-daemonsets cordons, then refuses with kubectl's multi-line error", async () => {
    const cluster = await drainCluster();
    const daemonPods = await daemonSetPods(cluster, "node-1");
    expect(await drain(cluster, { names: ["node-1"] })).toEqual({
      exitCode: 1,
      stdout: "node/node-1 cordoned\n",
      stderr: `error: unable to drain node "node-1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonPods}, continuing command...\nThere are pending nodes to be drained:\n node-1\ncannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonPods}\n`,
    });
    expect((await cluster.client.get("Node", "node-1")).spec?.unschedulable).toBe(true);
    cluster.close();
  });

  it("a pod without a controller stops the drain unless --force", async () => {
    const cluster = await drainCluster({ bareWebPod: true });
    const pod = `default/${webReplicaSet}-fwl9x`;
    const refused = await drain(cluster, { names: ["node-2"], ignoreDaemonSets: true });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      `error: unable to drain node "node-2" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): ${pod}, continuing command...\nThere are pending nodes to be drained:\n node-2\ncannot delete cannot delete Pods that declare no controller (use --force to override): ${pod}\n`,
    );
    const forced = await drain(cluster, { names: ["node-2"], ignoreDaemonSets: true, force: true });
    const ignored = await daemonSetPods(cluster, "node-2");
    expect(forced).toEqual({
      exitCode: 0,
      stdout: `node/node-2 already cordoned\nevicting pod ${pod}\npod/${webReplicaSet}-fwl9x evicted\nnode/node-2 drained\n`,
      stderr: `Warning: ignoring DaemonSet-managed Pods: ${ignored}; deleting Pods that declare no controller: ${pod}\n`,
    });
    cluster.close();
  });

  it("emptyDir data needs --delete-emptydir-data", async () => {
    const cluster = await drainCluster({ emptyDir: true });
    const pod = `default/${webReplicaSet}-fwl9x`;
    const refused = await drain(cluster, { names: ["node-2"], ignoreDaemonSets: true });
    expect(refused.stderr).toContain(
      `cannot delete Pods with local storage (use --delete-emptydir-data to override): ${pod}, continuing command...`,
    );
    const allowed = await drain(cluster, {
      names: ["node-2"],
      ignoreDaemonSets: true,
      deleteEmptyDirData: true,
    });
    expect(allowed.exitCode).toBe(0);
    expect(allowed.stdout).toBe(
      `node/node-2 already cordoned\nevicting pod ${pod}\npod/${webReplicaSet}-fwl9x evicted\nnode/node-2 drained\n`,
    );
    cluster.close();
  });

  it("a timeout shorter than the pod's termination reports the pending pod", async () => {
    const cluster = await drainCluster();
    const pod = `${webReplicaSet}-fwl9x`;
    const result = await drain(cluster, { names: ["node-2"], ignoreDaemonSets: true, timeoutMs: 2000 });
    const waitError = `error when waiting for pod "${pod}" in namespace "default" to terminate: context deadline exceeded`;
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(`node/node-2 cordoned\nevicting pod default/${pod}\n`);
    expect(result.stderr).toBe(
      `Warning: ignoring DaemonSet-managed Pods: ${await daemonSetPods(cluster, "node-2")}\nThere are pending pods in node "node-2" when an error occurred: ${waitError}\npod/${pod}\nerror: unable to drain node "node-2" due to error: ${waitError}, continuing command...\nThere are pending nodes to be drained:\n node-2\n${waitError}\n`,
    );
    cluster.close();
  });

  it("--disable-eviction deletes the pods and says deleted", async () => {
    const cluster = await drainCluster();
    const result = await drain(cluster, { names: ["node-2"], ignoreDaemonSets: true, disableEviction: true });
    expect(result).toMatchObject({
      exitCode: 0,
      stdout: `node/node-2 cordoned\npod/${webReplicaSet}-fwl9x deleted\nnode/node-2 drained\n`,
    });
    cluster.close();
  });

  it("a node without pods to evict is drained at once", async () => {
    const cluster = await drainCluster();
    const result = await drain(cluster, { names: ["node-1"], ignoreDaemonSets: true });
    expect(result).toEqual({
      exitCode: 0,
      stdout: "node/node-1 cordoned\nnode/node-1 drained\n",
      stderr: `Warning: ignoring DaemonSet-managed Pods: ${await daemonSetPods(cluster, "node-1")}\n`,
    });
    cluster.close();
  });
});

describe("runDrain flag errors", () => {
  it("an invalid --pod-selector is refused with kubectl's message", async () => {
    const cluster = await createTestCluster();
    expect(await drain(cluster, { names: ["node-1"], podSelector: "a=(" })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: --pod-selector=<pod_selector> must be a valid label selector\n",
    });
    cluster.close();
  });

  it("a resource other than a node is refused", async () => {
    const cluster = await drainCluster();
    expect(await drain(cluster, { names: [`pod/${webReplicaSet}-fwl9x`] })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: expected resource of type node, got "/v1, Resource=pods"\n',
    });
    cluster.close();
  });
});

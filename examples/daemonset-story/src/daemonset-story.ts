import { type Cluster, createCluster } from "@kubesim/cluster";
import { type KubeObject, loadManifests, printTable, renderName, renderTable } from "@kubesim/core";

async function getTable(cluster: Cluster, kind: string, namespace: string | undefined): Promise<string> {
  const { items } = await cluster.client.list(kind, namespace === undefined ? {} : { namespace });
  const now = new Date(cluster.clock.now());
  return renderTable(printTable(kind, items as KubeObject[], { now, wide: kind === "Pod" }), {
    withNamespace: namespace === undefined,
    ...(kind === "Pod" ? { wide: true } : {}),
  });
}

/**
 * The tutorial's story on a simulated kubeadm cluster (one tainted control-plane node and
 * two workers), as a learner would type it with kubectl, in the given DaemonSet
 * scheduling mode: "scheduler" (Kubernetes 1.12+, pods pinned by node affinity and bound
 * by the default scheduler) or "legacy" (before 1.12, the controller sets nodeName).
 */
export async function runDaemonSetStory(
  manifest: { name: string; text: string },
  scheduling: "scheduler" | "legacy" = "scheduler",
): Promise<string> {
  const cluster = await createCluster({ seed: 1, nodes: 2, daemonSetScheduling: scheduling });
  let out = `# a new kubeadm cluster, DaemonSet scheduling: ${scheduling}\n`;
  out += `$ kubectl create -f ${manifest.name}\n`;
  for (const object of loadManifests(manifest.text, { filename: manifest.name })) {
    const created = await cluster.client.create({
      ...object,
      metadata: { ...object.metadata, namespace: object.metadata?.namespace ?? "default" },
    });
    out += `${renderName(created).trimEnd()} created\n`;
  }
  await cluster.settle();
  out += `\n$ kubectl get ds\n${await getTable(cluster, "DaemonSet", "default")}`;
  out += `\n$ kubectl get ds --all-namespaces\n${await getTable(cluster, "DaemonSet", undefined)}`;
  out += `\n$ kubectl get pods -o wide\n${await getTable(cluster, "Pod", "default")}`;
  await cluster.addNode("node-3");
  await cluster.settle();
  out += `\n# node-3 joins the cluster\n$ kubectl get pods -o wide\n${await getTable(cluster, "Pod", "default")}`;
  await cluster.deleteNode("node-1");
  await cluster.settle();
  out += `\n# node-1 is deleted\n$ kubectl get ds\n${await getTable(cluster, "DaemonSet", "default")}`;
  out += `$ kubectl get pods -o wide\n${await getTable(cluster, "Pod", "default")}`;
  cluster.close();
  return out;
}

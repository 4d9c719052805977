import { createCluster } from "@kubesim/cluster";
import { printTable, renderTable } from "@kubesim/core";

const nginx = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: nginx, namespace: default }
spec:
  selector: { matchLabels: { app: nginx } }
  template:
    metadata: { labels: { app: nginx } }
    spec: { containers: [{ name: nginx, image: "nginx:1.25" }] }
`;

/** The nginx DaemonSet story on a simulated 3-node kubeadm cluster, as text (kubectl's tables). */
export async function libraryStory(): Promise<string> {
  const cluster = await createCluster({ seed: 1, nodes: 2 }); // control plane + node-1, node-2, settled
  const table = async (kind: string, namespace?: string) => {
    const { items } = await cluster.client.list(kind, namespace === undefined ? {} : { namespace });
    const now = new Date(cluster.clock.now());
    return renderTable(printTable(kind, items, { now, wide: kind === "Pod" }), { withNamespace: !namespace });
  };
  await cluster.apply(nginx);
  await cluster.settle(); // the DaemonSet controller creates pods, the scheduler binds them, kubelets run them
  let out = `# nginx DaemonSet created\n${await table("DaemonSet")}\n${await table("Pod", "default")}`;
  await cluster.addNode("node-3");
  await cluster.settle();
  out += `\n# node-3 joined\n${await table("Pod", "default")}`;
  await cluster.deleteNode("node-1");
  await cluster.settle(); // pod GC removes the pods of the deleted node
  out += `\n# node-1 deleted\n${await table("Pod", "default")}`;
  cluster.close();
  return out;
}

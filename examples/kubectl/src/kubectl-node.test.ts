import { describe, it } from "vitest";
import { normaliseTableAges } from "./normalise-output.js";
import {
  expectKubectlCase,
  type KubectlCase,
  type ServedCluster,
  useServedCluster,
} from "./served-cluster.js";

/** The ReplicaSet-owned pod drain evicts: kubesim runs no ReplicaSet controller, so the test makes it. */
const webPod = "web-6d4cf56db6-kn7lv";

function webPodManifest(replicaSetUid: string): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: webPod,
      labels: { app: "web" },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          name: "web-6d4cf56db6",
          uid: replicaSetUid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      nodeName: "node-1",
      terminationGracePeriodSeconds: 1,
      containers: [{ name: "web", image: "nginx:1.25" }],
    },
  });
}

const daemonSetPodsOnNode2 =
  "default/nginx-lnlmd, kube-flannel/kube-flannel-ds-9fh6x, kube-system/kube-proxy-7vqb6";

/** Transcripts 50–53c in order, with `get nodes` between them to show each change took effect. */
const steps: KubectlCase[] = [
  {
    name: "label node adds the label with a merge patch (50)",
    args: ["label", "node", "node-2", "disktype=ssd"],
    exitCode: 0,
    stdout: "node/node-2 labeled\n",
    stderr: "",
  },
  {
    name: "label node of a key that has a value without --overwrite is refused by kubectl (50b)",
    args: ["label", "node", "node-2", "disktype=hdd"],
    exitCode: 1,
    stdout: "",
    stderr: "error: 'disktype' already has a value (ssd), and --overwrite is false\n",
  },
  {
    name: "get nodes -L disktype shows the label on node-2 only",
    args: ["get", "nodes", "-L", "disktype"],
    exitCode: 0,
    stdout: `NAME            STATUS   ROLES           AGE   VERSION   DISKTYPE
control-plane   Ready    control-plane   3m    v1.32.2
node-1          Ready    <none>          3m    v1.32.2
node-2          Ready    <none>          3m    v1.32.2   ssd
`,
    stderr: "",
  },
  {
    name: "taint node adds the taint with a strategic merge patch of the whole list (51)",
    args: ["taint", "node", "node-2", "dedicated=infra:NoSchedule"],
    exitCode: 0,
    stdout: "node/node-2 tainted\n",
    stderr: "",
  },
  {
    name: "get node -o jsonpath shows the taint",
    args: ["get", "node", "node-2", "-o", "jsonpath={.spec.taints}"],
    exitCode: 0,
    stdout: '[{"effect":"NoSchedule","key":"dedicated","value":"infra"}]',
    stderr: "",
  },
  {
    name: "taint node KEY=VALUE:EFFECT- removes the taint (51b)",
    args: ["taint", "node", "node-2", "dedicated=infra:NoSchedule-"],
    exitCode: 0,
    stdout: "node/node-2 untainted\n",
    stderr: "",
  },
  {
    name: "get node -o jsonpath shows no taints left",
    args: ["get", "node", "node-2", "-o", "jsonpath={.spec.taints}"],
    exitCode: 0,
    stdout: "",
    stderr: "",
  },
  {
    name: "cordon marks the node unschedulable (52)",
    args: ["cordon", "node-1"],
    exitCode: 0,
    stdout: "node/node-1 cordoned\n",
    stderr: "",
  },
  {
    name: "get nodes shows the cordoned node as Ready,SchedulingDisabled",
    args: ["get", "nodes"],
    exitCode: 0,
    stdout: `NAME            STATUS                     ROLES           AGE   VERSION
control-plane   Ready                      control-plane   3m    v1.32.2
node-1          Ready,SchedulingDisabled   <none>          3m    v1.32.2
node-2          Ready                      <none>          3m    v1.32.2
`,
    stderr: "",
  },
  {
    name: "drain --ignore-daemonsets evicts the ReplicaSet's pod and leaves the DaemonSet pods (53)",
    args: ["drain", "node-1", "--ignore-daemonsets"],
    exitCode: 0,
    stdout: `node/node-1 already cordoned\nevicting pod default/${webPod}\npod/${webPod} evicted\nnode/node-1 drained\n`,
    stderr:
      "Warning: ignoring DaemonSet-managed Pods: default/nginx-c9b92, kube-flannel/kube-flannel-ds-xnlj6, kube-system/kube-proxy-dg9k2\n",
  },
  {
    name: "get pods shows the evicted pod gone and the DaemonSet pods still there",
    args: ["get", "pods"],
    exitCode: 0,
    stdout: `NAME          READY   STATUS    RESTARTS   AGE
nginx-c9b92   1/1     Running   0          5s
nginx-lnlmd   1/1     Running   0          5s
`,
    stderr: "",
  },
  {
    name: "uncordon makes the node schedulable again (53b)",
    args: ["uncordon", "node-1"],
    exitCode: 0,
    stdout: "node/node-1 uncordoned\n",
    stderr: "",
  },
  {
    name: "drain without --ignore-daemonsets cordons the node, then refuses to delete DaemonSet pods (53c)",
    args: ["drain", "node-2"],
    exitCode: 1,
    stdout: "node/node-2 cordoned\n",
    stderr: `error: unable to drain node "node-2" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonSetPodsOnNode2}, continuing command...
There are pending nodes to be drained:
 node-2
cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonSetPodsOnNode2}
`,
  },
  {
    name: "uncordon of the node drain left cordoned",
    args: ["uncordon", "node-2"],
    exitCode: 0,
    stdout: "node/node-2 uncordoned\n",
    stderr: "",
  },
];

/** Creates ds.yaml and the web ReplicaSet with its ready pod, and waits for the nginx rollout. */
async function prepareNodes(cluster: ServedCluster): Promise<void> {
  await cluster.kubectlOk(["create", "-f", "ds.yaml"]);
  await cluster.kubectlOk(["create", "-f", "web-replicaset.yaml"]);
  const uid = await cluster.kubectlOk(["get", "rs", "web-6d4cf56db6", "-o", "jsonpath={.metadata.uid}"]);
  cluster.workspace.writeFile("web-pod.json", webPodManifest(uid));
  await cluster.kubectlOk(["create", "-f", "web-pod.json"]);
  await cluster.kubectlOk(["wait", "--for=condition=Ready", `pod/${webPod}`, "--timeout=20s"]);
  await cluster.waitForRollout("nginx");
}

describe("kubectl label, taint, cordon and drain against kubesim serve", () => {
  const cluster = useServedCluster(prepareNodes);

  it.each(steps)("$name", async (step) => {
    await expectKubectlCase(cluster(), step, normaliseTableAges);
  });
});

import { describe, it } from "vitest";
import { normaliseDescribeAges } from "./normalise-output.js";
import {
  createRolledOutNginx,
  expectKubectlCase,
  type KubectlCase,
  useServedCluster,
} from "./served-cluster.js";

/** Transcripts 30 and 31b on a fresh cluster with the nginx DaemonSet (times and ages ignored). */
const cases: KubectlCase[] = [
  {
    name: "describe ds shows the counters, the pod template and the controller's events (30)",
    args: ["describe", "ds", "nginx"],
    exitCode: 0,
    stdout: `Name:           nginx
Selector:       app=nginx
Node-Selector:  <none>
Labels:         app=nginx
Annotations:    deprecated.daemonset.template.generation: 1
Desired Number of Nodes Scheduled: 2
Current Number of Nodes Scheduled: 2
Number of Nodes Scheduled with Up-to-date Pods: 2
Number of Nodes Scheduled with Available Pods: 2
Number of Nodes Misscheduled: 0
Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:         nginx:1.25
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                  Message
  ----    ------            ----  ----                  -------
  Normal  SuccessfulCreate  3s    daemonset-controller  Created pod: nginx-c9b92
  Normal  SuccessfulCreate  3s    daemonset-controller  Created pod: nginx-lnlmd
`,
    stderr: "",
  },
  {
    name: "describe node shows the node's status, its non-terminated pods and the missing lease (31b)",
    args: ["describe", "node", "node-1"],
    exitCode: 0,
    stdout: `Name:               node-1
Roles:              <none>
Labels:             kubernetes.io/arch=amd64
                    kubernetes.io/hostname=node-1
                    kubernetes.io/os=linux
Annotations:        <none>
CreationTimestamp:  Mon, 30 Nov 2026 01:17:33 +0000
Taints:             <none>
Unschedulable:      false
Lease:              Failed to get lease: leases.coordination.k8s.io "node-1" not found
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Mon, 30 Nov 2026 01:19:53 +0000   Mon, 30 Nov 2026 01:17:33 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Mon, 30 Nov 2026 01:19:53 +0000   Mon, 30 Nov 2026 01:17:33 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Mon, 30 Nov 2026 01:19:53 +0000   Mon, 30 Nov 2026 01:17:33 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Mon, 30 Nov 2026 01:19:53 +0000   Mon, 30 Nov 2026 01:17:33 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    node-1
Capacity:
  cpu:     2
  memory:  4Gi
  pods:    110
Allocatable:
  cpu:     2
  memory:  4Gi
  pods:    110
System Info:
  Machine ID:                 bce3424f7d2d54900bed94d5caccc256
  System UUID:                4f440073-29a4-b522-f375-8fed4cf103ac
  Boot ID:                    a9594da0-110d-a201-0c4f-6daeb8497c0f
  Kernel Version:             6.8.0-49-generic
  OS Image:                   Ubuntu 24.04.1 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.2
  Kube-Proxy Version:         v1.32.2
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (3 in total)
  Namespace                   Name                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                     ------------  ----------  ---------------  -------------  ---
  default                     nginx-c9b92              0 (0%)        0 (0%)      0 (0%)           0 (0%)         3s
  kube-flannel                kube-flannel-ds-xnlj6    100m (5%)     0 (0%)      50Mi (1%)        0 (0%)         2m24s
  kube-system                 kube-proxy-dg9k2         0 (0%)        0 (0%)      0 (0%)           0 (0%)         2m24s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (5%)  0 (0%)
  memory             50Mi (1%)  0 (0%)
  ephemeral-storage  0 (0%)     0 (0%)
Events:              <none>
`,
    stderr: "",
  },
  {
    name: "describe of a DaemonSet that does not exist prints NotFound (70c)",
    args: ["describe", "ds", "nope"],
    exitCode: 1,
    stdout: "",
    stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
  },
];

describe("kubectl describe against kubesim serve", () => {
  const cluster = useServedCluster(createRolledOutNginx);

  it.each(cases)("$name", async (kubectlCase) => {
    await expectKubectlCase(cluster(), kubectlCase, normaliseDescribeAges);
  });
});

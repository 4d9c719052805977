import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCluster } from "@kubesim/cluster";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunInCluster } from "../../command-runner.js";
import type { ExitCode } from "../kubectl-context.js";
import { testContext } from "../test-context.js";
import { registerDescribeCommand } from "./describe-command.js";
import { type DescribeFlags, runDescribe } from "./run-describe.js";

// describe prints local time, as kubectl does: the goldens are in UTC.
const savedTimeZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "UTC";
});
afterAll(() => {
  if (savedTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedTimeZone;
});

const nginxDaemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: nginx, namespace: default, labels: { app: nginx } }
spec:
  selector: { matchLabels: { app: nginx } }
  template:
    metadata: { labels: { app: nginx } }
    spec: { containers: [{ name: nginx, image: "nginx:1.26", ports: [{ containerPort: 80 }] }] }
`;

const describeNginx = `Name:           nginx
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
    Image:         nginx:1.26
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age    From                  Message
  ----    ------            ----   ----                  -------
  Normal  SuccessfulCreate  2m20s  daemonset-controller  Created pod: nginx-z5hts
  Normal  SuccessfulCreate  2m20s  daemonset-controller  Created pod: nginx-cb458
`;

const describeNginxWithoutEvents = `Name:           nginx
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
    Image:         nginx:1.26
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`;

const describeNginxPod = `Name:             nginx-cb458
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-2/172.18.0.4
Start Time:       Thu, 01 Jan 2026 00:04:20 +0000
Labels:           app=nginx
                  controller-revision-hash=5db6749b5d
                  pod-template-generation=1
Annotations:      <none>
Status:           Running
IP:               10.244.2.2
IPs:
  IP:           10.244.2.2
Controlled By:  DaemonSet/nginx
Containers:
  nginx:
    Container ID:   containerd://3f89ed9c19fe30f36e73e6e64b7d9885e5def800257e5f775ddaf75ad16c1109
    Image:          nginx:1.26
    Image ID:       docker.io/library/nginx@sha256:53511363fdd1de10dd4b458d1ce4d85a45a1f05f5598f33c98791ea9f4ae3a06
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 00:04:22 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:                      <none>
QoS Class:                    BestEffort
Node-Selectors:               <none>
Tolerations:                  node.kubernetes.io/disk-pressure:NoSchedule op=Exists
                              node.kubernetes.io/memory-pressure:NoSchedule op=Exists
                              node.kubernetes.io/not-ready:NoExecute op=Exists
                              node.kubernetes.io/pid-pressure:NoSchedule op=Exists
                              node.kubernetes.io/unreachable:NoExecute op=Exists
                              node.kubernetes.io/unschedulable:NoSchedule op=Exists
Events:
  Type    Reason     Age    From               Message
  ----    ------     ----   ----               -------
  Normal  Scheduled  2m20s  default-scheduler  Successfully assigned default/nginx-cb458 to node-2
`;

const describeControlPlane = `Name:               control-plane
Roles:              control-plane
Labels:             kubernetes.io/arch=amd64
                    kubernetes.io/hostname=control-plane
                    kubernetes.io/os=linux
                    node-role.kubernetes.io/control-plane=
Annotations:        <none>
CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
Taints:             node-role.kubernetes.io/control-plane:NoSchedule
Unschedulable:      false
Lease:              Failed to get lease: leases.coordination.k8s.io "control-plane" not found
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.2
  Hostname:    control-plane
Capacity:
  cpu:     2
  memory:  4Gi
  pods:    110
Allocatable:
  cpu:     2
  memory:  4Gi
  pods:    110
System Info:
  Machine ID:                 ea4de1cd76bdb2a8055905cfad99651a
  System UUID:                bd446e99-c619-a32e-eb86-7af7b27d365c
  Boot ID:                    3d0340d8-7dd5-e2c3-bfb5-6ce2940a2d0d
  Kernel Version:             6.8.0-49-generic
  OS Image:                   Ubuntu 24.04.1 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.2
  Kube-Proxy Version:         v1.32.2
PodCIDR:                      10.244.0.0/24
PodCIDRs:                     10.244.0.0/24
Non-terminated Pods:          (6 in total)
  Namespace                   Name                                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                                     ------------  ----------  ---------------  -------------  ---
  kube-flannel                kube-flannel-ds-jrmhp                    100m (5%)     0 (0%)      50Mi (1%)        0 (0%)         6m40s
  kube-system                 etcd-control-plane                       100m (5%)     0 (0%)      0 (0%)           0 (0%)         6m40s
  kube-system                 kube-apiserver-control-plane             250m (12%)    0 (0%)      0 (0%)           0 (0%)         6m40s
  kube-system                 kube-controller-manager-control-plane    200m (10%)    0 (0%)      0 (0%)           0 (0%)         6m40s
  kube-system                 kube-proxy-wgkx5                         0 (0%)        0 (0%)      0 (0%)           0 (0%)         6m40s
  kube-system                 kube-scheduler-control-plane             100m (5%)     0 (0%)      0 (0%)           0 (0%)         6m40s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                750m (37%)  0 (0%)
  memory             50Mi (1%)   0 (0%)
  ephemeral-storage  0 (0%)      0 (0%)
Events:              <none>
`;

const describeWorker = `Name:               node-1
Roles:              <none>
Labels:             kubernetes.io/arch=amd64
                    kubernetes.io/hostname=node-1
                    kubernetes.io/os=linux
Annotations:        <none>
CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:              Failed to get lease: leases.coordination.k8s.io "node-1" not found
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletReady                 kubelet is posting ready status
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
  default                     nginx-z5hts              0 (0%)        0 (0%)      0 (0%)           0 (0%)         2m20s
  kube-flannel                kube-flannel-ds-xnlj6    100m (5%)     0 (0%)      50Mi (1%)        0 (0%)         6m40s
  kube-system                 kube-proxy-dg9k2         0 (0%)        0 (0%)      0 (0%)           0 (0%)         6m40s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (5%)  0 (0%)
  memory             50Mi (1%)  0 (0%)
  ephemeral-storage  0 (0%)     0 (0%)
Events:              <none>
`;

const describeDefaultNamespace = `Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active
`;

const describeSchedulerEvent = `Name:             nginx-cb458.1886728e772f2801
Namespace:        default
Labels:           <none>
Annotations:      <none>
Action:           Binding
API Version:      v1
Event Time:       2026-01-01T00:04:20.000000Z
First Timestamp:  <nil>
Involved Object:
  API Version:       v1
  Kind:              Pod
  Name:              nginx-cb458
  Namespace:         default
  Resource Version:  83
  UID:               9f4194df-40fd-4ddd-9304-2095086ef305
Kind:                Event
Last Timestamp:      <nil>
Message:             Successfully assigned default/nginx-cb458 to node-2
Metadata:
  Creation Timestamp:  2026-01-01T00:04:20Z
  Resource Version:    90
  UID:                 83193c5e-002c-492c-84bc-e92881f55f7d
Reason:                Scheduled
Reporting Component:   default-scheduler
Reporting Instance:    default-scheduler-kubesim
Source:
Type:    Normal
Events:  <none>
`;

describe("describe on a kubeadm cluster with the nginx DaemonSet", async () => {
  const cluster = await createCluster({ seed: 1, nodes: 2, startTime: Date.parse("2026-01-01T00:00:00Z") });
  await cluster.settle();
  await cluster.apply(nginxDaemonSet);
  await cluster.settle();
  afterAll(() => cluster.close());

  async function describeWith(
    args: readonly string[],
    flags: DescribeFlags = {},
    namespace = "default",
  ): Promise<{ stdout: string; stderr: string; exitCode: ExitCode }> {
    const context = testContext(cluster, { namespace });
    const exitCode = await runDescribe(context, args, flags);
    return { ...context.io.output, exitCode };
  }

  async function described(args: readonly string[], namespace = "default"): Promise<string> {
    const result = await describeWith(args, {}, namespace);
    expect(result.stderr).toBe("");
    return result.stdout;
  }

  const goldenCases = [
    {
      name: "describe ds nginx prints the DaemonSet, its pod template and its SuccessfulCreate events",
      args: ["ds", "nginx"],
      flags: {},
      expected: describeNginx,
    },
    {
      name: "describe ds nginx --show-events=false leaves the Events section out",
      args: ["daemonset", "nginx"],
      flags: { showEvents: false },
      expected: describeNginxWithoutEvents,
    },
    {
      name: "describe pod of a DaemonSet pod shows its container status, its controller, the DaemonSet tolerations and the Scheduled event",
      args: ["pod", "nginx-cb458"],
      flags: {},
      expected: describeNginxPod,
    },
    {
      name: "describe node control-plane shows the role, the NoSchedule taint, the missing lease and the static pods' requests",
      args: ["node", "control-plane"],
      flags: {},
      expected: describeControlPlane,
    },
    {
      name: "describe no/node-1 shows a worker with its DaemonSet pods and allocated resources",
      args: ["no/node-1"],
      flags: {},
      expected: describeWorker,
    },
    {
      name: "describe namespace default shows its labels and phase (kubesim serves no quotas or limit ranges)",
      args: ["ns", "default"],
      flags: {},
      expected: describeDefaultNamespace,
    },
    {
      name: "describe event uses kubectl's generic describer: every field under a label made from its name",
      args: ["event", "nginx-cb458.1886728e772f2801"],
      flags: {},
      expected: describeSchedulerEvent,
    },
  ];

  it.each(goldenCases)("$name", async ({ args, flags, expected }) => {
    expect(await describeWith(args, flags)).toEqual({ stdout: expected, stderr: "", exitCode: 0 });
  });

  it("describe ds ngi describes every DaemonSet whose name starts with ngi, each followed by a blank line", async () => {
    expect(await describeWith(["ds", "ngi"])).toEqual({
      stdout: `${describeNginx}\n`,
      stderr: "",
      exitCode: 0,
    });
  });

  it("describe ds kube in kube-system describes both matching DaemonSets in name order", async () => {
    const keepalived = await described(["ds", "kube-keepalived-vip"], "kube-system");
    const proxy = await described(["ds", "kube-proxy"], "kube-system");
    expect(await describeWith(["ds", "kube"], {}, "kube-system")).toEqual({
      stdout: `${keepalived}\n${proxy}\n`,
      stderr: "",
      exitCode: 0,
    });
  });

  it("describe ds without a name describes every DaemonSet of the namespace, two blank lines apart", async () => {
    const keepalived = await described(["ds", "kube-keepalived-vip"], "kube-system");
    const proxy = await described(["ds", "kube-proxy"], "kube-system");
    expect(await describeWith(["ds"], {}, "kube-system")).toEqual({
      stdout: `${keepalived}\n\n${proxy}`,
      stderr: "",
      exitCode: 0,
    });
  });

  it("describe ds -A -l app=nginx selects across namespaces by label", async () => {
    expect(await describeWith(["ds"], { allNamespaces: true, selector: "app=nginx" }, "kube-system")).toEqual(
      {
        stdout: describeNginx,
        stderr: "",
        exitCode: 0,
      },
    );
  });

  it("describe pods -l app=nginx describes both nginx pods in name order", async () => {
    const first = await described(["pod", "nginx-cb458"]);
    const second = await described(["pod", "nginx-z5hts"]);
    expect(await describeWith(["pods"], { selector: "app=nginx" })).toEqual({
      stdout: `${first}\n\n${second}`,
      stderr: "",
      exitCode: 0,
    });
  });

  it("describe -f reads the objects a manifest names and describes them from the cluster", async () => {
    const directory = mkdtempSync(join(tmpdir(), "kubesim-describe-"));
    try {
      writeFileSync(join(directory, "nginx.yaml"), nginxDaemonSet);
      const context = testContext(cluster, { cwd: directory });
      const exitCode = await runDescribe(context, [], { filenames: ["nginx.yaml"] });
      expect({ ...context.io.output, exitCode }).toEqual({ stdout: describeNginx, stderr: "", exitCode: 0 });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  const errorCases = [
    {
      name: "a missing DaemonSet is NotFound after the prefix search finds nothing",
      args: ["ds", "nope"],
      flags: {},
      stdout: "",
      stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
      exitCode: 1,
    },
    {
      name: "TYPE/NAME is never a prefix: ds/ngi is NotFound",
      args: ["ds/ngi"],
      flags: {},
      stdout: "",
      stderr: 'Error from server (NotFound): daemonsets.apps "ngi" not found\n',
      exitCode: 1,
    },
    {
      name: "two TYPE/NAME arguments with one missing take kubectl's prefix path and print only the NotFound",
      args: ["ds/nginx", "ds/nope"],
      flags: {},
      stdout: "",
      stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
      exitCode: 1,
    },
    {
      name: "several missing names are listed one per line",
      args: ["ds", "a", "b"],
      flags: {},
      stdout: "",
      stderr:
        'Error from server (NotFound): daemonsets.apps "a" not found\nError from server (NotFound): daemonsets.apps "b" not found\n',
      exitCode: 1,
    },
    {
      name: "a missing node is NotFound",
      args: ["node", "node-9"],
      flags: {},
      stdout: "",
      stderr: 'Error from server (NotFound): nodes "node-9" not found\n',
      exitCode: 1,
    },
    {
      name: "no arguments asks for a resource type",
      args: [],
      flags: {},
      stdout: "",
      stderr:
        'error: You must specify the type of resource to describe. Use "kubesim api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    },
    {
      name: "an unknown resource type is reported as kubectl does",
      args: ["foo", "bar"],
      flags: {},
      stdout: "",
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    },
    {
      name: "a name with --all-namespaces is refused",
      args: ["ds", "nginx"],
      flags: { allNamespaces: true },
      stdout: "",
      stderr: "error: a resource cannot be retrieved by name across all namespaces\n",
      exitCode: 1,
    },
    {
      name: "a name with a selector is refused",
      args: ["ds", "nginx"],
      flags: { selector: "app=nginx" },
      stdout: "",
      stderr: "error: name cannot be provided when a selector is specified\n",
      exitCode: 1,
    },
    {
      name: "a type without objects says so on stderr and succeeds",
      args: ["deployments"],
      flags: {},
      stdout: "",
      stderr: "No resources found in default namespace.\n",
      exitCode: 0,
    },
    {
      name: "a selector matching nothing across namespaces says No resources found",
      args: ["ds"],
      flags: { allNamespaces: true, selector: "app=none" },
      stdout: "",
      stderr: "No resources found\n",
      exitCode: 0,
    },
    {
      name: "files and resource arguments together are refused",
      args: ["ds", "nginx"],
      flags: { filenames: ["nginx.yaml"] },
      stdout: "",
      stderr:
        "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n",
      exitCode: 1,
    },
  ];

  it.each(errorCases)("$name", async ({ args, flags, stdout, stderr, exitCode }) => {
    expect(await describeWith(args, flags)).toEqual({ stdout, stderr, exitCode });
  });

  it("the describe command parses kubectl's flags and runs in the current cluster", async () => {
    const context = testContext(cluster);
    let exitCode: ExitCode | undefined;
    const run: RunInCluster = async (_command, action) => {
      exitCode = await action(context);
    };
    const program = new Command().exitOverride();
    registerDescribeCommand(program, run);
    await program.parseAsync(["describe", "ds", "nginx", "--show-events=false"], { from: "user" });
    expect({ ...context.io.output, exitCode }).toEqual({
      stdout: describeNginxWithoutEvents,
      stderr: "",
      exitCode: 0,
    });
  });
});

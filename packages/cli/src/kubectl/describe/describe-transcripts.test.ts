import { createCluster } from "@kubesim/cluster";
import { type ApiClient, type DaemonSet, type KubeObject, VirtualClock } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../test-context.js";
import { runDescribe } from "./run-describe.js";

// The transcripts were recorded on a machine in UTC; describe prints local time as kubectl does.
const savedTimeZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "UTC";
});
afterAll(() => {
  if (savedTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedTimeZone;
});

const at = (text: string): number => Date.parse(text);

function nodeObject(
  name: string,
  extra: { machineID: string; systemUUID: string; bootID: string; address: string; podCIDR: string },
  controlPlane: boolean,
): KubeObject & { spec: object; status: object } {
  const resources = {
    cpu: "4",
    "ephemeral-storage": "100000Mi",
    "hugepages-2Mi": "0",
    memory: "8148440Ki",
    pods: "110",
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: "2026-11-29T19:21:27Z",
    lastTransitionTime: "2026-11-26T19:21:27Z",
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        ...(controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}),
      },
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: extra.podCIDR,
      podCIDRs: [extra.podCIDR],
      providerID: `stub://${name}`,
      ...(controlPlane
        ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }
        : {}),
    },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        condition(
          "MemoryPressure",
          "False",
          "KubeletHasSufficientMemory",
          "kubelet has sufficient memory available",
        ),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      addresses: [
        { type: "InternalIP", address: extra.address },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        machineID: extra.machineID,
        systemUUID: extra.systemUUID,
        bootID: extra.bootID,
        kernelVersion: "6.8.0-stub",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: "v1.32.4",
        kubeProxyVersion: "v1.32.4",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

/** node-2's kubelet lease as the recorded API server returned it (node-1 had none). */
const node2Lease: KubeObject = {
  apiVersion: "coordination.k8s.io/v1",
  kind: "Lease",
  metadata: { name: "node-2", namespace: "kube-node-lease" },
  spec: { holderIdentity: "node-2", leaseDurationSeconds: 40, renewTime: "2026-11-29T19:21:27.685000Z" },
} as KubeObject;

/**
 * The objects of the recorded kubectl session, rebuilt in a bare store (no controllers):
 * nodes made on Nov 26, kube-proxy pods, a web pod and the nginx DaemonSet (set to
 * nginx:1.26, generation 2) with its pods and its six events.
 */
async function recordedSession(): Promise<{ client: ApiClient; daemonSetUid: string }> {
  const clock = new VirtualClock(at("2026-11-26T19:21:27Z"));
  const store = createMemoryStore({ clock, seed: 1 });
  const advanceTo = (time: string): void => {
    clock.advance(at(time) - clock.now());
  };
  // The API server's admission taints a new node not-ready; the node's kubelet and the node
  // lifecycle controller had cleared that by the time of the recording.
  const createNode = async (node: KubeObject & { spec?: object }): Promise<void> => {
    const created = (await store.create(node)) as KubeObject & { spec?: object };
    await store.update({ ...created, spec: node.spec });
  };
  await createNode(
    nodeObject(
      "node-1",
      {
        machineID: "e6c97e30a7e342f8440f6dcd7ce499ee",
        systemUUID: "dfe11076-0fad-46a3-962e-a598d18e0baf",
        bootID: "072ea081-5a7b-4c14-ba4f-bd4045af35e4",
        address: "172.18.0.2",
        podCIDR: "10.244.1.0/24",
      },
      true,
    ),
  );
  await createNode(
    nodeObject(
      "node-2",
      {
        machineID: "d3b931b983ae3ff46971664eeb02b0b5",
        systemUUID: "be9cfb95-3bdb-4ef4-944f-f748fde6725e",
        bootID: "076fcbb3-b0ee-4aed-92f7-3a35d1c225f1",
        address: "172.18.0.3",
        podCIDR: "10.244.2.0/24",
      },
      false,
    ),
  );
  await store.create(node2Lease);
  const runningPod = async (
    namespace: string,
    name: string,
    nodeName: string,
    labels: Record<string, string>,
    owner?: KubeObject,
  ): Promise<void> => {
    const created = await store.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name,
        namespace,
        labels,
        ...(owner === undefined
          ? {}
          : {
              ownerReferences: [
                {
                  apiVersion: "apps/v1",
                  kind: "DaemonSet",
                  name: owner.metadata?.name ?? "",
                  uid: owner.metadata?.uid ?? "",
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            }),
      },
      spec: { nodeName, containers: [{ name: "main", image: "nginx:1.26" }] },
    });
    await store.updateStatus({ ...created, status: { phase: "Running" } });
  };
  advanceTo("2026-11-29T19:21:27Z");
  await runningPod("kube-system", "kube-proxy-c5ltq", "node-1", { "k8s-app": "kube-proxy" });
  await runningPod("kube-system", "kube-proxy-zm54z", "node-2", { "k8s-app": "kube-proxy" });
  advanceTo("2026-11-29T19:21:42Z");
  await runningPod("default", "web-6d4cf56db6-52qqx", "node-2", { app: "web" });
  advanceTo("2026-11-29T19:22:02Z");
  const created = await store.create<DaemonSet>({
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "nginx", namespace: "default", labels: { app: "nginx" } },
    spec: {
      selector: { matchLabels: { app: "nginx" } },
      template: {
        metadata: { labels: { app: "nginx" } },
        spec: { containers: [{ name: "nginx", image: "nginx:1.25", ports: [{ containerPort: 80 }] }] },
      },
    },
  });
  const template = created.spec?.template;
  const updated = await store.update({
    ...created,
    spec: {
      ...created.spec,
      template: {
        ...template,
        spec: {
          ...template?.spec,
          containers: [{ name: "nginx", image: "nginx:1.26", ports: [{ containerPort: 80 }] }],
        },
      },
    },
  });
  await store.updateStatus({
    ...updated,
    status: {
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
      numberReady: 2,
      numberMisscheduled: 0,
    },
  });
  const uid = updated.metadata?.uid ?? "";
  const event = async (sequence: number, reason: string, message: string, time: string): Promise<void> => {
    await store.create({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: `nginx.25839c4f2ffdede${sequence}`, namespace: "default" },
      involvedObject: { kind: "DaemonSet", namespace: "default", name: "nginx", uid, apiVersion: "apps/v1" },
      reason,
      message,
      source: { component: "daemonset-controller" },
      firstTimestamp: time,
      lastTimestamp: time,
      count: 1,
      type: "Normal",
    });
  };
  await event(1, "SuccessfulCreate", "Created pod: nginx-9phxs", "2026-11-29T19:22:02Z");
  await event(2, "SuccessfulCreate", "Created pod: nginx-h9skk", "2026-11-29T19:22:02Z");
  advanceTo("2026-11-29T19:22:05Z");
  await event(3, "SuccessfulDelete", "Deleted pod: nginx-9phxs", "2026-11-29T19:22:05Z");
  await event(4, "SuccessfulDelete", "Deleted pod: nginx-h9skk", "2026-11-29T19:22:05Z");
  await event(5, "SuccessfulCreate", "Created pod: nginx-sbf8c", "2026-11-29T19:22:05Z");
  await event(6, "SuccessfulCreate", "Created pod: nginx-47d6k", "2026-11-29T19:22:05Z");
  await runningPod("default", "nginx-sbf8c", "node-2", { app: "nginx" }, updated);
  await runningPod("default", "nginx-47d6k", "node-3", { app: "nginx" }, updated);
  return { client: store, daemonSetUid: uid };
}

const recordedDescribeDaemonSet = `Name:           nginx
Selector:       app=nginx
Node-Selector:  <none>
Labels:         app=nginx
Annotations:    deprecated.daemonset.template.generation: 2
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
  Type    Reason            Age   From                  Message
  ----    ------            ----  ----                  -------
  Normal  SuccessfulCreate  5s    daemonset-controller  Created pod: nginx-9phxs
  Normal  SuccessfulCreate  5s    daemonset-controller  Created pod: nginx-h9skk
  Normal  SuccessfulDelete  2s    daemonset-controller  Deleted pod: nginx-9phxs
  Normal  SuccessfulDelete  2s    daemonset-controller  Deleted pod: nginx-h9skk
  Normal  SuccessfulCreate  2s    daemonset-controller  Created pod: nginx-sbf8c
  Normal  SuccessfulCreate  2s    daemonset-controller  Created pod: nginx-47d6k
`;

const recordedDescribeNode2 = `Name:               node-2
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=node-2
                    kubernetes.io/os=linux
Annotations:        node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Thu, 26 Nov 2026 19:21:27 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  node-2
  AcquireTime:     <unset>
  RenewTime:       Sun, 29 Nov 2026 19:21:27 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Sun, 29 Nov 2026 19:21:27 +0000   Thu, 26 Nov 2026 19:21:27 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Sun, 29 Nov 2026 19:21:27 +0000   Thu, 26 Nov 2026 19:21:27 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Sun, 29 Nov 2026 19:21:27 +0000   Thu, 26 Nov 2026 19:21:27 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Sun, 29 Nov 2026 19:21:27 +0000   Thu, 26 Nov 2026 19:21:27 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    node-2
Capacity:
  cpu:                4
  ephemeral-storage:  100000Mi
  hugepages-2Mi:      0
  memory:             8148440Ki
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  100000Mi
  hugepages-2Mi:      0
  memory:             8148440Ki
  pods:               110
System Info:
  Machine ID:                 d3b931b983ae3ff46971664eeb02b0b5
  System UUID:                be9cfb95-3bdb-4ef4-944f-f748fde6725e
  Boot ID:                    076fcbb3-b0ee-4aed-92f7-3a35d1c225f1
  Kernel Version:             6.8.0-stub
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.4
  Kube-Proxy Version:         v1.32.4
PodCIDR:                      10.244.2.0/24
PodCIDRs:                     10.244.2.0/24
ProviderID:                   stub://node-2
Non-terminated Pods:          (3 in total)
  Namespace                   Name                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                    ------------  ----------  ---------------  -------------  ---
  default                     nginx-sbf8c             0 (0%)        0 (0%)      0 (0%)           0 (0%)         2s
  default                     web-6d4cf56db6-52qqx    0 (0%)        0 (0%)      0 (0%)           0 (0%)         25s
  kube-system                 kube-proxy-zm54z        0 (0%)        0 (0%)      0 (0%)           0 (0%)         40s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
  hugepages-2Mi      0 (0%)    0 (0%)
Events:              <none>
`;

const recordedDescribeNode1WithoutLease = `Name:               node-1
Roles:              control-plane
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=node-1
                    kubernetes.io/os=linux
                    node-role.kubernetes.io/control-plane=
Annotations:        node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Thu, 26 Nov 2026 19:21:27 +0000
Taints:             node-role.kubernetes.io/control-plane:NoSchedule
Unschedulable:      false
Lease:              Failed to get lease: leases.coordination.k8s.io "node-1" not found
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Sun, 29 Nov 2026 19:21:27 +0000   Thu, 26 Nov 2026 19:21:27 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Sun, 29 Nov 2026 19:21:27 +0000   Thu, 26 Nov 2026 19:21:27 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Sun, 29 Nov 2026 19:21:27 +0000   Thu, 26 Nov 2026 19:21:27 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Sun, 29 Nov 2026 19:21:27 +0000   Thu, 26 Nov 2026 19:21:27 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.2
  Hostname:    node-1
Capacity:
  cpu:                4
  ephemeral-storage:  100000Mi
  hugepages-2Mi:      0
  memory:             8148440Ki
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  100000Mi
  hugepages-2Mi:      0
  memory:             8148440Ki
  pods:               110
System Info:
  Machine ID:                 e6c97e30a7e342f8440f6dcd7ce499ee
  System UUID:                dfe11076-0fad-46a3-962e-a598d18e0baf
  Boot ID:                    072ea081-5a7b-4c14-ba4f-bd4045af35e4
  Kernel Version:             6.8.0-stub
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.4
  Kube-Proxy Version:         v1.32.4
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   stub://node-1
Non-terminated Pods:          (1 in total)
  Namespace                   Name                CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                ------------  ----------  ---------------  -------------  ---
  kube-system                 kube-proxy-c5ltq    0 (0%)        0 (0%)      0 (0%)           0 (0%)         41s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
  hugepages-2Mi      0 (0%)    0 (0%)
Events:              <none>
`;

describe("describe prints what kubectl v1.32 printed for the same objects", async () => {
  // Only the context's `cluster` field needs a cluster; the objects live in a bare store.
  const cluster = await createCluster({ seed: 1, bootstrap: "empty" });
  afterAll(() => cluster.close());
  const session = await recordedSession();

  const cases = [
    {
      name: "describe ds nginx matches transcript 30 (events sorted by lastTimestamp, template after set image)",
      args: ["ds", "nginx"],
      now: "2026-11-29T19:22:07Z",
      client: session.client,
      expected: recordedDescribeDaemonSet,
    },
    {
      name: "describe node node-2 matches transcript 31 (lease, hugepages, three non-terminated pods)",
      args: ["node", "node-2"],
      now: "2026-11-29T19:22:07Z",
      client: session.client,
      expected: recordedDescribeNode2,
    },
    {
      name: "describe node node-1 matches transcript 31b (no lease, control-plane role and taint)",
      args: ["node", "node-1"],
      now: "2026-11-29T19:22:08Z",
      client: session.client,
      expected: recordedDescribeNode1WithoutLease,
    },
  ];

  it.each(cases)("$name", async ({ args, now, client, expected }) => {
    const context = { ...testContext(cluster), client, clock: new VirtualClock(at(now)) };
    const exitCode = await runDescribe(context, args);
    expect(context.io.output.stderr).toBe("");
    expect(context.io.output.stdout).toBe(expected);
    expect(exitCode).toBe(0);
  });

  it("node events recorded under the node's uid and under its name (the kubelet's habit) are both shown", async () => {
    const { client } = await recordedSession();
    const node = await client.get("Node", "node-1");
    const nodeEvent = async (
      name: string,
      uid: string,
      reason: string,
      component: string,
      first: string,
      last: string,
      count: number,
    ) => {
      await client.create({
        apiVersion: "v1",
        kind: "Event",
        metadata: { name, namespace: "default" },
        involvedObject: { kind: "Node", name: "node-1", uid },
        reason,
        message: `${reason} on node-1`,
        source: { component, host: "node-1" },
        firstTimestamp: first,
        lastTimestamp: last,
        count,
        type: "Normal",
      });
    };
    await nodeEvent(
      "node-1.a",
      node.metadata?.uid ?? "",
      "RegisteredNode",
      "node-controller",
      "2026-11-26T19:21:30Z",
      "2026-11-26T19:21:30Z",
      1,
    );
    await nodeEvent(
      "node-1.b",
      "node-1",
      "NodeReady",
      "kubelet",
      "2026-11-29T19:17:08Z",
      "2026-11-29T19:20:08Z",
      3,
    );
    const context = { ...testContext(cluster), client, clock: new VirtualClock(at("2026-11-29T19:22:08Z")) };
    const exitCode = await runDescribe(context, ["node", "node-1"]);
    const events =
      "Events:\n" +
      "  Type    Reason          Age              From             Message\n" +
      "  ----    ------          ----             ----             -------\n" +
      "  Normal  RegisteredNode  3d               node-controller  RegisteredNode on node-1\n" +
      "  Normal  NodeReady       2m (x3 over 5m)  kubelet          NodeReady on node-1\n";
    expect(context.io.output).toEqual({
      stdout: recordedDescribeNode1WithoutLease.replace("Events:              <none>\n", events),
      stderr: "",
    });
    expect(exitCode).toBe(0);
  });

  it("describe ds nope matches transcript 70c: NotFound on stderr, exit 1", async () => {
    const context = {
      ...testContext(cluster),
      client: session.client,
      clock: new VirtualClock(at("2026-11-29T19:22:07Z")),
    };
    const exitCode = await runDescribe(context, ["ds", "nope"]);
    expect(context.io.output).toEqual({
      stdout: "",
      stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    });
    expect(exitCode).toBe(1);
  });
});

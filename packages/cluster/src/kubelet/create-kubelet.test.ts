import type { ApiClient, KubeObject, Node, Pod } from "@kubesim/core";
import { StatusError, VirtualClock } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import { createKubelet, type Kubelet } from "./create-kubelet.js";

const start = Date.parse("2026-11-29T00:00:00Z");

async function settle(kubelet: Kubelet): Promise<void> {
  for (let round = 0; round < 10; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    await kubelet.flush();
  }
}

function pod(name: string, extra: Partial<Pod["spec"]> = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default" },
    spec: { nodeName: "node-1", containers: [{ name: "web", image: "nginx:1.25" }], ...extra },
  };
}

async function setup(options: { staticPods?: Pod[]; node?: Partial<Node>; shutdownLatencyMs?: number } = {}) {
  const clock = new VirtualClock(start);
  const client = createMemoryStore({ clock, seed: 7 });
  await client.create<Node>({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node-1" },
    ...options.node,
  });
  const kubelet = createKubelet({
    client,
    clock,
    nodeName: "node-1",
    nodeIndex: 1,
    ...(options.staticPods === undefined ? {} : { staticPods: options.staticPods }),
    ...(options.shutdownLatencyMs === undefined ? {} : { shutdownLatencyMs: options.shutdownLatencyMs }),
  });
  await kubelet.start();
  await settle(kubelet);
  const advance = async (ms: number) => {
    clock.advance(ms);
    await settle(kubelet);
  };
  return { clock, client, kubelet, advance };
}

function summary(value: Pod) {
  return {
    phase: value.status?.phase,
    podIP: value.status?.podIP,
    hostIP: value.status?.hostIP,
    states: value.status?.containerStatuses?.map((status) => ({
      ready: status.ready,
      state: Object.keys(status.state ?? {})[0],
      reason: status.state?.waiting?.reason,
    })),
    conditions: value.status?.conditions?.map((condition) => `${condition.type}=${condition.status}`),
  };
}

describe("createKubelet pods", () => {
  it("moves a bound pod to ContainerCreating, then to Running and Ready after the latency", async () => {
    const { client, kubelet, advance } = await setup();
    await client.create(pod("web"));
    await settle(kubelet);
    const creating = await client.get("Pod", "web", { namespace: "default" });
    expect(summary(creating)).toEqual({
      phase: "Pending",
      podIP: undefined,
      hostIP: "172.18.0.3",
      states: [{ ready: false, state: "waiting", reason: "ContainerCreating" }],
      conditions: [
        "PodReadyToStartContainers=False",
        "Initialized=True",
        "Ready=False",
        "ContainersReady=False",
        "PodScheduled=True",
      ],
    });
    await advance(1999);
    expect((await client.get("Pod", "web", { namespace: "default" })).status?.phase).toBe("Pending");
    await advance(1);
    const running = await client.get("Pod", "web", { namespace: "default" });
    expect(summary(running)).toEqual({
      phase: "Running",
      podIP: "10.244.1.2",
      hostIP: "172.18.0.3",
      states: [{ ready: true, state: "running", reason: undefined }],
      conditions: [
        "PodReadyToStartContainers=True",
        "Initialized=True",
        "Ready=True",
        "ContainersReady=True",
        "PodScheduled=True",
      ],
    });
    expect(running.status?.startTime).toBe("2026-11-29T00:00:00Z");
    expect(running.status?.containerStatuses?.[0]?.image).toBe("docker.io/library/nginx:1.25");
    kubelet.stop();
  });

  it.each([
    {
      name: "Three pods get increasing IPs in creation order.",
      count: 3,
      expected: ["10.244.1.2", "10.244.1.3", "10.244.1.4"],
    },
    { name: "One pod gets the first host address of the podCIDR.", count: 1, expected: ["10.244.1.2"] },
  ])("$name", async ({ count, expected }) => {
    const { client, kubelet, advance } = await setup();
    for (let index = 0; index < count; index++) await client.create(pod(`web-${index}`));
    await settle(kubelet);
    await advance(2000);
    const ips: (string | undefined)[] = [];
    for (let index = 0; index < count; index++) {
      ips.push((await client.get("Pod", `web-${index}`, { namespace: "default" })).status?.podIP);
    }
    expect(ips).toEqual(expected);
    kubelet.stop();
  });

  it.each([
    {
      name: "A host-network pod gets the node's InternalIP and the next pod still gets the first podCIDR address.",
      hostNetwork: [true, false],
      expected: [
        { podIP: "172.18.0.3", podIPs: [{ ip: "172.18.0.3" }] },
        { podIP: "10.244.1.2", podIPs: [{ ip: "10.244.1.2" }] },
      ],
    },
    {
      name: "Two host-network pods both get the node's InternalIP.",
      hostNetwork: [true, true],
      expected: [
        { podIP: "172.18.0.3", podIPs: [{ ip: "172.18.0.3" }] },
        { podIP: "172.18.0.3", podIPs: [{ ip: "172.18.0.3" }] },
      ],
    },
  ])("$name", async ({ hostNetwork, expected }) => {
    const { client, kubelet, advance } = await setup();
    for (const [index, host] of hostNetwork.entries()) {
      await client.create(pod(`web-${index}`, host ? { hostNetwork: true } : {}));
    }
    await settle(kubelet);
    await advance(2000);
    const ips: { podIP: string | undefined; podIPs: unknown }[] = [];
    for (let index = 0; index < hostNetwork.length; index++) {
      const status = (await client.get("Pod", `web-${index}`, { namespace: "default" })).status;
      ips.push({ podIP: status?.podIP, podIPs: status?.podIPs });
    }
    expect(ips).toEqual(expected);
    kubelet.stop();
  });

  it("keeps a pod's last status while the node is not ready and resumes once ready", async () => {
    const { client, kubelet, advance } = await setup();
    await client.create(pod("web"));
    await settle(kubelet);
    kubelet.setReady(false);
    await settle(kubelet);
    await advance(10_000);
    expect((await client.get("Pod", "web", { namespace: "default" })).status?.phase).toBe("Pending");
    const node = await client.get("Node", "node-1");
    const readyCondition = node.status?.conditions?.find((condition) => condition.type === "Ready");
    expect([readyCondition?.status, readyCondition?.reason]).toEqual(["False", "KubeletNotReady"]);
    kubelet.setReady(true);
    await settle(kubelet);
    await advance(2000);
    expect((await client.get("Pod", "web", { namespace: "default" })).status?.phase).toBe("Running");
    kubelet.stop();
  });

  it.each([
    {
      name: "A 30 second grace period removes the pod after 30 seconds.",
      grace: 30,
      before: 29_999,
      after: 1,
    },
    { name: "A 5 second grace period removes the pod after 5 seconds.", grace: 5, before: 4_999, after: 1 },
    {
      name: "Containers that exit 100 ms after SIGTERM remove the pod after 100 ms, whatever the grace period.",
      grace: 30,
      shutdownLatencyMs: 100,
      before: 99,
      after: 1,
    },
    {
      name: "A grace period shorter than the containers' exit time still ends the pod on time.",
      grace: 1,
      shutdownLatencyMs: 5_000,
      before: 999,
      after: 1,
    },
  ])("$name", async ({ grace, before, after, shutdownLatencyMs }) => {
    const { client, kubelet, advance } = await setup(
      shutdownLatencyMs === undefined ? {} : { shutdownLatencyMs },
    );
    await client.create(pod("web", { terminationGracePeriodSeconds: grace }));
    await settle(kubelet);
    await advance(2000);
    await client.delete("Pod", "web", { namespace: "default" });
    await settle(kubelet);
    await advance(before);
    const terminating = await client.get("Pod", "web", { namespace: "default" });
    expect(terminating.metadata?.deletionTimestamp).toBeDefined();
    await advance(after);
    const gone = await client
      .get("Pod", "web", { namespace: "default" })
      .catch((error: Error) => error.message);
    expect(gone).toBe('pods "web" not found');
    kubelet.stop();
  });
});

describe("createKubelet node status", () => {
  it("posts Ready, defaults, addresses, nodeInfo and a podCIDR", async () => {
    const { client, kubelet } = await setup();
    const node = await client.get("Node", "node-1");
    expect(node.spec?.podCIDR).toBe("10.244.1.0/24");
    expect(node.spec?.podCIDRs).toEqual(["10.244.1.0/24"]);
    expect(node.status?.capacity).toEqual({ cpu: "2", memory: "4Gi", pods: "110" });
    expect(node.status?.allocatable).toEqual({ cpu: "2", memory: "4Gi", pods: "110" });
    expect(node.status?.addresses).toEqual([
      { type: "InternalIP", address: "172.18.0.3" },
      { type: "Hostname", address: "node-1" },
    ]);
    const ready = node.status?.conditions?.find((condition) => condition.type === "Ready");
    expect(ready).toEqual({
      type: "Ready",
      status: "True",
      reason: "KubeletReady",
      message: "kubelet is posting ready status",
      lastHeartbeatTime: "2026-11-29T00:00:00Z",
      lastTransitionTime: "2026-11-29T00:00:00Z",
    });
    const info = node.status?.nodeInfo;
    expect([
      info?.kubeletVersion,
      info?.architecture,
      info?.operatingSystem,
      info?.containerRuntimeVersion,
    ]).toEqual(["v1.32.2", "amd64", "linux", "containerd://1.7.24"]);
    kubelet.stop();
  });

  it("keeps capacity the node declares", async () => {
    const { client, kubelet } = await setup({ node: { status: { capacity: { cpu: "8", memory: "32Gi" } } } });
    const node = await client.get("Node", "node-1");
    expect(node.status?.capacity).toEqual({ cpu: "8", memory: "32Gi", pods: "110" });
    kubelet.stop();
  });
});

const etcd: Pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "etcd", namespace: "kube-system", labels: { component: "etcd" } },
  spec: { containers: [{ name: "etcd", image: "registry.k8s.io/etcd:3.5.16-0" }] },
};

describe("createKubelet static pods", () => {
  it("creates a mirror pod with the config annotations, toleration and Node owner, then runs it", async () => {
    const { client, kubelet, advance } = await setup({ staticPods: [etcd] });
    const node = await client.get("Node", "node-1");
    const mirror = await client.get("Pod", "etcd-node-1", { namespace: "kube-system" });
    const annotations = mirror.metadata?.annotations ?? {};
    const hash = annotations["kubernetes.io/config.hash"];
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(annotations).toEqual({
      "kubernetes.io/config.hash": hash,
      "kubernetes.io/config.mirror": hash,
      "kubernetes.io/config.seen": "2026-11-29T00:00:00Z",
      "kubernetes.io/config.source": "file",
    });
    expect(mirror.metadata?.ownerReferences).toEqual([
      { apiVersion: "v1", kind: "Node", name: "node-1", uid: node.metadata?.uid, controller: true },
    ]);
    expect(mirror.spec?.nodeName).toBe("node-1");
    expect(mirror.spec?.tolerations).toContainEqual({ operator: "Exists", effect: "NoExecute" });
    await advance(2000);
    expect((await client.get("Pod", "etcd-node-1", { namespace: "kube-system" })).status?.phase).toBe(
      "Running",
    );
    kubelet.stop();
  });

  it.each([
    { name: "A mirror pod deleted with grace 0 is recreated at once, still running.", grace: 0 },
    { name: "A mirror pod deleted gracefully is deleted at once and recreated, still running.", grace: 30 },
  ])("$name", async ({ grace }) => {
    const { client, kubelet, advance } = await setup({ staticPods: [etcd] });
    await advance(2000);
    const before = await client.get("Pod", "etcd-node-1", { namespace: "kube-system" });
    await client.delete("Pod", "etcd-node-1", { namespace: "kube-system", gracePeriodSeconds: grace });
    await settle(kubelet);
    const after = await client.get("Pod", "etcd-node-1", { namespace: "kube-system" });
    expect(after.metadata?.uid).not.toBe(before.metadata?.uid);
    expect(after.metadata?.deletionTimestamp).toBeUndefined();
    expect(after.metadata?.annotations?.["kubernetes.io/config.mirror"]).toBe(
      before.metadata?.annotations?.["kubernetes.io/config.mirror"],
    );
    expect([after.status?.phase, after.status?.podIP]).toEqual(["Running", before.status?.podIP]);
    kubelet.stop();
  });

  it("replaces the mirror pod when the manifest changes, with a new hash and a fresh start", async () => {
    const { client, kubelet, advance } = await setup({ staticPods: [etcd] });
    await advance(2000);
    const before = await client.get("Pod", "etcd-node-1", { namespace: "kube-system" });
    const edited: Pod = {
      ...etcd,
      spec: { containers: [{ name: "etcd", image: "registry.k8s.io/etcd:3.5.17-0" }] },
    };
    kubelet.setStaticPods([edited]);
    await settle(kubelet);
    const after = await client.get("Pod", "etcd-node-1", { namespace: "kube-system" });
    expect(after.metadata?.annotations?.["kubernetes.io/config.hash"]).not.toBe(
      before.metadata?.annotations?.["kubernetes.io/config.hash"],
    );
    expect(after.status?.phase).toBe("Pending");
    kubelet.stop();
  });

  it.each([
    {
      name: "A manifest without a name is rejected.",
      manifest: { kind: "Pod", metadata: {} },
      message: "static pod manifest must have metadata.name",
    },
    {
      name: "A manifest of another kind is rejected.",
      manifest: { kind: "Service", metadata: { name: "x" } },
      message: 'static pod manifest must be of kind Pod, got "Service"',
    },
  ])("$name", async ({ manifest, message }) => {
    const { kubelet } = await setup();
    expect(() => kubelet.setStaticPods([manifest as Pod])).toThrow(message);
    kubelet.stop();
  });

  it("removes the mirror pod when its manifest goes away", async () => {
    const { client, kubelet } = await setup({ staticPods: [etcd] });
    kubelet.setStaticPods([]);
    await settle(kubelet);
    const gone = await client
      .get("Pod", "etcd-node-1", { namespace: "kube-system" })
      .catch((error: Error) => error.message);
    expect(gone).toBe('pods "etcd-node-1" not found');
    kubelet.stop();
  });
});

describe("createKubelet node status on start", () => {
  // A client whose first `interferences` Node status writes each lose a race: another writer
  // updates the Node just before, so the store answers Conflict.
  function racingClient(interferences: number) {
    const clock = new VirtualClock(start);
    const store = createMemoryStore({ clock, seed: 7 });
    let remaining = interferences;
    let statusWrites = 0;
    const client = new Proxy(store, {
      get(target, property) {
        if (property === "updateStatus") {
          return async <T extends KubeObject>(object: T): Promise<T> => {
            statusWrites++;
            if (object.kind === "Node" && remaining > 0) {
              remaining--;
              const latest = await target.get("Node", object.metadata?.name ?? "");
              const labels = { ...latest.metadata?.labels, race: String(remaining) };
              await target.update<Node>({ ...latest, metadata: { ...latest.metadata, labels } });
            }
            return target.updateStatus(object);
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as ApiClient;
    return { clock, store, client, statusWrites: () => statusWrites };
  }

  it.each([
    { name: "One lost race is retried and the status is written.", interferences: 1, writes: 2 },
    { name: "Four lost races are retried and the fifth write succeeds.", interferences: 4, writes: 5 },
  ])("$name", async ({ interferences, writes }) => {
    const { clock, store, client, statusWrites } = racingClient(interferences);
    await store.create<Node>({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1" } });
    const kubelet = createKubelet({ client, clock, nodeName: "node-1", nodeIndex: 1 });
    await kubelet.start();
    const node = await store.get("Node", "node-1");
    const readyCondition = node.status?.conditions?.find((condition) => condition.type === "Ready");
    expect({
      writes: statusWrites(),
      podCIDR: node.spec?.podCIDR,
      ready: readyCondition?.status,
      race: node.metadata?.labels?.["race"],
    }).toEqual({ writes, podCIDR: "10.244.1.0/24", ready: "True", race: "0" });
    kubelet.stop();
  });

  it("Five lost races in a row reject start with the Conflict.", async () => {
    const { clock, store, client, statusWrites } = racingClient(5);
    await store.create<Node>({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1" } });
    const kubelet = createKubelet({ client, clock, nodeName: "node-1", nodeIndex: 1 });
    const failure = await kubelet.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure instanceof StatusError ? failure.status.reason : failure).toBe("Conflict");
    expect(statusWrites()).toBe(5);
    kubelet.stop();
  });
});

describe("createKubelet onBusy", () => {
  it("is called when work is queued on an idle kubelet, not for work queued while busy", async () => {
    const clock = new VirtualClock(start);
    const client = createMemoryStore({ clock, seed: 7 });
    await client.create<Node>({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1" } });
    const calls: boolean[] = [];
    const kubelet: Kubelet = createKubelet({
      client,
      clock,
      nodeName: "node-1",
      nodeIndex: 1,
      onBusy: () => calls.push(kubelet.idle()),
    });
    await kubelet.start();
    await settle(kubelet);
    expect(calls).toEqual([]);
    await client.create(pod("web-1"));
    await client.create(pod("web-2"));
    await settle(kubelet);
    // Both pods' first status writes queue work; the kubelet was idle only before the first.
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.every((wasIdle) => wasIdle)).toBe(true);
    expect(kubelet.idle()).toBe(true);
    const before = calls.length;
    clock.advance(2000);
    await settle(kubelet);
    expect(calls.length).toBe(before + 1);
    kubelet.stop();
  });
});

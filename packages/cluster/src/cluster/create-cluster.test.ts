import { printTable } from "@kubesim/core";
import { createDaemonSetController } from "@kubesim/daemonset";
import { createScheduler } from "@kubesim/scheduler";
import { describe, expect, it } from "vitest";
import { createGarbageCollector } from "../garbage-collector/index.js";
import { createNodeLifecycleController } from "../node-lifecycle/index.js";
import { createPodGarbageCollector } from "../pod-gc/index.js";
import { type Cluster, createCluster } from "./create-cluster.js";

const nginxDaemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
`;

async function daemonSetCounts(cluster: Cluster, namespace: string, name: string): Promise<unknown[]> {
  const daemonSet = await cluster.client.get("DaemonSet", name, { namespace });
  const table = printTable("DaemonSet", [daemonSet], { now: new Date(cluster.clock.now()) });
  // NAME, DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE
  return table.rows[0]?.cells.slice(0, 6) ?? [];
}

async function nginxPods(cluster: Cluster): Promise<Array<{ name: string; node: string; phase: string }>> {
  const pods = await cluster.client.list("Pod", { namespace: "default", labelSelector: "app=nginx" });
  return pods.items
    .map((pod) => ({
      name: pod.metadata?.name ?? "",
      node: pod.spec?.nodeName ?? "",
      phase: pod.status?.phase ?? "",
    }))
    .sort((left, right) => left.node.localeCompare(right.node));
}

describe.each([{ scheduling: "scheduler" as const }, { scheduling: "legacy" as const }])(
  "the seed story with daemonSetScheduling $scheduling",
  ({ scheduling }) => {
    it("runs nginx on the two workers, follows an added node and a deleted node", async () => {
      const cluster = await createCluster({ seed: 1, nodes: 2, daemonSetScheduling: scheduling });
      try {
        const applied = await cluster.apply(nginxDaemonSet);
        expect(applied.map((entry) => `${entry.kind}/${entry.name} ${entry.action}`)).toEqual([
          "DaemonSet/nginx created",
        ]);
        await cluster.settle();
        expect(await daemonSetCounts(cluster, "default", "nginx")).toEqual(["nginx", 2, 2, 2, 2, 2]);
        expect((await nginxPods(cluster)).map((pod) => `${pod.node} ${pod.phase}`)).toEqual([
          "node-1 Running",
          "node-2 Running",
        ]);

        await cluster.addNode("node-3");
        await cluster.settle();
        expect(await daemonSetCounts(cluster, "default", "nginx")).toEqual(["nginx", 3, 3, 3, 3, 3]);
        expect((await nginxPods(cluster)).map((pod) => `${pod.node} ${pod.phase}`)).toEqual([
          "node-1 Running",
          "node-2 Running",
          "node-3 Running",
        ]);

        await cluster.deleteNode("node-3");
        await cluster.settle();
        expect((await nginxPods(cluster)).map((pod) => pod.node)).toEqual(["node-1", "node-2"]);
        expect(await daemonSetCounts(cluster, "default", "nginx")).toEqual(["nginx", 2, 2, 2, 2, 2]);
      } finally {
        cluster.close();
      }
    });
  },
);

describe("createCluster with the kubeadm bootstrap", () => {
  it("shows kubeadm's DaemonSets and the control-plane mirror pods", async () => {
    const cluster = await createCluster({ seed: 1 });
    try {
      expect(await daemonSetCounts(cluster, "kube-system", "kube-proxy")).toEqual([
        "kube-proxy",
        3,
        3,
        3,
        3,
        3,
      ]);
      expect(await daemonSetCounts(cluster, "kube-flannel", "kube-flannel-ds")).toEqual([
        "kube-flannel-ds",
        3,
        3,
        3,
        3,
        3,
      ]);
      expect(await daemonSetCounts(cluster, "kube-system", "kube-keepalived-vip")).toEqual([
        "kube-keepalived-vip",
        0,
        0,
        0,
        0,
        0,
      ]);
      const pods = await cluster.client.list("Pod", {
        namespace: "kube-system",
        labelSelector: "tier=control-plane",
      });
      expect(pods.items.map((pod) => `${pod.metadata?.name} ${pod.status?.phase}`).sort()).toEqual([
        "etcd-control-plane Running",
        "kube-apiserver-control-plane Running",
        "kube-controller-manager-control-plane Running",
        "kube-scheduler-control-plane Running",
      ]);
      const nodes = await cluster.client.list("Node");
      expect(
        nodes.items.map((node) => (node.spec?.taints ?? []).map((taint) => `${taint.key}:${taint.effect}`)),
      ).toEqual([["node-role.kubernetes.io/control-plane:NoSchedule"], [], []]);
    } finally {
      cluster.close();
    }
  });
});

describe("determinism", () => {
  it("gives identical pod names, placements and events for the same seed", async () => {
    async function run(): Promise<{ pods: unknown; events: unknown }> {
      const cluster = await createCluster({ seed: 7, nodes: 3 });
      try {
        await cluster.apply(nginxDaemonSet);
        await cluster.settle();
        await cluster.addNode("node-4");
        await cluster.settle();
        await cluster.deleteNode("node-2");
        await cluster.settle();
        const events = (await cluster.events()).map((event) => [
          event.involvedObject.kind,
          event.involvedObject.name,
          event.reason,
          event.message,
          event.count,
        ]);
        return { pods: await nginxPods(cluster), events };
      } finally {
        cluster.close();
      }
    }
    const first = await run();
    const second = await run();
    expect((first.pods as unknown[]).length).toBe(3);
    expect(second).toEqual(first);
  });
});

describe("cluster.apply", () => {
  it("updates a live object with the applied labels merged and reports unchanged re-applies", async () => {
    const cluster = await createCluster({ seed: 1, bootstrap: "empty" });
    try {
      await cluster.apply({
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: "team", labels: { a: "1" } },
      });
      const second = await cluster.apply([
        { apiVersion: "v1", kind: "Namespace", metadata: { name: "team", labels: { b: "2" } } },
      ]);
      expect(second.map((entry) => entry.action)).toEqual(["configured"]);
      const namespace = await cluster.client.get("Namespace", "team");
      expect(namespace.metadata?.labels).toEqual({ a: "1", b: "2", "kubernetes.io/metadata.name": "team" });
      const third = await cluster.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
      expect(third.map((entry) => entry.action)).toEqual(["unchanged"]);
    } finally {
      cluster.close();
    }
  });

  it("rejects an advance on a real clock", async () => {
    const cluster = await createCluster({ seed: 1, bootstrap: "empty", clock: "real" });
    try {
      await expect(cluster.advance("5s")).rejects.toThrow(
        "advance() needs a virtual clock; this cluster runs on real time",
      );
    } finally {
      cluster.close();
    }
  });
});

describe("cluster.advance", () => {
  it("moves the virtual clock by exactly the duration", async () => {
    const cluster = await createCluster({ seed: 1, bootstrap: "empty", startTime: 0 });
    try {
      const before = cluster.clock.now();
      await cluster.advance("1m30s");
      expect(cluster.clock.now() - before).toBe(90_000);
    } finally {
      cluster.close();
    }
  });
});

describe("cluster.explain and cluster.restore", () => {
  it("explains where a pod goes and restores a snapshot into an equal cluster", async () => {
    const cluster = await createCluster({ seed: 3, nodes: 1 });
    try {
      await cluster.apply({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "web" },
        spec: { containers: [{ name: "web", image: "nginx:1.25" }] },
      });
      await cluster.settle();
      const explanation = await cluster.explain("default/web");
      expect(explanation.selected).toBe("node-1");
      const restored = await cluster.restore(cluster.snapshot());
      try {
        const names = async (target: Cluster): Promise<string[]> =>
          (await target.client.list("Pod")).items.map(
            (pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`,
          );
        expect(await names(restored)).toEqual(await names(cluster));
        expect((await restored.client.get("Pod", "web", { namespace: "default" })).status?.phase).toBe(
          "Running",
        );
      } finally {
        restored.close();
      }
    } finally {
      cluster.close();
    }
  });
});

describe("cluster.setNodeReady", () => {
  it("taints a node that stops being Ready and untaints it once Ready again", async () => {
    const cluster = await createCluster({ seed: 1, nodes: 1 });
    try {
      const taintsOf = async (): Promise<string[]> =>
        ((await cluster.client.get("Node", "node-1")).spec?.taints ?? []).map(
          (taint) => `${taint.key}:${taint.effect}`,
        );
      cluster.setNodeReady("node-1", false);
      await cluster.settle();
      expect(await taintsOf()).toEqual([
        "node.kubernetes.io/not-ready:NoSchedule",
        "node.kubernetes.io/not-ready:NoExecute",
      ]);
      cluster.setNodeReady("node-1", true);
      await cluster.settle();
      expect(await taintsOf()).toEqual([]);
      expect(() => cluster.setNodeReady("node-9", true)).toThrow('no kubelet runs on node "node-9"');
    } finally {
      cluster.close();
    }
  });
});

describe("deleting a DaemonSet", () => {
  it("removes its pods through the garbage collector", async () => {
    const cluster = await createCluster({ seed: 2, nodes: 2 });
    try {
      await cluster.apply(nginxDaemonSet);
      await cluster.settle();
      expect((await nginxPods(cluster)).length).toBe(2);
      await cluster.client.delete("DaemonSet", "nginx", { namespace: "default" });
      await cluster.settle();
      expect(await nginxPods(cluster)).toEqual([]);
    } finally {
      cluster.close();
    }
  });
});

describe("cluster.addNode", () => {
  it("registers the labels, taints and capacity given and runs the DaemonSets that select it", async () => {
    const cluster = await createCluster({ seed: 1, nodes: 0 });
    try {
      await cluster.addNode("edge", {
        labels: { "keepalived-vip": "true" },
        taints: [{ key: "dedicated", value: "edge", effect: "PreferNoSchedule" }],
        capacity: { cpu: "4", memory: "8Gi", pods: "50" },
      });
      await cluster.settle();
      const node = await cluster.client.get("Node", "edge");
      expect(node.metadata?.labels).toEqual({
        "keepalived-vip": "true",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": "edge",
        "kubernetes.io/os": "linux",
      });
      expect((node.spec?.taints ?? []).map((taint) => `${taint.key}=${taint.value}:${taint.effect}`)).toEqual(
        ["dedicated=edge:PreferNoSchedule"],
      );
      expect(node.status?.capacity?.cpu).toBe("4");
      expect(await daemonSetCounts(cluster, "kube-system", "kube-keepalived-vip")).toEqual([
        "kube-keepalived-vip",
        1,
        1,
        1,
        1,
        1,
      ]);
      await expect(cluster.addNode("edge")).rejects.toThrow('node "edge" already has a kubelet');
    } finally {
      cluster.close();
    }
  });
});

describe("cluster.kubeletSettings and the kubelets option", () => {
  const readyStatus = async (target: Cluster, name: string) =>
    (await target.client.get("Node", name)).status?.conditions?.find(
      (condition) => condition.type === "Ready",
    )?.status;

  it("reports every kubelet's static pods and readiness, and a cluster started from them in a fresh process keeps both", async () => {
    const cluster = await createCluster({ seed: 1, nodes: 2 });
    try {
      cluster.setNodeReady("node-2", false);
      await cluster.advance("1m");
      const settings = cluster.kubeletSettings();
      expect(
        Object.entries(settings).map(([name, value]) => [name, value.ready, value.staticPods.length]),
      ).toEqual([
        ["control-plane", true, 4],
        ["node-1", true, 0],
        ["node-2", false, 0],
      ]);
      // As another process would: from JSON, through createCluster rather than cluster.restore.
      const saved = JSON.parse(JSON.stringify({ snapshot: cluster.snapshot(), kubelets: settings }));
      const restored = await createCluster({
        seed: 1,
        snapshot: saved.snapshot,
        kubelets: saved.kubelets,
        startTime: cluster.clock.now(),
      });
      try {
        expect(await readyStatus(cluster, "node-2")).not.toBe("True");
        expect(await readyStatus(restored, "node-2")).toBe(await readyStatus(cluster, "node-2"));
        expect(restored.kubeletSettings()).toEqual(settings);
        const mirrors = (await restored.client.list("Pod", { namespace: "kube-system" })).items
          .map((pod) => pod.metadata?.name ?? "")
          .filter((name) => name.endsWith("-control-plane"));
        expect(mirrors).toHaveLength(4);
      } finally {
        restored.close();
      }
    } finally {
      cluster.close();
    }
  });
});

describe("restoring a cluster keeps each node's addresses", () => {
  it("gives every restored node the InternalIP and podCIDR it had, and a node added afterwards new ones", async () => {
    const addresses = async (target: Cluster) =>
      (await target.client.list("Node")).items.map((node) => [
        node.metadata?.name,
        node.status?.addresses?.find((address) => address.type === "InternalIP")?.address,
        node.spec?.podCIDR,
      ]);
    const cluster = await createCluster({ seed: 1, nodes: 2 });
    try {
      // "edge-1" sorts before the others: a restore that numbered nodes in list order would shift them.
      await cluster.addNode("edge-1");
      await cluster.settle();
      const before = await addresses(cluster);
      const restored = await createCluster({
        seed: 1,
        snapshot: JSON.parse(JSON.stringify(cluster.snapshot())),
        kubelets: cluster.kubeletSettings(),
        startTime: cluster.clock.now(),
      });
      try {
        expect(await addresses(restored)).toEqual(before);
        await restored.addNode("node-9");
        await restored.settle();
        expect((await addresses(restored)).find(([name]) => name === "node-9")).toEqual([
          "node-9",
          "172.18.0.6",
          "10.244.4.0/24",
        ]);
      } finally {
        restored.close();
      }
    } finally {
      cluster.close();
    }
  });
});

describe("the components option", () => {
  interface External {
    start(): Promise<void>;
    stop(): void;
    idle(): boolean;
    flush(): Promise<void>;
  }

  /** What kube-controller-manager runs, started over the cluster's client as another process would. */
  function externalControllers(cluster: Cluster, seed: number): External[] {
    const { client, clock } = cluster;
    const podGarbageCollector = createPodGarbageCollector({ client, clock });
    return [
      createDaemonSetController({ client, clock, seed, scheduling: "scheduler" }),
      createNodeLifecycleController({ client, clock }),
      podGarbageCollector,
      createGarbageCollector({ client, clock }),
    ];
  }

  /** Settles the cluster and the components it does not drive until neither has work left. */
  async function settleWith(cluster: Cluster, externals: readonly External[]): Promise<void> {
    for (let round = 0; round < 100; round++) {
      await Promise.all(externals.map((component) => component.flush()));
      const before = (await cluster.client.list("Namespace")).resourceVersion;
      await cluster.settle();
      await Promise.all(externals.map((component) => component.flush()));
      const after = (await cluster.client.list("Namespace")).resourceVersion;
      if (before === after && externals.every((component) => component.idle())) return;
    }
    throw new Error("the cluster did not settle");
  }

  async function placements(cluster: Cluster): Promise<string[]> {
    return (await cluster.client.list("Pod")).items
      .map(
        (pod) =>
          `${pod.metadata?.namespace}/${pod.metadata?.name} ${pod.spec?.nodeName ?? "<none>"} ${pod.status?.phase}`,
      )
      .sort();
  }

  it("without the scheduler leaves the DaemonSet's pods Pending on no node, and explain says why", async () => {
    const cluster = await createCluster({ seed: 1, nodes: 2, components: { scheduler: false } });
    try {
      await cluster.apply(nginxDaemonSet);
      await cluster.settle();
      expect((await nginxPods(cluster)).map((pod) => `${pod.node || "<none>"} ${pod.phase}`)).toEqual([
        "<none> Pending",
        "<none> Pending",
      ]);
      const [pod] = await nginxPods(cluster);
      await expect(cluster.explain(`default/${pod?.name}`)).rejects.toThrow(
        "explain needs the scheduler, and this cluster runs without one",
      );
    } finally {
      cluster.close();
    }
  });

  it("without the controllers creates no DaemonSet pods and never lifts or adds a node's condition taints", async () => {
    const cluster = await createCluster({ seed: 1, nodes: 1, components: { controllers: false } });
    try {
      await cluster.apply(nginxDaemonSet);
      cluster.setNodeReady("node-1", false);
      await cluster.advance("1m");
      // Only the kubelet-made mirror pods of the control plane exist: no DaemonSet ran.
      expect(await placements(cluster)).toEqual([
        "kube-system/etcd-control-plane control-plane Running",
        "kube-system/kube-apiserver-control-plane control-plane Running",
        "kube-system/kube-controller-manager-control-plane control-plane Running",
        "kube-system/kube-scheduler-control-plane control-plane Running",
      ]);
      // The API server's admission taint stays: only node lifecycle lifts it (or adds NoExecute).
      expect((await cluster.client.get("Node", "node-1")).spec?.taints).toEqual([
        { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" },
      ]);
    } finally {
      cluster.close();
    }
  });

  it("restored with both off, a scheduler and controllers run beside it reach the in-process placements", async () => {
    // As `kubesim serve --no-scheduler --no-controllers` does: a saved cluster, restored.
    const saved = await createCluster({ seed: 5, nodes: 3 });
    const restore = { seed: 5, snapshot: saved.snapshot(), kubelets: saved.kubeletSettings() };
    const startTime = saved.clock.now();
    saved.close();
    const whole = await createCluster({ ...restore, startTime });
    const split = await createCluster({
      ...restore,
      startTime,
      components: { scheduler: false, controllers: false },
    });
    const externals: External[] = [
      createScheduler({ client: split.client, clock: split.clock, seed: 5 }),
      ...externalControllers(split, 5),
    ];
    try {
      for (const component of externals) await component.start();
      await settleWith(split, externals);
      await whole.apply(nginxDaemonSet);
      await whole.settle();
      await split.apply(nginxDaemonSet);
      await settleWith(split, externals);
      const expected = await placements(whole);
      expect(expected.filter((line) => line.startsWith("default/nginx-"))).toHaveLength(3);
      expect(await placements(split)).toEqual(expected);
    } finally {
      for (const component of externals) component.stop();
      whole.close();
      split.close();
    }
  });

  it.each([
    { name: "A scheduler flag that is not a boolean is rejected", components: { scheduler: "no" } },
    { name: "A controllers flag that is not a boolean is rejected", components: { controllers: 0 } },
  ])("$name", async ({ components }) => {
    const key = Object.keys(components)[0];
    const value = Object.values(components)[0];
    await expect(
      createCluster({ components: components as unknown as { scheduler?: boolean } }),
    ).rejects.toThrow(`components.${key} must be a boolean, got ${JSON.stringify(value)}`);
  });
});

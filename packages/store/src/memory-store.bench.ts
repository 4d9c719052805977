import { type Node, type Pod, VirtualClock } from "@kubesim/core";
import { bench, describe } from "vitest";
import { createMemoryStore, type MemoryStore } from "./memory-store/index.js";

// The scale kubesim designs for: 15,000 nodes, two pods on each (30,000 pods).
const nodeCount = 15_000;
const podCount = 30_000;
const appCount = 50;

function node(index: number): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: `node-${index}`,
      labels: {
        "kubernetes.io/hostname": `node-${index}`,
        "kubernetes.io/os": "linux",
        "topology.kubernetes.io/zone": `zone-${index % 3}`,
      },
    },
    status: { allocatable: { cpu: "8", memory: "32Gi", pods: "110" } },
  };
}

function pod(index: number): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `pod-${index}`,
      namespace: "default",
      labels: { app: `app-${index % appCount}`, tier: index % 2 === 0 ? "front" : "back" },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          name: `app-${index % appCount}`,
          uid: `owner-${index % appCount}`,
          controller: true,
        },
      ],
    },
    spec: {
      nodeName: `node-${index % nodeCount}`,
      containers: [
        {
          name: "app",
          image: "registry.example.com/app:1.0",
          ports: [{ containerPort: 8080 }],
          resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
          env: [{ name: "MODE", value: "production" }],
        },
      ],
    },
  };
}

const nodes = Array.from({ length: nodeCount }, (_, index) => node(index));
const pods = Array.from({ length: podCount }, (_, index) => pod(index));

async function populatedStore(): Promise<MemoryStore> {
  const store = createMemoryStore({ clock: new VirtualClock(Date.parse("2026-01-01T00:00:00Z")), seed: 1 });
  for (const item of nodes) await store.create(item);
  for (const item of pods) await store.create(item);
  return store;
}

const store = await populatedStore();

describe("memory store at 15,000 nodes / 30,000 pods", () => {
  bench(
    "create 15,000 nodes and 30,000 pods in a new store",
    async () => {
      await populatedStore();
    },
    { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 },
  );

  bench("list the pods on one node (fieldSelector spec.nodeName, indexed)", async () => {
    await store.list("Pod", { fieldSelector: "spec.nodeName=node-7421" });
  });

  bench("list 600 pods by label app=app-7 (indexed)", async () => {
    await store.list("Pod", { labelSelector: "app=app-7" });
  });

  bench(
    "list 1,200 pods by label app in (app-7,app-8),tier notin (x) (no exact term: scan of 30,000)",
    async () => {
      await store.list("Pod", { labelSelector: "app in (app-7,app-8),tier notin (x)" });
    },
    { time: 2_000 },
  );

  bench(
    "list all 30,000 pods",
    async () => {
      await store.list("Pod");
    },
    { iterations: 5, time: 0 },
  );

  bench(
    "baseline for the fan-out: create 30,000 pods with no watcher",
    async () => {
      const fresh = createMemoryStore({
        clock: new VirtualClock(Date.parse("2026-01-01T00:00:00Z")),
        seed: 1,
      });
      for (const item of pods) await fresh.create(item);
    },
    { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 },
  );

  bench(
    "watch fan-out: create 30,000 pods with 10 watchers open, each reads all 30,000 events",
    async () => {
      const fresh = createMemoryStore({
        clock: new VirtualClock(Date.parse("2026-01-01T00:00:00Z")),
        seed: 1,
      });
      const watches = await Promise.all(
        Array.from({ length: 10 }, () => fresh.watch("Pod", { resourceVersion: fresh.resourceVersion })),
      );
      for (const item of pods) await fresh.create(item);
      for (const watch of watches) {
        const iterator = watch[Symbol.asyncIterator]();
        for (let index = 0; index < podCount; index++) await iterator.next();
        watch.close();
      }
    },
    { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
});

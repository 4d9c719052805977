import { type Node, type Pod, type Toleration, VirtualClock } from "@kubesim/core";
import { createMemoryStore, type MemoryStore } from "@kubesim/store";

/** The instant every test starts at. */
export const testStartTime = Date.parse("2026-11-29T10:00:00Z");

/** A memory store on a virtual clock at {@link testStartTime}. */
export function makeTestStore(): { store: MemoryStore; clock: VirtualClock } {
  const clock = new VirtualClock(testStartTime);
  return { store: createMemoryStore({ clock, seed: 7 }), clock };
}

/** A minimal pod, optionally bound and with tolerations. */
export function makeTestPod(
  name: string,
  extra: { nodeName?: string; namespace?: string; tolerations?: Toleration[] } = {},
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: extra.namespace ?? "default" },
    spec: {
      containers: [{ name: "app", image: "nginx:1.27" }],
      ...(extra.nodeName === undefined ? {} : { nodeName: extra.nodeName }),
      ...(extra.tolerations === undefined ? {} : { tolerations: extra.tolerations }),
    },
  };
}

/** Creates a node and writes its Ready condition (omitted: no conditions at all). */
export async function createTestNode(
  store: MemoryStore,
  name: string,
  ready?: "True" | "False" | "Unknown",
  unschedulable = false,
): Promise<Node> {
  const node = await store.create<Node>({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name },
    spec: unschedulable ? { unschedulable: true } : {},
  });
  if (ready === undefined) return node;
  return store.updateStatus<Node>({ ...node, status: { conditions: [{ type: "Ready", status: ready }] } });
}

/** Rewrites a node's Ready condition. */
export async function setTestNodeReady(
  store: MemoryStore,
  name: string,
  ready: "True" | "False" | "Unknown",
): Promise<void> {
  const node = await store.get("Node", name);
  await store.updateStatus<Node>({
    ...node,
    status: { ...node.status, conditions: [{ type: "Ready", status: ready }] },
  });
}

/** A node's taints as `key:effect` strings. */
export async function taintsOf(store: MemoryStore, name: string): Promise<string[]> {
  const node = await store.get("Node", name);
  return (node.spec?.taints ?? []).map((taint) => `${taint.key}:${taint.effect}`);
}

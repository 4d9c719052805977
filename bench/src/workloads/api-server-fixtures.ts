import { type ApiServerAddress, createApiServer } from "@kubesim/apiserver";
import type { Clock, Node, Pod } from "@kubesim/core";
import type { MemoryStore } from "@kubesim/store";
import { defaultPod, perfNode } from "./templates.js";

/** The name of scheduler_perf's node `index`, as the scheduling workloads name them. */
export function perfNodeName(index: number): string {
  return `scheduler-perf-node-${index}`;
}

/** `count` scheduler_perf nodes, Ready and untainted (no kubelet runs), as the scheduling workloads make them. */
export async function createReadyNodes(store: MemoryStore, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const created: Node = await store.create(perfNode(perfNodeName(index)));
    // Admission adds the not-ready taint to a new Node; a Ready node has it removed.
    await store.update({ ...created, spec: { ...created.spec, taints: [] } });
  }
}

/** `pod-default.yaml` named `pod-<index>`, bound to node `index % nodes` when `nodes > 0`. */
export function numberedPod(index: number, nodes: number): Pod {
  const pod = defaultPod();
  const spec = pod.spec ?? { containers: [] };
  return {
    ...pod,
    metadata: { name: `pod-${index}`, namespace: "default" },
    spec: nodes > 0 ? { ...spec, nodeName: perfNodeName(index % nodes) } : spec,
  };
}

/** A started API server over `store` on 127.0.0.1 (a free port), and how to stop it. */
export interface StartedApiServer extends ApiServerAddress {
  close(): Promise<void>;
}

/** Serves `store` with `@kubesim/apiserver` on 127.0.0.1, port 0. */
export async function startApiServer(store: MemoryStore, clock: Clock): Promise<StartedApiServer> {
  const server = createApiServer({ client: store, clock });
  const address = await server.listen(0, "127.0.0.1");
  return { ...address, close: () => server.close() };
}

/** Resolves after the event loop has run its I/O callbacks once. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

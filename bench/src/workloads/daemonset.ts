import { createCluster } from "@kubesim/cluster";
import type { DaemonSet } from "@kubesim/core";
import { throughputResult, type WorkloadResult } from "../result.js";
import { trackPods } from "./pod-tracker.js";
import { perfNode } from "./templates.js";

/** The DaemonSet every node gets one pod of (a pause container, 100m / 500Mi). */
export function perfDaemonSet(): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "perf-daemon", namespace: "default" },
    spec: {
      selector: { matchLabels: { app: "perf-daemon" } },
      template: {
        metadata: { labels: { app: "perf-daemon" } },
        spec: {
          containers: [
            {
              name: "pause",
              image: "registry.k8s.io/pause:3.10",
              resources: { requests: { cpu: "100m", memory: "500Mi" } },
            },
          ],
        },
      },
    },
  };
}

/**
 * SchedulingDaemonset: a whole simulated cluster (store, scheduler, DaemonSet controller,
 * node lifecycle, a kubelet per node) with `nodes` Ready nodes; measured from creating one
 * DaemonSet to every one of its pods created, scheduled, bound and Running (settled).
 */
export async function runDaemonSetWorkload(
  workload: string,
  nodes: number,
  upstreamPodsPerSecond: number | null,
): Promise<WorkloadResult> {
  const cluster = await createCluster({ bootstrap: "empty", seed: 1 });
  for (let index = 0; index < nodes; index++) {
    const name = `scheduler-perf-node-${index}`;
    const node = perfNode(name);
    await cluster.addNode(node.metadata?.name ?? name, {
      capacity: { cpu: "4", memory: "32Gi", pods: "110" },
    });
  }
  await cluster.settle();
  const tracker = await trackPods(cluster.client);

  const started = performance.now();
  await cluster.apply(perfDaemonSet());
  await cluster.settle();
  const durationMs = performance.now() - started;

  const running = (
    await cluster.client.list("Pod", { namespace: "default", fieldSelector: "status.phase=Running" })
  ).items.length;
  if (running !== nodes) throw new Error(`${workload}: ${running} of ${nodes} DaemonSet pods are Running`);
  const latencies = tracker.latencies();
  tracker.close();
  cluster.close();
  return throughputResult({
    workload,
    nodes,
    pods: nodes,
    durationMs,
    latenciesMs: latencies,
    upstreamPodsPerSecond,
  });
}

import type { Pod } from "@kubesim/core";
import { type WorkloadResult, workloadResult } from "../result.js";
import { peakRssMb } from "../stats.js";

/**
 * Floor: the physical limit beside SchedulingDaemonset — a plain loop that allocates `pods`
 * pod objects shaped like the DaemonSet's, binds each to its node and keeps it in a map;
 * no API, validation, watch or scheduling.
 */
export function runFloorWorkload(workload: string, pods: number): WorkloadResult {
  const stored = new Map<string, Pod>();
  const started = performance.now();
  for (let index = 0; index < pods; index++) {
    const name = `perf-daemon-${index.toString(36)}`;
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: "default", labels: { app: "perf-daemon" } },
      spec: {
        containers: [
          {
            name: "pause",
            image: "registry.k8s.io/pause:3.10",
            resources: { requests: { cpu: "100m", memory: "500Mi" } },
          },
        ],
      },
    };
    stored.set(name, {
      ...pod,
      spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: `scheduler-perf-node-${index}` },
    });
  }
  const durationMs = performance.now() - started;
  if (stored.size !== pods) throw new Error(`${workload}: ${stored.size} of ${pods} pods stored`);
  return workloadResult({
    workload,
    nodes: pods,
    pods,
    podsPerSecond: pods / (durationMs / 1000),
    p50Ms: null,
    p99Ms: null,
    peakRssMb: peakRssMb(),
    upstreamPodsPerSecond: null,
    durationMs,
  });
}

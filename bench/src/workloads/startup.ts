import { createCluster } from "@kubesim/cluster";
import { Bench } from "tinybench";
import { type WorkloadResult, workloadResult } from "../result.js";
import { peakRssMb } from "../stats.js";

/**
 * Start-up: `createCluster()` of a kubeadm cluster (control plane + `workers` nodes, the
 * add-on DaemonSets and static pods) until settled, timed by tinybench over many runs.
 */
export async function runStartupWorkload(
  workload: string,
  workers: number,
  timeMs: number,
): Promise<WorkloadResult> {
  let pods = 0;
  const bench = new Bench({ time: timeMs, iterations: 10, warmupIterations: 3, warmupTime: 0 });
  bench.add(workload, async () => {
    const cluster = await createCluster({ nodes: workers, seed: 1 });
    pods = (await cluster.client.list("Pod")).items.length;
    cluster.close();
  });
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result === undefined || !("latency" in result))
    throw new Error(`${workload}: tinybench gave no statistics`);
  return workloadResult({
    workload,
    nodes: workers + 1,
    pods,
    podsPerSecond: null,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    peakRssMb: peakRssMb(),
    upstreamPodsPerSecond: null,
    durationMs: result.latency.mean,
  });
}

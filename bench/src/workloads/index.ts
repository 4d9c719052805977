import type { WorkloadResult } from "../result.js";
import { runApiServerListWorkload } from "./api-server-list.js";
import { runApiServerWatchWorkload } from "./api-server-watch.js";
import { runCliColdGetWorkload } from "./cli-cold-get.js";
import { runCliServeStartupWorkload } from "./cli-serve-startup.js";
import { runDaemonSetWorkload } from "./daemonset.js";
import { runFloorWorkload } from "./floor.js";
import { runOverHttpSchedulingWorkload } from "./out-of-process-scheduling.js";
import { runSchedulingWorkload } from "./scheduling.js";
import { runStartupWorkload } from "./startup.js";
import {
  defaultPod,
  highPriorityPod,
  lowPriorityPod,
  nodeAffinityPod,
  topologySpreadingPod,
} from "./templates.js";

/** A workload of the report: its name at the chosen size and how to run it. */
export interface WorkloadDefinition {
  readonly workload: string;
  run(): Promise<WorkloadResult> | WorkloadResult;
}

/** `--quick` divides every size by ten (a smoke test); otherwise upstream's sizes. */
export function workloadDefinitions(quick: boolean): WorkloadDefinition[] {
  const size = (count: number): number => (quick ? Math.max(1, Math.round(count / 10)) : count);
  const daemonSet = (nodes: number, upstream: number | null): WorkloadDefinition => {
    const workload = `SchedulingDaemonset/${size(nodes)}Nodes`;
    return { workload, run: () => runDaemonSetWorkload(workload, size(nodes), upstream) };
  };
  const zones = (names: readonly string[]) => (index: number) => ({
    "topology.kubernetes.io/zone": names[index % names.length] ?? "",
  });
  const basicNodes = size(5000);
  const definitions: WorkloadDefinition[] = [
    daemonSet(15_000, 390),
    {
      workload: `Floor/${size(15_000)}Pods`,
      run: () => runFloorWorkload(`Floor/${size(15_000)}Pods`, size(15_000)),
    },
    {
      workload: `SchedulingBasic/${basicNodes}Nodes_${size(10_000)}Pods`,
      run: () =>
        runSchedulingWorkload({
          workload: `SchedulingBasic/${basicNodes}Nodes_${size(10_000)}Pods`,
          nodes: basicNodes,
          initPods: size(1000),
          initPod: defaultPod,
          measuredPods: size(10_000),
          measuredPod: defaultPod,
          upstreamPodsPerSecond: 270,
        }),
    },
    {
      workload: `SchedulingNodeAffinity/${basicNodes}Nodes_${size(10_000)}Pods`,
      run: () =>
        runSchedulingWorkload({
          workload: `SchedulingNodeAffinity/${basicNodes}Nodes_${size(10_000)}Pods`,
          nodes: basicNodes,
          nodeLabels: zones(["zone1"]),
          initPods: size(5000),
          initPod: defaultPod,
          measuredPods: size(10_000),
          measuredPod: nodeAffinityPod,
          upstreamPodsPerSecond: 220,
        }),
    },
    {
      workload: `TopologySpreading/${basicNodes}Nodes_${size(5000)}Pods`,
      run: () =>
        runSchedulingWorkload({
          workload: `TopologySpreading/${basicNodes}Nodes_${size(5000)}Pods`,
          nodes: basicNodes,
          nodeLabels: zones(["moon-1", "moon-2", "moon-3"]),
          initPods: size(5000),
          initPod: defaultPod,
          measuredPods: size(5000),
          measuredPod: topologySpreadingPod,
          upstreamPodsPerSecond: 85,
        }),
    },
    {
      workload: `PreemptionBasic/${size(500)}Nodes`,
      run: () =>
        runSchedulingWorkload({
          workload: `PreemptionBasic/${size(500)}Nodes`,
          nodes: size(500),
          initPods: size(2000),
          initPod: lowPriorityPod,
          measuredPods: size(500),
          measuredPod: highPriorityPod,
          upstreamPodsPerSecond: 18,
        }),
    },
    daemonSet(7500, null),
    daemonSet(30_000, null),
    {
      workload: "Startup/3NodeKubeadmCluster",
      run: () => runStartupWorkload("Startup/3NodeKubeadmCluster", 2, quick ? 200 : 2000),
    },
    {
      workload: "CLI/ColdGetDsAllNamespaces",
      run: () => runCliColdGetWorkload("CLI/ColdGetDsAllNamespaces", quick ? 3 : 20),
    },
    ...apiServerDefinitions(size, quick),
  ];
  return definitions;
}

/** The HTTP workloads: the API server's list and watch, the scheduler over HTTP, `kubesim serve` start-up. */
function apiServerDefinitions(size: (count: number) => number, quick: boolean): WorkloadDefinition[] {
  const list = (rendering: "Table" | "PodList", name: string): WorkloadDefinition => {
    const workload = `APIServer/${name}/${size(15_000)}Pods`;
    return {
      workload,
      run: () =>
        runApiServerListWorkload({
          workload,
          nodes: size(5000),
          pods: size(15_000),
          requests: quick ? 10 : 30,
          warmupRequests: 3,
          rendering,
        }),
    };
  };
  const overHttp = (prefix: string, mode: "process" | "same-process"): WorkloadDefinition => {
    const workload = `${prefix}/SchedulingBasic/${size(500)}Nodes_${size(1000)}Pods`;
    return {
      workload,
      run: () =>
        runOverHttpSchedulingWorkload({
          workload,
          nodes: size(500),
          initPods: size(100),
          measuredPods: size(1000),
          mode,
          timeoutMs: 120_000,
        }),
    };
  };
  const watch = `APIServer/WatchEvents/${size(15_000)}Pods`;
  return [
    list("Table", "ListPodsTable"),
    list("PodList", "ListPodsJson"),
    { workload: watch, run: () => runApiServerWatchWorkload(watch, size(15_000)) },
    overHttp("OutOfProcess", "process"),
    overHttp("SameProcessHttp", "same-process"),
    {
      workload: "CLI/ServeStartup",
      run: () => runCliServeStartupWorkload("CLI/ServeStartup", quick ? 3 : 10),
    },
  ];
}

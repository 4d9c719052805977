import { readFileSync } from "node:fs";
import { printTable, renderTable } from "@kubesim/core";

import { type Cluster, type ClusterOptions, createCluster } from "../cluster/index.js";

/** The two ways the DaemonSet controller can place pods; every scenario runs in both. */
export const schedulingModes = [{ scheduling: "scheduler" as const }, { scheduling: "legacy" as const }];

/** Where a pod runs and in which phase, as a scenario asserts it. */
export interface PodPlacement {
  readonly name: string;
  readonly node: string;
  readonly phase: string;
  readonly image: string;
  /** Whether the pod is being deleted (graceful termination in progress). */
  readonly terminating: boolean;
  readonly uid: string;
}

/** Reads the YAML fixture `__fixtures__/<name>.yaml` (manifests stay YAML, applied as `kubectl apply -f`). */
export function readScenarioFixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}.yaml`, import.meta.url), "utf8");
}

/**
 * Creates a cluster, hands it to `scenario` and always closes it, so a failed assertion
 * never leaves components running.
 */
export async function runScenario<T>(
  options: ClusterOptions,
  scenario: (cluster: Cluster) => Promise<T>,
): Promise<T> {
  const cluster = await createCluster(options);
  try {
    return await scenario(cluster);
  } finally {
    cluster.close();
  }
}

/** Applies a YAML fixture and settles the cluster. */
export async function applyFixture(cluster: Cluster, name: string): Promise<void> {
  await cluster.apply(readScenarioFixture(name));
  await cluster.settle();
}

/** The bytes `kubectl get ds <name> -n <namespace>` prints for the DaemonSet now. */
export async function getDaemonSetTable(
  cluster: Cluster,
  name: string,
  namespace = "default",
): Promise<string> {
  const daemonSet = await cluster.client.get("DaemonSet", name, { namespace });
  return renderTable(printTable("DaemonSet", [daemonSet], { now: new Date(cluster.clock.now()) }));
}

/** The pods matching `labelSelector`, sorted by node then name. */
export async function podPlacements(
  cluster: Cluster,
  labelSelector: string,
  namespace = "default",
): Promise<PodPlacement[]> {
  const pods = await cluster.client.list("Pod", { namespace, labelSelector });
  return pods.items
    .map((pod) => ({
      name: pod.metadata?.name ?? "",
      node: pod.spec?.nodeName ?? "",
      phase: pod.status?.phase ?? "",
      image: pod.spec?.containers[0]?.image ?? "",
      terminating: pod.metadata?.deletionTimestamp !== undefined,
      uid: pod.metadata?.uid ?? "",
    }))
    .sort((left, right) => left.node.localeCompare(right.node) || left.name.localeCompare(right.name));
}

/** `"<node> <phase>"` for each pod matching `labelSelector`, sorted by node. */
export async function nodePhases(
  cluster: Cluster,
  labelSelector: string,
  namespace = "default",
): Promise<string[]> {
  return (await podPlacements(cluster, labelSelector, namespace)).map((pod) => `${pod.node} ${pod.phase}`);
}

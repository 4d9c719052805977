import type { Command } from "commander";
import type { RunInCluster } from "../command-runner.js";
import type { RunWithoutCluster } from "../run-in-cluster.js";
import { daemonSetSchedulingModes } from "../state/index.js";
import {
  type ClusterCreateFlags,
  defaultClusterName,
  defaultWorkerNodes,
  runClusterCreate,
} from "./cluster-create.js";
import { runClusterDelete } from "./cluster-delete.js";
import { runClusterList } from "./cluster-list.js";
import { runClusterUse } from "./cluster-use.js";

/**
 * Declares `kubesim cluster create|list|delete|use`. These manage cluster files and do not
 * load a cluster, so they run through `runWithoutCluster`.
 */
export function registerClusterCommand(
  program: Command,
  _run: RunInCluster,
  runWithoutCluster: RunWithoutCluster,
): void {
  const cluster = program
    .command("cluster")
    .description("Create, list, delete and switch simulated clusters");
  cluster
    .command("create")
    .description(
      "Create a kubeadm-style cluster (a tainted control-plane node and N workers) and make it the current cluster",
    )
    .argument("[name]", `cluster name, a DNS-1123 label (default "${defaultClusterName}")`)
    .option("--nodes <count>", `worker nodes beside the control plane (default ${defaultWorkerNodes})`)
    .option(
      "--scheduling <mode>",
      `how the DaemonSet controller places pods: ${daemonSetSchedulingModes.join(" or ")} (default scheduler)`,
    )
    .option("--seed <seed>", "seed for uids, generated names and scheduling tie-breaks (default 1)")
    .action((name: string | undefined, flags: ClusterCreateFlags) =>
      runWithoutCluster((environment) => runClusterCreate(environment, name, flags)),
    );
  cluster
    .command("list")
    .description("List the clusters; * marks the current one")
    .action(() => runWithoutCluster((environment) => runClusterList(environment)));
  cluster
    .command("delete")
    .description("Delete a cluster and its saved state")
    .argument("<name>", "cluster name")
    .action((name: string) => runWithoutCluster((environment) => runClusterDelete(environment, name)));
  cluster
    .command("use")
    .description("Make a cluster the current one")
    .argument("<name>", "cluster name")
    .action((name: string) => runWithoutCluster((environment) => runClusterUse(environment, name)));
}

import type { ExitCode } from "../kubectl/kubectl-context.js";
import {
  ClusterDatabase,
  type CommandEnvironment,
  clusterDatabasePath,
  validateClusterName,
  writeCurrentCluster,
} from "../state/index.js";

/**
 * `kubesim cluster use NAME`: makes NAME the current cluster, as `kubectl config
 * use-context` does for contexts, and prints `Switched to cluster "NAME".`
 *
 * @throws KubesimError for a bad name or an unknown cluster.
 */
export async function runClusterUse(environment: CommandEnvironment, name: string): Promise<ExitCode> {
  validateClusterName(name);
  ClusterDatabase.open(clusterDatabasePath(environment.home, name), name).close();
  writeCurrentCluster(environment.home, name);
  environment.io.stdout(`Switched to cluster "${name}".\n`);
  return 0;
}

import { KubesimError } from "@kubesim/core";
import type { ExitCode } from "../kubectl/kubectl-context.js";
import { readServingRecord, servedClusterMessage } from "../serve/index.js";
import {
  ClusterDatabase,
  type CommandEnvironment,
  clearCurrentCluster,
  clusterDatabasePath,
  readCurrentCluster,
  validateClusterName,
} from "../state/index.js";

/**
 * `kubesim cluster delete NAME`: waits for commands running on the cluster, deletes its
 * database and, when it was the current cluster, leaves no cluster current. Prints
 * `cluster/NAME deleted`.
 *
 * @throws KubesimError for a bad name or an unknown cluster.
 */
export async function runClusterDelete(environment: CommandEnvironment, name: string): Promise<ExitCode> {
  validateClusterName(name);
  const served = readServingRecord(environment.home, name);
  if (served !== undefined) throw new KubesimError(servedClusterMessage(name, served));
  const database = ClusterDatabase.open(clusterDatabasePath(environment.home, name), name);
  try {
    database.beginWrite();
    database.deleteFile();
  } finally {
    database.close();
  }
  if (readCurrentCluster(environment.home) === name) clearCurrentCluster(environment.home);
  environment.io.stdout(`cluster/${name} deleted\n`);
  return 0;
}

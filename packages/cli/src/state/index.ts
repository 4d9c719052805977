export { type CatchUpPlan, maxSimulatedCatchUpMs, planCatchUp } from "./catch-up.js";
export { ClusterDatabase, clusterLockTimeoutMs } from "./cluster-database.js";
export { validateClusterName } from "./cluster-name.js";
export {
  type ClusterSession,
  type OpenClusterSessionOptions,
  openClusterSession,
} from "./cluster-session.js";
export {
  type ClusterSettings,
  type ClusterState,
  type ClusterSummary,
  type DaemonSetScheduling,
  daemonSetSchedulingModes,
  type KubeletSettings,
  parseDaemonSetScheduling,
} from "./cluster-state.js";
export { type CommandEnvironment, createCommandEnvironment } from "./command-environment.js";
export { clearCurrentCluster, readCurrentCluster, writeCurrentCluster } from "./current-cluster.js";
export { clusterDatabasePath, clustersDirectory, resolveKubesimHome } from "./kubesim-home.js";
export { formatRfc3339, resolveNow } from "./wall-clock.js";

import { existsSync } from "node:fs";
import { type Cluster, createCluster } from "@kubesim/cluster";
import { KubesimError } from "@kubesim/core";
import type { ExitCode } from "../kubectl/kubectl-context.js";
import {
  ClusterDatabase,
  type CommandEnvironment,
  clusterDatabasePath,
  type DaemonSetScheduling,
  parseDaemonSetScheduling,
  validateClusterName,
  writeCurrentCluster,
} from "../state/index.js";

/** The name `kubesim cluster create` uses when none is given. */
export const defaultClusterName = "kubesim";
/** Worker nodes of a new cluster when `--nodes` is not given (plus the control plane). */
export const defaultWorkerNodes = 2;
/** The most worker nodes `--nodes` accepts (the scale the project is designed for). */
export const maxWorkerNodes = 15_000;

/** Flags of `kubesim cluster create`, as commander hands them over (strings). */
export interface ClusterCreateFlags {
  readonly nodes?: string | undefined;
  readonly scheduling?: string | undefined;
  readonly seed?: string | undefined;
}

function parseNodes(text: string | undefined): number {
  if (text === undefined) return defaultWorkerNodes;
  const nodes = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(nodes) || nodes > maxWorkerNodes) {
    throw new KubesimError(
      `invalid --nodes ${JSON.stringify(text)}: must be a whole number of worker nodes from 0 to ${maxWorkerNodes}`,
    );
  }
  return nodes;
}

function parseSeed(text: string | undefined): number | string {
  if (text === undefined) return 1;
  if (text === "") throw new KubesimError('invalid --seed "": must not be empty');
  const number = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(number) ? number : text;
}

/**
 * Boots a kubeadm-style cluster whose bootstrap ends at `now`. Settling the bootstrap moves
 * virtual time forward (kubelet start-up, quiet period); the same options always take the
 * same virtual time, so a first run measures it and a second run starts that much earlier.
 * The new cluster's clock then matches the wall clock instead of running minutes ahead.
 */
async function bootClusterEndingAt(
  now: number,
  options: { seed: number | string; nodes: number; daemonSetScheduling: DaemonSetScheduling },
): Promise<{ cluster: Cluster; startTime: number }> {
  const probe = await createCluster({ ...options, startTime: now });
  const bootMs = probe.clock.now() - now;
  probe.close();
  const startTime = now - bootMs;
  return { cluster: await createCluster({ ...options, startTime }), startTime };
}

/**
 * `kubesim cluster create [NAME] [--nodes N] [--scheduling scheduler|legacy] [--seed S]`:
 * creates a kubeadm-style cluster (a tainted control-plane node running the control-plane
 * static pods, N workers `node-1` … `node-N`, kube-proxy, kube-flannel-ds and
 * kube-keepalived-vip), settled and ready, saves it as `$KUBESIM_HOME/clusters/NAME.db` and
 * makes it the current cluster. Prints `cluster/NAME created`.
 *
 * @throws KubesimError for a bad name or flag, or when the name is taken.
 */
export async function runClusterCreate(
  environment: CommandEnvironment,
  name: string | undefined,
  flags: ClusterCreateFlags,
): Promise<ExitCode> {
  const clusterName = name ?? defaultClusterName;
  validateClusterName(clusterName);
  const nodes = parseNodes(flags.nodes);
  const daemonSetScheduling = parseDaemonSetScheduling(flags.scheduling);
  const seed = parseSeed(flags.seed);
  const path = clusterDatabasePath(environment.home, clusterName);
  // Checked early to fail fast; the hard link in ClusterDatabase.create is what makes it safe.
  if (existsSync(path)) throw new KubesimError(`cluster "${clusterName}" already exists`);
  const now = environment.now();
  const { cluster, startTime } = await bootClusterEndingAt(now, { seed, nodes, daemonSetScheduling });
  try {
    ClusterDatabase.create(
      path,
      clusterName,
      { seed, daemonSetScheduling, createdAt: startTime },
      { savedTime: cluster.clock.now(), snapshot: cluster.snapshot(), kubelets: cluster.kubeletSettings() },
    );
  } finally {
    cluster.close();
  }
  writeCurrentCluster(environment.home, clusterName);
  environment.io.stdout(`cluster/${clusterName} created\n`);
  return 0;
}

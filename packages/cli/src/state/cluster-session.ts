import { type Cluster, createCluster } from "@kubesim/cluster";
import { planCatchUp } from "./catch-up.js";
import { ClusterDatabase } from "./cluster-database.js";
import type { ClusterSettings, KubeletSettings } from "./cluster-state.js";
import { clusterDatabasePath } from "./kubesim-home.js";

/** Options of {@link openClusterSession}. */
export interface OpenClusterSessionOptions {
  /** `$KUBESIM_HOME`. */
  readonly home: string;
  /** The cluster (already validated). */
  readonly name: string;
  /** Wall-clock now (epoch milliseconds) the virtual clock is caught up to. */
  readonly now: number;
}

/** A cluster loaded under its database's write lock, for one command. */
export interface ClusterSession {
  readonly name: string;
  readonly settings: ClusterSettings;
  /** The restored cluster, settled at `now`. */
  readonly cluster: Cluster;
  /**
   * Settles the cluster at its current time, writes snapshot, time and kubelet settings, calls
   * `beforeCommit` (a test hook) and commits.
   */
  save(beforeCommit?: () => Promise<void>): Promise<void>;
  /** Stops the cluster and closes the database; an unsaved session is rolled back. */
  close(): void;
}

/**
 * Opens the cluster's database, takes its write lock (waiting for any other command on the
 * same cluster), restores the cluster from the last committed state and catches its
 * virtual clock up to `now` (see {@link planCatchUp}).
 *
 * Components settle "at now" (`settleLimitMs: 0`): due work runs, but the clock never jumps
 * ahead of the wall, so a pod that is starting stays ContainerCreating until a later command
 * runs after its start-up latency has passed.
 *
 * @throws KubesimError when the cluster does not exist, is locked too long or is corrupt.
 */
export async function openClusterSession(options: OpenClusterSessionOptions): Promise<ClusterSession> {
  const database = ClusterDatabase.open(clusterDatabasePath(options.home, options.name), options.name);
  let cluster: Cluster | undefined;
  try {
    database.beginWrite();
    const settings = database.readSettings();
    const state = database.readState();
    const plan = planCatchUp(state.savedTime, options.now);
    cluster = await createCluster({
      seed: settings.seed,
      daemonSetScheduling: settings.daemonSetScheduling,
      snapshot: state.snapshot,
      startTime: plan.startTime,
      kubelets: state.kubelets,
      settleLimitMs: 0,
    });
    if (plan.advanceMs > 0) await cluster.advance(plan.advanceMs);
    const restored = cluster;
    return {
      name: options.name,
      settings,
      cluster: restored,
      async save(beforeCommit) {
        await restored.settle();
        const kubelets: Record<string, KubeletSettings> = restored.kubeletSettings();
        database.writeState({ savedTime: restored.clock.now(), snapshot: restored.snapshot(), kubelets });
        if (beforeCommit !== undefined) await beforeCommit();
        database.commit();
      },
      close() {
        restored.close();
        database.close();
      },
    };
  } catch (error) {
    cluster?.close();
    database.close();
    throw error;
  }
}

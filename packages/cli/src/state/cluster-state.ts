import { KubesimError, type Pod } from "@kubesim/core";
import type { StoreSnapshot } from "@kubesim/store";

/** How the DaemonSet controller places pods: through the scheduler (1.12+) or by itself (legacy). */
export type DaemonSetScheduling = "scheduler" | "legacy";

/** The DaemonSet scheduling modes, in the order help texts list them. */
export const daemonSetSchedulingModes: readonly DaemonSetScheduling[] = ["scheduler", "legacy"];

/**
 * Reads a `--scheduling` flag (default `scheduler`).
 *
 * @throws KubesimError naming the valid modes for anything else.
 */
export function parseDaemonSetScheduling(text: string | undefined): DaemonSetScheduling {
  if (text === undefined) return "scheduler";
  const mode = daemonSetSchedulingModes.find((candidate) => candidate === text);
  if (mode === undefined) {
    throw new KubesimError(
      `invalid --scheduling ${JSON.stringify(text)}: must be one of ${daemonSetSchedulingModes.join(", ")}`,
    );
  }
  return mode;
}

/** What a node's simulated kubelet runs with beyond the API objects. */
export interface KubeletSettings {
  /** The static pod manifests the kubelet runs (their mirror pods are in the snapshot). */
  readonly staticPods: readonly Pod[];
  /** False after `kubesim node set-ready NAME false`. */
  readonly ready: boolean;
}

/** The options a cluster was created with; they never change afterwards. */
export interface ClusterSettings {
  /** Seeds uids, generated names and scheduler tie-breaks. */
  readonly seed: number | string;
  /** `--scheduling` of `kubesim cluster create`. */
  readonly daemonSetScheduling: DaemonSetScheduling;
  /** Wall-clock epoch milliseconds of `kubesim cluster create` (the AGE of `cluster list`). */
  readonly createdAt: number;
}

/** What each command saves: the store, the virtual time it was taken at and the kubelets. */
export interface ClusterState {
  /** The virtual clock (epoch milliseconds) when the snapshot was taken. */
  readonly savedTime: number;
  /** `cluster.snapshot()`. */
  readonly snapshot: StoreSnapshot;
  /** Per node name: `cluster.kubeletSettings()`. */
  readonly kubelets: Readonly<Record<string, KubeletSettings>>;
}

/** One row of `kubesim cluster list`, read without loading the snapshot. */
export interface ClusterSummary {
  readonly settings: ClusterSettings;
  /** Node objects in the last saved snapshot. */
  readonly nodeCount: number;
}

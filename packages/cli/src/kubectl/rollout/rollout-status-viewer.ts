import { type DaemonSet, type Deployment, type KubeObject, KubesimError } from "@kubesim/core";

/** One evaluation of a rollout: kubectl's message (with its newline) and whether it is over. */
export interface RolloutStatus {
  readonly message: string;
  readonly done: boolean;
}

/** Reads a rollout's progress from one state of its object. */
export type StatusViewer = (object: KubeObject) => RolloutStatus;

/** kubectl's `DaemonSetStatusViewer`. */
export function daemonSetStatus(object: KubeObject): RolloutStatus {
  const daemonSet = object as DaemonSet;
  const name = JSON.stringify(daemonSet.metadata?.name ?? "");
  if (daemonSet.spec?.updateStrategy?.type !== "RollingUpdate") {
    throw new KubesimError("rollout status is only available for RollingUpdate strategy type");
  }
  const status = daemonSet.status;
  if ((daemonSet.metadata?.generation ?? 0) > (status?.observedGeneration ?? 0)) {
    return { message: "Waiting for daemon set spec update to be observed...\n", done: false };
  }
  const desired = status?.desiredNumberScheduled ?? 0;
  const updated = status?.updatedNumberScheduled ?? 0;
  const available = status?.numberAvailable ?? 0;
  if (updated < desired) {
    return {
      message: `Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
      done: false,
    };
  }
  if (available < desired) {
    return {
      message: `Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...\n`,
      done: false,
    };
  }
  return { message: `daemon set ${name} successfully rolled out\n`, done: true };
}

/** kubectl's `DeploymentStatusViewer` (without `--revision`). */
export function deploymentStatus(object: KubeObject): RolloutStatus {
  const deployment = object as Deployment;
  const name = JSON.stringify(deployment.metadata?.name ?? "");
  const status = deployment.status;
  if ((deployment.metadata?.generation ?? 0) > (status?.observedGeneration ?? 0)) {
    return { message: "Waiting for deployment spec update to be observed...\n", done: false };
  }
  const progressing = (status?.conditions ?? []).find((condition) => condition.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") {
    throw new KubesimError(`deployment ${name} exceeded its progress deadline`);
  }
  const replicas = deployment.spec?.replicas;
  const updated = status?.updatedReplicas ?? 0;
  if (replicas !== undefined && updated < replicas) {
    return {
      message: `Waiting for deployment ${name} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
      done: false,
    };
  }
  if ((status?.replicas ?? 0) > updated) {
    return {
      message: `Waiting for deployment ${name} rollout to finish: ${(status?.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      done: false,
    };
  }
  if ((status?.availableReplicas ?? 0) < updated) {
    return {
      message: `Waiting for deployment ${name} rollout to finish: ${status?.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  }
  return { message: `deployment ${name} successfully rolled out\n`, done: true };
}

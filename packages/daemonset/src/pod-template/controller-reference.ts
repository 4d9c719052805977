import type { DaemonSet, OwnerReference } from "@kubesim/core";

/**
 * Upstream's `metav1.NewControllerRef(ds, apps/v1 DaemonSet)`: the owner reference the
 * controller puts on the pods and ControllerRevisions it creates.
 *
 * @example
 * daemonSetControllerReference({ metadata: { name: "fluentd", uid: "1234" } })
 * // => { apiVersion: "apps/v1", kind: "DaemonSet", name: "fluentd", uid: "1234", controller: true, blockOwnerDeletion: true }
 */
export function daemonSetControllerReference(daemonSet: DaemonSet): OwnerReference {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    name: daemonSet.metadata?.name ?? "",
    uid: daemonSet.metadata?.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

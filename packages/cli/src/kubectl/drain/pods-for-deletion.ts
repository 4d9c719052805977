import { isNotFound, KubesimError, type OwnerReference, type Pod } from "@kubesim/core";
import type { KubectlContext } from "../kubectl-context.js";
import { errorMessage } from "../resource-builder/index.js";

/** The drain flags that decide which pods may go. */
export interface PodFilterOptions {
  /** `--ignore-daemonsets`: leave DaemonSet pods (with a warning) instead of failing. */
  readonly ignoreDaemonSets: boolean;
  /** `--delete-emptydir-data`: allow evicting pods with emptyDir volumes. */
  readonly deleteEmptyDirData: boolean;
  /** `--force`: allow evicting pods without a controller (or whose DaemonSet is gone). */
  readonly force: boolean;
  /** `--pod-selector`: only pods with these labels. */
  readonly podSelector?: string;
}

type PodDeleteReason = "Okay" | "Skip" | "Warning" | "Error";

interface PodDeleteStatus {
  readonly delete: boolean;
  readonly reason: PodDeleteReason;
  readonly message: string;
}

/** The pods of a node with what drain decided for each, in list order. */
export interface PodDeleteList {
  /** The pods to evict. */
  readonly pods: readonly Pod[];
  /** kubectl's warning text (`ignoring DaemonSet-managed Pods: ns/a, ns/b`), `""` for none. */
  readonly warnings: string;
  /** kubectl's errors (`cannot delete DaemonSet-managed Pods (…): ns/a`), one per reason. */
  readonly errors: readonly KubesimError[];
}

const okay: PodDeleteStatus = { delete: true, reason: "Okay", message: "" };
const skip: PodDeleteStatus = { delete: false, reason: "Skip", message: "" };
const daemonSetFatal = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const daemonSetWarning = "ignoring DaemonSet-managed Pods";
const localStorageFatal = "Pods with local storage (use --delete-emptydir-data to override)";
const localStorageWarning = "deleting Pods with local storage";
const unmanagedFatal = "cannot delete Pods that declare no controller (use --force to override)";
const unmanagedWarning = "deleting Pods that declare no controller";
const mirrorPodAnnotation = "kubernetes.io/config.mirror";

function warning(shouldDelete: boolean, message: string): PodDeleteStatus {
  return { delete: shouldDelete, reason: "Warning", message };
}

function failure(message: string): PodDeleteStatus {
  return { delete: false, reason: "Error", message };
}

function controllerOf(pod: Pod): OwnerReference | undefined {
  return (pod.metadata?.ownerReferences ?? []).find((reference) => reference.controller === true);
}

function isFinished(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
}

async function daemonSetFilter(
  context: KubectlContext,
  pod: Pod,
  options: PodFilterOptions,
): Promise<PodDeleteStatus> {
  const controller = controllerOf(pod);
  if (controller === undefined || controller.kind !== "DaemonSet" || isFinished(pod)) return okay;
  try {
    await context.client.get("DaemonSet", controller.name, { namespace: pod.metadata?.namespace ?? "" });
  } catch (error) {
    if (isNotFound(error) && options.force) return warning(true, errorMessage(error));
    return failure(errorMessage(error));
  }
  return options.ignoreDaemonSets ? warning(false, daemonSetWarning) : failure(daemonSetFatal);
}

function mirrorPodFilter(pod: Pod): PodDeleteStatus {
  const annotations = pod.metadata?.annotations ?? {};
  return Object.hasOwn(annotations, mirrorPodAnnotation) ? skip : okay;
}

function localStorageFilter(pod: Pod, options: PodFilterOptions): PodDeleteStatus {
  const hasLocalStorage = (pod.spec?.volumes ?? []).some((volume) => volume.emptyDir !== undefined);
  if (!hasLocalStorage || isFinished(pod)) return okay;
  return options.deleteEmptyDirData ? warning(true, localStorageWarning) : failure(localStorageFatal);
}

function unreplicatedFilter(pod: Pod, options: PodFilterOptions): PodDeleteStatus {
  if (isFinished(pod) || controllerOf(pod) !== undefined) return okay;
  return options.force ? warning(true, unmanagedWarning) : failure(unmanagedFatal);
}

/** Groups pod keys by message, in first-seen order (kubectl groups them in a Go map). */
function groupByMessage(
  entries: ReadonlyArray<{ pod: Pod; status: PodDeleteStatus }>,
  reason: PodDeleteReason,
) {
  const groups = new Map<string, string[]>();
  for (const { pod, status } of entries) {
    if (status.reason !== reason) continue;
    const message = status.message === "" && reason === "Error" ? "unexpected error" : status.message;
    const keys = groups.get(message) ?? [];
    keys.push(podKey(pod));
    groups.set(message, keys);
  }
  return groups;
}

/**
 * kubectl's `GetPodsForDeletion`: lists the node's pods (all namespaces) and runs
 * drain's filters on each in order — DaemonSet pods (their DaemonSet must exist), mirror
 * pods (skipped), pods with emptyDir data, pods without a controller — stopping at the
 * first filter that keeps the pod.
 */
export async function podsForDeletion(
  context: KubectlContext,
  nodeName: string,
  options: PodFilterOptions,
): Promise<PodDeleteList> {
  const listed = await context.client.list("Pod", {
    fieldSelector: `spec.nodeName=${nodeName}`,
    ...((options.podSelector ?? "") === "" ? {} : { labelSelector: options.podSelector }),
  });
  const entries: Array<{ pod: Pod; status: PodDeleteStatus }> = [];
  for (const pod of listed.items) {
    const filters: Array<() => Promise<PodDeleteStatus> | PodDeleteStatus> = [
      () => daemonSetFilter(context, pod, options),
      () => mirrorPodFilter(pod),
      () => localStorageFilter(pod, options),
      () => unreplicatedFilter(pod, options),
    ];
    let status = okay;
    for (const filter of filters) {
      status = await filter();
      if (!status.delete) break;
    }
    entries.push({ pod, status });
  }
  const warnings = [...groupByMessage(entries, "Warning")].map(
    ([message, pods]) => `${message}: ${pods.join(", ")}`,
  );
  const errors = [...groupByMessage(entries, "Error")].map(
    ([message, pods]) => new KubesimError(`cannot delete ${message}: ${pods.join(", ")}`),
  );
  return {
    pods: entries.filter((entry) => entry.status.delete).map((entry) => entry.pod),
    warnings: warnings.join("; "),
    errors,
  };
}

import { parseSelector } from "@kubesim/affinity";
import { isNotFound, KubesimError, type Pod, StatusError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  ErrorList,
  errorMessage,
  newErrorList,
  pollCluster,
  reportCommandError,
} from "../resource-builder/index.js";
import { cordonNodes } from "./cordon.js";
import { type PodFilterOptions, podsForDeletion } from "./pods-for-deletion.js";
import { type NodeSelection, type SelectedNode, selectNodes } from "./select-nodes.js";

/** The flags of `kubectl drain`. */
export interface DrainOptions extends NodeSelection, Partial<PodFilterOptions> {
  /** `--grace-period` in seconds for each pod; negative (default) uses the pod's own. */
  readonly gracePeriod?: number;
  /** `--timeout` in milliseconds; 0 (default) waits as long as the simulation needs. */
  readonly timeoutMs?: number;
  /** `--disable-eviction`: delete pods instead of evicting them. */
  readonly disableEviction?: boolean;
}

// kubectl waits this long before retrying an eviction refused with 429 (a disruption budget).
const evictionRetryMs = 5000;

/** A 429 `TooManyRequests`: the eviction would break a disruption budget (retried by kubectl). */
function isTooManyRequests(error: unknown): boolean {
  return StatusError.isInstance(error) && error.status.reason === "TooManyRequests";
}

function podName(pod: Pod): string {
  return pod.metadata?.name ?? "";
}

function podNamespace(pod: Pod): string {
  return pod.metadata?.namespace ?? "";
}

async function isPodGone(context: KubectlContext, pod: Pod): Promise<boolean> {
  try {
    const current = await context.client.get("Pod", podName(pod), { namespace: podNamespace(pod) });
    return current.metadata?.uid !== pod.metadata?.uid;
  } catch (error) {
    if (isNotFound(error)) return true;
    throw error;
  }
}

/**
 * Waits (moving the simulation on) until every pod is gone, printing `pod/x <verb>` as
 * each goes; returns the pods still there when the timeout passed.
 */
async function waitForPodsGone(
  context: KubectlContext,
  pods: readonly Pod[],
  verb: string,
  timeoutMs: number,
): Promise<Pod[]> {
  let pending = [...pods];
  await pollCluster(
    context,
    async () => {
      const remaining: Pod[] = [];
      for (const pod of pending) {
        if (await isPodGone(context, pod)) context.io.stdout(`pod/${podName(pod)} ${verb}\n`);
        else remaining.push(pod);
      }
      pending = remaining;
      return pending.length === 0;
    },
    { timeoutMs },
  );
  return pending;
}

async function evictPods(
  context: KubectlContext,
  pods: readonly Pod[],
  options: DrainOptions,
): Promise<unknown> {
  const errors: unknown[] = [];
  const evicted: Pod[] = [];
  const gracePeriod = options.gracePeriod ?? -1;
  const timeoutMs = options.timeoutMs ?? 0;
  for (const pod of pods) {
    const name = podName(pod);
    const namespace = podNamespace(pod);
    let waitedMs = 0;
    for (;;) {
      context.io.stdout(`evicting pod ${namespace}/${name}\n`);
      try {
        await context.client.evict({
          apiVersion: "policy/v1",
          kind: "Eviction",
          metadata: { name, namespace },
          deleteOptions: gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {},
        });
        evicted.push(pod);
      } catch (error) {
        if (isTooManyRequests(error) && (timeoutMs === 0 || waitedMs < timeoutMs)) {
          context.io.stderr(
            `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)} (will retry after 5s): ${errorMessage(error)}\n`,
          );
          await context.cluster.advance(evictionRetryMs);
          waitedMs += evictionRetryMs;
          continue;
        }
        if (!isNotFound(error)) {
          errors.push(
            new KubesimError(
              `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${errorMessage(error)}`,
            ),
          );
        }
      }
      break;
    }
  }
  const remaining = await waitForPodsGone(context, evicted, "evicted", timeoutMs);
  for (const pod of remaining) {
    errors.push(
      new KubesimError(
        `error when waiting for pod ${JSON.stringify(podName(pod))} in namespace ${JSON.stringify(podNamespace(pod))} to terminate: context deadline exceeded`,
      ),
    );
  }
  return newErrorList(errors);
}

async function deletePods(
  context: KubectlContext,
  pods: readonly Pod[],
  options: DrainOptions,
): Promise<unknown> {
  const gracePeriod = options.gracePeriod ?? -1;
  for (const pod of pods) {
    try {
      await context.client.delete("Pod", podName(pod), {
        namespace: podNamespace(pod),
        ...(gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {}),
      });
    } catch (error) {
      if (!isNotFound(error)) return error;
    }
  }
  const remaining = await waitForPodsGone(context, pods, "deleted", options.timeoutMs ?? 0);
  return remaining.length === 0 ? undefined : new KubesimError("context deadline exceeded");
}

function filterOptions(options: DrainOptions): PodFilterOptions {
  return {
    ignoreDaemonSets: options.ignoreDaemonSets === true,
    deleteEmptyDirData: options.deleteEmptyDirData === true,
    force: options.force === true,
    ...(options.podSelector === undefined ? {} : { podSelector: options.podSelector }),
  };
}

/** kubectl's `deleteOrEvictPodsSimple` for one node; throws what stops the node's drain. */
async function drainNode(context: KubectlContext, node: SelectedNode, options: DrainOptions): Promise<void> {
  let list: Awaited<ReturnType<typeof podsForDeletion>>;
  try {
    list = await podsForDeletion(context, node.name, filterOptions(options));
  } catch (error) {
    throw new ErrorList([error]);
  }
  if (list.errors.length > 0) throw new ErrorList(list.errors);
  if (list.warnings !== "") context.io.stderr(`Warning: ${list.warnings}\n`);
  if (list.pods.length === 0) return;
  const error =
    options.disableEviction === true
      ? await deletePods(context, list.pods, options)
      : await evictPods(context, list.pods, options);
  if (error === undefined) return;
  try {
    const pending = await podsForDeletion(context, node.name, filterOptions(options));
    if (pending.pods.length > 0) {
      context.io.stderr(
        `There are pending pods in node ${JSON.stringify(node.name)} when an error occurred: ${errorMessage(error)}\n${pending.pods.map((pod) => `pod/${podName(pod)}\n`).join("")}`,
      );
    }
    if (pending.errors.length > 0) {
      context.io.stderr(
        `Following errors occurred while getting the list of pods to delete:\n${errorMessage(new ErrorList(pending.errors))}`,
      );
    }
  } catch (listError) {
    context.io.stderr(
      `Following errors occurred while getting the list of pods to delete:\n${errorMessage(listError)}`,
    );
  }
  throw error;
}

/**
 * `kubectl drain NODE… [--ignore-daemonsets] [--delete-emptydir-data] [--force]
 * [--grace-period=N] [--timeout=D]`: cordons the nodes, then for each one refuses what
 * kubectl refuses (DaemonSet pods without `--ignore-daemonsets`, emptyDir data, pods
 * without a controller — `cannot delete …`), warns about what it leaves (`Warning:
 * ignoring DaemonSet-managed Pods: …`), evicts the other pods through the eviction
 * subresource (`evicting pod ns/x`), waits while the simulation moves on until they are
 * gone (`pod/x evicted`) and prints `node/x drained`. A node that fails is reported and
 * listed as pending; the command exits 1.
 */
export async function runDrain(context: KubectlContext, options: DrainOptions): Promise<ExitCode> {
  let nodes: SelectedNode[];
  try {
    nodes = await selectNodes(context, "drain", options);
    if ((options.podSelector ?? "") !== "") {
      try {
        parseSelector(options.podSelector ?? "");
      } catch {
        throw new KubesimError("--pod-selector=<pod_selector> must be a valid label selector");
      }
    }
  } catch (error) {
    return reportCommandError(context.io, error);
  }
  await cordonNodes(context, nodes, true);
  const fatal: unknown[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    try {
      await drainNode(context, node, options);
      context.io.stdout(`node/${node.name} drained\n`);
    } catch (error) {
      context.io.stderr(
        `error: unable to drain node ${JSON.stringify(node.name)} due to error: ${errorMessage(error)}, continuing command...\n`,
      );
      fatal.push(error);
      remaining.push(node.name);
    }
  }
  if (remaining.length > 0) {
    context.io.stderr(
      `There are pending nodes to be drained:\n${remaining.map((name) => ` ${name}\n`).join("")}`,
    );
  }
  return reportCommandError(context.io, newErrorList(fatal));
}

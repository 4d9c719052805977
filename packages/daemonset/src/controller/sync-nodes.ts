import { isNotFound, type Pod, StatusError } from "@kubesim/core";
import { createDaemonPodFactory } from "../pod-template/new-daemon-set-pod.js";
import { aggregateErrors, errorMessage, wrapError } from "./controller-errors.js";
import { DaemonSetEventReason } from "./daemon-set-event-recorder.js";
import type { SyncPass } from "./sync-pass.js";

/** Upstream's `SlowStartInitialBatchSize`: the first batch of creations holds one pod. */
export const slowStartInitialBatchSize = 1;

/** True for the error of a create in a namespace being deleted (cause `NamespaceTerminating`). */
function isNamespaceTerminating(error: unknown): boolean {
  if (!StatusError.isInstance(error)) return false;
  return (error.status.details?.causes ?? []).some((cause) => cause.reason === "NamespaceTerminating");
}

/** A delete that leaves the pod in place (graceful termination or finalizers) returns it with a deletionTimestamp. */
function isPendingDeletion(pod: Pod): boolean {
  const metadata = pod.metadata;
  if (metadata?.deletionTimestamp === undefined || metadata.deletionTimestamp === null) return false;
  return metadata.deletionGracePeriodSeconds !== 0 || (metadata.finalizers ?? []).length > 0;
}

async function createDaemonPod(
  pass: SyncPass,
  podFor: (nodeName: string) => Pod,
  nodeName: string,
  errors: unknown[],
): Promise<void> {
  const { client, expectations } = pass.runtime;
  const pod = podFor(nodeName);
  let created: Pod;
  try {
    created = await client.create(pod);
  } catch (error) {
    // A namespace being torn down refuses every create: nothing to report, as upstream.
    if (isNamespaceTerminating(error)) return;
    pass.recordEvent("Warning", DaemonSetEventReason.FailedCreate, `Error creating: ${errorMessage(error)}`);
    expectations.creationObserved(pass.key);
    errors.push(error);
    return;
  }
  pass.recordEvent(
    "Normal",
    DaemonSetEventReason.SuccessfulCreate,
    `Created pod: ${created.metadata?.name ?? ""}`,
  );
  // Observed now unless the watch delivered the pod first (its handler observed it then).
  if (pass.pods.upsert(created).applied) expectations.creationObserved(pass.key);
}

async function deleteDaemonPod(pass: SyncPass, name: string, errors: unknown[]): Promise<void> {
  const { client, expectations } = pass.runtime;
  let deleted: Pod;
  try {
    deleted = await client.delete("Pod", name, { namespace: pass.namespace });
  } catch (error) {
    expectations.deletionObserved(pass.key);
    if (isNotFound(error)) {
      pass.pods.remove(pass.namespace, name);
      return;
    }
    pass.recordEvent("Warning", DaemonSetEventReason.FailedDelete, `Error deleting: ${errorMessage(error)}`);
    errors.push(wrapError("unable to delete pods", error));
    return;
  }
  pass.recordEvent("Normal", DaemonSetEventReason.SuccessfulDelete, `Deleted pod: ${name}`);
  const applied = isPendingDeletion(deleted)
    ? pass.pods.upsert(deleted).applied
    : pass.pods.remove(
        pass.namespace,
        name,
        pass.cached ? (deleted.metadata?.resourceVersion ?? undefined) : undefined,
      ) !== undefined;
  if (applied) expectations.deletionObserved(pass.key);
}

/**
 * Upstream's `syncNodes`: deletes `podsToDelete` and creates a pod on each of
 * `nodesNeedingDaemonPods`, at most `burstReplicas` of each per call.
 *
 * Expectations are set first. Creations go in slow-start batches of 1, 2, 4, … ; when a
 * batch has a failure the creations never attempted are dropped from the expectations
 * and not tried (the next sync starts again at 1). Deletions are issued all at once;
 * NotFound is not an error. Every outcome records upstream's pod-control event on the
 * DaemonSet (`SuccessfulCreate` `Created pod: <name>`, `FailedCreate` `Error creating: <err>`,
 * `SuccessfulDelete` `Deleted pod: <name>`, `FailedDelete` `Error deleting: <err>`), and
 * each result is written into the pass's pod cache so the rest of the pass sees it.
 *
 * @throws the create error itself (e.g. a Forbidden StatusError from a quota) when one
 *   create failed, `unable to delete pods: <err>` for a failed delete, or an aggregate
 *   `[<e1>, <e2>]` of several.
 */
export async function syncNodes(
  pass: SyncPass,
  podsToDelete: readonly string[],
  nodesNeedingDaemonPods: readonly string[],
  hash: string,
): Promise<void> {
  const { burstReplicas, expectations } = pass.runtime;
  const createDiff = Math.min(nodesNeedingDaemonPods.length, burstReplicas);
  const deleteDiff = Math.min(podsToDelete.length, burstReplicas);
  expectations.set(pass.key, createDiff, deleteDiff);
  const errors: unknown[] = [];

  const podFor =
    createDiff > 0
      ? createDaemonPodFactory(pass.daemonSet, { hash, scheduling: pass.runtime.scheduling })
      : undefined;
  let batchSize = Math.min(createDiff, slowStartInitialBatchSize);
  for (let position = 0; createDiff > position; ) {
    const errorsBefore = errors.length;
    const batch: Promise<void>[] = [];
    for (let index = position; index < position + batchSize; index++) {
      batch.push(
        createDaemonPod(
          pass,
          podFor as (nodeName: string) => Pod,
          nodesNeedingDaemonPods[index] as string,
          errors,
        ),
      );
    }
    await Promise.all(batch);
    const skipped = createDiff - (batchSize + position);
    if (errors.length > errorsBefore && skipped > 0) {
      expectations.lower(pass.key, skipped, 0);
      break;
    }
    position += batchSize;
    batchSize = Math.min(2 * batchSize, createDiff - position);
  }

  const deletions: Promise<void>[] = [];
  for (let index = 0; index < deleteDiff; index++) {
    deletions.push(deleteDaemonPod(pass, podsToDelete[index] as string, errors));
  }
  await Promise.all(deletions);

  const failure = aggregateErrors(errors);
  if (failure !== undefined) throw failure;
}

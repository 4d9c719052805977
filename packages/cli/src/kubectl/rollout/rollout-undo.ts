import { type ControllerRevision, type DaemonSet, KubesimError } from "@kubesim/core";
import { canonicalJson, templatePatchData } from "@kubesim/daemonset";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  errorMessage,
  kubectlFieldManagers,
  operationLine,
  reportCommandError,
} from "../resource-builder/index.js";
import { daemonSetHistory, type HistoryEntry } from "./rollout-history-source.js";
import {
  groupKindElement,
  groupKindName,
  hasKindVisitor,
  type RolloutTarget,
  type RolloutTargets,
  visitRolloutTargets,
} from "./rollout-targets.js";

/** The flags of `kubectl rollout undo`. */
export interface RolloutUndoOptions extends RolloutTargets {
  /** `--to-revision`: the revision to go back to; 0 (default) is the one before the current. */
  readonly toRevision?: number;
}

function revisionNotFound(revision: number): KubesimError {
  return new KubesimError(`unable to find specified revision ${revision} in history`);
}

/** kubectl's `findHistory`: the given revision, or for 0 the second newest. */
function findRevision(toRevision: number, entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  if (toRevision === 0) {
    if (entries.length <= 1) return undefined;
    return [...entries].sort((left, right) => left.revision - right.revision)[entries.length - 2];
  }
  return entries.find((entry) => entry.revision === toRevision);
}

/**
 * kubectl's `daemonSetMatch`: whether the revision's data is exactly the patch kubectl
 * makes of the DaemonSet's current template — Go's encoding of it, with the fields Go
 * writes even when zero (`creationTimestamp: null`) — as the DaemonSet controller writes
 * it. kubectl compares bytes; kubesim compares the sorted-key JSON text of both sides, in
 * which every member counts, nulls included.
 */
function revisionMatches(daemonSet: DaemonSet, revision: ControllerRevision): boolean {
  return canonicalJson(revision.data ?? null) === canonicalJson(templatePatchData(daemonSet));
}

async function rollBackDaemonSet(
  context: KubectlContext,
  target: RolloutTarget,
  toRevision: number,
): Promise<string> {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const { daemonSet, entries } = await daemonSetHistory(context, target.namespace, target.name);
  if (toRevision === 0 && entries.length <= 1) throw new KubesimError("no last revision to roll back to");
  const chosen = findRevision(toRevision, entries);
  if (chosen?.controllerRevision === undefined) throw revisionNotFound(toRevision);
  if (revisionMatches(daemonSet, chosen.controllerRevision)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  try {
    await context.client.patch("DaemonSet", target.name, chosen.controllerRevision.data, {
      type: "strategic",
      namespace: target.namespace,
      // kubectl sends no fieldManager; kube-apiserver names the manager after its User-Agent.
      fieldManager: kubectlFieldManagers.userAgent,
    });
  } catch (error) {
    throw new KubesimError(`failed restoring revision ${toRevision}: ${errorMessage(error)}`);
  }
  return "rolled back";
}

async function rollBack(context: KubectlContext, target: RolloutTarget, toRevision: number): Promise<string> {
  const { kind, group } = target.resource;
  if (!hasKindVisitor(target)) {
    throw new KubesimError(
      `error retrieving rollbacker for ${JSON.stringify(groupKindName(target))}, no visitor method exists for ${groupKindElement(target)}`,
    );
  }
  if (group === "apps" && kind === "DaemonSet") return rollBackDaemonSet(context, target, toRevision);
  if (group === "apps" && kind === "Deployment") {
    throw new KubesimError(
      "rolling back a Deployment is not simulated: kubesim runs no Deployment controller",
    );
  }
  throw new KubesimError(`no rollbacker has been implemented for ${JSON.stringify(groupKindName(target))}`);
}

/**
 * `kubectl rollout undo TYPE NAME [--to-revision=N]`: patches the DaemonSet with the chosen
 * ControllerRevision's data (a strategic merge patch replacing the pod template) and prints
 * `daemonset.apps/nginx rolled back`, or `skipped rollback (current template already
 * matches revision N)` when there is nothing to change.
 */
export async function runRolloutUndo(
  context: KubectlContext,
  options: RolloutUndoOptions,
): Promise<ExitCode> {
  let error: unknown;
  try {
    error = await visitRolloutTargets(context, options, async (target) => {
      const result = await rollBack(context, target, options.toRevision ?? 0);
      context.io.stdout(operationLine(target, result));
    });
  } catch (builderError) {
    error = builderError;
  }
  return reportCommandError(context.io, error);
}

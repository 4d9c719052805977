import { KubesimError, TabWriter } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import { operationLine, reportCommandError } from "../resource-builder/index.js";
import { podTemplateText } from "./pod-template-text.js";
import { daemonSetHistory, deploymentHistory, type HistoryEntry } from "./rollout-history-source.js";
import {
  groupKindElement,
  groupKindName,
  hasKindVisitor,
  type RolloutTarget,
  type RolloutTargets,
  visitRolloutTargets,
} from "./rollout-targets.js";

/** The flags of `kubectl rollout history`. */
export interface RolloutHistoryOptions extends RolloutTargets {
  /** `--revision`: show the pod template of this revision instead of the list. */
  readonly revision?: number;
}

/** kubectl's `printHistory`: the REVISION / CHANGE-CAUSE table, or one revision's template. */
export function historyText(entries: readonly HistoryEntry[], revision: number): string {
  const byRevision = new Map<number, HistoryEntry>();
  for (const entry of entries) byRevision.set(entry.revision, entry);
  if (byRevision.size === 0) return "No rollout history found.";
  if (revision > 0) {
    const entry = byRevision.get(revision);
    if (entry === undefined) throw new KubesimError("unable to find the specified revision");
    return podTemplateText(entry.template);
  }
  const writer = new TabWriter({ minWidth: 0, padding: 2, rememberWidths: false });
  writer.write("REVISION\tCHANGE-CAUSE\n");
  for (const number of [...byRevision.keys()].sort((left, right) => left - right)) {
    writer.write(`${number}\t${byRevision.get(number)?.changeCause || "<none>"}\n`);
  }
  return writer.flush();
}

async function historyOf(context: KubectlContext, target: RolloutTarget): Promise<HistoryEntry[]> {
  const { kind, group } = target.resource;
  if (!hasKindVisitor(target)) {
    throw new KubesimError(
      `error retrieving history for ${JSON.stringify(groupKindName(target))}, no visitor method exists for ${groupKindElement(target)}`,
    );
  }
  if (group === "apps" && kind === "DaemonSet")
    return (await daemonSetHistory(context, target.namespace, target.name)).entries;
  if (group === "apps" && kind === "Deployment")
    return deploymentHistory(context, target.namespace, target.name);
  throw new KubesimError(
    `no history viewer has been implemented for ${JSON.stringify(groupKindName(target))}`,
  );
}

/**
 * `kubectl rollout history TYPE NAME [--revision=N]`: prints `daemonset.apps/nginx ` and
 * the REVISION / CHANGE-CAUSE table of the DaemonSet's ControllerRevisions (those it
 * controls), or with `--revision` that revision's pod template, as kubectl does.
 */
export async function runRolloutHistory(
  context: KubectlContext,
  options: RolloutHistoryOptions,
): Promise<ExitCode> {
  const revision = options.revision ?? 0;
  if (revision < 0)
    return reportCommandError(
      context.io,
      new KubesimError(`revision must be a positive integer: ${revision}`),
    );
  let error: unknown;
  try {
    error = await visitRolloutTargets(context, options, async (target) => {
      const text = historyText(await historyOf(context, target), revision);
      const withRevision = revision > 0 ? `with revision #${revision}` : "";
      context.io.stdout(operationLine(target, `${withRevision}\n${text}`));
    });
  } catch (builderError) {
    error = builderError;
  }
  return reportCommandError(context.io, error);
}

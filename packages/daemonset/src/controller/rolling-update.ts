import { compareGoStrings, type Pod } from "@kubesim/core";
import {
  planRollingUpdate,
  type RollingUpdateLimits,
  type RollingUpdatePlan,
  rollingUpdateLimits,
} from "../rolling/index.js";
import { wrapError } from "./controller-errors.js";
import type { DaemonSetModel } from "./daemon-set-model.js";
import { claimDaemonPods } from "./node-to-daemon-pods.js";
import { syncNodes } from "./sync-nodes.js";
import type { SyncPass } from "./sync-pass.js";

/**
 * The pods by node in a stable visiting order (upstream walks a Go map, whose order is
 * random): listed nodes by name — with an empty entry for each desired node without pods —
 * then nodes missing from the node list, by name.
 */
function orderedNodeToDaemonPods(
  pass: SyncPass,
  grouped: ReadonlyMap<string, Pod[]>,
): Map<string, readonly Pod[]> {
  const ordered = new Map<string, readonly Pod[]>();
  for (const [nodeName, placement] of pass.placements) {
    const pods = grouped.get(nodeName);
    if (pods !== undefined) ordered.set(nodeName, pods);
    else if (placement.shouldRun) ordered.set(nodeName, []);
  }
  const missing: string[] = [];
  for (const nodeName of grouped.keys()) if (!pass.placements.has(nodeName)) missing.push(nodeName);
  missing.sort(compareGoStrings);
  for (const nodeName of missing) ordered.set(nodeName, grouped.get(nodeName) as Pod[]);
  return ordered;
}

/**
 * Upstream's `rollingUpdate`: computes the budgets against the desired node count, plans
 * with `planRollingUpdate` (delete-then-create without surge, create-then-delete with it)
 * and executes the plan with `syncNodes`.
 *
 * @throws KubesimError `couldn't get node to daemon pod mapping ...`,
 *   `couldn't get unavailable numbers: invalid value for MaxUnavailable: ...`,
 *   `couldn't get node for nodeName "<node>": ...` (surge with a pod on a vanished node),
 *   or what `syncNodes` throws.
 */
export async function rollingUpdate(pass: SyncPass, hash: string): Promise<void> {
  const claimed = await claimDaemonPods(pass);
  const plan =
    claimed.model === undefined
      ? planRollingUpdateFromGroups(pass, claimed.groups, hash)
      : planRollingUpdateFromModel(pass, claimed.model, hash);
  await syncNodes(pass, plan.podsToDelete, plan.nodesToSurge ?? [], hash);
}

function limitsFor(pass: SyncPass, desiredNumberScheduled: number): RollingUpdateLimits {
  try {
    return rollingUpdateLimits(pass.daemonSet, desiredNumberScheduled);
  } catch (error) {
    throw wrapError("couldn't get unavailable numbers", error);
  }
}

/**
 * The rolling update's plan the upstream way: the claimed pods grouped by node, visited
 * in {@link orderedNodeToDaemonPods} order.
 *
 * @throws KubesimError `couldn't get unavailable numbers: ...` or `planRollingUpdate`'s error.
 */
export function planRollingUpdateFromGroups(
  pass: SyncPass,
  grouped: ReadonlyMap<string, Pod[]>,
  hash: string,
): RollingUpdatePlan {
  const desiredNodeNames: string[] = [];
  for (const [nodeName, placement] of pass.placements)
    if (placement.shouldRun) desiredNodeNames.push(nodeName);
  const limits = limitsFor(pass, desiredNodeNames.length);
  return planRollingUpdate({
    ds: pass.daemonSet,
    hash,
    nodeToDaemonPods: orderedNodeToDaemonPods(pass, grouped),
    now: pass.runtime.clock.now(),
    maxSurge: limits.maxSurge,
    maxUnavailable: limits.maxUnavailable,
    nodeShouldRun: (nodeName) => pass.placements.get(nodeName)?.shouldRun,
    desiredNodeNames,
  });
}

/**
 * The same plan from the DaemonSet's model (which must have captured the pods), visiting
 * only nodes with something to do.
 *
 * @throws as {@link planRollingUpdateFromGroups}.
 */
export function planRollingUpdateFromModel(
  pass: SyncPass,
  model: DaemonSetModel,
  hash: string,
): RollingUpdatePlan {
  const now = pass.runtime.clock.now();
  const limits = limitsFor(pass, model.desiredCount(hash, now));
  return model.planRollingUpdate(hash, now, limits);
}

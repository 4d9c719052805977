import type { Node, Taint } from "@kubesim/core";

/** Taint key for Ready=False. */
export const notReadyTaintKey = "node.kubernetes.io/not-ready";
/** Taint key for Ready=Unknown. */
export const unreachableTaintKey = "node.kubernetes.io/unreachable";
/** Taint key for `spec.unschedulable: true`. */
export const unschedulableTaintKey = "node.kubernetes.io/unschedulable";

// Condition type -> condition status -> NoSchedule taint key (upstream's
// nodeConditionToTaintKeyStatusMap).
const conditionTaintKeys: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  [
    "Ready",
    new Map([
      ["False", notReadyTaintKey],
      ["Unknown", unreachableTaintKey],
    ]),
  ],
  ["MemoryPressure", new Map([["True", "node.kubernetes.io/memory-pressure"]])],
  ["DiskPressure", new Map([["True", "node.kubernetes.io/disk-pressure"]])],
  ["NetworkUnavailable", new Map([["True", "node.kubernetes.io/network-unavailable"]])],
  ["PIDPressure", new Map([["True", "node.kubernetes.io/pid-pressure"]])],
]);

const managedNoScheduleKeys: ReadonlySet<string> = new Set([
  ...[...conditionTaintKeys.values()].flatMap((statuses) => [...statuses.values()]),
  unschedulableTaintKey,
]);

/** The NoSchedule taint keys the node's conditions and `spec.unschedulable` call for. */
export function desiredNoScheduleKeys(node: Node): Set<string> {
  const keys = new Set<string>();
  for (const condition of node.status?.conditions ?? []) {
    const key = conditionTaintKeys.get(condition.type)?.get(condition.status);
    if (key !== undefined) keys.add(key);
  }
  if (node.spec?.unschedulable === true) keys.add(unschedulableTaintKey);
  return keys;
}

/** The NoExecute key the Ready condition calls for: not-ready (False), unreachable (Unknown) or none. */
export function desiredNoExecuteKey(node: Node): string | undefined {
  const ready = (node.status?.conditions ?? []).find((condition) => condition.type === "Ready");
  if (ready?.status === "False") return notReadyTaintKey;
  if (ready?.status === "Unknown") return unreachableTaintKey;
  return undefined;
}

/**
 * The node's taints after the node lifecycle controller's passes: managed NoSchedule
 * taints added or removed to match the conditions (absent conditions give none), and
 * the not-ready / unreachable NoExecute taints swapped so at most the one Ready calls for
 * is present (stamped with `timeAdded`). Other taints are kept in place. Returns
 * `undefined` when nothing changes.
 */
export function reconcileConditionTaints(node: Node, nowText: string): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const wantedNoSchedule = desiredNoScheduleKeys(node);
  const wantedNoExecute = desiredNoExecuteKey(node);
  let changed = false;
  const next: Taint[] = [];
  const present = new Set<string>();
  for (const taint of current) {
    if (taint.effect === "NoSchedule" && managedNoScheduleKeys.has(taint.key)) {
      if (!wantedNoSchedule.has(taint.key)) {
        changed = true;
        continue;
      }
      present.add(`NoSchedule/${taint.key}`);
    }
    if (
      taint.effect === "NoExecute" &&
      (taint.key === notReadyTaintKey || taint.key === unreachableTaintKey)
    ) {
      if (taint.key !== wantedNoExecute) {
        changed = true;
        continue;
      }
      present.add(`NoExecute/${taint.key}`);
    }
    next.push(taint);
  }
  for (const key of wantedNoSchedule) {
    if (present.has(`NoSchedule/${key}`)) continue;
    next.push({ key, effect: "NoSchedule" });
    changed = true;
  }
  if (wantedNoExecute !== undefined && !present.has(`NoExecute/${wantedNoExecute}`)) {
    next.push({ key: wantedNoExecute, effect: "NoExecute", timeAdded: nowText });
    changed = true;
  }
  return changed ? next : undefined;
}

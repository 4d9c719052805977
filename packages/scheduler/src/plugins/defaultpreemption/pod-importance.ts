import type { Pod } from "@kubesim/core";

/** A pod's priority as the scheduler reads it: `spec.priority`, 0 when absent. */
export function podPriority(pod: Pod): number {
  const priority = pod.spec?.priority;
  return typeof priority === "number" ? priority : 0;
}

/**
 * When a pod started (epoch ms): `status.startTime`, or `nowMs` for a pod that has not
 * started yet (upstream `GetPodStartTime` uses the current time for those).
 */
export function podStartTime(pod: Pod, nowMs: number): number {
  const startTime = pod.status?.startTime;
  if (typeof startTime === "string") {
    const parsed = Date.parse(startTime);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return nowMs;
}

/**
 * True when `first` is more important than `second` (upstream `MoreImportantPod`):
 * higher priority, or equal priority and an earlier start time.
 */
export function moreImportantPod(first: Pod, second: Pod, nowMs: number): boolean {
  const firstPriority = podPriority(first);
  const secondPriority = podPriority(second);
  if (firstPriority !== secondPriority) return firstPriority > secondPriority;
  return podStartTime(first, nowMs) < podStartTime(second, nowMs);
}

/**
 * Sorts pods by descending importance. The sort is stable, so equally important pods
 * keep their node order (upstream's `sort.Slice` leaves their order unspecified).
 */
export function sortByImportance<T>(items: T[], podOf: (item: T) => Pod, nowMs: number): T[] {
  return items.sort((left, right) => {
    if (moreImportantPod(podOf(left), podOf(right), nowMs)) return -1;
    return moreImportantPod(podOf(right), podOf(left), nowMs) ? 1 : 0;
  });
}

/**
 * The earliest start time among the highest-priority pods of a victim list (upstream
 * `GetEarliestPodStartTime`); `undefined` for an empty list.
 */
export function earliestStartTimeOfHighestPriority(
  victims: readonly Pod[],
  nowMs: number,
): number | undefined {
  const first = victims[0];
  if (first === undefined) return undefined;
  let earliest = podStartTime(first, nowMs);
  let maxPriority = podPriority(first);
  for (const victim of victims) {
    const priority = podPriority(victim);
    if (priority === maxPriority) {
      const startTime = podStartTime(victim, nowMs);
      if (startTime < earliest) earliest = startTime;
    } else if (priority > maxPriority) {
      maxPriority = priority;
      earliest = podStartTime(victim, nowMs);
    }
  }
  return earliest;
}

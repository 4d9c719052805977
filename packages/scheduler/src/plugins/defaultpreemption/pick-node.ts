import type { Pod } from "@kubesim/core";
import { earliestStartTimeOfHighestPriority, podPriority } from "./pod-importance.js";

/** A node where the preemptor fits once `victims` are gone. */
export interface PreemptionCandidate {
  readonly nodeName: string;
  /** Victims by descending importance (the first has the highest priority). */
  readonly victims: readonly Pod[];
  readonly numPdbViolations: number;
}

// Priorities are int32: adding 2^31 makes every term non-negative, so a node with a
// few negative-priority victims does not beat one with fewer of them.
const priorityOffset = 2 ** 31;

/**
 * Chooses the node to preempt on (upstream `pickOneNodeForPreemption`), narrowing the
 * candidates by each rule in turn until one is left: fewest PDB violations, lowest
 * highest-victim priority, smallest sum of (priority + 2^31), fewest victims, latest
 * "earliest start time among the highest-priority victims"; remaining ties go to the
 * first candidate in iteration order. Returns `undefined` for no candidates.
 */
export function pickOneNodeForPreemption(
  candidates: readonly PreemptionCandidate[],
  nowMs: number,
): PreemptionCandidate | undefined {
  if (candidates.length <= 1) return candidates[0];
  const scoreFunctions: ReadonlyArray<(candidate: PreemptionCandidate) => number> = [
    (candidate) => -candidate.numPdbViolations,
    (candidate) => -podPriority(candidate.victims[0] as Pod),
    (candidate) => {
      let sum = 0;
      for (const victim of candidate.victims) sum += podPriority(victim) + priorityOffset;
      return -sum;
    },
    (candidate) => -candidate.victims.length,
    (candidate) => earliestStartTimeOfHighestPriority(candidate.victims, nowMs) ?? Number.NEGATIVE_INFINITY,
  ];
  let remaining = candidates;
  for (const score of scoreFunctions) {
    let maxScore = Number.NEGATIVE_INFINITY;
    let selected: PreemptionCandidate[] = [];
    for (const candidate of remaining) {
      const value = score(candidate);
      if (value > maxScore) {
        maxScore = value;
        selected = [];
      }
      if (value === maxScore) selected.push(candidate);
    }
    if (selected.length === 1) return selected[0];
    remaining = selected;
  }
  return remaining[0];
}

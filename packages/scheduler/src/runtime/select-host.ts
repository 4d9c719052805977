import type { Random } from "@kubesim/core";
import { KubesimError } from "@kubesim/core";

/** A node with its total (weighted, summed) score. */
export interface NodeTotalScore {
  readonly name: string;
  readonly totalScore: number;
}

/**
 * Picks the node with the highest total score; among nodes sharing the top score one is
 * chosen uniformly by reservoir sampling (the k-th tie replaces the candidate with
 * probability 1/k), drawing from the seeded `random` so a run is reproducible. Throws
 * `empty priorityList` for an empty list, as upstream.
 *
 * @returns the chosen node's name.
 */
export function selectHost(nodeScores: readonly NodeTotalScore[], random: Random): string {
  const first = nodeScores[0];
  if (first === undefined) throw new KubesimError("empty priorityList");
  let maxScore = first.totalScore;
  for (const nodeScore of nodeScores) if (nodeScore.totalScore > maxScore) maxScore = nodeScore.totalScore;
  // One draw per tie after the first, as upstream's reservoir over the top-scored nodes.
  let selected: string | undefined;
  let tiesOfMaxScore = 0;
  for (const nodeScore of nodeScores) {
    if (nodeScore.totalScore !== maxScore) continue;
    tiesOfMaxScore++;
    if (tiesOfMaxScore === 1 || random.nextInt(tiesOfMaxScore) === 0) selected = nodeScore.name;
  }
  return selected ?? first.name;
}

/**
 * {@link selectHost} over totals by node index (`totals[0..count)`): the same choice and
 * the same random draws, without building a score object per node.
 *
 * @returns the index of the chosen node.
 */
export function selectHostIndex(totals: ArrayLike<number>, count: number, random: Random): number {
  if (count <= 0) throw new KubesimError("empty priorityList");
  let maxScore = totals[0] as number;
  for (let index = 1; index < count; index++) {
    const totalScore = totals[index] as number;
    if (totalScore > maxScore) maxScore = totalScore;
  }
  let selected = 0;
  let tiesOfMaxScore = 0;
  for (let index = 0; index < count; index++) {
    if (totals[index] !== maxScore) continue;
    tiesOfMaxScore++;
    if (tiesOfMaxScore === 1 || random.nextInt(tiesOfMaxScore) === 0) selected = index;
  }
  return selected;
}

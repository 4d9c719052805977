import type { NodeScore } from "../../framework/plugin.js";
import type { Status } from "../../framework/status.js";

/** The highest score a Score plugin may give a node after normalization (upstream's `MaxNodeScore`). */
export const maxNodeScore = 100;

/** The lowest score a Score plugin may give a node (upstream's `MinNodeScore`). */
export const minNodeScore = 0;

/**
 * Rescales raw scores in place so the highest becomes `maxPriority` (upstream's
 * `helper.DefaultNormalizeScore`).
 *
 * Each score becomes `maxPriority * score / max` with Go's integer division (truncation),
 * and `maxPriority - that` when `reverse` is set (for plugins where fewer is better, such
 * as TaintToleration counting untolerated taints). When every score is 0 (or below), the
 * scores stay as they are, or all become `maxPriority` when `reverse` is set.
 *
 * @returns always `undefined` (success), so a plugin can return it from `normalizeScore`.
 * @example
 * const scores = [{ name: "a", score: 1 }, { name: "b", score: 4 }];
 * defaultNormalizeScore(100, true, scores);
 * scores.map((entry) => entry.score); // => [75, 0]
 */
export function defaultNormalizeScore(
  maxPriority: number,
  reverse: boolean,
  scores: NodeScore[],
): Status | undefined {
  let maxCount = 0;
  for (const entry of scores) {
    if (entry.score > maxCount) maxCount = entry.score;
  }
  if (maxCount === 0) {
    if (reverse) {
      for (const entry of scores) entry.score = maxPriority;
    }
    return undefined;
  }
  for (const entry of scores) {
    // `+ 0` turns the -0 that truncating a small negative quotient yields into 0.
    let score = Math.trunc((maxPriority * entry.score) / maxCount) + 0;
    if (reverse) score = maxPriority - score;
    entry.score = score;
  }
  return undefined;
}

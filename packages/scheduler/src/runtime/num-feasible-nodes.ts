/** At least this many feasible nodes are looked for (upstream `minFeasibleNodesToFind`). */
export const minFeasibleNodesToFind = 100;

/** The adaptive percentage never drops below this (upstream `minFeasibleNodesPercentageToFind`). */
export const minFeasibleNodesPercentageToFind = 5;

/**
 * How many feasible nodes a cycle looks for before it stops filtering (upstream
 * `numFeasibleNodesToFind`): every node below 100 nodes; otherwise the configured
 * percentage (the profile's, else the global one) or, when that is 0, the adaptive
 * `max(50 - n/125, 5)` percent, and never fewer than 100.
 *
 * @param percentageOfNodesToScore - the profile's setting; `undefined` falls back to `globalPercentage`.
 * @param globalPercentage - the configuration's `percentageOfNodesToScore` (0 = adaptive).
 * @param numAllNodes - the nodes being filtered (after PreFilterResult narrowing).
 *
 * @example
 * numFeasibleNodesToFind(undefined, 0, 1000); // => 420
 * numFeasibleNodesToFind(undefined, 0, 5000); // => 500
 */
export function numFeasibleNodesToFind(
  percentageOfNodesToScore: number | undefined,
  globalPercentage: number,
  numAllNodes: number,
): number {
  if (numAllNodes < minFeasibleNodesToFind) return numAllNodes;
  let percentage = percentageOfNodesToScore ?? globalPercentage;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < minFeasibleNodesPercentageToFind) percentage = minFeasibleNodesPercentageToFind;
  }
  return Math.max(Math.trunc((numAllNodes * percentage) / 100), minFeasibleNodesToFind);
}

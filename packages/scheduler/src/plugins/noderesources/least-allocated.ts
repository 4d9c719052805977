import { scaledQuotient } from "./integer-math.js";
import type { ResourceScorer, WeightedResource } from "./resource-allocation.js";

const maxNodeScore = 100;

/** Upstream `leastRequestedScore`: the free share of a resource, 0–100; 0 when over-requested. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return scaledQuotient(capacity - requested, maxNodeScore, capacity);
}

/**
 * The LeastAllocated strategy: the weighted average (integer division) of each resource's
 * free share, favouring emptier nodes. Resources with allocatable 0 are skipped; with none
 * left the score is 0.
 *
 * @example
 * // cpu 3000 of 4000 requested, memory 5000 of 10000, weights 1 and 1:
 * leastAllocatedScorer(resources)([3000, 5000], [4000, 10000]); // => 37
 */
export function leastAllocatedScorer(resources: readonly WeightedResource[]): ResourceScorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let index = 0; index < requested.length; index += 1) {
      const capacity = allocatable[index] ?? 0;
      if (capacity === 0) continue;
      const weight = resources[index]?.weight ?? 0;
      nodeScore += leastRequestedScore(requested[index] ?? 0, capacity) * weight;
      weightSum += weight;
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
  };
}

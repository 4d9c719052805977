import { scaledQuotient } from "./integer-math.js";
import type { ResourceScorer, WeightedResource } from "./resource-allocation.js";

const maxNodeScore = 100;

/**
 * Upstream `mostRequestedScore`: the used share of a resource, 0–100; a request above
 * capacity (possible because unset requests count as defaults) counts as full.
 */
export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  return scaledQuotient(Math.min(requested, capacity), maxNodeScore, capacity);
}

/**
 * The MostAllocated strategy: the weighted average (integer division) of each resource's
 * used share, favouring fuller nodes (bin packing). Resources with allocatable 0 are skipped.
 *
 * @example
 * mostAllocatedScorer(resources)([3000, 5000], [4000, 10000]); // => 62
 */
export function mostAllocatedScorer(resources: readonly WeightedResource[]): ResourceScorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let index = 0; index < requested.length; index += 1) {
      const capacity = allocatable[index] ?? 0;
      if (capacity === 0) continue;
      const weight = resources[index]?.weight ?? 0;
      nodeScore += mostRequestedScore(requested[index] ?? 0, capacity) * weight;
      weightSum += weight;
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
  };
}

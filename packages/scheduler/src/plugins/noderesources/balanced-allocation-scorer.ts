import type { ResourceScorer } from "./resource-allocation.js";

const maxNodeScore = 100;

/**
 * NodeResourcesBalancedAllocation's scorer: with `f = min(requested/allocatable, 1)` per
 * resource (allocatable 0 skipped), the score is `trunc((1 − std)·100)` where std is
 * `|f1 − f2|/2` for two fractions, the population standard deviation for more, 0 for fewer.
 *
 * @example
 * balancedResourceScorer([3000, 5000], [4000, 10000]); // => 87 (std 0.125)
 */
export const balancedResourceScorer: ResourceScorer = (requested, allocatable) => {
  let count = 0;
  let total = 0;
  let first = 0;
  let second = 0;
  for (let index = 0; index < requested.length; index += 1) {
    const capacity = allocatable[index] ?? 0;
    if (capacity === 0) continue;
    const fraction = Math.min((requested[index] ?? 0) / capacity, 1);
    if (count === 0) first = fraction;
    else if (count === 1) second = fraction;
    total += fraction;
    count += 1;
  }
  let deviation = 0;
  if (count === 2) {
    deviation = Math.abs((first - second) / 2);
  } else if (count > 2) {
    const mean = total / count;
    let sum = 0;
    for (let index = 0; index < requested.length; index += 1) {
      const capacity = allocatable[index] ?? 0;
      if (capacity === 0) continue;
      const fraction = Math.min((requested[index] ?? 0) / capacity, 1);
      sum += (fraction - mean) * (fraction - mean);
    }
    deviation = Math.sqrt(sum / count);
  }
  return Math.trunc((1 - deviation) * maxNodeScore);
};

import type { UtilizationShapePoint } from "./args.js";
import { scaledQuotient } from "./integer-math.js";
import type { ResourceScorer, WeightedResource } from "./resource-allocation.js";

const maxUtilization = 100;
// Shape scores are 0–10 (MaxCustomPriorityScore); node scores are 0–100 (MaxNodeScore).
const shapeScoreScale = 10;

/** A point of a broken-linear function, in node-score units. */
export interface FunctionShapePoint {
  readonly utilization: number;
  readonly score: number;
}

/**
 * Upstream `helper.BuildBrokenLinearFunction`: linear interpolation between the points
 * (sorted by utilization) with Go integer division, flat before the first and after the
 * last point.
 *
 * @example
 * const score = brokenLinearFunction([{ utilization: 10, score: 1 }, { utilization: 90, score: 9 }]);
 * score(20); // => 2
 * score(110); // => 9
 */
export function brokenLinearFunction(shape: readonly FunctionShapePoint[]): (utilization: number) => number {
  return (utilization) => {
    for (let index = 0; index < shape.length; index += 1) {
      const point = shape[index] as FunctionShapePoint;
      if (utilization <= point.utilization) {
        if (index === 0) return point.score;
        const previous = shape[index - 1] as FunctionShapePoint;
        return (
          previous.score +
          Math.trunc(
            ((point.score - previous.score) * (utilization - previous.utilization)) /
              (point.utilization - previous.utilization),
          )
        );
      }
    }
    return shape[shape.length - 1]?.score ?? 0;
  };
}

/**
 * The RequestedToCapacityRatio strategy: each resource's utilization
 * (`requested·100/allocatable`, 100 when over-requested) is mapped through the shape
 * (scores scaled ×10); resources scoring 0 are left out of the weighted average, which is
 * rounded half away from zero (Go `math.Round`).
 */
export function requestedToCapacityRatioScorer(
  resources: readonly WeightedResource[],
  shape: readonly UtilizationShapePoint[],
): ResourceScorer {
  const rawScore = brokenLinearFunction(
    shape.map((point) => ({ utilization: point.utilization, score: point.score * shapeScoreScale })),
  );
  const resourceScore = (requested: number, capacity: number): number =>
    capacity === 0 || requested > capacity
      ? rawScore(maxUtilization)
      : rawScore(scaledQuotient(requested, maxUtilization, capacity));
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let index = 0; index < requested.length; index += 1) {
      const capacity = allocatable[index] ?? 0;
      if (capacity === 0) continue;
      const weight = resources[index]?.weight ?? 0;
      const score = resourceScore(requested[index] ?? 0, capacity);
      if (score > 0) {
        nodeScore += score * weight;
        weightSum += weight;
      }
    }
    return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);
  };
}

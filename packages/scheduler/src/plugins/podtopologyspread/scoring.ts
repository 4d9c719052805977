import { requiredNodeAffinity } from "@kubesim/affinity";
import type { Pod } from "@kubesim/core";
import type { Features, NodeInfo, NodeScore } from "../../framework/index.js";
import {
  countMatchingPods,
  hasAllTopologyKeys,
  hostnameLabel,
  labelOf,
  matchesInclusionPolicies,
  namespaceOf,
  nodeLabels,
  type SpreadConstraint,
} from "./spread-constraint.js";

/** CycleState key of the PreScore state. */
export const podTopologySpreadPreScoreStateKey = "PreScorePodTopologySpread";

/** The highest normalized score (upstream's `framework.MaxNodeScore`). */
const maxNodeScore = 100;

/**
 * What PreScore computes for Score: the soft constraints, the feasible nodes that are
 * ignored (they lack a topology key), the matching pods per domain of each non-hostname
 * constraint, and each constraint's weight `ln(domains + 2)`. Read-only after PreScore.
 */
export class SpreadPreScoreState {
  constructor(
    readonly constraints: readonly SpreadConstraint[],
    readonly ignoredNodes: ReadonlySet<string>,
    /** Per constraint: topology value → matching pods (empty for hostname constraints, counted per node). */
    readonly domainCounts: readonly Map<string, number>[],
    readonly weights: readonly number[],
  ) {}

  clone(): SpreadPreScoreState {
    return this;
  }
}

/**
 * Builds the PreScore state (upstream's `initPreScoreState` plus the counting pass of
 * `PreScore`). `requireAllTopologies` is false only under System defaulting with no
 * constraints on the pod: then no node is ignored and a missing key just contributes
 * nothing (its domain is the empty value).
 */
export function computeSpreadPreScoreState(
  pod: Pod,
  constraints: readonly SpreadConstraint[],
  feasibleNodes: readonly NodeInfo[],
  allNodes: readonly NodeInfo[],
  requireAllTopologies: boolean,
  features: Features,
): SpreadPreScoreState {
  const ignoredNodes = new Set<string>();
  const domainCounts = constraints.map(() => new Map<string, number>());
  for (const nodeInfo of feasibleNodes) {
    const labels = nodeLabels(nodeInfo.node);
    if (requireAllTopologies && !hasAllTopologyKeys(labels, constraints)) {
      ignoredNodes.add(nodeInfo.name);
      continue;
    }
    for (let index = 0; index < constraints.length; index++) {
      const constraint = constraints[index] as SpreadConstraint;
      // Per-node (hostname) counts are taken in Score.
      if (constraint.topologyKey === hostnameLabel) continue;
      const counts = domainCounts[index] as Map<string, number>;
      const value = labelOf(labels, constraint.topologyKey) ?? "";
      if (!counts.has(value)) counts.set(value, 0);
    }
  }
  const weights = constraints.map((constraint, index) => {
    const size =
      constraint.topologyKey === hostnameLabel
        ? feasibleNodes.length - ignoredNodes.size
        : (domainCounts[index] as Map<string, number>).size;
    return Math.log(size + 2);
  });

  const affinity = requiredNodeAffinity(pod);
  const namespace = namespaceOf(pod);
  for (const nodeInfo of allNodes) {
    const node = nodeInfo.node;
    if (!features.enableNodeInclusionPolicyInPodTopologySpread && !affinity.matches(node)) continue;
    const labels = nodeLabels(node);
    if (requireAllTopologies && !hasAllTopologyKeys(labels, constraints)) continue;
    for (let index = 0; index < constraints.length; index++) {
      const constraint = constraints[index] as SpreadConstraint;
      const counts = domainCounts[index] as Map<string, number>;
      const value = labelOf(labels, constraint.topologyKey) ?? "";
      // Only domains of feasible nodes are counted (never hostname ones); checked first as the cheapest test.
      const current = counts.get(value);
      if (current === undefined) continue;
      if (
        features.enableNodeInclusionPolicyInPodTopologySpread &&
        !matchesInclusionPolicies(constraint, pod, node, affinity)
      ) {
        continue;
      }
      counts.set(value, current + countMatchingPods(nodeInfo.pods, constraint.selector, namespace));
    }
  }
  return new SpreadPreScoreState(constraints, ignoredNodes, domainCounts, weights);
}

/** Go's `math.Round`: halves away from zero. */
function roundHalfAwayFromZero(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/**
 * The raw score of a node: `round(Σ over the constraint keys the node has of
 * count·weight + maxSkew − 1)`; 0 for ignored nodes. Lower is better (NormalizeScore flips it).
 */
export function scoreSpreadNode(state: SpreadPreScoreState, pod: Pod, nodeInfo: NodeInfo): number {
  if (state.ignoredNodes.has(nodeInfo.name)) return 0;
  const labels = nodeLabels(nodeInfo.node);
  const constraints = state.constraints;
  let score = 0;
  for (let index = 0; index < constraints.length; index++) {
    const constraint = constraints[index] as SpreadConstraint;
    const value = labelOf(labels, constraint.topologyKey);
    if (value === undefined) continue;
    const count =
      constraint.topologyKey === hostnameLabel
        ? countMatchingPods(nodeInfo.pods, constraint.selector, namespaceOf(pod))
        : ((state.domainCounts[index] as Map<string, number>).get(value) ?? 0);
    score += count * (state.weights[index] as number) + (constraint.maxSkew - 1);
  }
  return roundHalfAwayFromZero(score);
}

/** Marks ignored nodes during normalization, as upstream's `invalidScore`. */
const invalidScore = -1;

/**
 * Rescales raw scores in place: min and max over the non-ignored nodes; `max == 0` gives
 * every node 100, otherwise `100·(max + min − score)/max` (integer division); ignored
 * nodes get 0. As upstream, a node whose raw score is -1 is treated like an ignored one.
 */
export function normalizeSpreadScores(state: SpreadPreScoreState, scores: NodeScore[]): void {
  let minScore = Number.MAX_SAFE_INTEGER;
  let maxScore = 0;
  for (const entry of scores) {
    if (state.ignoredNodes.has(entry.name)) {
      entry.score = invalidScore;
      continue;
    }
    if (entry.score < minScore) minScore = entry.score;
    if (entry.score > maxScore) maxScore = entry.score;
  }
  for (const entry of scores) {
    if (entry.score === invalidScore) entry.score = 0;
    else if (maxScore === 0) entry.score = maxNodeScore;
    else entry.score = Math.trunc((maxNodeScore * (maxScore + minScore - entry.score)) / maxScore);
  }
}

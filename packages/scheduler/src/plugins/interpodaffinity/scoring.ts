import type { Node, Pod } from "@kubesim/core";
import type { NodeInfo, NodeScore, PodInfo } from "../../framework/index.js";
import { type AffinityTerm, affinityTermMatches, type WeightedAffinityTerm } from "./affinity-term.js";
import { podAffinityTermsOf } from "./pod-affinity-terms.js";
import { labelOf } from "./topology-counts.js";

type LabelMap = Readonly<Record<string, string>>;

/** CycleState key of the PreScore state. */
export const interPodAffinityPreScoreStateKey = "PreScoreInterPodAffinity";

/** The highest normalized score (upstream's `framework.MaxNodeScore`). */
const maxNodeScore = 100;

/** Score per topology key and value (upstream's `scoreMap`). */
export type TopologyScores = Map<string, Map<string, number>>;

/** What PreScore computes for Score: the summed weights per topology domain. Read-only after PreScore. */
export class InterPodAffinityPreScoreState {
  constructor(readonly topologyScores: TopologyScores) {}

  clone(): InterPodAffinityPreScoreState {
    return this;
  }
}

/** The incoming pod's side of scoring: its preferred terms (namespace selectors merged) and namespace labels. */
export interface IncomingPodScoring {
  readonly pod: Pod;
  readonly preferredAffinity: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinity: readonly WeightedAffinityTerm[];
  readonly namespaceLabels: LabelMap | undefined;
  readonly hardPodAffinityWeight: number;
}

/** Accumulates `weight` on the domain of `term`'s key on the node when `pod` matches the term. Returns whether it did. */
function processTerm(
  scores: TopologyScores,
  term: AffinityTerm,
  weight: number,
  pod: Pod,
  namespaceLabels: LabelMap | undefined,
  nodeLabels: LabelMap | undefined,
): boolean {
  if (!affinityTermMatches(term, pod, namespaceLabels)) return false;
  const value = labelOf(nodeLabels, term.topologyKey);
  if (value === undefined) return false;
  let values = scores.get(term.topologyKey);
  if (values === undefined) {
    values = new Map();
    scores.set(term.topologyKey, values);
  }
  values.set(value, (values.get(value) ?? 0) + weight);
  return true;
}

function processTerms(
  scores: TopologyScores,
  terms: readonly WeightedAffinityTerm[],
  sign: 1 | -1,
  pod: Pod,
  namespaceLabels: LabelMap | undefined,
  nodeLabels: LabelMap | undefined,
): boolean {
  let touched = false;
  for (const term of terms) {
    if (processTerm(scores, term, term.weight * sign, pod, namespaceLabels, nodeLabels)) touched = true;
  }
  return touched;
}

/**
 * One existing pod's contribution (upstream's `processExistingPod`): the incoming pod's
 * preferred affinity (+) and anti-affinity (−) terms it matches, and the existing pod's
 * required affinity (+hardPodAffinityWeight), preferred affinity (+) and anti-affinity (−)
 * terms the incoming pod matches, each on the existing pod's node's domain. Returns
 * whether any term matched.
 */
function processExistingPod(
  scores: TopologyScores,
  incoming: IncomingPodScoring,
  existing: Pod,
  node: Node | undefined,
): boolean {
  const labels = node?.metadata?.labels;
  if (labels === undefined || labels === null || Object.keys(labels).length === 0) return false;
  let touched = false;
  // The incoming pod's terms have their namespace selectors merged: no namespace labels needed.
  if (processTerms(scores, incoming.preferredAffinity, 1, existing, undefined, labels)) touched = true;
  if (processTerms(scores, incoming.preferredAntiAffinity, -1, existing, undefined, labels)) touched = true;
  const existingTerms = podAffinityTermsOf(existing);
  if (incoming.hardPodAffinityWeight > 0) {
    for (const term of existingTerms.requiredAffinity) {
      if (
        processTerm(
          scores,
          term,
          incoming.hardPodAffinityWeight,
          incoming.pod,
          incoming.namespaceLabels,
          labels,
        )
      ) {
        touched = true;
      }
    }
  }
  if (
    processTerms(scores, existingTerms.preferredAffinity, 1, incoming.pod, incoming.namespaceLabels, labels)
  ) {
    touched = true;
  }
  if (
    processTerms(
      scores,
      existingTerms.preferredAntiAffinity,
      -1,
      incoming.pod,
      incoming.namespaceLabels,
      labels,
    )
  ) {
    touched = true;
  }
  return touched;
}

/**
 * Sums the weights per topology domain over the pods of `nodes` (every pod when the
 * incoming pod has preferred terms, else only pods with affinity). `undefined` when no
 * term matched anywhere, which upstream turns into Skip.
 */
export function computeInterPodAffinityPreScoreState(
  incoming: IncomingPodScoring,
  nodes: readonly NodeInfo[],
  processAllPods: boolean,
): InterPodAffinityPreScoreState | undefined {
  const scores: TopologyScores = new Map();
  let touched = false;
  for (const nodeInfo of nodes) {
    const pods: readonly PodInfo[] = processAllPods ? nodeInfo.pods : nodeInfo.podsWithAffinity;
    for (const existing of pods) {
      if (processExistingPod(scores, incoming, existing.pod, nodeInfo.node)) touched = true;
    }
  }
  return touched ? new InterPodAffinityPreScoreState(scores) : undefined;
}

/** The raw score: the sum, over scored topology keys the node has, of its domain's score (may be negative). */
export function scoreInterPodAffinityNode(state: InterPodAffinityPreScoreState, nodeInfo: NodeInfo): number {
  const labels = nodeInfo.node?.metadata?.labels;
  let score = 0;
  for (const [key, values] of state.topologyScores) {
    const value = labelOf(labels, key);
    if (value !== undefined) score += values.get(value) ?? 0;
  }
  return score;
}

/** Min–max rescales raw scores in place to 0..100 (truncated); all equal gives 0. No-op when nothing was scored. */
export function normalizeInterPodAffinityScores(
  state: InterPodAffinityPreScoreState,
  scores: NodeScore[],
): void {
  if (state.topologyScores.size === 0) return;
  let minCount = Number.POSITIVE_INFINITY;
  let maxCount = Number.NEGATIVE_INFINITY;
  for (const entry of scores) {
    if (entry.score > maxCount) maxCount = entry.score;
    if (entry.score < minCount) minCount = entry.score;
  }
  const difference = maxCount - minCount;
  for (const entry of scores) {
    entry.score = difference > 0 ? Math.trunc(maxNodeScore * ((entry.score - minCount) / difference)) : 0;
  }
}

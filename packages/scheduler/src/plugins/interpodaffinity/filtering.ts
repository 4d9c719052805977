import type { Node, Pod } from "@kubesim/core";
import {
  type NodeInfo,
  type Status,
  unschedulable,
  unschedulableAndUnresolvable,
} from "../../framework/index.js";
import { type AffinityTerm, affinityTermMatches, podMatchesAllAffinityTerms } from "./affinity-term.js";
import { podAffinityTermsOf } from "./pod-affinity-terms.js";
import { labelOf, TopologyCounts } from "./topology-counts.js";

type LabelMap = Readonly<Record<string, string>>;

/** CycleState key of the PreFilter state. */
export const interPodAffinityPreFilterStateKey = "PreFilterInterPodAffinity";

/** Filter reason when the pod's required affinity is not met (UnschedulableAndUnresolvable). */
export const interPodAffinityRulesNotMatchReason = "node(s) didn't match pod affinity rules";
/** Filter reason when the pod's required anti-affinity is violated (Unschedulable). */
export const interPodAntiAffinityRulesNotMatchReason = "node(s) didn't match pod anti-affinity rules";
/** Filter reason when an existing pod's required anti-affinity is violated (Unschedulable). */
export const interPodExistingAntiAffinityRulesNotMatchReason =
  "node(s) didn't satisfy existing pods anti-affinity rules";

const affinityStatus: Status = Object.freeze(
  unschedulableAndUnresolvable(interPodAffinityRulesNotMatchReason),
);
const antiAffinityStatus: Status = Object.freeze(unschedulable(interPodAntiAffinityRulesNotMatchReason));
const existingAntiAffinityStatus: Status = Object.freeze(
  unschedulable(interPodExistingAntiAffinityRulesNotMatchReason),
);

function labelsOf(node: Node | undefined): LabelMap | undefined {
  return node?.metadata?.labels ?? undefined;
}

/**
 * What PreFilter computes for Filter: per topology pair, the existing pods whose required
 * anti-affinity matches the incoming pod, and the existing pods matching the incoming
 * pod's required affinity (all terms) and anti-affinity terms. Cloned for what-if runs.
 */
export class InterPodAffinityPreFilterState {
  constructor(
    readonly pod: Pod,
    /** The incoming pod's required affinity terms, namespace selectors merged. */
    readonly requiredAffinity: readonly AffinityTerm[],
    /** The incoming pod's required anti-affinity terms, namespace selectors merged. */
    readonly requiredAntiAffinity: readonly AffinityTerm[],
    /** Labels of the incoming pod's namespace (for existing pods' namespace selectors). */
    readonly namespaceLabels: LabelMap | undefined,
    readonly existingAntiAffinityCounts: TopologyCounts,
    readonly affinityCounts: TopologyCounts,
    readonly antiAffinityCounts: TopologyCounts,
    /** Whether the pod matches all of its own required affinity terms (first pod of a group). */
    readonly matchesOwnAffinity: boolean,
  ) {}

  clone(): InterPodAffinityPreFilterState {
    return new InterPodAffinityPreFilterState(
      this.pod,
      this.requiredAffinity,
      this.requiredAntiAffinity,
      this.namespaceLabels,
      this.existingAntiAffinityCounts.clone(),
      this.affinityCounts.clone(),
      this.antiAffinityCounts.clone(),
      this.matchesOwnAffinity,
    );
  }

  /** Adds (1) or removes (-1) an existing pod's matches, for the PreFilter extensions (upstream's `updateWithPod`). */
  updateWithPod(existingPod: Pod, node: Node | undefined, delta: number): void {
    const labels = labelsOf(node);
    addAntiAffinityMatches(
      this.existingAntiAffinityCounts,
      podAffinityTermsOf(existingPod).requiredAntiAffinity,
      this.pod,
      this.namespaceLabels,
      labels,
      delta,
    );
    addAffinityMatches(this.affinityCounts, this.requiredAffinity, existingPod, labels, delta);
    addAntiAffinityMatches(
      this.antiAffinityCounts,
      this.requiredAntiAffinity,
      existingPod,
      undefined,
      labels,
      delta,
    );
  }
}

/** For each term's key on the node: `delta` when the pod matches ALL terms (upstream's `updateWithAffinityTerms`). */
function addAffinityMatches(
  counts: TopologyCounts,
  terms: readonly AffinityTerm[],
  pod: Pod,
  nodeLabels: LabelMap | undefined,
  delta: number,
): void {
  if (!podMatchesAllAffinityTerms(terms, pod)) return;
  for (const term of terms) counts.addForNode(nodeLabels, term.topologyKey, delta);
}

/** For each term the pod matches: `delta` for the term's key on the node (upstream's `updateWithAntiAffinityTerms`). */
function addAntiAffinityMatches(
  counts: TopologyCounts,
  terms: readonly AffinityTerm[],
  pod: Pod,
  namespaceLabels: LabelMap | undefined,
  nodeLabels: LabelMap | undefined,
  delta: number,
): void {
  for (const term of terms) {
    if (affinityTermMatches(term, pod, namespaceLabels))
      counts.addForNode(nodeLabels, term.topologyKey, delta);
  }
}

/**
 * Builds the PreFilter state. Existing pods' required anti-affinity is read only from the
 * nodes that hold such pods (`nodesWithRequiredAntiAffinityPods`); the incoming pod's terms
 * are matched against every pod only when it has required terms.
 */
export function computeInterPodAffinityPreFilterState(
  pod: Pod,
  requiredAffinity: readonly AffinityTerm[],
  requiredAntiAffinity: readonly AffinityTerm[],
  namespaceLabels: LabelMap | undefined,
  allNodes: readonly NodeInfo[],
  nodesWithRequiredAntiAffinityPods: readonly NodeInfo[],
): InterPodAffinityPreFilterState {
  const existingAntiAffinityCounts = new TopologyCounts();
  for (const nodeInfo of nodesWithRequiredAntiAffinityPods) {
    const labels = labelsOf(nodeInfo.node);
    for (const existing of nodeInfo.podsWithRequiredAntiAffinity) {
      const terms = podAffinityTermsOf(existing.pod).requiredAntiAffinity;
      addAntiAffinityMatches(existingAntiAffinityCounts, terms, pod, namespaceLabels, labels, 1);
    }
  }
  const affinityCounts = new TopologyCounts();
  const antiAffinityCounts = new TopologyCounts();
  if (requiredAffinity.length > 0 || requiredAntiAffinity.length > 0) {
    for (const nodeInfo of allNodes) {
      const labels = labelsOf(nodeInfo.node);
      for (const existing of nodeInfo.pods) {
        addAffinityMatches(affinityCounts, requiredAffinity, existing.pod, labels, 1);
        // The incoming pod's namespace selectors are merged into its namespaces: no labels needed.
        addAntiAffinityMatches(antiAffinityCounts, requiredAntiAffinity, existing.pod, undefined, labels, 1);
      }
    }
  }
  return new InterPodAffinityPreFilterState(
    pod,
    requiredAffinity,
    requiredAntiAffinity,
    namespaceLabels,
    existingAntiAffinityCounts,
    affinityCounts,
    antiAffinityCounts,
    podMatchesAllAffinityTerms(requiredAffinity, pod),
  );
}

/** The incoming pod's required affinity (upstream's `satisfyPodAffinity`), with the first-pod-of-a-group case. */
function satisfiesPodAffinity(state: InterPodAffinityPreFilterState, labels: LabelMap | undefined): boolean {
  let podsExist = true;
  for (const term of state.requiredAffinity) {
    const value = labelOf(labels, term.topologyKey);
    // Every topology key must exist on the node.
    if (value === undefined) return false;
    if (state.affinityCounts.get(term.topologyKey, value) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself: no pod anywhere matches yet, so the
  // pod may go to any node that has every topology key, as long as it matches its own terms.
  return state.affinityCounts.size === 0 && state.matchesOwnAffinity;
}

/** The incoming pod's required anti-affinity (upstream's `satisfyPodAntiAffinity`). */
function satisfiesPodAntiAffinity(
  state: InterPodAffinityPreFilterState,
  labels: LabelMap | undefined,
): boolean {
  if (state.antiAffinityCounts.size === 0) return true;
  for (const term of state.requiredAntiAffinity) {
    const value = labelOf(labels, term.topologyKey);
    if (value !== undefined && state.antiAffinityCounts.get(term.topologyKey, value) > 0) return false;
  }
  return true;
}

/**
 * The three checks in upstream's order, first failure reported: the pod's affinity
 * (UnschedulableAndUnresolvable), its anti-affinity, existing pods' anti-affinity
 * (both Unschedulable). Allocates nothing.
 */
export function filterInterPodAffinityNode(
  state: InterPodAffinityPreFilterState,
  nodeInfo: NodeInfo,
): Status | undefined {
  const labels = labelsOf(nodeInfo.node);
  if (!satisfiesPodAffinity(state, labels)) return affinityStatus;
  if (!satisfiesPodAntiAffinity(state, labels)) return antiAffinityStatus;
  if (state.existingAntiAffinityCounts.size > 0 && state.existingAntiAffinityCounts.matchesAnyLabel(labels)) {
    return existingAntiAffinityStatus;
  }
  return undefined;
}

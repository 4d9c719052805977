import { type RequiredNodeAffinity, requiredNodeAffinity } from "@kubesim/affinity";
import type { Node, Pod } from "@kubesim/core";
import {
  type Features,
  type NodeInfo,
  type Status,
  unschedulable,
  unschedulableAndUnresolvable,
} from "../../framework/index.js";
import { CriticalPaths } from "./critical-paths.js";
import {
  hasAllTopologyKeys,
  labelOf,
  matchesInclusionPolicies,
  namespaceOf,
  nodeLabels,
  type SpreadConstraint,
} from "./spread-constraint.js";
import { SpreadCountCache } from "./spread-count-cache.js";

/** CycleState key of the PreFilter state. */
export const podTopologySpreadPreFilterStateKey = "PreFilterPodTopologySpread";

/** Filter reason when the node's domain would exceed `maxSkew` (Unschedulable). */
export const podTopologySpreadConstraintsNotMatchReason =
  "node(s) didn't match pod topology spread constraints";

/** Filter reason when the node lacks a constraint's topology key (UnschedulableAndUnresolvable). */
export const podTopologySpreadNodeLabelNotMatchReason = `${podTopologySpreadConstraintsNotMatchReason} (missing required label)`;

const missingLabelStatus: Status = Object.freeze(
  unschedulableAndUnresolvable(podTopologySpreadNodeLabelNotMatchReason),
);
const skewStatus: Status = Object.freeze(unschedulable(podTopologySpreadConstraintsNotMatchReason));

/**
 * What PreFilter computes for Filter: per hard constraint, the matching pods per domain
 * (topology value) and the two least-loaded domains. Cloned for each what-if evaluation
 * (preemption, nominated pods); the constraints are shared because they never change.
 */
export class SpreadPreFilterState {
  constructor(
    readonly constraints: readonly SpreadConstraint[],
    /** Per constraint: whether the incoming pod matches the selector itself (adds 1 to its domain). */
    readonly selfMatches: readonly boolean[],
    /** Per constraint: topology value → number of matching pods in that domain. */
    readonly domainCounts: Map<string, number>[],
    readonly criticalPaths: CriticalPaths[],
  ) {}

  /** The global minimum for the skew, 0 when fewer than `minDomains` domains exist. */
  minMatchCount(index: number, minDomains: number): number {
    const counts = this.domainCounts[index] as Map<string, number>;
    if (counts.size < minDomains) return 0;
    return (this.criticalPaths[index] as CriticalPaths).firstCount;
  }

  clone(): SpreadPreFilterState {
    return new SpreadPreFilterState(
      this.constraints,
      this.selfMatches,
      this.domainCounts.map((counts) => new Map(counts)),
      this.criticalPaths.map((paths) => paths.clone()),
    );
  }
}

/**
 * Counts, per constraint and domain, the pods matching the constraint's selector over all
 * nodes that carry every topology key and pass the inclusion policies (upstream's
 * `calPreFilterState`). With a `cache` (the plugin's), only nodes whose pods changed since
 * an earlier cycle with the same selectors are recounted; the result is the same.
 */
export function computeSpreadPreFilterState(
  pod: Pod,
  constraints: readonly SpreadConstraint[],
  nodes: readonly NodeInfo[],
  features: Features,
  cache?: SpreadCountCache,
): SpreadPreFilterState {
  const input = { pod, constraints, affinity: requiredNodeAffinity(pod), features };
  const domainCounts = (cache ?? new SpreadCountCache()).domainCounts(input, nodes);
  const criticalPaths = domainCounts.map((counts) => {
    const paths = new CriticalPaths();
    for (const [value, count] of counts) paths.update(value, count);
    return paths;
  });
  const podLabels = pod.metadata?.labels;
  const selfMatches = constraints.map((constraint) => constraint.selector.matches(podLabels));
  return new SpreadPreFilterState(constraints, selfMatches, domainCounts, criticalPaths);
}

/**
 * Adds (`delta` 1) or removes (`delta` -1) an existing pod's contribution, for the
 * PreFilter extensions (upstream's `updateWithPod`).
 */
export function updateSpreadState(
  state: SpreadPreFilterState,
  updatedPod: Pod,
  preemptor: Pod,
  node: Node | undefined,
  delta: number,
  features: Features,
): void {
  if (node === undefined || namespaceOf(updatedPod) !== namespaceOf(preemptor)) return;
  const labels = nodeLabels(node);
  if (!hasAllTopologyKeys(labels, state.constraints)) return;
  const affinity: RequiredNodeAffinity = requiredNodeAffinity(preemptor);
  if (!features.enableNodeInclusionPolicyInPodTopologySpread && !affinity.matches(node)) return;
  const podLabels = updatedPod.metadata?.labels;
  state.constraints.forEach((constraint, index) => {
    if (!constraint.selector.matches(podLabels)) return;
    if (
      features.enableNodeInclusionPolicyInPodTopologySpread &&
      !matchesInclusionPolicies(constraint, preemptor, node, affinity)
    ) {
      return;
    }
    const value = labelOf(labels, constraint.topologyKey) as string;
    const counts = state.domainCounts[index] as Map<string, number>;
    const count = (counts.get(value) ?? 0) + delta;
    counts.set(value, count);
    (state.criticalPaths[index] as CriticalPaths).update(value, count);
  });
}

/**
 * Checks every hard constraint on one node: a missing topology key is
 * UnschedulableAndUnresolvable; `count + selfMatch - globalMin > maxSkew` is Unschedulable.
 * O(constraints), allocates nothing.
 */
export function filterSpreadNode(state: SpreadPreFilterState, nodeInfo: NodeInfo): Status | undefined {
  const labels = nodeLabels(nodeInfo.node);
  const constraints = state.constraints;
  for (let index = 0; index < constraints.length; index++) {
    const constraint = constraints[index] as SpreadConstraint;
    const value = labelOf(labels, constraint.topologyKey);
    if (value === undefined) return missingLabelStatus;
    const minMatch = state.minMatchCount(index, constraint.minDomains);
    const selfMatch = state.selfMatches[index] === true ? 1 : 0;
    const matched = (state.domainCounts[index] as Map<string, number>).get(value) ?? 0;
    if (matched + selfMatch - minMatch > constraint.maxSkew) return skewStatus;
  }
  return undefined;
}

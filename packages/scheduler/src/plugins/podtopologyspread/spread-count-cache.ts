import type { RequiredNodeAffinity } from "@kubesim/affinity";
import type { Node, Pod } from "@kubesim/core";
import { type Features, isMutableNodeInfo, type NodeInfo } from "../../framework/index.js";
import {
  countMatchingPods,
  hasAllTopologyKeys,
  labelOf,
  matchesInclusionPolicies,
  namespaceOf,
  nodeLabels,
  type SpreadConstraint,
} from "./spread-constraint.js";

/** How many counting signatures (namespace, selectors, inclusion inputs) are remembered. */
export const spreadCountCacheLimit = 8;

/**
 * The per-node counts behind PreFilter's domain counts for one signature, remembered
 * across cycles. Every input of a node's contribution is either part of the signature
 * (the pod side) or covered by an identity check (the NodeInfo and its Node object: labels
 * and taints) or by `NodeInfo.generation` (its pods: bumped on every add/remove, and a pod
 * update is a remove plus an add). So a refresh only recounts the nodes whose pods changed,
 * and rebuilds everything when any node object or the node list differs.
 */
class SpreadCounts {
  /** The node list the counts were taken over, slot by slot. */
  readonly nodeInfos: NodeInfo[] = [];
  readonly nodes: (Node | undefined)[] = [];
  readonly generations: number[] = [];
  /** Per constraint, per slot: the node's domain, or `undefined` when the node does not count. */
  readonly values: (string | undefined)[][];
  /** Per constraint, per slot: the node's matching pods. */
  readonly counts: number[][];
  /** Per constraint: domain → matching pods, in the order a full count first meets each domain. */
  readonly domainCounts: Map<string, number>[];

  constructor(constraintCount: number) {
    this.values = Array.from({ length: constraintCount }, () => []);
    this.counts = Array.from({ length: constraintCount }, () => []);
    this.domainCounts = Array.from({ length: constraintCount }, () => new Map<string, number>());
  }
}

/** The pod-side inputs of one count, as {@link computeSpreadDomainCounts} takes them. */
export interface SpreadCountInput {
  readonly pod: Pod;
  readonly constraints: readonly SpreadConstraint[];
  readonly affinity: RequiredNodeAffinity;
  readonly features: Features;
}

/** Whether a node counts for constraint `index` at all (before its pods are looked at). */
function nodeCounts(input: SpreadCountInput, node: Node | undefined, index: number): string | undefined {
  const { features, constraints } = input;
  // Without node inclusion policies, spreading only counts nodes that pass the pod's node affinity.
  if (!features.enableNodeInclusionPolicyInPodTopologySpread && !input.affinity.matches(node))
    return undefined;
  const labels = nodeLabels(node);
  if (!hasAllTopologyKeys(labels, constraints)) return undefined;
  const constraint = constraints[index] as SpreadConstraint;
  if (
    features.enableNodeInclusionPolicyInPodTopologySpread &&
    !matchesInclusionPolicies(constraint, input.pod, node, input.affinity)
  ) {
    return undefined;
  }
  return labelOf(labels, constraint.topologyKey) as string;
}

/** Counts every node from scratch (upstream's `calPreFilterState` loop), remembering each slot. */
function countAll(input: SpreadCountInput, nodes: readonly NodeInfo[]): SpreadCounts {
  const { constraints } = input;
  const namespace = namespaceOf(input.pod);
  const counts = new SpreadCounts(constraints.length);
  for (let slot = 0; slot < nodes.length; slot++) {
    const nodeInfo = nodes[slot] as NodeInfo;
    const node = nodeInfo.node;
    counts.nodeInfos.push(nodeInfo);
    counts.nodes.push(node);
    counts.generations.push(nodeInfo.generation);
    for (let index = 0; index < constraints.length; index++) {
      const value = nodeCounts(input, node, index);
      const values = counts.values[index] as (string | undefined)[];
      const perNode = counts.counts[index] as number[];
      values.push(value);
      if (value === undefined) {
        perNode.push(0);
        continue;
      }
      const matching = countMatchingPods(
        nodeInfo.pods,
        (constraints[index] as SpreadConstraint).selector,
        namespace,
      );
      perNode.push(matching);
      const domainCounts = counts.domainCounts[index] as Map<string, number>;
      domainCounts.set(value, (domainCounts.get(value) ?? 0) + matching);
    }
  }
  return counts;
}

/**
 * Brings remembered counts up to date with `nodes`: recounts the pods of nodes whose
 * generation moved; returns false (counts unusable) when the list or a node object changed.
 */
function refresh(counts: SpreadCounts, input: SpreadCountInput, nodes: readonly NodeInfo[]): boolean {
  const length = nodes.length;
  if (length !== counts.nodeInfos.length) return false;
  const { constraints } = input;
  const namespace = namespaceOf(input.pod);
  const { nodeInfos, generations } = counts;
  for (let slot = 0; slot < length; slot++) {
    const nodeInfo = nodes[slot] as NodeInfo;
    if (nodeInfo !== nodeInfos[slot] || nodeInfo.node !== counts.nodes[slot]) return false;
    const generation = nodeInfo.generation;
    if (generation === generations[slot]) continue;
    generations[slot] = generation;
    for (let index = 0; index < constraints.length; index++) {
      const value = (counts.values[index] as (string | undefined)[])[slot];
      if (value === undefined) continue;
      const perNode = counts.counts[index] as number[];
      const matching = countMatchingPods(
        nodeInfo.pods,
        (constraints[index] as SpreadConstraint).selector,
        namespace,
      );
      const delta = matching - (perNode[slot] as number);
      if (delta === 0) continue;
      perNode[slot] = matching;
      const domainCounts = counts.domainCounts[index] as Map<string, number>;
      domainCounts.set(value, (domainCounts.get(value) as number) + delta);
    }
  }
  return true;
}

/**
 * Everything on the pod side that decides which nodes count, in which domain, and which of
 * their pods match; `undefined` when it cannot be written down (nothing is cached then).
 */
function countSignature(input: SpreadCountInput): string | undefined {
  const { pod, constraints, features } = input;
  const policies = features.enableNodeInclusionPolicyInPodTopologySpread;
  let usesAffinity = !policies;
  let usesTolerations = false;
  const parts: unknown[] = [namespaceOf(pod)];
  for (const constraint of constraints) {
    if (policies && constraint.nodeAffinityPolicy === "Honor") usesAffinity = true;
    if (policies && constraint.nodeTaintsPolicy === "Honor") usesTolerations = true;
    parts.push(
      constraint.topologyKey,
      constraint.selector.isSelectable(),
      constraint.selector.toString(),
      constraint.nodeAffinityPolicy,
      constraint.nodeTaintsPolicy,
    );
  }
  const spec = pod.spec;
  parts.push(
    usesAffinity
      ? [
          spec?.nodeSelector ?? null,
          spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? null,
        ]
      : null,
    usesTolerations ? (spec?.tolerations ?? null) : null,
  );
  try {
    return JSON.stringify(parts);
  } catch {
    return undefined;
  }
}

/**
 * Remembers PreFilter's per-node counts between cycles, so that a cycle over an unchanged
 * snapshot costs one identity and generation check per node instead of matching every
 * pod of the cluster against the selectors. Results are exactly those of a full count,
 * domain order included.
 */
export class SpreadCountCache {
  private readonly entries = new Map<string, SpreadCounts>();

  /**
   * Per constraint, domain → matching pods over `nodes` (fresh maps the caller may change).
   */
  domainCounts(input: SpreadCountInput, nodes: readonly NodeInfo[]): Map<string, number>[] {
    const signature = countSignature(input);
    if (signature === undefined) return countAll(input, nodes).domainCounts;
    let counts = this.entries.get(signature);
    // Most recently used last, so the oldest entry is evicted first.
    this.entries.delete(signature);
    // Identical node infos were all scheduler-cache ones when the counts were taken.
    if (counts === undefined || !refresh(counts, input, nodes)) {
      counts = countAll(input, nodes);
      // Only node infos that bump their generation on every change can be trusted later.
      if (!nodes.every((nodeInfo) => isMutableNodeInfo(nodeInfo))) return counts.domainCounts;
    }
    this.entries.set(signature, counts);
    if (this.entries.size > spreadCountCacheLimit) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return counts.domainCounts.map((domainCounts) => new Map(domainCounts));
  }
}

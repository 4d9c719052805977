import {
  doNotScheduleTaintFilter,
  findUntoleratedTaint,
  labelSelectorAsSelector,
  type RequiredNodeAffinity,
  type Selector,
  selectorFromSet,
} from "@kubesim/affinity";
import type { Node, Pod, TopologySpreadConstraint } from "@kubesim/core";
import type { Features, PodInfo } from "../../framework/index.js";

/** `whenUnsatisfiable` values: hard (Filter) and soft (Score) constraints. */
export type UnsatisfiableAction = "DoNotSchedule" | "ScheduleAnyway";

/** The node label Kubernetes sets to the node's hostname; spreading over it is per node. */
export const hostnameLabel = "kubernetes.io/hostname";

/**
 * A pod's (or a default) topology spread constraint with its selector parsed and its
 * optional fields resolved, as upstream's internal `topologySpreadConstraint`.
 */
export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: Selector;
  readonly minDomains: number;
  /** `Honor` (default): only nodes matching the pod's nodeSelector / required node affinity count. */
  readonly nodeAffinityPolicy: string;
  /** `Ignore` (default); `Honor`: nodes with NoSchedule/NoExecute taints the pod does not tolerate do not count. */
  readonly nodeTaintsPolicy: string;
}

/** A label value, or `undefined` when the key is absent (own keys only: labels are untrusted). */
export function labelOf(
  labels: Readonly<Record<string, string>> | undefined,
  key: string,
): string | undefined {
  return labels !== undefined && labels !== null && Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/** The labels of a node (or `undefined`). */
export function nodeLabels(node: Node | undefined): Readonly<Record<string, string>> | undefined {
  return node?.metadata?.labels ?? undefined;
}

/**
 * Keeps the constraints with the given `whenUnsatisfiable` and parses them (upstream's
 * `filterTopologySpreadConstraints`): `matchLabelKeys` values present on the pod are ANDed
 * into the selector, `minDomains` defaults to 1, the inclusion policies to Honor / Ignore.
 *
 * @throws StatusError when a label selector is invalid.
 */
export function parseSpreadConstraints(
  constraints: readonly TopologySpreadConstraint[] | undefined,
  podLabels: Readonly<Record<string, string>> | undefined,
  action: UnsatisfiableAction,
  features: Features,
): SpreadConstraint[] {
  const result: SpreadConstraint[] = [];
  if (!Array.isArray(constraints)) return result;
  for (const constraint of constraints as readonly (TopologySpreadConstraint | null | undefined)[]) {
    if (constraint?.whenUnsatisfiable !== action) continue;
    let selector = labelSelectorAsSelector(constraint.labelSelector);
    if (features.enableMatchLabelKeysInPodTopologySpread && Array.isArray(constraint.matchLabelKeys)) {
      selector = mergeMatchLabelKeys(selector, constraint.matchLabelKeys, podLabels);
    }
    let nodeAffinityPolicy = "Honor";
    let nodeTaintsPolicy = "Ignore";
    if (features.enableNodeInclusionPolicyInPodTopologySpread) {
      if (typeof constraint.nodeAffinityPolicy === "string")
        nodeAffinityPolicy = constraint.nodeAffinityPolicy;
      if (typeof constraint.nodeTaintsPolicy === "string") nodeTaintsPolicy = constraint.nodeTaintsPolicy;
    }
    result.push({
      maxSkew: typeof constraint.maxSkew === "number" ? constraint.maxSkew : 0,
      topologyKey: typeof constraint.topologyKey === "string" ? constraint.topologyKey : "",
      selector,
      minDomains: typeof constraint.minDomains === "number" ? constraint.minDomains : 1,
      nodeAffinityPolicy,
      nodeTaintsPolicy,
    });
  }
  return result;
}

/** Upstream's `mergeLabelSetWithSelector`: the pod's values of `matchLabelKeys`, plus the selector's requirements. */
function mergeMatchLabelKeys(
  selector: Selector,
  matchLabelKeys: readonly string[],
  podLabels: Readonly<Record<string, string>> | undefined,
): Selector {
  const matchLabels: Record<string, string> = Object.create(null);
  let found = false;
  for (const key of matchLabelKeys) {
    const value = labelOf(podLabels, key);
    if (value === undefined) continue;
    matchLabels[key] = value;
    found = true;
  }
  if (!found) return selector;
  return selectorFromSet(matchLabels).add(...selector.requirements());
}

/**
 * Whether the node counts for a constraint under its inclusion policies (upstream's
 * `matchNodeInclusionPolicies`); node affinity parse errors are ignored, as upstream.
 */
export function matchesInclusionPolicies(
  constraint: SpreadConstraint,
  pod: Pod,
  node: Node | undefined,
  requiredAffinity: RequiredNodeAffinity,
): boolean {
  if (constraint.nodeAffinityPolicy === "Honor" && !requiredAffinity.matches(node)) return false;
  if (constraint.nodeTaintsPolicy === "Honor") {
    const taint = findUntoleratedTaint(node?.spec?.taints, pod.spec?.tolerations, doNotScheduleTaintFilter);
    if (taint !== undefined) return false;
  }
  return true;
}

/** True when the node has every constraint's topology key (upstream's `nodeLabelsMatchSpreadConstraints`). */
export function hasAllTopologyKeys(
  labels: Readonly<Record<string, string>> | undefined,
  constraints: readonly SpreadConstraint[],
): boolean {
  for (const constraint of constraints) {
    if (labelOf(labels, constraint.topologyKey) === undefined) return false;
  }
  return true;
}

/** Counts the pods in `namespace`, not terminating, whose labels the selector matches (upstream's `countPodsMatchSelector`). */
export function countMatchingPods(
  podInfos: readonly PodInfo[],
  selector: Selector,
  namespace: string,
): number {
  let count = 0;
  for (const podInfo of podInfos) {
    const metadata = podInfo.pod.metadata;
    // Terminating pods are bypassed (kubernetes#87621).
    if (metadata?.deletionTimestamp !== undefined && metadata.deletionTimestamp !== null) continue;
    if ((metadata?.namespace ?? "") !== namespace) continue;
    if (selector.matches(metadata?.labels)) count++;
  }
  return count;
}

/** The namespace of a pod as upstream compares it (`""` when unset). */
export function namespaceOf(pod: Pod): string {
  return pod.metadata?.namespace ?? "";
}

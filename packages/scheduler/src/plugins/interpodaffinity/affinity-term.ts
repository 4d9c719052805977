import { labelSelectorAsSelector, nothing, type Selector } from "@kubesim/affinity";
import type { LabelSelector, Pod, PodAffinityTerm } from "@kubesim/core";

type LabelMap = Readonly<Record<string, string>>;

/**
 * A pod (anti-)affinity term with its selectors parsed (upstream's `framework.AffinityTerm`).
 * A pod matches when it is in one of `namespaces` or its namespace's labels match
 * `namespaceSelector`, and its labels match `selector`.
 */
export interface AffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  readonly selector: Selector;
  readonly topologyKey: string;
  readonly namespaceSelector: Selector;
}

/** A preferred term with its weight (upstream's `WeightedAffinityTerm`). */
export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

/** The namespace of a pod as upstream compares it (`""` when unset). */
export function namespaceOf(pod: Pod): string {
  return pod.metadata?.namespace ?? "";
}

/**
 * Whether the pod matches the term; `namespaceLabels` are the labels of the pod's
 * namespace (`undefined` reads as no labels, which an empty namespace selector still matches).
 */
export function affinityTermMatches(
  term: AffinityTerm,
  pod: Pod,
  namespaceLabels: LabelMap | undefined,
): boolean {
  if (term.namespaces.has(namespaceOf(pod)) || term.namespaceSelector.matches(namespaceLabels)) {
    return term.selector.matches(pod.metadata?.labels);
  }
  return false;
}

/** True when the pod matches every term; false for no terms (upstream's `podMatchesAllAffinityTerms`). */
export function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: Pod): boolean {
  if (terms.length === 0) return false;
  for (const term of terms) {
    // Incoming pods' terms have their namespace selector merged into `namespaces` already.
    if (!affinityTermMatches(term, pod, undefined)) return false;
  }
  return true;
}

/**
 * Parses one term of `pod` (upstream's `newAffinityTerm`). Without `namespaces` and without
 * a `namespaceSelector` the term applies to the pod's own namespace; a `null` namespace
 * selector matches nothing, an empty one every namespace.
 *
 * @throws StatusError when the label selector or the namespace selector is invalid.
 */
export function parseAffinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const selector = labelSelectorAsSelector(term.labelSelector);
  const listed = Array.isArray(term.namespaces) ? term.namespaces : [];
  const namespaceSelectorSpec: LabelSelector | null | undefined = term.namespaceSelector;
  const namespaces = new Set<string>(
    listed.length === 0 && (namespaceSelectorSpec === undefined || namespaceSelectorSpec === null)
      ? [namespaceOf(pod)]
      : listed,
  );
  const namespaceSelector =
    namespaceSelectorSpec === undefined || namespaceSelectorSpec === null
      ? nothing()
      : labelSelectorAsSelector(namespaceSelectorSpec);
  return {
    namespaces,
    selector,
    topologyKey: typeof term.topologyKey === "string" ? term.topologyKey : "",
    namespaceSelector,
  };
}

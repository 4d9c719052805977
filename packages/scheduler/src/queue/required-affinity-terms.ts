import { labelSelectorAsSelector, type Selector } from "@kubesim/affinity";
import type { Pod, PodAffinityTerm } from "@kubesim/core";

/** A pod's required pod-affinity term, compiled once (upstream's `framework.AffinityTerm`). */
export interface CompiledAffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  readonly selector: Selector;
  readonly namespaceSelector: Selector;
}

const noTerms: readonly CompiledAffinityTerm[] = Object.freeze([]);

/**
 * The required pod-affinity terms of a pod (not anti-affinity), compiled as upstream's
 * `NewPodInfo` does: a term without namespaces and without a namespace selector applies to
 * the pod's own namespace; a `null` namespace selector matches no namespace. A term whose
 * selector does not parse makes the whole list empty, as upstream ignores the parse error.
 */
export function compileRequiredAffinityTerms(pod: Pod): readonly CompiledAffinityTerm[] {
  const terms = pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!Array.isArray(terms) || terms.length === 0) return noTerms;
  const namespace = pod.metadata?.namespace ?? "";
  try {
    return terms.map((term: PodAffinityTerm) => {
      const listed = Array.isArray(term.namespaces) ? term.namespaces : [];
      const namespaceSelectorAbsent = term.namespaceSelector === undefined || term.namespaceSelector === null;
      const namespaces = new Set<string>(
        listed.length === 0 && namespaceSelectorAbsent ? [namespace] : listed,
      );
      return {
        namespaces,
        selector: labelSelectorAsSelector(term.labelSelector),
        namespaceSelector: labelSelectorAsSelector(term.namespaceSelector),
      };
    });
  } catch {
    return noTerms;
  }
}

/**
 * Whether `pod` (with its namespace's labels) satisfies the term, as upstream's
 * `AffinityTerm.Matches`: its namespace is listed or selected, and its labels match.
 */
export function affinityTermMatches(
  term: CompiledAffinityTerm,
  pod: Pod,
  namespaceLabels: Readonly<Record<string, string>>,
): boolean {
  const namespace = pod.metadata?.namespace ?? "";
  if (term.namespaces.has(namespace) || term.namespaceSelector.matches(namespaceLabels)) {
    return term.selector.matches(pod.metadata?.labels ?? {});
  }
  return false;
}

import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from "@kubesim/core";
import { type AffinityTerm, parseAffinityTerm, type WeightedAffinityTerm } from "./affinity-term.js";

/**
 * A pod's inter-pod (anti-)affinity terms, parsed once (the affinity part of upstream's
 * `framework.PodInfo`). A category with any invalid term is empty, as upstream, and the
 * parse errors are kept in `error`.
 */
export interface PodAffinityTerms {
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinity: readonly WeightedAffinityTerm[];
  /** Upstream's aggregate message, e.g. `requiredAffinityTerms: values[0][service]: Invalid value: ...`. */
  readonly error?: string;
}

const noTerms: PodAffinityTerms = Object.freeze({
  requiredAffinity: Object.freeze([]),
  requiredAntiAffinity: Object.freeze([]),
  preferredAffinity: Object.freeze([]),
  preferredAntiAffinity: Object.freeze([]),
});

// Existing pods are parsed once, not once per cycle. Pod objects are treated as immutable:
// an update arrives as a new object, which gets its own entry.
const cache = new WeakMap<Pod, PodAffinityTerms>();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseRequired(pod: Pod, terms: unknown, category: string, errors: string[]): AffinityTerm[] {
  if (!Array.isArray(terms)) return [];
  try {
    return (terms as readonly PodAffinityTerm[]).map((term) => parseAffinityTerm(pod, term ?? {}));
  } catch (error) {
    errors.push(`${category}: ${messageOf(error)}`);
    return [];
  }
}

function parsePreferred(
  pod: Pod,
  terms: unknown,
  category: string,
  errors: string[],
): WeightedAffinityTerm[] {
  if (!Array.isArray(terms)) return [];
  try {
    return (terms as readonly WeightedPodAffinityTerm[]).map((term) => ({
      ...parseAffinityTerm(pod, term?.podAffinityTerm ?? {}),
      weight: typeof term?.weight === "number" ? term.weight : 0,
    }));
  } catch (error) {
    errors.push(`${category}: ${messageOf(error)}`);
    return [];
  }
}

/** `utilerrors.NewAggregate(...).Error()`: one message as is, several as `[a, b]`. */
function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] as string) : `[${unique.join(", ")}]`;
}

/**
 * The parsed (anti-)affinity terms of a pod (upstream's `NewPodInfo`), cached per pod
 * object. Never throws: parse errors are reported in `error`.
 *
 * @example
 * podAffinityTermsOf(pod).requiredAntiAffinity.length // => the number of valid required anti-affinity terms
 */
export function podAffinityTermsOf(pod: Pod): PodAffinityTerms {
  const affinity = pod.spec?.affinity;
  const podAffinity = affinity?.podAffinity;
  const podAntiAffinity = affinity?.podAntiAffinity;
  if (
    (podAffinity === undefined || podAffinity === null) &&
    (podAntiAffinity === undefined || podAntiAffinity === null)
  ) {
    return noTerms;
  }
  const cached = cache.get(pod);
  if (cached !== undefined) return cached;
  const errors: string[] = [];
  const parsed: PodAffinityTerms = {
    requiredAffinity: parseRequired(
      pod,
      podAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      "requiredAffinityTerms",
      errors,
    ),
    requiredAntiAffinity: parseRequired(
      pod,
      podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      "requiredAntiAffinityTerms",
      errors,
    ),
    preferredAffinity: parsePreferred(
      pod,
      podAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
      "preferredAffinityTerms",
      errors,
    ),
    preferredAntiAffinity: parsePreferred(
      pod,
      podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
      "preferredAntiAffinityTerms",
      errors,
    ),
    ...(errors.length === 0 ? {} : { error: aggregate(errors) }),
  };
  cache.set(pod, parsed);
  return parsed;
}

import {
  forEachObjectIn,
  getOwnField,
  isJsonObject,
  isUnset,
  type JsonObject,
  objectField,
} from "./json-fields.js";

/**
 * Merges `matchLabelKeys` / `mismatchLabelKeys` of pod (anti-)affinity terms into their
 * label selectors, in place, as the API server does on pod create
 * (MatchLabelKeysInPodAffinity, beta and on in v1.32).
 *
 * @remarks
 * For each required term and each preferred term's `podAffinityTerm` that has a
 * `labelSelector`, every `matchLabelKeys` key present in the pod's labels appends
 * `{key, operator: In, values: [<label value>]}` to `matchExpressions`, and every
 * `mismatchLabelKeys` key appends the same with `NotIn`. Keys the pod has no label for
 * are skipped; terms without a selector are left alone (a nil selector matches nothing).
 */
export function mergePodAffinityLabelKeys(spec: JsonObject, labels: unknown): void {
  const affinity = objectField(spec, "affinity");
  if (affinity === undefined) return;
  const podLabels = isJsonObject(labels) ? labels : {};
  for (const affinityKey of ["podAffinity", "podAntiAffinity"]) {
    const podAffinity = objectField(affinity, affinityKey);
    if (podAffinity === undefined) continue;
    forEachObjectIn(podAffinity, "preferredDuringSchedulingIgnoredDuringExecution", (weighted) => {
      const term = objectField(weighted, "podAffinityTerm");
      if (term !== undefined) mergeTerm(term, podLabels);
    });
    forEachObjectIn(podAffinity, "requiredDuringSchedulingIgnoredDuringExecution", (term) => {
      mergeTerm(term, podLabels);
    });
  }
}

function mergeTerm(term: JsonObject, podLabels: JsonObject): void {
  const selector = objectField(term, "labelSelector");
  if (selector === undefined) return;
  const additions = [
    ...requirementsFor(term.matchLabelKeys, "In", podLabels),
    ...requirementsFor(term.mismatchLabelKeys, "NotIn", podLabels),
  ];
  if (additions.length === 0) return;
  const expressions = selector.matchExpressions;
  if (isUnset(expressions)) {
    selector.matchExpressions = additions;
  } else if (Array.isArray(expressions)) {
    expressions.push(...additions);
  }
}

function requirementsFor(keys: unknown, operator: "In" | "NotIn", podLabels: JsonObject): JsonObject[] {
  if (!Array.isArray(keys)) return [];
  const requirements: JsonObject[] = [];
  for (const key of keys) {
    if (typeof key !== "string" || !Object.hasOwn(podLabels, key)) continue;
    requirements.push({ key, operator, values: [getOwnField(podLabels, key)] });
  }
  return requirements;
}

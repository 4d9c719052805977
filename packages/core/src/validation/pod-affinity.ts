import { type FieldError, fieldErrors, fieldPath } from "../errors/index.js";
import { FieldReader, type ReadResult, readObjects, wrongType } from "./field-reader.js";
import { validateLabelSelectorInto } from "./label-selector.js";
import { validateLabelNameInto } from "./labels.js";
import { nameIsDnsLabel } from "./name-predicates.js";
import { validateNodeAffinityInto } from "./node-affinity.js";

function validateLabelKeysInto(
  errors: FieldError[],
  keys: ReadResult<readonly string[]>,
  path: string,
  hasSelector: boolean,
): void {
  if (keys === wrongType || keys === undefined || keys.length === 0) return;
  if (!hasSelector) {
    errors.push(fieldErrors.forbidden(path, "must not be specified when labelSelector is not set"));
    return;
  }
  keys.forEach((labelKey, index) => {
    validateLabelNameInto(errors, labelKey, fieldPath(path, index));
  });
}

function validatePodAffinityTermInto(errors: FieldError[], term: FieldReader): void {
  validateLabelSelectorInto(errors, term.raw("labelSelector"), term.childPath("labelSelector"));
  validateLabelSelectorInto(errors, term.raw("namespaceSelector"), term.childPath("namespaceSelector"));
  const namespaces = term.strings("namespaces");
  if (namespaces !== wrongType) {
    for (const namespace of namespaces ?? []) {
      // Upstream reports these under `namespace`, singular.
      for (const message of nameIsDnsLabel(namespace, false)) {
        errors.push(fieldErrors.invalid(term.childPath("namespace"), namespace, message));
      }
    }
  }
  const hasSelector = term.has("labelSelector");
  const matchLabelKeys = term.strings("matchLabelKeys");
  const mismatchLabelKeys = term.strings("mismatchLabelKeys");
  validateLabelKeysInto(errors, matchLabelKeys, term.childPath("matchLabelKeys"), hasSelector);
  validateLabelKeysInto(errors, mismatchLabelKeys, term.childPath("mismatchLabelKeys"), hasSelector);
  if (matchLabelKeys !== wrongType && mismatchLabelKeys !== wrongType && mismatchLabelKeys !== undefined) {
    const mismatched = new Set(mismatchLabelKeys);
    matchLabelKeys?.forEach((key, index) => {
      if (mismatched.has(key)) {
        errors.push(
          fieldErrors.invalid(
            fieldPath(term.childPath("matchLabelKeys"), index),
            key,
            "exists in both matchLabelKeys and mismatchLabelKeys",
          ),
        );
      }
    });
  }
  const topologyKey = term.string("topologyKey");
  if (topologyKey === wrongType) return;
  if (!topologyKey) errors.push(fieldErrors.required(term.childPath("topologyKey"), "can not be empty"));
  validateLabelNameInto(errors, topologyKey ?? "", term.childPath("topologyKey"));
}

function validatePodAffinityTermsInto(errors: FieldError[], affinity: FieldReader, key: string): void {
  const terms = readObjects(affinity.raw(key), affinity.childPath(key), errors);
  if (terms === wrongType || terms === undefined) return;
  for (const term of terms) if (term !== wrongType) validatePodAffinityTermInto(errors, term);
}

function validateWeightedTermsInto(errors: FieldError[], affinity: FieldReader, key: string): void {
  const terms = readObjects(affinity.raw(key), affinity.childPath(key), errors);
  if (terms === wrongType || terms === undefined) return;
  for (const weighted of terms) {
    if (weighted === wrongType) continue;
    const weight = weighted.integer("weight");
    if (weight !== wrongType && ((weight ?? 0) <= 0 || (weight ?? 0) > 100)) {
      errors.push(
        fieldErrors.invalid(weighted.childPath("weight"), weight ?? 0, "must be in the range 1-100"),
      );
    }
    const term = weighted.object("podAffinityTerm");
    if (term !== wrongType) validatePodAffinityTermInto(errors, term);
  }
}

function validatePodAffinityKindInto(errors: FieldError[], value: unknown, path: string): void {
  const affinity = FieldReader.of(value, path, errors);
  if (affinity === wrongType) return;
  validatePodAffinityTermsInto(errors, affinity, "requiredDuringSchedulingIgnoredDuringExecution");
  validateWeightedTermsInto(errors, affinity, "preferredDuringSchedulingIgnoredDuringExecution");
}

/**
 * Validates a pod's `affinity` into `errors`: node affinity (see
 * {@link validateNodeAffinityInto}), and pod (anti-)affinity terms: label and namespace
 * selectors, namespace names, matchLabelKeys/mismatchLabelKeys, a required topology key
 * and weights of 1-100. The rule that a matchLabelKeys key must not also appear in the
 * labelSelector is not checked.
 */
export function validateAffinityInto(errors: FieldError[], value: unknown, path: string): void {
  const affinity = FieldReader.of(value, path, errors);
  if (affinity === wrongType) return;
  if (affinity.has("nodeAffinity")) {
    validateNodeAffinityInto(errors, affinity.raw("nodeAffinity"), affinity.childPath("nodeAffinity"));
  }
  if (affinity.has("podAffinity")) {
    validatePodAffinityKindInto(errors, affinity.raw("podAffinity"), affinity.childPath("podAffinity"));
  }
  if (affinity.has("podAntiAffinity")) {
    validatePodAffinityKindInto(
      errors,
      affinity.raw("podAntiAffinity"),
      affinity.childPath("podAntiAffinity"),
    );
  }
}

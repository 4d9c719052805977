import { type FieldError, fieldErrors, fieldPath } from "../errors/index.js";
import { FieldReader, readObjects, type WrongType, wrongType } from "./field-reader.js";
import { validateLabelNameInto } from "./labels.js";
import { isValidLabelValue, nameIsDnsSubdomain } from "./name-predicates.js";

function validateExpressionInto(
  errors: FieldError[],
  requirement: FieldReader,
  allowInvalidLabelValue: boolean,
): void {
  const key = requirement.string("key");
  const operator = requirement.string("operator");
  const values = requirement.strings("values");
  if (key === wrongType || operator === wrongType || values === wrongType) return;
  const valuesPath = requirement.childPath("values");
  const valueCount = values?.length ?? 0;
  switch (operator) {
    case "In":
    case "NotIn":
      if (valueCount === 0) {
        errors.push(fieldErrors.required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case "Exists":
    case "DoesNotExist":
      if (valueCount > 0) {
        errors.push(
          fieldErrors.forbidden(
            valuesPath,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
      break;
    case "Gt":
    case "Lt":
      if (valueCount !== 1) {
        errors.push(
          fieldErrors.required(valuesPath, "must be specified single value when `operator` is 'Lt' or 'Gt'"),
        );
      }
      break;
    default:
      errors.push(
        fieldErrors.invalid(
          requirement.childPath("operator"),
          operator ?? "",
          "not a valid selector operator",
        ),
      );
  }
  validateLabelNameInto(errors, key ?? "", requirement.childPath("key"));
  if (allowInvalidLabelValue) return;
  values?.forEach((value, index) => {
    for (const message of isValidLabelValue(value)) {
      errors.push(fieldErrors.invalid(fieldPath(valuesPath, index), value, message));
    }
  });
}

function validateFieldRequirementInto(errors: FieldError[], requirement: FieldReader): void {
  const key = requirement.string("key");
  const operator = requirement.string("operator");
  const values = requirement.strings("values");
  if (key === wrongType || operator === wrongType || values === wrongType) return;
  if (operator === "In" || operator === "NotIn") {
    if ((values?.length ?? 0) !== 1) {
      errors.push(
        fieldErrors.required(
          requirement.childPath("values"),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
    }
  } else {
    errors.push(
      fieldErrors.invalid(requirement.childPath("operator"), operator ?? "", "not a valid selector operator"),
    );
  }
  // metadata.name is the only field a node selector may match on.
  if (key !== "metadata.name") {
    errors.push(
      fieldErrors.invalid(requirement.childPath("key"), key ?? "", "not a valid field selector key"),
    );
    return;
  }
  values?.forEach((value, index) => {
    for (const message of nameIsDnsSubdomain(value, false)) {
      errors.push(fieldErrors.invalid(fieldPath(requirement.childPath("values"), index), value, message));
    }
  });
}

/** Validates one `NodeSelectorTerm` (its matchExpressions and matchFields). */
export function validateNodeSelectorTermInto(
  errors: FieldError[],
  term: FieldReader | WrongType,
  allowInvalidLabelValue: boolean,
): void {
  if (term === wrongType) return;
  const expressions = term.objects("matchExpressions");
  if (expressions !== wrongType) {
    for (const requirement of expressions ?? []) {
      if (requirement !== wrongType) validateExpressionInto(errors, requirement, allowInvalidLabelValue);
    }
  }
  const fields = term.objects("matchFields");
  if (fields !== wrongType) {
    for (const requirement of fields ?? []) {
      if (requirement !== wrongType) validateFieldRequirementInto(errors, requirement);
    }
  }
}

/** Validates a `NodeSelector` (at least one term) into `errors`. */
export function validateNodeSelectorInto(
  errors: FieldError[],
  value: unknown,
  path: string,
  allowInvalidLabelValue = false,
): void {
  const selector = FieldReader.of(value, path, errors);
  if (selector === wrongType) return;
  const terms = selector.objects("nodeSelectorTerms");
  if (terms === wrongType) return;
  if (terms === undefined || terms.length === 0) {
    errors.push(
      fieldErrors.required(
        selector.childPath("nodeSelectorTerms"),
        "must have at least one node selector term",
      ),
    );
    return;
  }
  for (const term of terms) validateNodeSelectorTermInto(errors, term, allowInvalidLabelValue);
}

/**
 * Validates a core/v1 `NodeSelector` (the required part of node affinity): at least one
 * term; matchExpressions with In/NotIn (values required), Exists/DoesNotExist (no values),
 * Gt/Lt (exactly one value), keys qualified names and values label values; matchFields
 * only on `metadata.name`, with In/NotIn and exactly one value.
 *
 * @example
 * validateNodeSelector({ nodeSelectorTerms: [] }, "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution")
 * // => [{ type: "FieldValueRequired", field: "....nodeSelectorTerms", detail: "must have at least one node selector term", ... }]
 */
export function validateNodeSelector(nodeSelector: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  validateNodeSelectorInto(errors, nodeSelector, path);
  return errors;
}

/** Validates a `NodeAffinity` into `errors` (required selector and preferred terms). */
export function validateNodeAffinityInto(errors: FieldError[], value: unknown, path: string): void {
  const affinity = FieldReader.of(value, path, errors);
  if (affinity === wrongType) return;
  const requiredKey = "requiredDuringSchedulingIgnoredDuringExecution";
  if (affinity.has(requiredKey)) {
    validateNodeSelectorInto(errors, affinity.raw(requiredKey), affinity.childPath(requiredKey));
  }
  const preferredKey = "preferredDuringSchedulingIgnoredDuringExecution";
  const preferred = readObjects(affinity.raw(preferredKey), affinity.childPath(preferredKey), errors);
  if (preferred === wrongType || preferred === undefined) return;
  for (const term of preferred) {
    if (term === wrongType) continue;
    const weight = term.integer("weight");
    if (weight !== wrongType && ((weight ?? 0) <= 0 || (weight ?? 0) > 100)) {
      errors.push(fieldErrors.invalid(term.childPath("weight"), weight ?? 0, "must be in the range 1-100"));
    }
    // Preferred terms always allow invalid label values: they may still match on a small cluster.
    validateNodeSelectorTermInto(errors, term.object("preference"), true);
  }
}

/**
 * Validates a core/v1 `NodeAffinity`: the required node selector as
 * {@link validateNodeSelector}, and each preferred term's weight (1-100) and preference.
 */
export function validateNodeAffinity(nodeAffinity: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  validateNodeAffinityInto(errors, nodeAffinity, path);
  return errors;
}

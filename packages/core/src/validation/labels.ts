import { type FieldError, fieldErrors } from "../errors/index.js";
import { readStringMap, sortedKeys, utf8Length, wrongType } from "./field-reader.js";
import { isQualifiedName, isValidLabelValue } from "./name-predicates.js";

/** The most bytes all annotation keys and values of one object may hold together (256 KiB). */
export const totalAnnotationSizeLimit = 256 * 1024;

/** Appends an error per problem with a label key (a qualified name). */
export function validateLabelNameInto(errors: FieldError[], name: string, path: string): void {
  for (const message of isQualifiedName(name)) errors.push(fieldErrors.invalid(path, name, message));
}

/** Appends the errors of a label map: each key a qualified name, each value a label value. */
export function validateLabelMapInto(
  errors: FieldError[],
  labels: Readonly<Record<string, string>> | undefined,
  path: string,
): void {
  // Go walks the map in random order; sorted keys keep our error order stable.
  for (const key of sortedKeys(labels)) {
    validateLabelNameInto(errors, key, path);
    const value = labels?.[key] ?? "";
    for (const message of isValidLabelValue(value)) errors.push(fieldErrors.invalid(path, value, message));
  }
}

/** Appends the errors of an annotation map: keys are qualified names (any case), 256 KiB in total. */
export function validateAnnotationMapInto(
  errors: FieldError[],
  annotations: Readonly<Record<string, string>> | undefined,
  path: string,
): void {
  let totalSize = 0;
  for (const key of sortedKeys(annotations)) {
    for (const message of isQualifiedName(key.toLowerCase())) {
      errors.push(fieldErrors.invalid(path, key, message));
    }
    totalSize += utf8Length(key) + utf8Length(annotations?.[key] ?? "");
  }
  if (totalSize > totalAnnotationSizeLimit)
    errors.push(fieldErrors.tooLong(path, "", totalAnnotationSizeLimit));
}

/**
 * Validates a label map as upstream's `ValidateLabels` does. Accepts untrusted input: a
 * non-object, or a non-string value, is reported as a type error.
 *
 * @example
 * validateLabels({ "app": "-web" }, "metadata.labels")
 * // => [{ type: "FieldValueInvalid", field: "metadata.labels", badValue: "-web", detail: "a valid label must ..." }]
 */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const map = readStringMap(labels, path, errors);
  if (map !== wrongType) validateLabelMapInto(errors, map, path);
  return errors;
}

/** Validates an annotation map as upstream's `ValidateAnnotations` does (untrusted input). */
export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const map = readStringMap(annotations, path, errors);
  if (map !== wrongType) validateAnnotationMapInto(errors, map, path);
  return errors;
}

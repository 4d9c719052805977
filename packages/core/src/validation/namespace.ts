import { type FieldError, fieldErrors } from "../errors/index.js";
import { FieldReader, wrongType } from "./field-reader.js";
import { isQualifiedName, nameIsDnsLabel } from "./name-predicates.js";
import { validateKubeFinalizerNameInto, validateObjectMetaInto } from "./object-meta.js";

/**
 * Validates a Namespace on create (upstream's `ValidateNamespace`): metadata
 * (cluster-scoped, the name a DNS-1123 label) and each `spec.finalizers` entry a qualified
 * name that, without a `/`, must be a standard finalizer (`kubernetes`). Upstream reports
 * finalizer errors at `spec.finalizers`, without an index.
 *
 * @example
 * validateNamespace({ metadata: { name: "team.a" } })[0]?.detail // => "must not contain dots"
 */
export function validateNamespace(namespace: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(namespace, "", errors);
  if (object === wrongType) return errors;
  validateObjectMetaInto(errors, object.raw("metadata"), { namespaced: false, validateName: nameIsDnsLabel });
  const spec = object.object("spec");
  if (spec === wrongType) return errors;
  const finalizers = spec.strings("finalizers");
  if (finalizers === wrongType || finalizers === undefined) return errors;
  const path = spec.childPath("finalizers");
  for (const finalizer of finalizers) {
    for (const message of isQualifiedName(finalizer))
      errors.push(fieldErrors.invalid(path, finalizer, message));
    validateKubeFinalizerNameInto(errors, finalizer, path);
  }
  return errors;
}

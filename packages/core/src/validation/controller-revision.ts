import { type FieldError, fieldErrors } from "../errors/index.js";
import { FieldReader, wrongType } from "./field-reader.js";
import { nameIsDnsSubdomain } from "./name-predicates.js";
import { validateObjectMetaInto } from "./object-meta.js";
import { fieldImmutableMessage, validateObjectMetaUpdateInto } from "./object-meta-update.js";
import { goRawExtension, rawExtensionsEqual } from "./raw-extension.js";

/** The payload of a revision; `null` decodes to a nil `runtime.Object`, as absent does. */
function dataOf(revision: FieldReader): unknown {
  const data = revision.raw("data");
  return data === null ? undefined : data;
}

/**
 * Validates an apps/v1 ControllerRevision as upstream's `ValidateControllerRevision` does:
 * metadata (namespaced, DNS-subdomain name), `data` present (any JSON value but `null`)
 * and `revision` not negative. With `oldRevision`, upstream's
 * `ValidateControllerRevisionUpdate`, in its order: the metadata update rules, the create
 * rules, then `data` immutable. Data counts as unchanged when it is the same JSON value
 * (member order aside; upstream compares the stored bytes); a changed one is printed as
 * upstream prints it, a `runtime.Unknown` with the JSON bytes. `revision` may change, as
 * the DaemonSet controller's renumbering needs. Never throws on malformed input.
 *
 * @example
 * validateControllerRevision({ metadata: { name: "web-7c5d", namespace: "default" }, revision: 1 })
 * // => [data: Required value: data is mandatory]
 */
export function validateControllerRevision(revision: unknown, oldRevision?: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(revision, "", errors);
  if (object === wrongType) return errors;
  const old = oldRevision === undefined ? undefined : FieldReader.of(oldRevision, "", undefined);
  if (old !== undefined) {
    validateObjectMetaUpdateInto(
      errors,
      object.raw("metadata"),
      old === wrongType ? undefined : old.raw("metadata"),
    );
  }
  validateObjectMetaInto(errors, object.raw("metadata"), {
    namespaced: true,
    validateName: nameIsDnsSubdomain,
  });
  const data = dataOf(object);
  if (data === undefined) errors.push(fieldErrors.required("data", "data is mandatory"));
  const number = object.integer("revision");
  if (typeof number === "number" && number < 0) {
    errors.push(fieldErrors.invalid("revision", number, "must be greater than or equal to 0"));
  }
  if (old !== undefined) {
    const oldData = old === wrongType ? undefined : dataOf(old);
    if (!rawExtensionsEqual(data, oldData)) {
      errors.push(fieldErrors.invalid("data", goRawExtension(data), fieldImmutableMessage));
    }
  }
  return errors;
}

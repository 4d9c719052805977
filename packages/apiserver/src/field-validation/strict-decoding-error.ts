import { createBadRequestError, goQuote, type StatusError } from "@kubesim/core";

/** One strict-decoding finding as upstream words it: `unknown field "spec.replicas"`. */
function unknownFieldText(path: string): string {
  return `unknown field ${goQuote(path)}`;
}

/**
 * The 400 BadRequest kube-apiserver answers to a create or update with
 * `fieldValidation=Strict` when the body has unknown fields, e.g.
 * `DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas"`.
 * Several fields are joined with `, ` as upstream's strict decoding error does.
 *
 * @param kind - the kind of the body, e.g. `DaemonSet`
 * @param version - the version only, without the group: `v1` for `apps/v1`
 * @param unknownFields - the paths from {@link findUnknownFields}
 */
export function strictDecodingError(
  kind: string,
  version: string,
  unknownFields: readonly string[],
): StatusError {
  const findings = unknownFields.map(unknownFieldText).join(", ");
  return createBadRequestError(
    `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: strict decoding error: ${findings}`,
  );
}

/**
 * The warning texts kube-apiserver adds with `fieldValidation=Warn`, one per unknown
 * field: `unknown field "spec.replicas"`. They are the texts only; the `Warning` header
 * wraps each as `299 - "<text>"` with `"` and `\` escaped.
 */
export function unknownFieldWarnings(unknownFields: readonly string[]): string[] {
  return unknownFields.map(unknownFieldText);
}

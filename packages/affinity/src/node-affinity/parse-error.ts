import { aggregateFieldErrors, type FieldError, StatusError, StatusReason } from "@kubesim/core";

/**
 * The error thrown when a node selector or a list of preferred scheduling terms does not
 * parse: a 400 `BadRequest` whose `errors` hold every field error found, and whose message
 * is upstream's flattened aggregate text (`<field>: <body>` alone, or `[a, b]` for several,
 * identical messages once).
 */
export function createNodeAffinityParseError(errors: readonly FieldError[]): StatusError {
  return new StatusError(
    { message: aggregateFieldErrors(errors), reason: StatusReason.BadRequest, code: 400 },
    { errors },
  );
}

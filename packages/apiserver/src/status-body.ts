import { type FailureStatus, StatusError, StatusReason } from "@kubesim/core";

/** The 404 Status kube-apiserver sends for a path it does not serve. */
export function notFoundPathStatus(): FailureStatus {
  return new StatusError({
    message: "the server could not find the requested resource",
    reason: StatusReason.NotFound,
    details: {},
    code: 404,
  }).status;
}

/** The 401 Status for a missing or wrong bearer token, as kube-apiserver sends it. */
export function unauthorizedStatus(): FailureStatus {
  return new StatusError({ message: "Unauthorized", reason: StatusReason.Unauthorized, code: 401 }).status;
}

/** The 405 Status for a verb a path does not support. */
export function methodNotAllowedStatus(): FailureStatus {
  return new StatusError({
    message: "the server does not allow this method on the requested resource",
    reason: StatusReason.MethodNotAllowed,
    details: {},
    code: 405,
  }).status;
}

/** The 413 Status for a body over the limit (upstream: `Request entity too large: limit is N`). */
export function tooLargeStatus(limit: number): FailureStatus {
  return new StatusError({
    message: `Request entity too large: limit is ${limit}`,
    reason: StatusReason.RequestEntityTooLarge,
    code: 413,
  }).status;
}

/**
 * The Status for anything thrown while serving: StatusErrors as they are (an empty reason
 * left out, as Go's `omitempty` does), anything else a 500.
 */
export function statusOfError(error: unknown): FailureStatus {
  if (StatusError.isInstance(error)) {
    if (error.status.reason !== StatusReason.Unknown) return error.status;
    const { reason: _reason, ...rest } = error.status;
    return rest as FailureStatus;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StatusError({
    message: `Internal error occurred: ${detail}`,
    reason: StatusReason.InternalError,
    code: 500,
  }).status;
}

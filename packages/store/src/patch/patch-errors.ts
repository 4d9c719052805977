import { StatusError, StatusReason } from "@kubesim/core";

/**
 * The message of upstream's `NewGenericServerResponse(422, …)`. The API server answers a
 * JSON patch that fails to apply with it, and drops the json-patch library's own text.
 */
export const patchRejectedMessage = "the server rejected our request due to an error in our request";

/** Upstream's cap on the number of operations in one JSON patch. */
export const maxJsonPatchOperations = 10_000;

/**
 * 422 Invalid with the generic message, as the API server answers a JSON patch operation that
 * cannot be applied (and a strategic merge patch with a list of lists). `detail` is the
 * library's reason, kept as the error's `cause` for debugging; it is not on the wire.
 */
export function createPatchRejectedError(detail: string): StatusError {
  return new StatusError(
    { message: patchRejectedMessage, reason: StatusReason.Invalid, code: 422, details: {} },
    { cause: new Error(detail) },
  );
}

/**
 * 500 with an empty reason and the raw message: how the API server reports a strategic merge
 * patch error that it does not map to a status (missing merge key, unknown `$patch` value, …).
 */
export function createPatchFailedError(message: string): StatusError {
  return new StatusError({ message, reason: StatusReason.Unknown, code: 500 });
}

/** 413 for a JSON patch with more than {@link maxJsonPatchOperations} operations. */
export function createTooManyOperationsError(count: number): StatusError {
  return new StatusError({
    message: `Request entity too large: The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${count}`,
    reason: StatusReason.RequestEntityTooLarge,
    code: 413,
  });
}

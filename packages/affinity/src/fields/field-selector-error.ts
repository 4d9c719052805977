import { FieldErrorType, StatusError, StatusReason } from "@kubesim/core";

/**
 * The 400 `BadRequest` the API server answers for a field selector it cannot use. The
 * message is upstream's plain error text; as upstream reports no field error, `errors`
 * holds one `FieldValueInvalid` for field `""` with the selector text as bad value and
 * the message as detail.
 */
export function createFieldSelectorError(selectorText: string, message: string): StatusError {
  return new StatusError(
    { message, reason: StatusReason.BadRequest, code: 400 },
    { errors: [{ type: FieldErrorType.Invalid, field: "", badValue: selectorText, detail: message }] },
  );
}

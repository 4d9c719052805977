import { FieldErrorType, StatusError, StatusReason } from "@kubesim/core";

/**
 * Builds the 400 `BadRequest` the API server answers for a field selector it cannot use.
 *
 * The message is upstream's plain error text; as upstream reports no field error, `errors`
 * holds one `FieldValueInvalid` for field `""` with the selector text as bad value and
 * the message as detail. Returns the error; never throws.
 *
 * @example
 * const error = createFieldSelectorError("a", "invalid selector: 'a'; can't understand 'a'");
 * error.code // => 400
 * error.reason // => "BadRequest"
 * error.errors
 * // => [{ type: "FieldValueInvalid", field: "", badValue: "a", detail: "invalid selector: 'a'; can't understand 'a'" }]
 */
export function createFieldSelectorError(selectorText: string, message: string): StatusError {
  return new StatusError(
    { message, reason: StatusReason.BadRequest, code: 400 },
    { errors: [{ type: FieldErrorType.Invalid, field: "", badValue: selectorText, detail: message }] },
  );
}

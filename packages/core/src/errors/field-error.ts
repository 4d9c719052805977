import { GoValue, goNumber, goQuote } from "./go-format.js";

/**
 * The kinds of field error, spelled as the Kubernetes API spells them in
 * `Status.details.causes[].type`.
 */
export const FieldErrorType = {
  NotFound: "FieldValueNotFound",
  Required: "FieldValueRequired",
  Duplicate: "FieldValueDuplicate",
  Invalid: "FieldValueInvalid",
  NotSupported: "FieldValueNotSupported",
  Forbidden: "FieldValueForbidden",
  TooLong: "FieldValueTooLong",
  TooMany: "FieldValueTooMany",
  Internal: "InternalError",
  TypeInvalid: "FieldValueTypeInvalid",
} as const;

/** One of the {@link FieldErrorType} values. */
export type FieldErrorType = (typeof FieldErrorType)[keyof typeof FieldErrorType];

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value",
};

/** Marks a field error whose bad value must not be printed (upstream's `omitValue`). */
export const omitValue: unique symbol = Symbol.for("kubesim.field.omitValue");

/**
 * The value a field error reports: a JSON scalar, a pre-rendered {@link GoValue},
 * {@link omitValue}, or any other value (rendered as JSON).
 */
export type BadValue = string | number | boolean | null | undefined | GoValue | typeof omitValue | object;

/** One problem with one field of an object, as upstream's `field.Error`. */
export interface FieldError {
  /** The error type, e.g. `FieldValueInvalid`. */
  readonly type: FieldErrorType;
  /** The field path, e.g. `spec.template.spec.containers[0].image`. */
  readonly field: string;
  /** The offending value. */
  readonly badValue: BadValue;
  /** Extra human-readable detail, e.g. `must be greater than or equal to 0`. */
  readonly detail: string;
}

function createFieldError(type: FieldErrorType, field: string, badValue: BadValue, detail = ""): FieldError {
  return { type, field, badValue, detail };
}

/**
 * Builders for field errors, one per upstream constructor (`field.Invalid`,
 * `field.Required`, ...). Paths are plain strings built with {@link fieldPath}.
 */
export const fieldErrors = {
  /** The value is not valid. */
  invalid: (field: string, badValue: BadValue, detail: string): FieldError =>
    createFieldError(FieldErrorType.Invalid, field, badValue, detail),
  /** A required value is missing. */
  required: (field: string, detail = ""): FieldError =>
    createFieldError(FieldErrorType.Required, field, "", detail),
  /** The value is not one of the supported values; they are listed double-quoted. */
  notSupported: (field: string, badValue: BadValue, supported: readonly string[]): FieldError =>
    createFieldError(
      FieldErrorType.NotSupported,
      field,
      badValue,
      supported.length > 0 ? `supported values: ${supported.map(goQuote).join(", ")}` : "",
    ),
  /** The value duplicates another one. */
  duplicate: (field: string, badValue: BadValue): FieldError =>
    createFieldError(FieldErrorType.Duplicate, field, badValue),
  /** The field may not be set (here, now, or by this user). */
  forbidden: (field: string, detail: string): FieldError =>
    createFieldError(FieldErrorType.Forbidden, field, "", detail),
  /** The value is too long. */
  tooLong: (field: string, badValue: BadValue, maxLength: number): FieldError =>
    createFieldError(
      FieldErrorType.TooLong,
      field,
      badValue,
      maxLength >= 0 ? `may not be more than ${maxLength} bytes` : "value is too long",
    ),
  /** The list has too many items. */
  tooMany: (field: string, actual: number, max: number): FieldError =>
    createFieldError(FieldErrorType.TooMany, field, actual, `must have at most ${max} items`),
  /** A referenced value does not exist. */
  notFound: (field: string, badValue: BadValue): FieldError =>
    createFieldError(FieldErrorType.NotFound, field, badValue),
  /** Something went wrong that is not the caller's fault. */
  internal: (field: string, detail: string): FieldError =>
    createFieldError(FieldErrorType.Internal, field, "", detail),
  /** The value has the wrong type. */
  typeInvalid: (field: string, badValue: BadValue, detail: string): FieldError =>
    createFieldError(FieldErrorType.TypeInvalid, field, badValue, detail),
} as const;

/**
 * Joins path segments the way upstream's `field.Path` prints them: names joined by
 * `.`, indexes as `[0]` and map keys as `[key]`.
 *
 * @example
 * fieldPath("spec", "containers", 0, "image") // => "spec.containers[0].image"
 * fieldPath("metadata", "labels", ["app"])     // => "metadata.labels[app]"
 */
export function fieldPath(...segments: ReadonlyArray<string | number | readonly [string]>): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string") out += out === "" ? segment : `.${segment}`;
    else out += `[${segment[0]}]`;
  }
  return out;
}

/** Renders the bad value the way upstream's `ErrorBody` does. */
function renderBadValue(value: BadValue): string {
  // Go turns a nil value (or nil pointer) into the string "null" and prints it with %q.
  if (value === null || value === undefined) return '"null"';
  if (value instanceof GoValue) return value.rendered;
  switch (typeof value) {
    case "string":
      return goQuote(value);
    case "number":
      return goNumber(value);
    case "boolean":
      return String(value);
    default:
      return JSON.stringify(value) ?? "null";
  }
}

/**
 * The body of a field error without its path, e.g.
 * `Invalid value: -1: must be greater than or equal to 0` (upstream's `ErrorBody()`).
 * This is what `Status.details.causes[].message` holds.
 */
export function fieldErrorBody(error: FieldError): string {
  const text = typeText[error.type];
  let body: string;
  if (
    error.type === FieldErrorType.Required ||
    error.type === FieldErrorType.Forbidden ||
    error.type === FieldErrorType.TooLong ||
    error.type === FieldErrorType.Internal ||
    error.badValue === omitValue
  ) {
    body = text;
  } else {
    body = `${text}: ${renderBadValue(error.badValue)}`;
  }
  if (error.detail !== "") body += `: ${error.detail}`;
  return body;
}

/** The full message of one field error: `<field>: <body>`. */
export function fieldErrorMessage(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}

/**
 * Joins field errors as upstream's `ErrorList.ToAggregate().Error()` does: identical
 * messages once; one message alone; several as `[a, b]`.
 */
export function aggregateFieldErrors(errors: readonly FieldError[]): string {
  const messages = [...new Set(errors.map(fieldErrorMessage))];
  if (messages.length === 1) return messages[0] ?? "";
  return `[${messages.join(", ")}]`;
}

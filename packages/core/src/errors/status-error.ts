import type { Status, StatusCause } from "kubernetes-types/meta/v1";
import { aggregateFieldErrors, type FieldError, fieldErrorBody } from "./field-error.js";
import { goQuote } from "./go-format.js";
import { KubesimError } from "./kubesim-error.js";

const marker = Symbol.for("kubesim.error.StatusError");

/**
 * The `reason` values of a meta/v1 `Status`, as the API server sends them.
 */
export const StatusReason = {
  BadRequest: "BadRequest",
  Unauthorized: "Unauthorized",
  Forbidden: "Forbidden",
  NotFound: "NotFound",
  AlreadyExists: "AlreadyExists",
  Conflict: "Conflict",
  Gone: "Gone",
  Expired: "Expired",
  Invalid: "Invalid",
  MethodNotAllowed: "MethodNotAllowed",
  NotAcceptable: "NotAcceptable",
  UnsupportedMediaType: "UnsupportedMediaType",
  InternalError: "InternalError",
  Timeout: "Timeout",
  TooManyRequests: "TooManyRequests",
  RequestEntityTooLarge: "RequestEntityTooLarge",
  ServiceUnavailable: "ServiceUnavailable",
  Unknown: "",
} as const;

/** One of the {@link StatusReason} values. */
export type StatusReason = (typeof StatusReason)[keyof typeof StatusReason];

/** A failure `Status` whose `reason`, `code` and `message` are always present. */
export interface FailureStatus extends Status {
  readonly apiVersion: "v1";
  readonly kind: "Status";
  readonly status: "Failure";
  readonly message: string;
  readonly reason: StatusReason;
  readonly code: number;
}

/**
 * An error carrying a Kubernetes meta/v1 `Status`, the shape every API failure has on
 * the wire. Every `ApiClient` method rejects with one; the CLI prints it as kubectl does
 * (see {@link formatKubectlError}).
 *
 * @example
 * throw createNotFoundError({ group: "apps", resource: "daemonsets" }, "nginx");
 * // message: daemonsets.apps "nginx" not found
 */
export class StatusError extends KubesimError {
  /** The Status as the API server would send it. */
  readonly status: FailureStatus;
  /**
   * The field errors behind an `Invalid` error, with their JavaScript bad values (the
   * Status causes only carry rendered text). Empty for other reasons.
   */
  readonly errors: readonly FieldError[];

  constructor(
    status: Omit<FailureStatus, "apiVersion" | "kind" | "status" | "metadata">,
    options?: { cause?: unknown; errors?: readonly FieldError[] },
  ) {
    super(status.message, options);
    this.errors = options?.errors ?? [];
    Object.defineProperty(this, marker, { value: true });
    this.status = { apiVersion: "v1", kind: "Status", metadata: {}, status: "Failure", ...status };
    this.name = `StatusError (reason ${status.reason || "Unknown"})`;
  }

  /** The Status reason, e.g. `NotFound`. */
  get reason(): StatusReason {
    return this.status.reason;
  }

  /** The HTTP status code, e.g. 404. */
  get code(): number {
    return this.status.code;
  }

  /** True when `error` is a StatusError (from any copy of this package). */
  static override isInstance(error: unknown): error is StatusError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

/** A resource qualified by its API group, e.g. `{ group: "apps", resource: "daemonsets" }`. */
export interface GroupResource {
  readonly group: string;
  readonly resource: string;
}

/** A kind qualified by its API group, e.g. `{ group: "apps", kind: "DaemonSet" }`. */
export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/** `daemonsets.apps` for grouped resources, `pods` for the core group. */
export function groupResourceString({ group, resource }: GroupResource): string {
  return group === "" ? resource : `${resource}.${group}`;
}

/** `DaemonSet.apps` for grouped kinds, `Pod` for the core group. */
export function groupKindString({ group, kind }: GroupKind): string {
  return group === "" ? kind : `${kind}.${group}`;
}

/** `daemonsets.apps "x" not found` (404). */
export function createNotFoundError(resource: GroupResource, name: string): StatusError {
  return new StatusError({
    message: `${groupResourceString(resource)} ${goQuote(name)} not found`,
    reason: StatusReason.NotFound,
    code: 404,
    details: { name, group: resource.group, kind: resource.resource },
  });
}

/** `daemonsets.apps "x" already exists` (409). */
export function createAlreadyExistsError(resource: GroupResource, name: string): StatusError {
  return new StatusError({
    message: `${groupResourceString(resource)} ${goQuote(name)} already exists`,
    reason: StatusReason.AlreadyExists,
    code: 409,
    details: { name, group: resource.group, kind: resource.resource },
  });
}

/** The text upstream uses when a write carries a stale resourceVersion. */
export const optimisticLockErrorMessage =
  "the object has been modified; please apply your changes to the latest version and try again";

/**
 * `Operation cannot be fulfilled on daemonsets.apps "x": <detail>` (409). The detail
 * defaults to upstream's optimistic-lock message.
 */
export function createConflictError(
  resource: GroupResource,
  name: string,
  detail: string = optimisticLockErrorMessage,
): StatusError {
  return new StatusError({
    message: `Operation cannot be fulfilled on ${groupResourceString(resource)} ${goQuote(name)}: ${detail}`,
    reason: StatusReason.Conflict,
    code: 409,
    details: { name, group: resource.group, kind: resource.resource },
  });
}

/**
 * `DaemonSet.apps "x" is invalid: <errors>` (422), one `details.causes` entry per field
 * error, as upstream's `NewInvalid`.
 */
export function createInvalidError(
  kind: GroupKind,
  name: string,
  errors: readonly FieldError[],
): StatusError {
  const causes: StatusCause[] = errors.map((error) => ({
    reason: error.type,
    message: fieldErrorBody(error),
    field: error.field,
  }));
  const prefix = `${groupKindString(kind)} ${goQuote(name)} is invalid`;
  return new StatusError(
    {
      message: errors.length === 0 ? prefix : `${prefix}: ${aggregateFieldErrors(errors)}`,
      reason: StatusReason.Invalid,
      code: 422,
      details: { name, group: kind.group, kind: kind.kind, causes },
    },
    { errors },
  );
}

/** A 400 with the given message. */
export function createBadRequestError(message: string): StatusError {
  return new StatusError({ message, reason: StatusReason.BadRequest, code: 400 });
}

/**
 * 410 Gone for a watch or list from a resourceVersion the store no longer has, as
 * upstream: `too old resource version: <requested> (<oldest>)`, reason `Expired`.
 */
export function createResourceExpiredError(requested: string, oldest: string): StatusError {
  return new StatusError({
    message: `too old resource version: ${requested} (${oldest})`,
    reason: StatusReason.Expired,
    code: 410,
  });
}

/** 410 Gone with a free-form message, reason `Gone`. */
export function createGoneError(message: string): StatusError {
  return new StatusError({ message, reason: StatusReason.Gone, code: 410 });
}

/** `daemonsets.apps "x" is forbidden: <detail>` (403). */
export function createForbiddenError(resource: GroupResource, name: string, detail: string): StatusError {
  const subject =
    name === "" ? groupResourceString(resource) : `${groupResourceString(resource)} ${goQuote(name)}`;
  return new StatusError({
    message: `${subject} is forbidden: ${detail}`,
    reason: StatusReason.Forbidden,
    code: 403,
    details: { name, group: resource.group, kind: resource.resource },
  });
}

/** `the server does not allow this method on the requested resource` (405). */
export function createMethodNotAllowedError(resource: GroupResource, action: string): StatusError {
  return new StatusError({
    message: `${action} is not supported on resources of kind ${goQuote(groupResourceString(resource))}`,
    reason: StatusReason.MethodNotAllowed,
    code: 405,
    details: { group: resource.group, kind: resource.resource },
  });
}

/** A 500 for faults that are not the caller's. */
export function createInternalError(message: string, cause?: unknown): StatusError {
  return new StatusError(
    {
      message: `Internal error occurred: ${message}`,
      reason: StatusReason.InternalError,
      code: 500,
      details: { causes: [{ message }] },
    },
    { cause },
  );
}

const reasonPredicate =
  (reason: StatusReason) =>
  (error: unknown): error is StatusError =>
    StatusError.isInstance(error) && error.status.reason === reason;

/** True for a `NotFound` StatusError. */
export const isNotFound = reasonPredicate(StatusReason.NotFound);
/** True for an `AlreadyExists` StatusError. */
export const isAlreadyExists = reasonPredicate(StatusReason.AlreadyExists);
/** True for a `Conflict` StatusError. */
export const isConflict = reasonPredicate(StatusReason.Conflict);
/** True for an `Invalid` StatusError. */
export const isInvalid = reasonPredicate(StatusReason.Invalid);
/** True for a `BadRequest` StatusError. */
export const isBadRequest = reasonPredicate(StatusReason.BadRequest);
/** True for a `Forbidden` StatusError. */
export const isForbidden = reasonPredicate(StatusReason.Forbidden);
/** True for a `MethodNotAllowed` StatusError. */
export const isMethodNotAllowed = reasonPredicate(StatusReason.MethodNotAllowed);
/** True for a 410: reason `Gone` or `Expired`. */
export function isGone(error: unknown): error is StatusError {
  return (
    StatusError.isInstance(error) && (error.status.reason === "Gone" || error.status.reason === "Expired")
  );
}

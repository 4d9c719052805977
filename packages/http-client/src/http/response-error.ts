import {
  type GroupResource,
  goQuote,
  groupResourceString,
  type StatusCause,
  type StatusDetails,
  StatusError,
  StatusReason,
} from "@kubesim/core";

/** client-go keeps at most this much of a non-Status error body. */
const maxUnstructuredBodyBytes = 2048;

/** What a request was, for error messages synthesised from an HTTP code. */
export interface RequestDescription {
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The resource addressed, when the request addressed one. */
  readonly groupResource?: GroupResource;
  /** The object's name, when the request addressed one. */
  readonly name?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownString(record: Record<string, unknown>, key: string): string | undefined {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

function ownNumber(record: Record<string, unknown>, key: string): number | undefined {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Copies the known fields of a Status cause, with their types checked. */
function causeOf(value: unknown): StatusCause | undefined {
  if (!isRecord(value)) return undefined;
  const cause: StatusCause = {};
  const reason = ownString(value, "reason");
  if (reason !== undefined) cause.reason = reason;
  const message = ownString(value, "message");
  if (message !== undefined) cause.message = message;
  const field = ownString(value, "field");
  if (field !== undefined) cause.field = field;
  return cause;
}

/** Copies the known fields of Status details, with their types checked (untrusted input). */
function detailsOf(value: unknown): StatusDetails | undefined {
  if (!isRecord(value)) return undefined;
  const details: StatusDetails = {};
  for (const key of ["name", "group", "kind", "uid"] as const) {
    const text = ownString(value, key);
    if (text !== undefined) details[key] = text;
  }
  const causes = Object.hasOwn(value, "causes") ? value.causes : undefined;
  if (Array.isArray(causes)) {
    details.causes = causes.map(causeOf).filter((cause): cause is StatusCause => cause !== undefined);
  }
  const retryAfterSeconds = ownNumber(value, "retryAfterSeconds");
  if (retryAfterSeconds !== undefined) details.retryAfterSeconds = retryAfterSeconds;
  return details;
}

/**
 * The `metav1.Status` a body holds when it is a failure Status (`kind: "Status"`,
 * apiVersion `v1` or absent, `status: "Failure"`), else `undefined`. client-go turns
 * only those into API errors.
 */
export function failureStatusOf(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  if (ownString(body, "kind") !== "Status") return undefined;
  const apiVersion = Object.hasOwn(body, "apiVersion") ? body.apiVersion : undefined;
  if (apiVersion !== undefined && apiVersion !== "v1") return undefined;
  return ownString(body, "status") === "Failure" ? body : undefined;
}

/**
 * The StatusError a failure `Status` stands for. A missing `code` is taken from the HTTP
 * answer, a missing message from what client-go would say for that code.
 */
export function statusErrorFromStatus(
  status: Record<string, unknown>,
  httpCode: number,
  request: RequestDescription,
): StatusError {
  const code = ownNumber(status, "code") || httpCode;
  const reason = (ownString(status, "reason") ?? StatusReason.Unknown) as StatusReason;
  const message = ownString(status, "message") ?? genericServerResponse(code, request, "").message;
  const details = detailsOf(Object.hasOwn(status, "details") ? status.details : undefined);
  return new StatusError({ message, reason, code, ...(details === undefined ? {} : { details }) });
}

/** The reason and message client-go's `NewGenericServerResponse` gives an HTTP code; a function builds the message from the server's text. */
interface GenericResponse {
  readonly reason: StatusReason;
  readonly message: string | ((serverMessage: string) => string);
}

/** The codes client-go's `NewGenericServerResponse` knows (409 is AlreadyExists for a POST). */
const genericResponses: ReadonlyMap<number, GenericResponse> = new Map<number, GenericResponse>([
  [409, { reason: StatusReason.Conflict, message: "the server reported a conflict" }],
  [404, { reason: StatusReason.NotFound, message: "the server could not find the requested resource" }],
  [
    400,
    { reason: StatusReason.BadRequest, message: "the server rejected our request for an unknown reason" },
  ],
  [
    401,
    {
      reason: StatusReason.Unauthorized,
      message: "the server has asked for the client to provide credentials",
    },
  ],
  [403, { reason: StatusReason.Forbidden, message: (serverMessage) => serverMessage }],
  [
    406,
    {
      reason: StatusReason.NotAcceptable,
      message: (serverMessage) =>
        serverMessage === "" || serverMessage === "unknown"
          ? "the server was unable to respond with a content type that the client supports"
          : serverMessage,
    },
  ],
  [415, { reason: StatusReason.UnsupportedMediaType, message: (serverMessage) => serverMessage }],
  [
    405,
    {
      reason: StatusReason.MethodNotAllowed,
      message: "the server does not allow this method on the requested resource",
    },
  ],
  [
    422,
    {
      reason: StatusReason.Invalid,
      message: "the server rejected our request due to an error in our request",
    },
  ],
  [
    503,
    {
      reason: StatusReason.ServiceUnavailable,
      message: "the server is currently unable to handle the request",
    },
  ],
  [
    504,
    {
      reason: StatusReason.Timeout,
      message:
        "the server was unable to return a response in the time allotted, but may still be processing the request",
    },
  ],
  [
    429,
    {
      reason: StatusReason.TooManyRequests,
      message: "the server has received too many requests and has asked us to try again later",
    },
  ],
]);

/**
 * client-go's `NewGenericServerResponse`: the error for an answer whose body is not a
 * Status, from the HTTP code alone, e.g. 404 → NotFound `the server could not find the
 * requested resource (get daemonsets.apps nope)`.
 */
export function genericServerResponse(
  code: number,
  request: RequestDescription,
  serverMessage: string,
  retryAfterSeconds?: number,
): StatusError {
  let reason: StatusReason = StatusReason.Unknown;
  let message = `the server responded with the status code ${code} but did not return more information`;
  const known = genericResponses.get(code);
  if (known !== undefined) {
    reason = code === 409 && request.method === "POST" ? StatusReason.AlreadyExists : known.reason;
    message = typeof known.message === "string" ? known.message : known.message(serverMessage);
  } else if (code >= 500) {
    reason = StatusReason.InternalError;
    message = `an error on the server (${goQuote(serverMessage)}) has prevented the request from succeeding`;
  }
  const verb = request.method.toLowerCase();
  const { groupResource, name } = request;
  if (groupResource !== undefined) {
    const resource = groupResourceString(groupResource);
    message =
      name === undefined || name === ""
        ? `${message} (${verb} ${resource})`
        : `${message} (${verb} ${resource} ${name})`;
  }
  const details: StatusDetails = {
    causes: [{ reason: "UnexpectedServerResponse", message: serverMessage }],
  };
  if (groupResource !== undefined) {
    details.group = groupResource.group;
    details.kind = groupResource.resource;
  }
  if (name !== undefined && name !== "") details.name = name;
  if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) details.retryAfterSeconds = retryAfterSeconds;
  return new StatusError({ message, reason, code, details });
}

/** Whether a `Content-Type` is textual, as client-go's `isTextResponse` decides (empty counts). */
function isTextResponse(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === "") return true;
  return contentType.trim().toLowerCase().startsWith("text/");
}

/** The body of a non-2xx answer: its raw bytes, its parsed JSON when it parsed, and its headers. */
export interface ErrorResponse {
  readonly code: number;
  readonly contentType: string | undefined;
  readonly retryAfter: string | undefined;
  readonly text: string;
  readonly json: unknown;
}

/**
 * The StatusError for a non-2xx answer: built from the body when it is a failure Status
 * (code, reason, message, details as sent), otherwise synthesised from the HTTP code as
 * client-go does (a textual body becomes the cause's message, any other body `unknown`).
 */
export function statusErrorFromResponse(response: ErrorResponse, request: RequestDescription): StatusError {
  const status = failureStatusOf(response.json);
  if (status !== undefined) return statusErrorFromStatus(status, response.code, request);
  const serverMessage = isTextResponse(response.contentType)
    ? response.text.slice(0, maxUnstructuredBodyBytes).trim()
    : "unknown";
  const retryAfter = response.retryAfter === undefined ? undefined : Number(response.retryAfter);
  return genericServerResponse(
    response.code,
    request,
    serverMessage,
    retryAfter !== undefined && Number.isSafeInteger(retryAfter) ? retryAfter : undefined,
  );
}

/**
 * The StatusError for a request that got no HTTP answer (connection refused or reset,
 * TLS failure, DNS): 503 ServiceUnavailable, with the message Go's HTTP client would
 * print (`Get "https://host/api/v1/...": connect ECONNREFUSED 127.0.0.1:6443`) and the
 * network error as `cause`.
 */
export function createTransportError(method: string, url: string, error: unknown): StatusError {
  const detail = error instanceof Error ? error.message : String(error);
  const verb = method.charAt(0) + method.slice(1).toLowerCase();
  const message = `${verb} ${goQuote(url)}: ${detail}`;
  return new StatusError(
    {
      message,
      reason: StatusReason.ServiceUnavailable,
      code: 503,
      details: { causes: [{ reason: "UnexpectedServerResponse", message: detail }] },
    },
    { cause: error },
  );
}

/** The StatusError for a request that took longer than the client's `timeoutMs`: 504 Timeout. */
export function createClientTimeoutError(method: string, url: string, timeoutMs: number): StatusError {
  const verb = method.charAt(0) + method.slice(1).toLowerCase();
  return new StatusError({
    message: `${verb} ${goQuote(url)}: the request did not complete within ${timeoutMs}ms`,
    reason: StatusReason.Timeout,
    code: 504,
    details: {},
  });
}

/** The StatusError for a 2xx answer whose body cannot be used (not JSON, wrong shape). */
export function createMalformedResponseError(method: string, url: string, detail: string): StatusError {
  const verb = method.charAt(0) + method.slice(1).toLowerCase();
  return new StatusError({
    message: `${verb} ${goQuote(url)}: ${detail}`,
    reason: StatusReason.InternalError,
    code: 500,
    details: { causes: [{ reason: "UnexpectedServerResponse", message: detail }] },
  });
}

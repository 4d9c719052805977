import {
  createBadRequestError,
  createConflictError,
  goQuote,
  groupResourceString,
  StatusError,
  StatusReason,
} from "@kubesim/core";
import { maxObjectDepth } from "./json-depth.js";
import { type KindInfo, storageKey } from "./kind-info.js";

/**
 * The Conflict upstream returns when a storage precondition fails: the storage error
 * text, key included, e.g. `Operation cannot be fulfilled on pods "web": StorageError:
 * invalid object, Code: 4, Key: /registry/pods/default/web, ResourceVersion: 0,
 * AdditionalErrorMsg: Precondition failed: UID in precondition: a, UID in object meta: b`.
 */
export function createStoragePreconditionError(
  info: KindInfo,
  namespace: string,
  name: string,
  detail: string,
): StatusError {
  const key = storageKey(info, namespace, name);
  return createConflictError(
    info.groupResource,
    name,
    `StorageError: invalid object, Code: 4, Key: ${key}, ResourceVersion: 0, AdditionalErrorMsg: ${detail}`,
  );
}

/** Upstream's storage precondition text for a uid mismatch. */
export function uidPreconditionDetail(wanted: string, actual: string): string {
  return `Precondition failed: UID in precondition: ${wanted}, UID in object meta: ${actual}`;
}

/** Upstream's storage precondition text for a resourceVersion mismatch. */
export function resourceVersionPreconditionDetail(wanted: string, actual: string): string {
  return `Precondition failed: ResourceVersion in precondition: ${wanted}, ResourceVersion in object meta: ${actual}`;
}

/** A create whose object carries a resourceVersion (HTTP 500 with no reason, as upstream). */
export function createResourceVersionSetOnCreateError(): StatusError {
  return new StatusError({
    message: "resourceVersion should not be set on objects to be created",
    reason: StatusReason.Unknown,
    code: 500,
  });
}

/** A body the API server cannot decode into the kind: `Pod in version "v1" cannot be handled as a Pod: ...`. */
export function createDecodeError(info: KindInfo, detail: string): StatusError {
  const { kind, version } = info.resource;
  return createBadRequestError(
    `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${detail}`,
  );
}

/** A request that names no object (client-go refuses it with this text). */
export function createEmptyNameError(): StatusError {
  return createBadRequestError("resource name may not be empty");
}

/** An object or patch nested deeper than the store accepts. */
export function createTooDeepError(): StatusError {
  return createBadRequestError(`the object is nested more than ${maxObjectDepth} levels deep`);
}

/** Every generated name collided, as upstream's `NewGenerateNameConflict`. */
export function createGenerateNameConflictError(info: KindInfo, name: string): StatusError {
  return new StatusError({
    message: `${groupResourceString(info.groupResource)} ${goQuote(name)} already exists, the server was not able to generate a unique name for the object`,
    reason: StatusReason.AlreadyExists,
    code: 409,
    details: {
      name,
      group: info.groupResource.group,
      kind: info.groupResource.resource,
      retryAfterSeconds: 1,
    },
  });
}

/**
 * A watch from a revision the store has not reached yet (upstream's watch cache gives
 * up waiting for it): 504 `Timeout: Too large resource version: 12, current: 10`.
 */
export function createTooLargeResourceVersionError(requested: string, current: number): StatusError {
  return new StatusError({
    message: `Timeout: Too large resource version: ${requested}, current: ${current}`,
    reason: StatusReason.Timeout,
    code: 504,
    details: {
      retryAfterSeconds: 1,
      causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }],
    },
  });
}

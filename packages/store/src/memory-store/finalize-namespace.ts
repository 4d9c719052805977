import {
  createBadRequestError,
  createInvalidError,
  createNotFoundError,
  validateObjectMetaUpdate,
} from "@kubesim/core";
import { decodeObject } from "./decode-object.js";
import { type JsonObject, metadataOf, objectField, ownField, stringField } from "./json-object.js";
import { objectKey } from "./kind-info.js";
import { createEmptyNameError } from "./store-errors.js";
import type { StoreState } from "./store-state.js";
import {
  checkResourceVersion,
  checkUidPrecondition,
  commitUpdate,
  type UpdateTarget,
} from "./update-object.js";

/**
 * The `namespaces/finalize` subresource: replaces a Namespace's `spec.finalizers` (the
 * namespace controller removes `kubernetes` once the namespace is empty). A terminating
 * namespace left with no finalizers at all is deleted. Not part of `ApiClient`; the
 * cluster's namespace controller and the API server use it.
 *
 * @throws StatusError BadRequest when the object is not a Namespace; NotFound; Conflict
 *   for a stale resourceVersion; Invalid for metadata update errors.
 */
export function finalizeNamespace(state: StoreState, input: unknown): JsonObject {
  const { info, object, metadata } = decodeObject(input, "update");
  if (info.kind !== "Namespace")
    throw createBadRequestError(`finalize is only served for namespaces, got ${info.kind}`);
  const name = stringField(metadata, "name");
  if (name === "") throw createEmptyNameError();
  delete metadata.namespace;
  const key = objectKey(info, "", name);
  const existing = state.get(info, key);
  checkUidPrecondition(info, "", name, stringField(metadata, "uid"), existing);
  if (existing === undefined) throw createNotFoundError(info.groupResource, name);
  const target: UpdateTarget = { info, namespace: "", name, key, existing };
  checkResourceVersion(target, metadata);
  const finalizers = ownField(objectField(object, "spec") ?? {}, "finalizers");
  const spec: JsonObject = { ...objectField(existing, "spec") };
  if (Array.isArray(finalizers) && finalizers.length > 0)
    spec.finalizers = finalizers.filter((item) => typeof item === "string");
  else delete spec.finalizers;
  const next: JsonObject = { ...existing, metadata: { ...metadataOf(existing) }, spec };
  const errors = validateObjectMetaUpdate(next.metadata, metadataOf(existing));
  if (errors.length > 0) throw createInvalidError(info.groupKind, name, errors);
  return commitUpdate(state, target, next);
}

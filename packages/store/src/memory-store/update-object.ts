import { createConflictError, createNotFoundError } from "@kubesim/core";
import { recordWrite } from "../managed-fields/index.js";
import { createDecoded } from "./create-object.js";
import { readTemplateGeneration } from "./daemonset-template-generation.js";
import { decodeObject } from "./decode-object.js";
import { fieldManagerScope } from "./field-manager-scope.js";
import { type JsonObject, metadataOf, objectField, stringField, stringListField } from "./json-object.js";
import { type KindInfo, objectKey } from "./kind-info.js";
import { admitNamespacedWrite } from "./namespace-lifecycle.js";
import { storedObjectEqual } from "./object-equality.js";
import { namespaceOfObject, placeInNamespace } from "./object-placement.js";
import { dedupOwnerReferences } from "./owner-references.js";
import { prepareForUpdate } from "./prepare-for-update.js";
import { parseResourceVersion } from "./resource-version.js";
import {
  createEmptyNameError,
  createStoragePreconditionError,
  uidPreconditionDetail,
} from "./store-errors.js";
import type { StoreState } from "./store-state.js";
import { assertValidUpdate } from "./validate-update.js";

/** The stored object an update addresses. */
export interface UpdateTarget {
  readonly info: KindInfo;
  readonly namespace: string;
  readonly name: string;
  readonly key: string;
  readonly existing: JsonObject;
}

/**
 * The storage precondition an update carries when its object names a uid: the stored
 * object (or, when there is none, an empty one) must have that uid.
 *
 * @throws StatusError Conflict with upstream's storage error text.
 */
export function checkUidPrecondition(
  info: KindInfo,
  namespace: string,
  name: string,
  uid: string,
  existing: JsonObject | undefined,
): void {
  if (uid === "") return;
  const actual = existing === undefined ? "" : stringField(metadataOf(existing), "uid");
  if (uid !== actual) {
    throw createStoragePreconditionError(info, namespace, name, uidPreconditionDetail(uid, actual));
  }
}

/**
 * Optimistic concurrency: a resourceVersion in the new object must be the stored one
 * (else Conflict with upstream's "the object has been modified" message); without one the
 * update is unconditional. Either way the new object carries the stored resourceVersion.
 */
export function checkResourceVersion(target: UpdateTarget, metadata: JsonObject): void {
  const current = stringField(metadataOf(target.existing), "resourceVersion");
  const sent = stringField(metadata, "resourceVersion");
  if (sent !== "" && parseResourceVersion(sent) !== parseResourceVersion(current)) {
    throw createConflictError(target.info.groupResource, target.name);
  }
  metadata.resourceVersion = current;
}

/**
 * Upstream's `ShouldDeleteDuringUpdate`: an update that leaves a deleting object (grace
 * period 0 or none) without finalizers deletes it; a Namespace also needs empty
 * `spec.finalizers`.
 */
function shouldDeleteDuringUpdate(info: KindInfo, object: JsonObject, existing: JsonObject): boolean {
  if (stringListField(metadataOf(object), "finalizers").length > 0) return false;
  const oldMetadata = metadataOf(existing);
  if (stringField(oldMetadata, "deletionTimestamp") === "") return false;
  const gracePeriod = oldMetadata?.deletionGracePeriodSeconds;
  if (gracePeriod !== undefined && gracePeriod !== null && gracePeriod !== 0) return false;
  return info.kind !== "Namespace" || stringListField(objectField(object, "spec"), "finalizers").length === 0;
}

/**
 * Commits a prepared and validated update: deletes the object when the update removed its
 * last finalizer during deletion, commits nothing when nothing changed (no new
 * resourceVersion, no event; a ControllerRevision's `data` counts as changed when its
 * JSON text does), else stores it (`MODIFIED`).
 *
 * @returns the stored object, or the updated one when the update deleted it.
 */
export function commitUpdate(state: StoreState, target: UpdateTarget, object: JsonObject): JsonObject {
  if (shouldDeleteDuringUpdate(target.info, object, target.existing)) {
    state.commitDelete(target.info, target.key, target.existing);
    return object;
  }
  if (storedObjectEqual(target.info.kind, object, target.existing)) return target.existing;
  return state.commitPut(target.info, target.key, object, target.existing);
}

/** How an update settles managedFields: recorded for a manager (or none), or already settled by an apply. */
export type UpdateOwnership = { readonly fieldManager: string | undefined } | "settled";

/**
 * Runs the update path on a decoded object that replaces `target.existing`: namespace
 * admission, the resourceVersion precondition, managedFields (see `recordWrite`), the
 * strategy's preparation, validation with the old object, then {@link commitUpdate}.
 * `update()` and `patch()` share it.
 */
export function applyUpdate(
  state: StoreState,
  target: UpdateTarget,
  object: JsonObject,
  sentTemplateGeneration: bigint,
  ownership: UpdateOwnership,
): JsonObject {
  const metadata = object.metadata as JsonObject;
  admitNamespacedWrite(state, target.info, target.namespace, target.name, "update");
  checkResourceVersion(target, metadata);
  dedupOwnerReferences(metadata);
  if (ownership !== "settled") {
    recordWrite(fieldManagerScope(state, target.info, ""), target.existing, object, ownership.fieldManager);
  }
  const extraErrors = prepareForUpdate(target.info, object, target.existing, sentTemplateGeneration);
  assertValidUpdate(target.info, object, target.existing, extraErrors);
  return commitUpdate(state, target, object);
}

/**
 * `ApiClient.update`: replaces an object's spec and metadata (the stored status is kept
 * for kinds with a status subresource). Services and Events are created when missing, as
 * upstream allows for them.
 */
export function updateObject(state: StoreState, input: unknown, fieldManager?: string): JsonObject {
  const { info, object, metadata } = decodeObject(input, "update");
  const sentTemplateGeneration = info.kind === "DaemonSet" ? readTemplateGeneration(info, object) : 0n;
  const namespace = namespaceOfObject(info, metadata);
  placeInNamespace(metadata, namespace);
  const name = stringField(metadata, "name");
  if (name === "") throw createEmptyNameError();
  const key = objectKey(info, namespace, name);
  const existing = state.get(info, key);
  checkUidPrecondition(info, namespace, name, stringField(metadata, "uid"), existing);
  if (existing === undefined) {
    if (!info.allowCreateOnUpdate) throw createNotFoundError(info.groupResource, name);
    return createDecoded(state, decodeObject(input, "create"), { ignoreResourceVersion: true, fieldManager });
  }
  return applyUpdate(state, { info, namespace, name, key, existing }, object, sentTemplateGeneration, {
    fieldManager,
  });
}

import { createNotFoundError } from "@kubesim/core";
import { recordWrite } from "../managed-fields/index.js";
import { readTemplateGeneration } from "./daemonset-template-generation.js";
import { decodeObject } from "./decode-object.js";
import { fieldManagerScope } from "./field-manager-scope.js";
import { isJsonObject, type JsonObject, metadataOf, objectField, stringField } from "./json-object.js";
import { createUnknownResourceError, objectKey } from "./kind-info.js";
import { admitNamespacedWrite } from "./namespace-lifecycle.js";
import { namespaceOfObject, placeInNamespace } from "./object-placement.js";
import { copyField } from "./prepare-for-update.js";
import { createEmptyNameError } from "./store-errors.js";
import type { StoreState } from "./store-state.js";
import {
  checkResourceVersion,
  checkUidPrecondition,
  commitUpdate,
  type UpdateTarget,
} from "./update-object.js";
import { assertValidStatusUpdate } from "./validate-update.js";

/** The status upstream's pod status strategy stores: a missing qosClass is backfilled. */
function podStatus(status: unknown, old: JsonObject): unknown {
  if (!isJsonObject(status) || stringField(status, "qosClass") !== "") return status;
  const oldQosClass = stringField(objectField(old, "status"), "qosClass");
  return oldQosClass === "" ? status : { ...status, qosClass: oldQosClass };
}

/**
 * `ApiClient.updateStatus`: replaces only the status of an object of a kind with a
 * status subresource. Everything else, metadata included, is kept from the stored object
 * (upstream's status strategies also let labels and annotations through; kubesim does
 * not). The resourceVersion precondition and the uid precondition apply as for update.
 * With a `fieldManager`, the status fields it changes are recorded as its Update entry
 * with subresource `status`.
 *
 * @throws StatusError 404 `the server could not find the requested resource` for a kind
 *   without a status subresource; NotFound when the object does not exist.
 */
export function updateObjectStatus(state: StoreState, input: unknown, fieldManager?: string): JsonObject {
  const { info, object, metadata } = decodeObject(input, "update");
  if (!info.hasStatus) throw createUnknownResourceError();
  if (info.kind === "DaemonSet") readTemplateGeneration(info, object);
  const namespace = namespaceOfObject(info, metadata);
  placeInNamespace(metadata, namespace);
  const name = stringField(metadata, "name");
  if (name === "") throw createEmptyNameError();
  const key = objectKey(info, namespace, name);
  const existing = state.get(info, key);
  checkUidPrecondition(info, namespace, name, stringField(metadata, "uid"), existing);
  if (existing === undefined) throw createNotFoundError(info.groupResource, name);
  const target: UpdateTarget = { info, namespace, name, key, existing };
  admitNamespacedWrite(state, info, namespace, name, "update");
  checkResourceVersion(target, metadata);
  const next: JsonObject = { ...existing, metadata: { ...metadataOf(existing) } };
  copyField(next, info.kind === "Pod" ? { status: podStatus(object.status, existing) } : object, "status");
  // Only status changes here, so only a manager's status fields are recorded (subresource "status").
  if (fieldManager !== undefined)
    recordWrite(fieldManagerScope(state, info, "status"), existing, next, fieldManager);
  assertValidStatusUpdate(info, next, existing);
  return commitUpdate(state, target, next);
}

import {
  createInvalidError,
  type FieldError,
  fieldErrors,
  validateDaemonSet,
  validateDaemonSetStatusUpdate,
  validateDaemonSetUpdate,
  validateObject,
  validateObjectMetaUpdate,
} from "@kubesim/core";
import { type JsonObject, metadataOf, objectField, stringField } from "./json-object.js";
import type { KindInfo } from "./kind-info.js";

function throwIfInvalid(info: KindInfo, object: JsonObject, errors: readonly FieldError[]): void {
  if (errors.length === 0) return;
  throw createInvalidError(info.groupKind, stringField(metadataOf(object), "name"), errors);
}

/**
 * Validates an update as the kind's strategy does (create rules, then update rules),
 * with the extra errors the store computes itself inserted where upstream reports them
 * (a DaemonSet's template generation rules follow the metadata update rules).
 *
 * @throws StatusError (Invalid) listing every error.
 */
export function assertValidUpdate(
  info: KindInfo,
  object: JsonObject,
  old: JsonObject,
  extraErrors: readonly FieldError[],
): void {
  if (info.kind !== "DaemonSet") {
    throwIfInvalid(info, object, [...validateObject(object, { oldObject: old }), ...extraErrors]);
    return;
  }
  const createErrors = validateDaemonSet(object);
  const updateErrors = validateDaemonSetUpdate(object, old);
  const metadataErrors = validateObjectMetaUpdate(metadataOf(object), metadataOf(old)).length;
  throwIfInvalid(info, object, [
    ...createErrors,
    ...updateErrors.slice(0, metadataErrors),
    ...extraErrors,
    ...updateErrors.slice(metadataErrors),
  ]);
}

function namespaceStatusErrors(object: JsonObject, old: JsonObject): FieldError[] {
  const errors = validateObjectMetaUpdate(metadataOf(object), metadataOf(old));
  const phase = stringField(objectField(object, "status"), "phase");
  if (stringField(metadataOf(object), "deletionTimestamp") === "") {
    if (phase !== "Active") {
      errors.push(
        fieldErrors.invalid("status.Phase", phase, "may only be 'Active' if `deletionTimestamp` is empty"),
      );
    }
  } else if (phase !== "Terminating") {
    errors.push(
      fieldErrors.invalid(
        "status.Phase",
        phase,
        "may only be 'Terminating' if `deletionTimestamp` is not empty",
      ),
    );
  }
  return errors;
}

/**
 * Validates a status update as the kind's status strategy does.
 *
 * @throws StatusError (Invalid) listing every error.
 */
export function assertValidStatusUpdate(info: KindInfo, object: JsonObject, old: JsonObject): void {
  switch (info.kind) {
    case "DaemonSet":
      throwIfInvalid(info, object, validateDaemonSetStatusUpdate(object, old));
      return;
    case "Namespace":
      throwIfInvalid(info, object, namespaceStatusErrors(object, old));
      return;
    default:
      throwIfInvalid(info, object, validateObject(object, { oldObject: old }));
  }
}

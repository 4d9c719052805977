import {
  createBadRequestError,
  createConflictError,
  createInternalError,
  createNotFoundError,
  type FieldError,
  fieldErrors,
  type KubeObject,
  type PatchOptions,
  StatusError,
  StatusReason,
} from "@kubesim/core";
import {
  applyConfiguration,
  checkFieldManagerName,
  encodeManagedFields,
  type ManagedTable,
} from "../managed-fields/index.js";
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from "../patch/index.js";
import { createDecoded } from "./create-object.js";
import { readTemplateGeneration } from "./daemonset-template-generation.js";
import { decodeObject } from "./decode-object.js";
import { fieldManagerOf, fieldManagerScope } from "./field-manager-scope.js";
import { exceedsMaxDepth } from "./json-depth.js";
import { isJsonObject, type JsonObject, metadataOf, stringField } from "./json-object.js";
import { type KindInfo, objectKey, resolveKind } from "./kind-info.js";
import { jsonEqual } from "./object-equality.js";
import { placeInNamespace, requestNamespace } from "./object-placement.js";
import { createEmptyNameError, createTooDeepError } from "./store-errors.js";
import type { StoreState } from "./store-state.js";
import { applyUpdate } from "./update-object.js";

const mediaTypes: Readonly<Record<string, string>> = {
  json: "application/json-patch+json",
  merge: "application/merge-patch+json",
  strategic: "application/strategic-merge-patch+json",
  apply: "application/apply-patch+yaml",
};

/** The result of a patch: the stored object, and whether a server-side apply created it. */
export interface PatchOutcome {
  readonly object: KubeObject;
  readonly created: boolean;
}

function checkPatchOptions(options: PatchOptions | undefined): "json" | "merge" | "strategic" | "apply" {
  const type = options?.type;
  if (typeof type !== "string" || !Object.hasOwn(mediaTypes, type)) {
    throw new StatusError({
      message: `the body of the request was in an unknown format - accepted media types include: ${Object.values(mediaTypes).join(", ")}`,
      reason: StatusReason.UnsupportedMediaType,
      code: 415,
    });
  }
  const errors: FieldError[] = [];
  const fieldManager = typeof options?.fieldManager === "string" ? options.fieldManager : "";
  if (type === "apply") {
    if (fieldManager === "") errors.push(fieldErrors.required("fieldManager", "is required for apply patch"));
  } else if (options?.force !== undefined) {
    errors.push(fieldErrors.forbidden("force", "may not be specified for non-apply patch"));
  }
  checkFieldManagerName("PatchOptions", fieldManager, errors);
  return type as "json" | "merge" | "strategic" | "apply";
}

function runPatch(
  type: "json" | "merge" | "strategic" | "apply",
  info: KindInfo,
  original: JsonObject,
  patch: unknown,
) {
  try {
    switch (type) {
      case "json":
        return applyJsonPatch(original, patch);
      case "merge":
        return applyMergePatch(original, patch);
      default:
        return applyStrategicMergePatch(original, patch, info.kind);
    }
  } catch (error) {
    if (StatusError.isInstance(error)) throw error;
    throw createInternalError(error instanceof Error ? error.message : String(error), error);
  }
}

/** Upstream's `checkName` on the patched object. */
function checkName(metadata: JsonObject, name: string): void {
  const objectName = stringField(metadata, "name");
  if (objectName !== name) {
    throw createBadRequestError(
      `the name of the object (${objectName}) does not match the name on the URL (${name})`,
    );
  }
}

/** Decodes a patch result as the body of an update (or of a create for apply), kind and apiVersion kept. */
function decodePatched(info: KindInfo, patched: unknown, operation: "create" | "update") {
  if (!isJsonObject(patched)) throw createBadRequestError("the patched object must be a JSON object");
  return decodeObject({ ...patched, apiVersion: info.resource.apiVersion, kind: info.kind }, operation);
}

/**
 * `ApiClient.patch`: applies a JSON patch, JSON merge patch or strategic merge patch to
 * the stored object and runs the result through the update path (defaulting, validation
 * with the old object, the resourceVersion precondition when the patched object carries
 * a resourceVersion other than the stored one); with a `fieldManager` it is recorded as
 * that manager's Update. Server-side apply (`apply`) merges the configuration with field
 * ownership (see `applyConfiguration`): conflicts, removal of fields the manager stopped
 * applying, and creation of a missing object.
 *
 * @throws StatusError 415 for an unknown patch type, Invalid for bad patch options,
 *   NotFound when the object is missing (except for apply), the patch library's errors,
 *   and every error of update and create.
 */
export function patchObject(
  state: StoreState,
  kind: string,
  name: string,
  patch: unknown,
  options: PatchOptions,
): PatchOutcome {
  const type = checkPatchOptions(options);
  const info = resolveKind(kind);
  if (typeof name !== "string" || name === "") throw createEmptyNameError();
  if (exceedsMaxDepth(patch)) throw createTooDeepError();
  const namespace = requestNamespace(info, options.namespace);
  const key = objectKey(info, namespace, name);
  const existing = state.get(info, key);
  if (type === "apply") {
    if (!isJsonObject(patch)) throw createBadRequestError("the patched object must be a JSON object");
    const applied = applyConfiguration({
      scope: fieldManagerScope(state, info, ""),
      live: existing,
      configuration: patch,
      manager: options.fieldManager as string,
      force: options.force === true,
      group: info.resource.group,
      version: info.resource.version,
    });
    withManagedFields(applied.object, applied.table);
    if (existing === undefined) {
      return { object: applyCreate(state, info, namespace, name, applied.object), created: true };
    }
    return {
      object: applyToExisting(state, info, namespace, name, key, existing, applied.object),
      created: false,
    };
  }
  if (existing === undefined) throw createNotFoundError(info.groupResource, name);
  // The patch functions copy the original and never change it: the stored object is safe.
  const patched = runPatch(type, info, existing, patch);
  const decoded = decodePatched(info, patched, "update");
  placeInNamespace(decoded.metadata, namespace);
  checkName(decoded.metadata, name);
  const sentTemplateGeneration =
    info.kind === "DaemonSet" ? readTemplateGeneration(info, decoded.object) : 0n;
  const target = { info, namespace, name, key, existing };
  return {
    object: applyUpdate(state, target, decoded.object, sentTemplateGeneration, {
      fieldManager: fieldManagerOf(options),
    }),
    created: false,
  };
}

function withManagedFields(object: JsonObject, table: ManagedTable): void {
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  object.metadata = metadata;
  const encoded = encodeManagedFields(table);
  if (encoded === undefined) delete metadata.managedFields;
  else metadata.managedFields = encoded;
}

function withoutTimes(entries: unknown): unknown {
  if (!Array.isArray(entries)) return entries;
  return entries.map((entry: unknown) => {
    if (!isJsonObject(entry)) return entry;
    const { time: _time, ...rest } = entry;
    return rest;
  });
}

/**
 * Upstream's `IgnoreManagedFieldsTimestampsTransformer`: an apply that changes nothing but
 * managedFields times keeps the stored times, so it commits nothing.
 */
function keepTimesOfNoOp(object: JsonObject, existing: JsonObject): void {
  const metadata = object.metadata as JsonObject;
  const existingMetadata = metadataOf(existing) ?? {};
  const entries = metadata.managedFields;
  const existingEntries = existingMetadata.managedFields;
  if (!Array.isArray(entries) || !Array.isArray(existingEntries) || entries.length !== existingEntries.length)
    return;
  if (!jsonEqual(withoutTimes(entries), withoutTimes(existingEntries))) return;
  const { managedFields: _new, ...restNew } = metadata;
  const { managedFields: _old, ...restOld } = existingMetadata;
  if (!jsonEqual({ ...object, metadata: restNew }, { ...existing, metadata: restOld })) return;
  metadata.managedFields = existingEntries;
}

function applyToExisting(
  state: StoreState,
  info: KindInfo,
  namespace: string,
  name: string,
  key: string,
  existing: JsonObject,
  merged: JsonObject,
): JsonObject {
  const decoded = decodePatched(info, merged, "update");
  placeInNamespace(decoded.metadata, namespace);
  checkName(decoded.metadata, name);
  const sentTemplateGeneration =
    info.kind === "DaemonSet" ? readTemplateGeneration(info, decoded.object) : 0n;
  keepTimesOfNoOp(decoded.object, existing);
  const target = { info, namespace, name, key, existing };
  return applyUpdate(state, target, decoded.object, sentTemplateGeneration, "settled");
}

function applyCreate(
  state: StoreState,
  info: KindInfo,
  namespace: string,
  name: string,
  merged: JsonObject,
): JsonObject {
  const decoded = decodePatched(info, merged, "create");
  const uid = stringField(decoded.metadata, "uid");
  if (uid !== "") {
    throw createConflictError(
      info.groupResource,
      name,
      `uid mismatch: the provided object specified uid ${uid}, and no existing object was found`,
    );
  }
  placeInNamespace(decoded.metadata, namespace);
  checkName(decoded.metadata, name);
  return createDecoded(state, decoded, { ignoreResourceVersion: true, managedFieldsSettled: true });
}

import { applyDefaults, createBadRequestError, KubesimError } from "@kubesim/core";
import { exceedsMaxDepth } from "./json-depth.js";
import { ensureMetadata, isJsonObject, type JsonObject, ownField } from "./json-object.js";
import { type KindInfo, resolveKind } from "./kind-info.js";
import { createDecodeError, createTooDeepError } from "./store-errors.js";

/** An incoming object after decoding: its kind and a defaulted copy the store owns. */
export interface DecodedObject {
  readonly info: KindInfo;
  readonly object: JsonObject;
  readonly metadata: JsonObject;
}

const metadataStringFields = ["name", "generateName", "namespace", "resourceVersion", "uid"] as const;
const metadataMapFields = ["labels", "annotations"] as const;

/** The JSON type name Go's decoder reports (`string`, `number`, `bool`, `array`, `object`). */
function jsonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value === "object" ? "object" : typeof value;
}

function unmarshalError(info: KindInfo, value: unknown, field: string, goType: string): never {
  throw createDecodeError(
    info,
    `json: cannot unmarshal ${jsonTypeName(value)} into Go struct field ${info.kind}.${field} of type ${goType}`,
  );
}

function describeBody(input: unknown): string {
  try {
    return JSON.stringify(input) ?? String(input);
  } catch {
    return String(input);
  }
}

/** Checks the metadata fields the store itself reads, as Go's decoder would type them. */
function checkMetadataTypes(info: KindInfo, object: JsonObject): void {
  const metadata = ownField(object, "metadata");
  if (metadata === undefined || metadata === null) return;
  if (!isJsonObject(metadata)) unmarshalError(info, metadata, "metadata", "v1.ObjectMeta");
  for (const field of metadataStringFields) {
    const value = ownField(metadata, field);
    if (value !== undefined && value !== null && typeof value !== "string") {
      unmarshalError(info, value, `metadata.${field}`, "string");
    }
  }
  for (const field of metadataMapFields) {
    const map = ownField(metadata, field);
    if (map === undefined || map === null) continue;
    if (!isJsonObject(map)) unmarshalError(info, map, `metadata.${field}`, "map[string]string");
    for (const key of Object.keys(map)) {
      const value = map[key];
      if (value !== null && typeof value !== "string")
        unmarshalError(info, value, `metadata.${field}`, "string");
    }
  }
  checkManagedFieldsTypes(info, ownField(metadata, "managedFields"));
  const finalizers = ownField(metadata, "finalizers");
  if (finalizers === undefined || finalizers === null) return;
  if (!Array.isArray(finalizers)) unmarshalError(info, finalizers, "metadata.finalizers", "[]string");
  for (const item of finalizers) {
    if (typeof item !== "string") unmarshalError(info, item, "metadata.finalizers", "string");
  }
}

const managedFieldsStringFields = [
  "manager",
  "operation",
  "apiVersion",
  "fieldsType",
  "subresource",
] as const;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Go's decoding of `metadata.managedFields` (`[]ManagedFieldsEntry`): the types and the times. */
function checkManagedFieldsTypes(info: KindInfo, entries: unknown): void {
  if (entries === undefined || entries === null) return;
  if (!Array.isArray(entries)) {
    unmarshalError(info, entries, "metadata.managedFields", "[]v1.ManagedFieldsEntry");
  }
  for (const entry of entries) {
    if (entry === null) continue;
    if (!isJsonObject(entry)) {
      unmarshalError(info, entry, "metadata.managedFields", "v1.ManagedFieldsEntry");
    }
    for (const field of managedFieldsStringFields) {
      const value = ownField(entry, field);
      if (value !== undefined && value !== null && typeof value !== "string") {
        throw createDecodeError(
          info,
          `json: cannot unmarshal ${jsonTypeName(value)} into Go struct field ManagedFieldsEntry.metadata.managedFields.${field} of type string`,
        );
      }
    }
    const time = ownField(entry, "time");
    if (time === undefined || time === null) continue;
    if (typeof time !== "string" || !rfc3339.test(time) || Number.isNaN(Date.parse(time))) {
      const text = typeof time === "string" ? JSON.stringify(time) : describeBody(time);
      throw createDecodeError(
        info,
        `parsing time ${text} as "2006-01-02T15:04:05Z07:00": cannot parse ${text} as "2006"`,
      );
    }
  }
}

/**
 * Decodes an object sent to the store as the API server decodes a request body: the kind
 * must be one kubesim serves, the apiVersion (when given) the one it is served at, and
 * the metadata well typed (`managedFields` included: they are kept, for the field manager
 * to accept or ignore); then the scheme defaults (and on create the create-time admission
 * and strategy defaults) are applied to a copy.
 *
 * @throws StatusError BadRequest for a missing kind, a wrong apiVersion, an undecodable
 *   field or an object nested too deep; 404 for a kind kubesim does not serve.
 */
export function decodeObject(input: unknown, operation: "create" | "update"): DecodedObject {
  if (!isJsonObject(input)) {
    throw createBadRequestError(`the object must be a JSON object, got ${jsonTypeName(input)}`);
  }
  const kind = ownField(input, "kind");
  if (typeof kind !== "string" || kind === "") {
    throw createBadRequestError(`Object 'Kind' is missing in '${describeBody(input)}'`);
  }
  const info = resolveKind(kind);
  const apiVersion = ownField(input, "apiVersion");
  if (
    apiVersion !== undefined &&
    apiVersion !== null &&
    apiVersion !== "" &&
    apiVersion !== info.resource.apiVersion
  ) {
    throw createBadRequestError(
      `the API version in the data (${String(apiVersion)}) does not match the expected API version (${info.resource.apiVersion})`,
    );
  }
  if (exceedsMaxDepth(input)) throw createTooDeepError();
  checkMetadataTypes(info, input);
  let object: JsonObject;
  try {
    object = applyDefaults(input, { operation }) as JsonObject;
  } catch (error) {
    if (KubesimError.isInstance(error)) throw createBadRequestError(error.message);
    throw error;
  }
  // apiVersion and kind first, as the API server serialises them.
  object = { apiVersion: info.resource.apiVersion, kind: info.kind, ...object };
  object.apiVersion = info.resource.apiVersion;
  object.kind = info.kind;
  const metadata = ensureMetadata(object);
  return { info, object, metadata };
}

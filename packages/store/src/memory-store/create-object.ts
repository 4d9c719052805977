import {
  assertValidObject,
  createAlreadyExistsError,
  generateName,
  namespaceNameLabel,
  StatusError,
  templateGenerationAnnotation,
} from "@kubesim/core";
import { recordWrite } from "../managed-fields/index.js";
import { readTemplateGeneration } from "./daemonset-template-generation.js";
import type { DecodedObject } from "./decode-object.js";
import { fieldManagerScope } from "./field-manager-scope.js";
import { type JsonObject, metadataOf, objectField, stringField } from "./json-object.js";
import { objectKey } from "./kind-info.js";
import { dropGatedLeaseFields } from "./lease-strategy.js";
import { admitNamespacedWrite } from "./namespace-lifecycle.js";
import { namespaceOfObject, placeInNamespace } from "./object-placement.js";
import { dedupOwnerReferences } from "./owner-references.js";
import { parseResourceVersion } from "./resource-version.js";
import { createGenerateNameConflictError, createResourceVersionSetOnCreateError } from "./store-errors.js";
import type { StoreState } from "./store-state.js";
import { formatTimestamp } from "./timestamps.js";
import { createUid } from "./uid.js";

/** Upstream retries a create whose generated name collides this many times in all. */
const generateNameAttempts = 8;

/** How a create differs when it comes from an update or a server-side apply of a missing object. */
export interface CreateMode {
  /** The object's resourceVersion is ignored instead of rejected (create-on-update). */
  readonly ignoreResourceVersion: boolean;
  /** Who creates it (recorded in managedFields); undefined for an unrecorded write. */
  readonly fieldManager?: string | undefined;
  /** The object's managedFields are already settled (a server-side apply computed them). */
  readonly managedFieldsSettled?: boolean;
}

function clearSystemFields(metadata: JsonObject): void {
  delete metadata.creationTimestamp;
  delete metadata.uid;
  delete metadata.deletionTimestamp;
  delete metadata.deletionGracePeriodSeconds;
  delete metadata.selfLink;
}

function checkResourceVersion(metadata: JsonObject, mode: CreateMode, dryRun: boolean): void {
  // Upstream's check is etcd's, which a dry run never reaches: the object keeps what it was sent with.
  if (dryRun && !mode.ignoreResourceVersion) return;
  const sent = stringField(metadata, "resourceVersion");
  delete metadata.resourceVersion;
  if (mode.ignoreResourceVersion || sent === "") return;
  // Upstream only refuses a resourceVersion that parses as a non-zero number.
  let parsed: bigint;
  try {
    parsed = parseResourceVersion(sent);
  } catch {
    return;
  }
  if (parsed !== 0n) throw createResourceVersionSetOnCreateError();
}

function alreadyExists(
  decoded: DecodedObject,
  name: string,
  generated: boolean,
  existing: JsonObject,
): StatusError {
  const error = generated
    ? createGenerateNameConflictError(decoded.info, name)
    : createAlreadyExistsError(decoded.info.groupResource, name);
  if (stringField(metadataOf(existing), "deletionTimestamp") === "") return error;
  const {
    apiVersion: _apiVersion,
    kind: _kind,
    status: _status,
    metadata: _metadata,
    ...status
  } = error.status;
  return new StatusError({ ...status, message: `object is being deleted: ${status.message}` });
}

/**
 * Stores a decoded object as the API server's create does, in upstream's order: system
 * fields wiped and the namespace settled, the managedFields recorded (see `recordWrite`),
 * NamespaceLifecycle admission, then uid,
 * creationTimestamp and a generated name, validation, the resourceVersion check, and the
 * commit (`ADDED`). A generated name that collides is drawn again, up to 8 times. In a
 * dry run (see `StoreState.runDry`) everything but the commit runs and a resourceVersion
 * the object was sent with is neither refused nor removed (upstream checks it in etcd).
 *
 * @returns the stored object (the store's own; copy it before handing it out).
 * @throws StatusError NotFound / Forbidden (namespace), Invalid, AlreadyExists, or 500
 *   when the object carries a resourceVersion.
 */
export function createDecoded(state: StoreState, decoded: DecodedObject, mode: CreateMode): JsonObject {
  const { info, object, metadata } = decoded;
  if (info.kind === "DaemonSet") readTemplateGeneration(info, object);
  clearSystemFields(metadata);
  const namespace = namespaceOfObject(info, metadata);
  placeInNamespace(metadata, namespace);
  dedupOwnerReferences(metadata);
  if (mode.managedFieldsSettled !== true) recordCreate(state, decoded, mode.fieldManager);
  const requestedName = stringField(metadata, "name");
  const namePrefix = stringField(metadata, "generateName");
  admitNamespacedWrite(state, info, namespace, requestedName || namePrefix, "create");
  if (info.kind === "Lease") dropGatedLeaseFields(object);
  const generated = requestedName === "" && namePrefix !== "";
  const attempts = generated ? generateNameAttempts : 1;
  for (let attempt = 1; ; attempt++) {
    metadata.creationTimestamp = formatTimestamp(state.clock.now());
    metadata.uid = createUid(state.random);
    if (generated) metadata.name = generateName(namePrefix, state.random);
    const name = stringField(metadata, "name");
    if (info.kind === "Namespace" && name !== "") setNamespaceNameLabel(metadata, name);
    assertValidObject(object);
    checkResourceVersion(metadata, mode, state.dryRun);
    const key = objectKey(info, namespace, name);
    const existing = state.get(info, key);
    if (existing === undefined) return state.commitPut(info, key, object, undefined);
    if (attempt >= attempts) throw alreadyExists(decoded, name, generated, existing);
  }
}

/**
 * Records the create in managedFields. Core's defaulting already added the DaemonSet
 * template-generation annotation, which upstream adds after the field manager ran: it is
 * hidden from the comparison so the creator does not own it.
 */
function recordCreate(state: StoreState, decoded: DecodedObject, fieldManager: string | undefined): void {
  const { info, object, metadata } = decoded;
  const scope = fieldManagerScope(state, info, "");
  const annotations = objectField(metadata, "annotations");
  if (fieldManager === undefined || info.kind !== "DaemonSet" || annotations === undefined) {
    recordWrite(scope, undefined, object, fieldManager);
    return;
  }
  const { [templateGenerationAnnotation]: _generation, ...rest } = annotations;
  const seen: JsonObject = { ...object, metadata: { ...metadata, annotations: rest } };
  if (Object.keys(rest).length === 0) delete (seen.metadata as JsonObject).annotations;
  recordWrite(scope, undefined, seen, fieldManager);
  const managedFields = (seen.metadata as JsonObject).managedFields;
  if (managedFields === undefined) delete metadata.managedFields;
  else metadata.managedFields = managedFields;
}

function setNamespaceNameLabel(metadata: JsonObject, name: string): void {
  const labels = objectField(metadata, "labels");
  if (labels === undefined) metadata.labels = { [namespaceNameLabel]: name };
  else labels[namespaceNameLabel] = name;
}

import { createInvalidError, type FieldError, fieldErrors } from "../errors/index.js";
import { findResourceByKind } from "../resources/index.js";
import type { KubeObject } from "../types/index.js";
import { validateControllerRevision } from "./controller-revision.js";
import { validateDaemonSet, validateDaemonSetUpdate } from "./daemonset.js";
import { validateLease } from "./lease.js";
import { type NameValidator, nameIsDns1035Label, nameIsDnsSubdomain } from "./name-predicates.js";
import { validateNamespace } from "./namespace.js";
import { validateNode, validateNodeUpdate } from "./node.js";
import { validateObjectMetaInto } from "./object-meta.js";
import { validateObjectMetaUpdateInto } from "./object-meta-update.js";
import { validatePod } from "./pod.js";
import { validatePodUpdate } from "./pod-update.js";

/** Options of {@link validateObject}. */
export interface ValidateObjectOptions {
  /** The stored object this one replaces: also run the update rules. */
  readonly oldObject?: KubeObject;
}

const nameValidators: ReadonlyMap<string, NameValidator> = new Map([["Service", nameIsDns1035Label]]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownString(record: Record<string, unknown>, key: string): string {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === "string" ? value : "";
}

function metadataOf(object: Record<string, unknown>): unknown {
  return Object.hasOwn(object, "metadata") ? object.metadata : undefined;
}

function validateGenericObject(object: Record<string, unknown>, kind: string, old: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const metadata = metadataOf(object);
  const info = findResourceByKind(kind);
  // Unknown kinds: treat as namespaced exactly when a namespace is given.
  const namespaced = info?.namespaced ?? (isRecord(metadata) && ownString(metadata, "namespace") !== "");
  const validateName = nameValidators.get(kind) ?? nameIsDnsSubdomain;
  validateObjectMetaInto(errors, metadata, { namespaced, validateName });
  if (isRecord(old)) validateObjectMetaUpdateInto(errors, metadata, metadataOf(old));
  return errors;
}

/**
 * Validates an object as the Kubernetes v1.32 API server does after defaulting, and returns
 * every field error at once (empty when valid). Pods, DaemonSets, Nodes, Namespaces, Leases
 * and ControllerRevisions get their kind's rules; other kinds get the metadata rules,
 * namespaced or cluster-scoped as the resource table says. With `oldObject`, the update
 * rules run too, in upstream's order: for DaemonSets, Nodes and Namespaces the create rules
 * and then the update rules; for Leases the metadata update rules and the spec rules
 * (upstream's `ValidateLeaseUpdate`); for ControllerRevisions the metadata update rules,
 * the create rules and then `data` immutable (upstream's `ValidateControllerRevisionUpdate`);
 * for Pods the update rules, which include the create ones, except that a Pod keeping the
 * very spec object of `oldObject`, as the status subresource does,
 * has only its metadata checked again. Never throws on malformed input.
 *
 * Callers must do what the API server does before validating: default the object, generate
 * its name from generateName, clear the namespace of cluster-scoped objects, and on update
 * copy the stored resourceVersion into an object that has none.
 *
 * @example
 * validateObject(daemonSet).map(fieldErrorMessage)
 * // => ["spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"]
 */
export function validateObject(object: KubeObject, options: ValidateObjectOptions = {}): FieldError[] {
  const value: unknown = object;
  if (!isRecord(value))
    return [fieldErrors.typeInvalid("", value === null ? "null" : typeof value, "must be an object")];
  const old: unknown = options.oldObject;
  const hasOld = old !== undefined;
  const kind = ownString(value, "kind");
  switch (kind) {
    case "Pod":
      return hasOld ? validatePodUpdate(value, old) : validatePod(value);
    case "DaemonSet":
      return hasOld
        ? [...validateDaemonSet(value), ...validateDaemonSetUpdate(value, old)]
        : validateDaemonSet(value);
    case "Node":
      return hasOld ? [...validateNode(value), ...validateNodeUpdate(value, old)] : validateNode(value);
    case "Lease":
      return hasOld ? validateLease(value, old) : validateLease(value);
    case "ControllerRevision":
      return hasOld ? validateControllerRevision(value, old) : validateControllerRevision(value);
    case "Namespace": {
      const errors = validateNamespace(value);
      if (hasOld && isRecord(old)) validateObjectMetaUpdateInto(errors, metadataOf(value), metadataOf(old));
      return errors;
    }
    default:
      return validateGenericObject(value, kind, old);
  }
}

function groupOf(object: Record<string, unknown>, kind: string): string {
  const info = findResourceByKind(kind);
  if (info !== undefined) return info.group;
  const apiVersion = ownString(object, "apiVersion");
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}

/**
 * Throws the API server's `Invalid` StatusError (HTTP 422) when {@link validateObject}
 * finds errors, e.g. `DaemonSet.apps "nginx" is invalid: spec.template.metadata.labels:
 * Invalid value: ...`, or `... is invalid: [<first>, <second>]` for several, with one
 * `details.causes` entry per error.
 *
 * @throws StatusError with reason `Invalid` when the object is not valid.
 */
export function assertValidObject(object: KubeObject, options: ValidateObjectOptions = {}): void {
  const errors = validateObject(object, options);
  if (errors.length === 0) return;
  const value: unknown = object;
  const record = isRecord(value) ? value : {};
  const kind = ownString(record, "kind");
  const metadata = metadataOf(record);
  const name = isRecord(metadata) ? ownString(metadata, "name") : "";
  throw createInvalidError({ group: groupOf(record, kind), kind }, name, errors);
}

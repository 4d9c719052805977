import type { FieldError } from "@kubesim/core";
import {
  readTemplateGeneration,
  templateChanged,
  validateTemplateGenerationUpdate,
  writeTemplateGeneration,
} from "./daemonset-template-generation.js";
import {
  ensureMetadata,
  type JsonObject,
  metadataOf,
  objectField,
  ownField,
  stringField,
} from "./json-object.js";
import type { KindInfo } from "./kind-info.js";
import { dropGatedLeaseFields } from "./lease-strategy.js";
import { semanticallyEqual } from "./object-equality.js";

/** Sets `target[key]` to `source[key]`, or removes it when `source` has none. */
export function copyField(target: JsonObject, source: JsonObject | undefined, key: string): void {
  const value = source === undefined ? undefined : ownField(source, key);
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function generationOf(metadata: JsonObject | undefined): number {
  const value = metadata === undefined ? undefined : ownField(metadata, "generation");
  return typeof value === "number" ? value : 0;
}

function bumpGeneration(metadata: JsonObject, oldMetadata: JsonObject | undefined): void {
  metadata.generation = generationOf(oldMetadata) + 1;
}

/** The DaemonSet strategy: a template change bumps the generation and the template generation. */
function prepareDaemonSet(
  info: KindInfo,
  object: JsonObject,
  old: JsonObject,
  sentTemplateGeneration: bigint,
) {
  const metadata = ensureMetadata(object);
  const oldMetadata = metadataOf(old);
  const oldTemplateGeneration = readTemplateGeneration(info, old);
  const templateUpdated = templateChanged(object, old);
  let templateGeneration = sentTemplateGeneration;
  if (templateUpdated) {
    templateGeneration = oldTemplateGeneration + 1n;
    bumpGeneration(metadata, oldMetadata);
  } else if (
    templateGeneration !== oldTemplateGeneration ||
    !semanticallyEqual(ownField(object, "spec"), ownField(old, "spec"))
  ) {
    bumpGeneration(metadata, oldMetadata);
  }
  writeTemplateGeneration(metadata, templateGeneration);
  return validateTemplateGenerationUpdate(templateGeneration, oldTemplateGeneration, templateUpdated);
}

function prepareByKind(
  info: KindInfo,
  object: JsonObject,
  old: JsonObject,
  sentTemplateGeneration: bigint,
): FieldError[] {
  if (info.hasStatus) copyField(object, old, "status");
  const metadata = ensureMetadata(object);
  switch (info.kind) {
    case "Namespace": {
      // spec.finalizers only change through the finalize subresource.
      const spec = objectField(object, "spec");
      const oldSpec = objectField(old, "spec");
      if (spec !== undefined) copyField(spec, oldSpec, "finalizers");
      else if (oldSpec !== undefined && ownField(oldSpec, "finalizers") !== undefined) {
        object.spec = { finalizers: oldSpec.finalizers };
      }
      return [];
    }
    case "DaemonSet":
      return prepareDaemonSet(info, object, old, sentTemplateGeneration);
    case "Lease":
      dropGatedLeaseFields(object, old);
      return [];
    case "Deployment":
      // Annotations are copied onto ReplicaSets, so upstream counts them as desired state.
      if (
        !semanticallyEqual(ownField(object, "spec"), ownField(old, "spec")) ||
        !semanticallyEqual(ownField(metadata, "annotations"), ownField(metadataOf(old) ?? {}, "annotations"))
      ) {
        bumpGeneration(metadata, metadataOf(old));
      }
      return [];
    default:
      if (info.generationTracksSpec && !semanticallyEqual(ownField(object, "spec"), ownField(old, "spec"))) {
        bumpGeneration(metadata, metadataOf(old));
      }
      return [];
  }
}

/**
 * Upstream's `BeforeUpdate` with the kind's `PrepareForUpdate`, on a decoded new object:
 * the generation cannot be set by clients and only moves on spec changes (DaemonSet,
 * Deployment, ReplicaSet), the stored status is kept for kinds with a status subresource,
 * a Namespace keeps its `spec.finalizers`, a Lease loses the feature-gated `spec.strategy`
 * and `spec.preferredHolder` unless stored, and uid, creationTimestamp, deletionTimestamp
 * and deletionGracePeriodSeconds come from the stored object where upstream takes them.
 *
 * @param sentTemplateGeneration - a DaemonSet's template generation as sent (see
 *   `readTemplateGeneration`); ignored for other kinds.
 * @returns extra field errors for validation (a DaemonSet's template generation rules).
 */
export function prepareForUpdate(
  info: KindInfo,
  object: JsonObject,
  old: JsonObject,
  sentTemplateGeneration: bigint,
): FieldError[] {
  const metadata = ensureMetadata(object);
  const oldMetadata = metadataOf(old) ?? {};
  copyField(metadata, oldMetadata, "generation");
  const errors = prepareByKind(info, object, old, sentTemplateGeneration);
  if (stringField(metadata, "uid") === "") copyField(metadata, oldMetadata, "uid");
  if (stringField(oldMetadata, "creationTimestamp") !== "")
    copyField(metadata, oldMetadata, "creationTimestamp");
  if (stringField(oldMetadata, "deletionTimestamp") !== "")
    copyField(metadata, oldMetadata, "deletionTimestamp");
  const gracePeriod = ownField(metadata, "deletionGracePeriodSeconds");
  if (
    ownField(oldMetadata, "deletionGracePeriodSeconds") !== undefined &&
    (gracePeriod === undefined || gracePeriod === null)
  ) {
    copyField(metadata, oldMetadata, "deletionGracePeriodSeconds");
  }
  return errors;
}

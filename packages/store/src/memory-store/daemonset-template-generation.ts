import { type FieldError, fieldErrors, goQuote, templateGenerationAnnotation } from "@kubesim/core";
import { type JsonObject, objectField } from "./json-object.js";
import type { KindInfo } from "./kind-info.js";
import { semanticallyEqual } from "./object-equality.js";
import { createDecodeError } from "./store-errors.js";

const goIntPattern = /^[+-]?[0-9]+$/;
const maxInt64 = 2n ** 63n - 1n;
const minInt64 = -(2n ** 63n);

/**
 * The DaemonSet's template generation, as upstream's apps/v1 conversion reads it from the
 * `deprecated.daemonset.template.generation` annotation (0 when absent).
 *
 * @throws StatusError BadRequest with Go's `strconv.ParseInt` error when the annotation is
 *   not an int64, as decoding the request fails upstream.
 */
export function readTemplateGeneration(info: KindInfo, daemonSet: JsonObject): bigint {
  const annotations = objectField(objectField(daemonSet, "metadata"), "annotations");
  if (annotations === undefined || !Object.hasOwn(annotations, templateGenerationAnnotation)) return 0n;
  const text = annotations[templateGenerationAnnotation];
  if (typeof text !== "string") return 0n;
  if (!goIntPattern.test(text)) {
    throw createDecodeError(info, `strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  }
  const value = BigInt(text);
  if (value > maxInt64 || value < minInt64) {
    throw createDecodeError(info, `strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  }
  return value;
}

/** Writes the template generation back into the annotation, as the apps/v1 conversion always does. */
export function writeTemplateGeneration(metadata: JsonObject, generation: bigint): void {
  const annotations = objectField(metadata, "annotations");
  if (annotations === undefined)
    metadata.annotations = { [templateGenerationAnnotation]: generation.toString() };
  else annotations[templateGenerationAnnotation] = generation.toString();
}

/** Whether the pod template changed (upstream compares templates with semantic equality). */
export function templateChanged(daemonSet: JsonObject, old: JsonObject): boolean {
  return !semanticallyEqual(
    objectField(objectField(daemonSet, "spec"), "template"),
    objectField(objectField(old, "spec"), "template"),
  );
}

/**
 * Upstream's `ValidateDaemonSetSpecUpdate`: the template generation never decreases, and
 * increases exactly when the template changes.
 */
export function validateTemplateGenerationUpdate(
  generation: bigint,
  oldGeneration: bigint,
  templateUpdated: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const path = "spec.templateGeneration";
  const value = Number(generation);
  if (generation < oldGeneration) errors.push(fieldErrors.invalid(path, value, "must not be decremented"));
  if (generation === oldGeneration && templateUpdated) {
    errors.push(fieldErrors.invalid(path, value, "must be incremented upon template update"));
  } else if (generation > oldGeneration && !templateUpdated) {
    errors.push(fieldErrors.invalid(path, value, "must not be incremented without template update"));
  }
  if (generation < 0n) errors.push(fieldErrors.invalid(path, value, "must be greater than or equal to 0"));
  return errors;
}

import { type FieldError, fieldErrors } from "../errors/index.js";
import { FieldReader, wrongType } from "./field-reader.js";
import { inclusiveRangeError } from "./name-predicates.js";
import { validateObjectMetaUpdateInto } from "./object-meta-update.js";
import { validatePodMetadataAndSpecInto, validatePodMetadataInto } from "./pod.js";
import { isGoZeroValue, semanticallyEqual } from "./semantic-equality.js";
import { validateTolerationsInto } from "./tolerations.js";

const mirrorPodAnnotation = "kubernetes.io/config.mirror";

/** Upstream's list of the pod spec fields an update may change. */
export const updatablePodSpecFields =
  "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`," +
  "`spec.tolerations` (only additions to existing tolerations)," +
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function validateContainerUpdatesInto(
  errors: FieldError[],
  key: string,
  spec: FieldReader,
  old: FieldReader,
) {
  const containers = list(spec.raw(key));
  if (containers.length !== list(old.raw(key)).length) {
    errors.push(fieldErrors.forbidden(spec.childPath(key), "pod updates may not add or remove containers"));
    return false;
  }
  return true;
}

function changedFields(spec: Record<string, unknown>, old: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(spec)) {
    if (!semanticallyEqual(spec[key], Object.hasOwn(old, key) ? old[key] : undefined)) changed.push(key);
  }
  for (const key of Object.keys(old)) {
    if (!Object.hasOwn(spec, key) && !isGoZeroValue(old[key])) changed.push(key);
  }
  return changed.sort();
}

/** True when every old toleration is still there, up to its tolerationSeconds. */
function keepsEveryToleration(tolerations: readonly unknown[], oldTolerations: readonly unknown[]): boolean {
  if (tolerations === oldTolerations) return true;
  return oldTolerations.every((oldToleration, index) => {
    // Tolerations usually stay where they were: try the same position first.
    if (
      index < tolerations.length &&
      semanticallyEqual(tolerations[index], oldToleration, "tolerationSeconds")
    ) {
      return true;
    }
    return tolerations.some((toleration) =>
      semanticallyEqual(toleration, oldToleration, "tolerationSeconds"),
    );
  });
}

/**
 * Validates a Pod update (upstream's `ValidatePodUpdate`): the metadata update rules, the
 * create-time metadata and spec rules, no added or removed mirror-pod annotation, the same
 * number of containers, activeDeadlineSeconds only set or lowered, tolerations only added
 * (or their tolerationSeconds changed), and no other spec change. Where upstream appends a
 * `cmp.Diff` of the specs to that last error, we append the names of the changed fields.
 *
 * When the new pod holds the very spec object of the old one (the status subresource
 * keeps the stored spec), the spec is not validated again, as upstream's
 * `ValidatePodStatusUpdate` does not validate it: only the metadata rules run.
 */
export function validatePodUpdate(pod: unknown, oldPod: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(pod, "", errors);
  if (object === wrongType) return errors;
  const oldObject = FieldReader.of(oldPod, "", undefined);
  const old = oldObject === wrongType ? FieldReader.absent("", undefined) : oldObject;
  validateObjectMetaUpdateInto(errors, object.raw("metadata"), old.raw("metadata"));
  // The status subresource keeps the stored spec object itself: it was validated when it
  // was stored, and every update rule below would compare it with itself.
  const specUnchanged = isRecord(object.raw("spec")) && object.raw("spec") === old.raw("spec");
  if (specUnchanged) validatePodMetadataInto(errors, object);
  else validatePodMetadataAndSpecInto(errors, object);
  const annotationsOf = (reader: FieldReader) => {
    const meta = FieldReader.of(reader.raw("metadata"), "", undefined);
    const annotations = meta === wrongType ? undefined : meta.raw("annotations");
    return isRecord(annotations) ? annotations : {};
  };
  const newAnnotations = annotationsOf(object);
  const oldAnnotations = annotationsOf(old);
  const mirrorPath = `metadata.annotations[${mirrorPodAnnotation}]`;
  if (Object.hasOwn(oldAnnotations, mirrorPodAnnotation)) {
    if (newAnnotations[mirrorPodAnnotation] !== oldAnnotations[mirrorPodAnnotation]) {
      errors.push(fieldErrors.forbidden(mirrorPath, "may not remove or update mirror pod annotation"));
    }
  } else if (Object.hasOwn(newAnnotations, mirrorPodAnnotation)) {
    errors.push(fieldErrors.forbidden(mirrorPath, "may not add mirror pod annotation"));
  }
  if (specUnchanged) return errors;
  const spec = FieldReader.of(object.raw("spec"), "spec", undefined);
  const oldSpecReader = FieldReader.of(old.raw("spec"), "spec", undefined);
  if (spec === wrongType || oldSpecReader === wrongType) return errors;
  if (!validateContainerUpdatesInto(errors, "containers", spec, oldSpecReader)) return errors;
  if (!validateContainerUpdatesInto(errors, "initContainers", spec, oldSpecReader)) return errors;
  const deadline = spec.raw("activeDeadlineSeconds");
  const oldDeadline = oldSpecReader.raw("activeDeadlineSeconds");
  if (typeof deadline === "number") {
    if (deadline < 0 || deadline > 2147483647) {
      errors.push(
        fieldErrors.invalid("spec.activeDeadlineSeconds", deadline, inclusiveRangeError(0, 2147483647)),
      );
      return errors;
    }
    if (typeof oldDeadline === "number" && oldDeadline < deadline) {
      errors.push(
        fieldErrors.invalid(
          "spec.activeDeadlineSeconds",
          deadline,
          "must be less than or equal to previous value",
        ),
      );
      return errors;
    }
  } else if (typeof oldDeadline === "number") {
    errors.push(
      fieldErrors.invalid(
        "spec.activeDeadlineSeconds",
        null,
        "must not update from a positive integer to nil value",
      ),
    );
  }
  const tolerations = list(spec.raw("tolerations"));
  if (!keepsEveryToleration(tolerations, list(oldSpecReader.raw("tolerations")))) {
    errors.push(
      fieldErrors.forbidden(
        "spec.tolerations",
        "existing toleration can not be modified except its tolerationSeconds",
      ),
    );
  } else {
    validateTolerationsInto(errors, spec.raw("tolerations"), "spec.tolerations");
  }
  validateOnlyDeletedSchedulingGatesInto(
    errors,
    spec.raw("schedulingGates"),
    oldSpecReader.raw("schedulingGates"),
  );
  const munged = rawSpec(object);
  const oldSpec = rawSpec(old);
  munged.containers = list(munged.containers).map((container, index) => ({
    ...(isRecord(container) ? container : {}),
    image: imageOf(list(oldSpec.containers)[index]),
  }));
  munged.initContainers = list(munged.initContainers).map((container, index) => ({
    ...(isRecord(container) ? container : {}),
    image: imageOf(list(oldSpec.initContainers)[index]),
  }));
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.tolerations = oldSpec.tolerations;
  munged.schedulingGates = oldSpec.schedulingGates;
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === "number" && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  const changed = changedFields(munged, oldSpec);
  if (changed.length > 0) {
    errors.push(
      fieldErrors.forbidden(
        "spec",
        `pod updates may not change fields other than ${updatablePodSpecFields}\nchanged: ${changed.map((key) => `spec.${key}`).join(", ")}`,
      ),
    );
  }
  return errors;
}

function gateNames(gates: unknown): string[] {
  return list(gates).map((gate) => (isRecord(gate) && typeof gate.name === "string" ? gate.name : ""));
}

function validateOnlyDeletedSchedulingGatesInto(
  errors: FieldError[],
  gates: unknown,
  oldGates: unknown,
): void {
  const oldNames = new Set(gateNames(oldGates));
  gateNames(gates).forEach((name, index) => {
    if (!oldNames.has(name)) {
      errors.push(
        fieldErrors.forbidden(
          `spec.schedulingGates[${index}].name`,
          `only deletion is allowed, but found new scheduling gate '${name}'`,
        ),
      );
    }
  });
}

function rawSpec(reader: FieldReader): Record<string, unknown> {
  const spec = reader.raw("spec");
  return isRecord(spec) ? { ...spec } : {};
}

function imageOf(container: unknown): unknown {
  return isRecord(container) && Object.hasOwn(container, "image") ? container.image : undefined;
}

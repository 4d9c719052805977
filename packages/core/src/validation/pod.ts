import { type FieldError, fieldErrors } from "../errors/index.js";
import type { ContainerSummary } from "./container.js";
import { FieldReader, wrongType } from "./field-reader.js";
import { validateObjectMetaInto } from "./object-meta.js";
import { validatePodSpecInto } from "./pod-spec.js";
import { validatePodSpecificAnnotationsInto } from "./pod-template.js";

// Go's unicode.IsSpace, which strings.TrimSpace uses (JavaScript's \s differs slightly).
const goSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

function hasOuterSpace(text: string): boolean {
  return text.length > 0 && (goSpace.test(text.charAt(0)) || goSpace.test(text.charAt(text.length - 1)));
}

function validateImagesOnlyForPodInto(errors: FieldError[], containers: readonly ContainerSummary[]): void {
  for (const container of containers) {
    if (container.image !== undefined && hasOuterSpace(container.image)) {
      errors.push(
        fieldErrors.invalid(
          `${container.path}.image`,
          container.image,
          "must not have leading or trailing whitespace",
        ),
      );
    }
  }
}

/**
 * Validates a Pod's metadata into `errors`: the object metadata rules and the pod-specific
 * annotations (the metadata part of upstream's `validatePodMetadataAndSpec`).
 */
export function validatePodMetadataInto(errors: FieldError[], pod: FieldReader): void {
  validateObjectMetaInto(errors, pod.raw("metadata"), { namespaced: true });
  // Read again without reporting: the metadata check above already reported type errors.
  const metadata = FieldReader.of(pod.raw("metadata"), "", undefined);
  const annotations = metadata === wrongType ? wrongType : metadata.stringMap("annotations");
  validatePodSpecificAnnotationsInto(errors, annotations, pod.raw("spec"), "metadata.annotations");
}

/**
 * Validates a Pod's metadata and spec into `errors` (upstream's
 * `validatePodMetadataAndSpec`, shared by create and update).
 */
export function validatePodMetadataAndSpecInto(errors: FieldError[], pod: FieldReader): void {
  validatePodMetadataInto(errors, pod);
  const summary = validatePodSpecInto(errors, pod.raw("spec"), "spec", { template: false });
  validateImagesOnlyForPodInto(errors, summary.containers);
  validateImagesOnlyForPodInto(errors, summary.initContainers);
}

/**
 * Validates a Pod on create, as upstream's `ValidatePodCreate` does after defaulting:
 * metadata (namespaced, DNS-subdomain name), pod-specific annotations, the pod spec (see
 * {@link validatePodSpec}; under hostNetwork each hostPort must equal its containerPort),
 * images without surrounding whitespace, no ephemeral containers, and no nodeName while
 * scheduling gates remain. Seccomp and AppArmor annotation/field consistency is not checked.
 */
export function validatePod(pod: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(pod, "", errors);
  if (object === wrongType) return errors;
  validatePodMetadataAndSpecInto(errors, object);
  const spec = FieldReader.of(object.raw("spec"), "spec", undefined);
  if (spec === wrongType) return errors;
  const ephemeral = spec.raw("ephemeralContainers");
  if (Array.isArray(ephemeral) && ephemeral.length > 0) {
    errors.push(fieldErrors.forbidden("spec.ephemeralContainers", "cannot be set on create"));
  }
  const nodeName = spec.raw("nodeName");
  const gates = spec.raw("schedulingGates");
  if (typeof nodeName === "string" && nodeName !== "" && Array.isArray(gates) && gates.length > 0) {
    errors.push(
      fieldErrors.forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"),
    );
  }
  return errors;
}

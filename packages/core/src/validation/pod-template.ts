import { type FieldError, fieldErrors, fieldPath } from "../errors/index.js";
import { FieldReader, type ReadResult, wrongType } from "./field-reader.js";
import { validateAnnotationMapInto, validateLabelMapInto } from "./labels.js";
import { type ValidatePodSpecOptions, validatePodSpecInto } from "./pod-spec.js";

const mirrorPodAnnotation = "kubernetes.io/config.mirror";
const deletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";
const int32Pattern = /^-?[0-9]+$/;

function isValidDeletionCost(value: string): boolean {
  // Upstream rejects "+10" and leading zeros ("008") before parsing; "-08" passes.
  const first = value.charAt(0);
  const validFirst = first === "-" || value === "0" || (first >= "1" && first <= "9");
  if (!validFirst || !int32Pattern.test(value)) return false;
  const number = Number(value);
  return number >= -2147483648 && number <= 2147483647;
}

/**
 * Appends the errors of the annotations that mean something on a pod (upstream's
 * `ValidatePodSpecificAnnotations`): a mirror-pod annotation needs `spec.nodeName`, and
 * the pod-deletion-cost annotation must be a 32-bit integer. Seccomp, AppArmor and
 * tolerations annotations are not validated.
 */
export function validatePodSpecificAnnotationsInto(
  errors: FieldError[],
  annotations: ReadResult<Readonly<Record<string, string>>>,
  spec: unknown,
  path: string,
): void {
  if (annotations === wrongType || annotations === undefined) return;
  if (Object.hasOwn(annotations, mirrorPodAnnotation)) {
    const specReader = FieldReader.of(spec, "", undefined);
    const nodeName = specReader === wrongType ? undefined : specReader.raw("nodeName");
    if (typeof nodeName !== "string" || nodeName === "") {
      errors.push(
        fieldErrors.invalid(
          fieldPath(path, [mirrorPodAnnotation]),
          annotations[mirrorPodAnnotation] ?? "",
          "must set spec.nodeName if mirror pod annotation is set",
        ),
      );
    }
  }
  if (Object.hasOwn(annotations, deletionCostAnnotation)) {
    const cost = annotations[deletionCostAnnotation] ?? "";
    if (!isValidDeletionCost(cost)) {
      errors.push(
        fieldErrors.invalid(fieldPath(path, [deletionCostAnnotation]), cost, "must be a 32bit integer"),
      );
    }
  }
}

/** What a DaemonSet needs from its template: the labels as read (or the read's failure). */
export interface PodTemplateSummary {
  readonly labels: ReadResult<Readonly<Record<string, string>>>;
}

/**
 * Validates a pod template into `errors` (upstream's `ValidatePodTemplateSpec`). Note the
 * upstream quirk kept here: label and annotation errors are reported at `<path>.labels`
 * and `<path>.annotations`, without `.metadata`.
 */
export function validatePodTemplateSpecInto(
  errors: FieldError[],
  value: unknown,
  path: string,
  options: ValidatePodSpecOptions = { template: true },
): PodTemplateSummary {
  const template = FieldReader.of(value, path, errors);
  if (template === wrongType) return { labels: wrongType };
  const metadata = template.object("metadata");
  const labels = metadata === wrongType ? wrongType : metadata.stringMap("labels");
  const annotations = metadata === wrongType ? wrongType : metadata.stringMap("annotations");
  if (labels !== wrongType) validateLabelMapInto(errors, labels, fieldPath(path, "labels"));
  if (annotations !== wrongType)
    validateAnnotationMapInto(errors, annotations, fieldPath(path, "annotations"));
  validatePodSpecificAnnotationsInto(
    errors,
    annotations,
    template.raw("spec"),
    fieldPath(path, "annotations"),
  );
  validatePodSpecInto(errors, template.raw("spec"), template.childPath("spec"), options);
  const spec = FieldReader.of(template.raw("spec"), "", undefined);
  const ephemeral = spec === wrongType ? undefined : spec.raw("ephemeralContainers");
  if (Array.isArray(ephemeral) && ephemeral.length > 0) {
    errors.push(
      fieldErrors.forbidden(
        fieldPath(path, "spec", "ephemeralContainers"),
        "ephemeral containers not allowed in pod template",
      ),
    );
  }
  return { labels };
}

/**
 * Validates a pod template (`metadata` and `spec`) as upstream's `ValidatePodTemplateSpec`
 * does: template labels and annotations, pod-specific annotations, the pod spec (see
 * {@link validatePodSpec}, as a template) and no ephemeral containers.
 *
 * @example
 * validatePodTemplateSpec({ metadata: { labels: { app: "web" } }, spec: {} }, "spec.template")
 * // => errors for spec.template.spec.containers (Required value), restartPolicy, ...
 */
export function validatePodTemplateSpec(template: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  validatePodTemplateSpecInto(errors, template, path);
  return errors;
}

import { type FieldError, fieldErrors, goIntOrString, goStringMap } from "../errors/index.js";
import { FieldReader, type ReadResult, wrongType } from "./field-reader.js";
import { goDaemonSetUpdateStrategy, goLabelSelector, type LabelSelectorValue } from "./go-values.js";
import {
  intOrPercentValue,
  readIntOrString,
  validateNotMoreThan100PercentInto,
  validatePositiveIntOrPercentInto,
} from "./int-or-percent.js";
import {
  isEmptyLabelSelector,
  labelSelectorMatches,
  labelSelectorsEqual,
  validateLabelSelectorInto,
} from "./label-selector.js";
import { validateObjectMetaInto } from "./object-meta.js";
import { fieldImmutableMessage, validateObjectMetaUpdateInto } from "./object-meta-update.js";
import { validatePodTemplateSpecInto } from "./pod-template.js";

const negativeMessage = "must be greater than or equal to 0";

function validateRollingUpdateInto(errors: FieldError[], rollingUpdate: FieldReader): void {
  const unavailablePath = rollingUpdate.childPath("maxUnavailable");
  const surgePath = rollingUpdate.childPath("maxSurge");
  const maxUnavailable = readIntOrString(rollingUpdate.raw("maxUnavailable"), unavailablePath, errors);
  const maxSurge = readIntOrString(rollingUpdate.raw("maxSurge"), surgePath, errors);
  if (maxUnavailable === wrongType || maxSurge === wrongType) return;
  validatePositiveIntOrPercentInto(errors, maxUnavailable, unavailablePath);
  validatePositiveIntOrPercentInto(errors, maxSurge, surgePath);
  validateNotMoreThan100PercentInto(errors, maxUnavailable, unavailablePath);
  validateNotMoreThan100PercentInto(errors, maxSurge, surgePath);
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errors.push(
      fieldErrors.invalid(
        surgePath,
        goIntOrString(maxSurge ?? 0),
        "may not be set when maxUnavailable is non-zero",
      ),
    );
  } else if (!hasUnavailable && !hasSurge) {
    errors.push(fieldErrors.required(unavailablePath, "cannot be 0 when maxSurge is 0"));
  }
}

function validateUpdateStrategyInto(errors: FieldError[], spec: FieldReader): void {
  const strategy = spec.object("updateStrategy");
  if (strategy === wrongType) return;
  const type = strategy.string("type");
  if (type === wrongType) return;
  switch (type ?? "") {
    case "OnDelete":
      return;
    case "RollingUpdate": {
      const rollingUpdate = strategy.object("rollingUpdate");
      if (rollingUpdate === wrongType) return;
      if (!rollingUpdate.present) errors.push(fieldErrors.required(rollingUpdate.path));
      else validateRollingUpdateInto(errors, rollingUpdate);
      return;
    }
    default:
      errors.push(
        fieldErrors.notSupported(
          strategy.path,
          goDaemonSetUpdateStrategy(type ?? "", strategy.has("rollingUpdate")),
          ["RollingUpdate", "OnDelete"],
        ),
      );
  }
}

function validateNonNegativeInto(errors: FieldError[], reader: FieldReader, key: string): void {
  const value = reader.integer(key);
  if (value !== wrongType && value !== undefined && value < 0) {
    errors.push(fieldErrors.invalid(reader.childPath(key), value, negativeMessage));
  }
}

/** Reads what the DaemonSet rules need from the template without reporting (the template check reports). */
interface TemplatePeek {
  readonly labels: ReadResult<Readonly<Record<string, string>>>;
  readonly restartPolicy: ReadResult<string>;
  readonly hasActiveDeadline: boolean;
}

function peekTemplate(spec: FieldReader): TemplatePeek {
  const template = FieldReader.of(spec.raw("template"), "", undefined);
  const metadata = template === wrongType ? wrongType : template.object("metadata");
  const podSpec = template === wrongType ? wrongType : template.object("spec");
  return {
    labels: metadata === wrongType ? wrongType : metadata.stringMap("labels"),
    restartPolicy: podSpec === wrongType ? wrongType : podSpec.string("restartPolicy"),
    hasActiveDeadline: podSpec !== wrongType && podSpec.has("activeDeadlineSeconds"),
  };
}

/** Validates a DaemonSet spec into `errors` (upstream's `ValidateDaemonSetSpec`). */
export function validateDaemonSetSpecInto(errors: FieldError[], value: unknown, path: string): void {
  const spec = FieldReader.of(value, path, errors);
  if (spec === wrongType) return;
  const checked = validateLabelSelectorInto(errors, spec.raw("selector"), spec.childPath("selector"));
  const template = peekTemplate(spec);
  // A missing selector matches nothing, so it fails here too; an invalid one is not evaluated.
  if (checked !== wrongType && checked.valid && template.labels !== wrongType) {
    if (!labelSelectorMatches(checked.selector, template.labels)) {
      errors.push(
        fieldErrors.invalid(
          `${spec.childPath("template")}.metadata.labels`,
          goStringMap(template.labels),
          "`selector` does not match template `labels`",
        ),
      );
    }
  }
  if (checked !== wrongType && checked.selector !== undefined && isEmptyLabelSelector(checked.selector)) {
    errors.push(
      fieldErrors.invalid(
        spec.childPath("selector"),
        goLabelSelector(checked.selector),
        "empty selector is invalid for daemonset",
      ),
    );
  }
  validatePodTemplateSpecInto(errors, spec.raw("template"), spec.childPath("template"));
  const templateSpecPath = `${spec.childPath("template")}.spec`;
  if (template.restartPolicy !== wrongType && template.restartPolicy !== "Always") {
    errors.push(
      fieldErrors.notSupported(`${templateSpecPath}.restartPolicy`, template.restartPolicy ?? "", ["Always"]),
    );
  }
  if (template.hasActiveDeadline) {
    errors.push(
      fieldErrors.forbidden(
        `${templateSpecPath}.activeDeadlineSeconds`,
        "activeDeadlineSeconds in DaemonSet is not Supported",
      ),
    );
  }
  validateNonNegativeInto(errors, spec, "minReadySeconds");
  validateUpdateStrategyInto(errors, spec);
  validateNonNegativeInto(errors, spec, "revisionHistoryLimit");
}

/**
 * Validates a DaemonSet on create, as upstream's `ValidateDaemonSet` does after defaulting:
 * metadata (namespaced, DNS-subdomain name), the selector (syntax, not empty, matching the
 * template labels), the pod template (restartPolicy Always, no activeDeadlineSeconds),
 * minReadySeconds and revisionHistoryLimit not negative, and the update strategy
 * (RollingUpdate with maxUnavailable/maxSurge, or OnDelete). All errors at once.
 *
 * @example
 * validateDaemonSet(dsWithSelectorAppNginxAndTemplateLabelsAppWeb)[0]
 * // => spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`
 */
export function validateDaemonSet(daemonSet: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(daemonSet, "", errors);
  if (object === wrongType) return errors;
  validateObjectMetaInto(errors, object.raw("metadata"), { namespaced: true });
  validateDaemonSetSpecInto(errors, object.raw("spec"), "spec");
  return errors;
}

function selectorOf(daemonSet: unknown): LabelSelectorValue | undefined | typeof wrongType {
  const object = FieldReader.of(daemonSet, "", undefined);
  const spec = object === wrongType ? wrongType : object.object("spec");
  if (spec === wrongType) return wrongType;
  const checked = validateLabelSelectorInto([], spec.raw("selector"), "");
  return checked === wrongType ? wrongType : checked.selector;
}

/**
 * The update rules of a DaemonSet (upstream's `ValidateDaemonSetUpdate` plus the apps/v1
 * strategy's immutable selector): metadata update rules, the spec rules again, and
 * `spec.selector` unchanged (`field is immutable`). Upstream runs this after
 * {@link validateDaemonSet}, so spec errors appear twice in `details.causes` (once in the
 * message); {@link validateObject} does the same.
 */
export function validateDaemonSetUpdate(daemonSet: unknown, oldDaemonSet: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(daemonSet, "", errors);
  if (object === wrongType) return errors;
  const old = FieldReader.of(oldDaemonSet, "", undefined);
  validateObjectMetaUpdateInto(
    errors,
    object.raw("metadata"),
    old === wrongType ? undefined : old.raw("metadata"),
  );
  validateDaemonSetSpecInto(errors, object.raw("spec"), "spec");
  const selector = selectorOf(daemonSet);
  const oldSelector = selectorOf(oldDaemonSet);
  if (selector !== wrongType && oldSelector !== wrongType && !labelSelectorsEqual(selector, oldSelector)) {
    errors.push(
      fieldErrors.invalid(
        "spec.selector",
        selector === undefined ? null : goLabelSelector(selector),
        fieldImmutableMessage,
      ),
    );
  }
  return errors;
}

import { type FieldError, fieldErrors } from "../errors/index.js";
import { FieldReader, type WrongType, wrongType } from "./field-reader.js";
import { isQualifiedName, nameIsDnsSubdomain } from "./name-predicates.js";
import { validateObjectMetaInto } from "./object-meta.js";
import { validateObjectMetaUpdateInto } from "./object-meta-update.js";

/** The coordinated-leader-election strategies Kubernetes defines (v1.32). */
const leaseStrategies: readonly string[] = ["OldestEmulationVersion"];

/**
 * `spec.strategy` (upstream's `ValidateCoordinatedLeaseStrategy`): a name without `/` must
 * be a strategy Kubernetes defines, a name with one must be a qualified name. Upstream
 * appends `strategy` to a path that already ends in it, so the errors sit at
 * `spec.strategy.strategy`; kept for identical messages.
 */
function validateStrategyInto(errors: FieldError[], strategy: string, path: string): void {
  const errorPath = `${path}.strategy`;
  if (!strategy.includes("/")) {
    if (!leaseStrategies.includes(strategy))
      errors.push(fieldErrors.notSupported(errorPath, strategy, leaseStrategies));
    return;
  }
  for (const message of isQualifiedName(strategy))
    errors.push(fieldErrors.invalid(errorPath, strategy, message));
}

/** The string fields of the spec, type-checked; returns the value or `undefined`. */
function optionalString(spec: FieldReader, key: string): string | undefined {
  const value: string | undefined | WrongType = spec.string(key);
  return value === wrongType ? undefined : value;
}

/** Upstream's `ValidateLeaseSpec`. */
function validateLeaseSpecInto(errors: FieldError[], object: FieldReader): void {
  const spec = object.object("spec");
  if (spec === wrongType) return;
  optionalString(spec, "holderIdentity");
  optionalString(spec, "acquireTime");
  optionalString(spec, "renewTime");
  const duration = spec.integer("leaseDurationSeconds");
  if (duration !== wrongType && duration !== undefined && duration <= 0) {
    errors.push(
      fieldErrors.invalid(spec.childPath("leaseDurationSeconds"), duration, "must be greater than 0"),
    );
  }
  const transitions = spec.integer("leaseTransitions");
  if (transitions !== wrongType && transitions !== undefined && transitions < 0) {
    errors.push(
      fieldErrors.invalid(
        spec.childPath("leaseTransitions"),
        transitions,
        "must be greater than or equal to 0",
      ),
    );
  }
  const strategy = optionalString(spec, "strategy");
  if (strategy !== undefined) validateStrategyInto(errors, strategy, spec.childPath("strategy"));
  const preferredHolder = optionalString(spec, "preferredHolder");
  if (
    preferredHolder !== undefined &&
    preferredHolder !== "" &&
    (strategy === undefined || strategy === "")
  ) {
    errors.push(
      fieldErrors.forbidden(
        spec.childPath("preferredHolder"),
        "may only be specified if `strategy` is defined",
      ),
    );
  }
}

/**
 * Validates a coordination.k8s.io/v1 Lease as upstream's `ValidateLease` does: metadata
 * (namespaced, DNS-subdomain name), `spec.leaseDurationSeconds` greater than 0,
 * `spec.leaseTransitions` not negative, `spec.strategy` a known or qualified strategy name
 * and `spec.preferredHolder` only with a strategy. With `oldLease`, upstream's
 * `ValidateLeaseUpdate`: the metadata update rules instead of the create ones, and the same
 * spec rules. Fields of the wrong JSON type are reported once. Never throws.
 *
 * @example
 * validateLease({ metadata: { name: "node-1", namespace: "kube-node-lease" }, spec: { leaseDurationSeconds: 0 } })
 * // => [spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0]
 */
export function validateLease(lease: unknown, oldLease?: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(lease, "", errors);
  if (object === wrongType) return errors;
  if (oldLease === undefined) {
    validateObjectMetaInto(errors, object.raw("metadata"), {
      namespaced: true,
      validateName: nameIsDnsSubdomain,
    });
  } else {
    const old = FieldReader.of(oldLease, "", undefined);
    validateObjectMetaUpdateInto(
      errors,
      object.raw("metadata"),
      old === wrongType ? undefined : old.raw("metadata"),
    );
  }
  validateLeaseSpecInto(errors, object);
  return errors;
}

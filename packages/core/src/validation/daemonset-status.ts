import { type FieldError, fieldErrors } from "../errors/index.js";
import { FieldReader, wrongType } from "./field-reader.js";
import { validateObjectMetaUpdateInto } from "./object-meta-update.js";

const statusCounters = [
  "currentNumberScheduled",
  "numberMisscheduled",
  "desiredNumberScheduled",
  "numberReady",
  "observedGeneration",
  "updatedNumberScheduled",
  "numberAvailable",
  "numberUnavailable",
  "collisionCount",
] as const;

/**
 * Validates an update of a DaemonSet's status subresource (upstream's
 * `ValidateDaemonSetStatusUpdate`): the metadata update rules, every status counter not
 * negative, and `status.collisionCount` never decremented (removing it counts as 0).
 *
 * @example
 * validateDaemonSetStatusUpdate(withStatus({ numberReady: -1 }), old)[0]?.detail
 * // => "must be greater than or equal to 0"
 */
export function validateDaemonSetStatusUpdate(daemonSet: unknown, oldDaemonSet: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(daemonSet, "", errors);
  if (object === wrongType) return errors;
  const old = FieldReader.of(oldDaemonSet, "", undefined);
  const oldObject = old === wrongType ? FieldReader.absent("", undefined) : old;
  validateObjectMetaUpdateInto(errors, object.raw("metadata"), oldObject.raw("metadata"));
  const status = object.object("status");
  if (status === wrongType) return errors;
  for (const key of statusCounters) {
    const value = status.integer(key);
    if (value !== wrongType && value !== undefined && value < 0) {
      errors.push(fieldErrors.invalid(status.childPath(key), value, "must be greater than or equal to 0"));
    }
  }
  const oldStatus = oldObject.object("status");
  const collisionCount = status.raw("collisionCount");
  const oldCollisionCount = oldStatus === wrongType ? undefined : oldStatus.raw("collisionCount");
  if (typeof oldCollisionCount === "number") {
    const current = typeof collisionCount === "number" ? collisionCount : undefined;
    if (current === undefined || current < oldCollisionCount) {
      errors.push(
        fieldErrors.invalid(status.childPath("collisionCount"), current ?? 0, "cannot be decremented"),
      );
    }
  }
  return errors;
}

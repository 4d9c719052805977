import {
  createBadRequestError,
  createInvalidError,
  type FieldError,
  fieldErrors,
  type PropagationPolicy,
} from "@kubesim/core";
import { isJsonObject, type JsonObject, ownField } from "./json-object.js";

/** Delete options after checking, as the store uses them. */
export interface CheckedDeleteOptions {
  readonly propagationPolicy: PropagationPolicy | undefined;
  /** Mutable: upstream's BeforeDelete rewrites it (negative → 1, the pod's own period). */
  gracePeriodSeconds: number | undefined;
  readonly uid: string | undefined;
  resourceVersion: string | undefined;
  /** `dryRun: ["All"]` (an eviction's body) or `dryRun: true` (`ApiClient.delete`). */
  readonly dryRun: boolean;
}

const policies: ReadonlySet<string> = new Set(["Foreground", "Background", "Orphan"]);

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value === "object" ? "object" : typeof value;
}

function decodeError(value: unknown, field: string, goType: string): never {
  const shown = typeof value === "number" ? `number ${value}` : jsonType(value);
  throw createBadRequestError(
    `json: cannot unmarshal ${shown} into Go struct field DeleteOptions.${field} of type ${goType}`,
  );
}

function optionalString(record: JsonObject | undefined, key: string, field: string): string | undefined {
  const value = record === undefined ? undefined : ownField(record, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") decodeError(value, field, "string");
  return value;
}

/**
 * Checks delete options as the API server decodes and validates them.
 *
 * @throws StatusError BadRequest for a field of the wrong type (a fractional grace period
 *   included), or Invalid `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy:
 *   Unsupported value: ...` for an unknown policy or dry-run value.
 */
export function checkDeleteOptions(options: unknown): CheckedDeleteOptions {
  const record = isJsonObject(options) ? options : undefined;
  const errors: FieldError[] = [];
  const policy = record === undefined ? undefined : ownField(record, "propagationPolicy");
  if (policy !== undefined && policy !== null && typeof policy !== "string") {
    decodeError(policy, "propagationPolicy", "v1.DeletionPropagation");
  }
  if (typeof policy === "string" && !policies.has(policy)) {
    errors.push(
      fieldErrors.notSupported("propagationPolicy", policy, ["Foreground", "Background", "Orphan", "nil"]),
    );
  }
  const grace = record === undefined ? undefined : ownField(record, "gracePeriodSeconds");
  if (grace !== undefined && grace !== null && (typeof grace !== "number" || !Number.isSafeInteger(grace))) {
    decodeError(grace, "gracePeriodSeconds", "int64");
  }
  const preconditions = record === undefined ? undefined : ownField(record, "preconditions");
  const preconditionRecord = isJsonObject(preconditions) ? preconditions : undefined;
  const dryRunValue = record === undefined ? undefined : ownField(record, "dryRun");
  const dryRun = Array.isArray(dryRunValue) ? dryRunValue : dryRunValue === true ? ["All"] : [];
  for (const [index, value] of dryRun.entries()) {
    if (value !== "All") errors.push(fieldErrors.notSupported(`dryRun[${index}]`, value, ["All"]));
  }
  if (errors.length > 0)
    throw createInvalidError({ group: "meta.k8s.io", kind: "DeleteOptions" }, "", errors);
  return {
    propagationPolicy: typeof policy === "string" ? (policy as PropagationPolicy) : undefined,
    gracePeriodSeconds: typeof grace === "number" ? grace : undefined,
    uid: optionalString(preconditionRecord, "uid", "preconditions.uid"),
    resourceVersion: optionalString(preconditionRecord, "resourceVersion", "preconditions.resourceVersion"),
    dryRun: dryRun.length > 0,
  };
}

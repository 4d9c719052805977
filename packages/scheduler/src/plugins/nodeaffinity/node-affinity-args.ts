import { createNodeSelector, createPreferredSchedulingTerms } from "@kubesim/affinity";
import { type FieldError, fieldErrors, fieldPath, type NodeAffinity, StatusError } from "@kubesim/core";

/**
 * NodeAffinity's `pluginConfig` args (kubescheduler.config.k8s.io/v1 `NodeAffinityArgs`):
 * an affinity every pod of the profile must also satisfy (required terms) or is scored
 * by (preferred terms), on top of its own.
 */
export interface NodeAffinityArgs {
  readonly addedAffinity?: NodeAffinity | null;
}

const addedAffinityPath = "addedAffinity";
const requiredPath = fieldPath(addedAffinityPath, "requiredDuringSchedulingIgnoredDuringExecution");
const preferredPath = fieldPath(addedAffinityPath, "preferredDuringSchedulingIgnoredDuringExecution");

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// The affinity parsers throw a StatusError holding their field errors; anything else
// (a malformed object that is not even shaped like a selector) becomes one error here.
function parseErrors(path: string, value: unknown, parse: () => unknown): FieldError[] {
  try {
    parse();
    return [];
  } catch (error) {
    if (StatusError.isInstance(error) && error.errors.length > 0) return [...error.errors];
    return [
      fieldErrors.invalid(path, value as object, error instanceof Error ? error.message : String(error)),
    ];
  }
}

/**
 * Validates NodeAffinity args as upstream's `ValidateNodeAffinityArgs`: the added
 * required node selector must parse strictly (errors at
 * `addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]...`),
 * and so must every added preferred term with a non-zero weight (errors at
 * `addedAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]...`).
 */
export function validateNodeAffinityArgs(args: unknown): FieldError[] {
  if (args === undefined || args === null) return [];
  if (!isObject(args)) return [fieldErrors.typeInvalid("", args as object, "must be an object")];
  const affinity = Object.hasOwn(args, "addedAffinity") ? args.addedAffinity : undefined;
  if (affinity === undefined || affinity === null) return [];
  if (!isObject(affinity))
    return [fieldErrors.typeInvalid(addedAffinityPath, affinity as object, "must be an object")];
  const errors: FieldError[] = [];
  const required = affinity.requiredDuringSchedulingIgnoredDuringExecution;
  if (required !== undefined && required !== null) {
    errors.push(
      ...parseErrors(requiredPath, required, () =>
        createNodeSelector(
          required as NodeAffinity["requiredDuringSchedulingIgnoredDuringExecution"] & object,
          {
            path: requiredPath,
          },
        ),
      ),
    );
  }
  const preferred = affinity.preferredDuringSchedulingIgnoredDuringExecution;
  if (preferred !== undefined && preferred !== null) {
    if (!Array.isArray(preferred)) {
      errors.push(fieldErrors.typeInvalid(preferredPath, preferred as object, "must be a list"));
    } else if (preferred.length > 0) {
      errors.push(
        ...parseErrors(preferredPath, preferred, () =>
          createPreferredSchedulingTerms(preferred, { path: preferredPath }),
        ),
      );
    }
  }
  return errors;
}

import { type FieldError, fieldErrors } from "@kubesim/core";

/**
 * VolumeBinding's `pluginConfig` args (kubescheduler.config.k8s.io/v1
 * `VolumeBindingArgs`). kubesim accepts and validates them but binds no volumes.
 */
export interface VolumeBindingArgs {
  /** How long PreBind waits for volumes to bind; default 600. */
  readonly bindTimeoutSeconds?: number;
  /** Only allowed with the VolumeCapacityPriority feature gate (alpha, off in v1.32). */
  readonly shape?: unknown;
}

/** The upstream default of `bindTimeoutSeconds`. */
const defaultBindTimeoutSeconds = 600;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Fills an absent `bindTimeoutSeconds` with 600 (upstream's `SetDefaults_VolumeBindingArgs`
 * with VolumeCapacityPriority off, so `shape` gets no default). Other values, `null`
 * included, are kept as given.
 */
export function defaultVolumeBindingArgs(args: unknown): unknown {
  if (args === undefined || args === null) return { bindTimeoutSeconds: defaultBindTimeoutSeconds };
  if (!isObject(args) || Object.hasOwn(args, "bindTimeoutSeconds")) return args;
  return { ...args, bindTimeoutSeconds: defaultBindTimeoutSeconds };
}

/**
 * Validates VolumeBinding args as upstream's `ValidateVolumeBindingArgs` (feature gate
 * VolumeCapacityPriority off): a negative `bindTimeoutSeconds` and any `shape` are invalid.
 */
export function validateVolumeBindingArgs(args: unknown): FieldError[] {
  if (args === undefined || args === null) return [];
  if (!isObject(args)) return [fieldErrors.typeInvalid("", args as object, "must be an object")];
  const errors: FieldError[] = [];
  const timeout = args.bindTimeoutSeconds;
  if (timeout !== undefined && timeout !== null) {
    if (typeof timeout !== "number" || !Number.isInteger(timeout)) {
      errors.push(fieldErrors.typeInvalid("bindTimeoutSeconds", timeout as object, "must be an integer"));
    } else if (timeout < 0) {
      errors.push(
        fieldErrors.invalid(
          "bindTimeoutSeconds",
          timeout,
          "invalid BindTimeoutSeconds, should not be a negative value",
        ),
      );
    }
  }
  if (args.shape !== undefined && args.shape !== null) {
    errors.push(
      fieldErrors.invalid(
        "shape",
        args.shape as object,
        "unexpected field `shape`, remove it or turn on the feature gate VolumeCapacityPriority",
      ),
    );
  }
  return errors;
}

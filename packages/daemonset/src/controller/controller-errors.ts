import { KubesimError } from "@kubesim/core";

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Go's `fmt.Errorf("<prefix>: %v", err)`: a new error with context, the original as `cause`. */
export function wrapError(prefix: string, error: unknown): KubesimError {
  return new KubesimError(`${prefix}: ${errorMessage(error)}`, { cause: error });
}

/**
 * apimachinery's `utilerrors.NewAggregate`: `undefined` for no errors, the error itself
 * for one (so its type, e.g. a Forbidden `StatusError`, survives), otherwise one error
 * whose message lists the distinct messages as `[first, second]`.
 */
export function aggregateErrors(errors: readonly unknown[]): unknown {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  const messages = [...new Set(errors.map(errorMessage))];
  const message = messages.length === 1 ? (messages[0] as string) : `[${messages.join(", ")}]`;
  return new KubesimError(message, { cause: errors[0] });
}

import { KubesimError } from "@kubesim/core";

const marker = Symbol.for("kubesim.error.TaintArgumentError");

/**
 * Why a `kubectl taint` request failed:
 * - `InvalidTaintSpec`: an argument is not `key[=value]:effect` or its key or value is invalid;
 * - `InvalidTaintEffect`: the effect is not NoSchedule, PreferNoSchedule or NoExecute;
 * - `DuplicateTaint`: two added taints share key and effect;
 * - `ModifyAndRemove`: one command adds and removes the same taint;
 * - `TaintExists`: the node already has an added taint and `--overwrite` is not set;
 * - `TaintNotFound`: a taint to remove is not on the node.
 */
export type TaintArgumentErrorReason =
  | "InvalidTaintSpec"
  | "InvalidTaintEffect"
  | "DuplicateTaint"
  | "ModifyAndRemove"
  | "TaintExists"
  | "TaintNotFound";

/**
 * A rejected `kubectl taint` argument list or change.
 *
 * The message is kubectl v1.32's exact text (what it prints after `error: `); `reason`
 * says what went wrong and `isUsageError` whether kubectl adds its usage hint. Thrown by
 * `parseTaint`, `parseTaintArguments`, `validateTaintChanges` and `applyTaintChanges`.
 *
 * @example
 * try {
 *   parseTaint("dedicated:Sometimes");
 * } catch (error) {
 *   if (TaintArgumentError.isInstance(error)) {
 *     error.reason // => "InvalidTaintEffect"
 *     error.isUsageError // => true
 *   }
 * }
 */
export class TaintArgumentError extends KubesimError {
  /** What went wrong, as a stable code. */
  readonly reason: TaintArgumentErrorReason;
  /**
   * True when kubectl reports the error as a usage error, adding
   * `See 'kubectl taint -h' for help and examples` (errors from parsing the arguments).
   */
  readonly isUsageError: boolean;

  constructor(reason: TaintArgumentErrorReason, message: string) {
    super(message);
    Object.defineProperty(this, marker, { value: true });
    this.name = "TaintArgumentError";
    this.reason = reason;
    this.isUsageError =
      reason === "InvalidTaintSpec" || reason === "InvalidTaintEffect" || reason === "DuplicateTaint";
  }

  /** True when `error` is a TaintArgumentError (from any copy of this package). */
  static override isInstance(error: unknown): error is TaintArgumentError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

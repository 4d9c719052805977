import { KubesimError } from "../errors/index.js";

const marker = Symbol.for("kubesim.error.QuantityParseError");

/** Which of upstream's three parse errors a {@link QuantityParseError} is. */
export type QuantityParseErrorReason = "FormatWrong" | "Numeric" | "Suffix";

/** The exact messages of upstream's `ErrFormatWrong`, `ErrNumeric` and `ErrSuffix`. */
export const quantityParseErrorMessages: Readonly<Record<QuantityParseErrorReason, string>> = {
  FormatWrong: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  Numeric: "unable to parse numeric part of quantity",
  Suffix: "unable to parse quantity's suffix",
};

/**
 * A string that is not a Kubernetes quantity. The message is upstream's exact text, so it
 * can be embedded in API errors as the API server does.
 */
export class QuantityParseError extends KubesimError {
  /** Which upstream error this is. */
  readonly reason: QuantityParseErrorReason;
  /** The text that failed to parse (a number input is given in its JSON spelling). */
  readonly input: string;

  constructor(reason: QuantityParseErrorReason, input: string) {
    super(quantityParseErrorMessages[reason]);
    Object.defineProperty(this, marker, { value: true });
    this.name = "QuantityParseError";
    this.reason = reason;
    this.input = input;
  }

  /** True when `error` is a QuantityParseError (from any copy of this package). */
  static override isInstance(error: unknown): error is QuantityParseError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

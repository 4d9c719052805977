import { KubesimError } from "../errors/index.js";

const marker = Symbol.for("kubesim.error.ManifestError");

/** Why a manifest could not be turned into API objects. */
export type ManifestErrorReason = "SyntaxError" | "MissingKind" | "NotAnObject" | "NoKindMatch";

/**
 * A manifest that is not valid YAML/JSON, or that holds something other than API
 * objects kubesim serves. The message is the text kubectl prints after `error: `.
 */
export class ManifestError extends KubesimError {
  /** What went wrong, as a stable code. */
  readonly reason: ManifestErrorReason;
  /** The file name given to `loadManifests` (or `-` for stdin). */
  readonly filename: string;
  /** 1-based line of a syntax error, when known. */
  readonly line: number | undefined;
  /** 1-based column of a syntax error, when known. */
  readonly column: number | undefined;

  constructor(
    reason: ManifestErrorReason,
    message: string,
    location: { filename: string; line?: number; column?: number },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    Object.defineProperty(this, marker, { value: true });
    this.name = "ManifestError";
    this.reason = reason;
    this.filename = location.filename;
    this.line = location.line;
    this.column = location.column;
  }

  /** True when `error` is a ManifestError (from any copy of this package). */
  static override isInstance(error: unknown): error is ManifestError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

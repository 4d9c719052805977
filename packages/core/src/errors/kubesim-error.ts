const marker = Symbol.for("kubesim.error");

/**
 * Base class of every error kubesim throws on purpose.
 *
 * @remarks
 * Use the static `isInstance()` checks instead of `instanceof`: they work across
 * duplicated copies of the package (two versions installed side by side).
 */
export class KubesimError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, marker, { value: true });
    this.name = "KubesimError";
  }

  /** True when `error` is any kubesim error. */
  static isInstance(error: unknown): error is KubesimError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

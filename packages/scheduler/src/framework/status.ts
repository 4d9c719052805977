/**
 * The result codes of scheduler plugins, with upstream's numbering
 * (`Success=0 … Pending=6`).
 */
export const Code = {
  Success: 0,
  Error: 1,
  Unschedulable: 2,
  UnschedulableAndUnresolvable: 3,
  Wait: 4,
  Skip: 5,
  Pending: 6,
} as const;

/** One of the {@link Code} values. */
export type Code = (typeof Code)[keyof typeof Code];

/** The upstream name of each code (`"Success"`, `"UnschedulableAndUnresolvable"`, ...). */
export type CodeName = keyof typeof Code;

const codeNames: readonly CodeName[] = [
  "Success",
  "Error",
  "Unschedulable",
  "UnschedulableAndUnresolvable",
  "Wait",
  "Skip",
  "Pending",
];

/** The upstream name of a code, e.g. `codeName(Code.Skip) === "Skip"`. */
export function codeName(code: Code): CodeName {
  return codeNames[code] ?? "Error";
}

/**
 * What a plugin answers. `undefined` means success, so the hot path allocates nothing;
 * a Status is only built for everything else.
 *
 * @example
 * const status = unschedulable("node(s) were unschedulable");
 * status.code === Code.Unschedulable; // => true
 */
export interface Status {
  readonly code: Code;
  /** Human-readable reasons, in order; these make up the FailedScheduling message. */
  readonly reasons: readonly string[];
  /** The fault behind an `Error` status. */
  readonly error?: Error;
  /** The plugin that produced the status (set by the framework). */
  readonly plugin?: string;
}

/** Builds a status with the given code and reasons. */
export function createStatus(code: Code, ...reasons: string[]): Status {
  return { code, reasons };
}

/** `Unschedulable` with reasons: the pod may fit after preemption. */
export function unschedulable(...reasons: string[]): Status {
  return { code: Code.Unschedulable, reasons };
}

/** `UnschedulableAndUnresolvable` with reasons: preemption cannot help on this node. */
export function unschedulableAndUnresolvable(...reasons: string[]): Status {
  return { code: Code.UnschedulableAndUnresolvable, reasons };
}

/** `Skip`: the plugin has nothing to do for this pod in this cycle. */
export const skipStatus: Status = Object.freeze({ code: Code.Skip, reasons: [] });

/** An `Error` status for an unexpected fault; the reason is the error's message. */
export function errorStatus(error: unknown): Status {
  const cause = error instanceof Error ? error : new Error(String(error));
  return { code: Code.Error, reasons: [cause.message], error: cause };
}

/** True for `undefined` and for a status with code Success. */
export function isSuccess(status: Status | undefined): boolean {
  return status === undefined || status.code === Code.Success;
}

/** True for Unschedulable, UnschedulableAndUnresolvable and Pending: the pod was rejected. */
export function isRejected(status: Status | undefined): boolean {
  return (
    status !== undefined &&
    (status.code === Code.Unschedulable ||
      status.code === Code.UnschedulableAndUnresolvable ||
      status.code === Code.Pending)
  );
}

/** Returns the status tagged with the plugin that produced it. */
export function withPlugin(status: Status, plugin: string): Status {
  return status.plugin === plugin ? status : { ...status, plugin };
}

/** The reasons of a status joined as upstream's `Status.Message()` does (`", "`). */
export function statusMessage(status: Status | undefined): string {
  return status === undefined ? "" : status.reasons.join(", ");
}

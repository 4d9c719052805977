/**
 * How kubectl reports the errors a command collected (`cmdutil.CheckErr`): one error in full
 * (`Error from server (NotFound): ...`, `error: ...`, the Invalid block), several as one line
 * each without the `error: ` prefix.
 */
import { formatKubectlError, KubesimError, StatusError } from "@kubesim/core";

/** kubectl's `messageForError`: the standard text of an API error, else the bare message. */
function messageForError(error: unknown): string {
  if (StatusError.isInstance(error)) {
    const { reason, message } = error.status;
    if (reason === "Unauthorized") return `error: You must be logged in to the server (${message})`;
    return reason === "" ? `Error from server: ${message}` : `Error from server (${reason}): ${message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Renders the errors a command ends with, as kubectl prints them on stderr (`""` for none). */
export function formatCommandErrors(errors: readonly unknown[]): string {
  if (errors.length === 0) return "";
  if (errors.length === 1) return formatKubectlError(errors[0]);
  return errors.map((error) => `${messageForError(error)}\n`).join("");
}

/** An error kubectl reports with a plain message (`error: <message>` when alone). */
export function commandError(message: string): KubesimError {
  return new KubesimError(message);
}

/**
 * kubectl stopping the process on the spot (`klog.Exitf`) instead of returning an error:
 * the message goes to stderr as is and nothing else is printed.
 */
export class KubectlExit extends KubesimError {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "KubectlExit";
  }
}

import { formatKubectlError, goQuote, KubesimError, StatusError } from "@kubesim/core";
import type { CommandIo } from "../../io.js";
import type { ExitCode } from "../kubectl-context.js";
import { commandName } from "./command-name.js";

/**
 * Several errors reported together, as Go's `utilerrors.Aggregate`: kubectl's resource
 * builder collects one per failed object and prints them at the end. Its message is Go's:
 * one error alone, several as `[a, b]` (repeats once).
 */
export class ErrorList extends KubesimError {
  /** The errors, in the order they happened; entries may be ErrorLists themselves. */
  readonly errors: readonly unknown[];

  constructor(errors: readonly unknown[]) {
    super(aggregateMessage(errors));
    this.name = "ErrorList";
    this.errors = errors;
  }
}

function flattenMessages(errors: readonly unknown[], into: string[]): void {
  for (const error of errors) {
    if (error instanceof ErrorList) flattenMessages(error.errors, into);
    else into.push(errorMessage(error));
  }
}

function aggregateMessage(errors: readonly unknown[]): string {
  if (errors.length === 0) return "";
  if (errors.length === 1) return errorMessage(errors[0]);
  const seen: string[] = [];
  const messages: string[] = [];
  flattenMessages(errors, messages);
  for (const message of messages) if (!seen.includes(message)) seen.push(message);
  return seen.length === 1 ? (seen[0] ?? "") : `[${seen.join(", ")}]`;
}

/** Go's `err.Error()`: a Status's message, an error's message, anything else as text. */
export function errorMessage(error: unknown): string {
  if (StatusError.isInstance(error)) return error.status.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Go's `utilerrors.NewAggregate`: `undefined` for no errors, else an {@link ErrorList} (even of one). */
export function newErrorList(errors: readonly unknown[]): ErrorList | undefined {
  return errors.length === 0 ? undefined : new ErrorList(errors);
}

/**
 * What kubectl's `ContinueOnErrorVisitor` returns: nothing, the one error, or all of them
 * as an {@link ErrorList}.
 */
export function continueOnErrorResult(errors: readonly unknown[]): unknown {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  return new ErrorList(errors);
}

/** kubectl's `StandardErrorMessage` / `messageForError`: Status errors get `Error from server`. */
function messageForError(error: unknown): string {
  if (StatusError.isInstance(error)) {
    const status = error.status;
    if (status.reason === "Unauthorized")
      return `error: You must be logged in to the server (${status.message})`;
    if (status.reason !== "") return `Error from server (${status.reason}): ${status.message}`;
    return `Error from server: ${status.message}`;
  }
  return errorMessage(error);
}

function withNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

/**
 * Renders an error exactly as kubectl's `cmdutil.CheckErr` prints it: a list of one is
 * unwrapped; `Invalid` Status errors print their causes; a list prints one line per error
 * (Status errors as `Error from server (...)`, others bare); other errors get `error: `.
 */
export function formatCommandError(error: unknown): string {
  let current = error;
  if (current instanceof ErrorList && current.errors.length === 1) current = current.errors[0];
  if (current instanceof ErrorList) {
    return current.errors.map((entry) => withNewline(messageForError(entry))).join("");
  }
  if (StatusError.isInstance(current)) return formatKubectlError(current);
  const message = errorMessage(current);
  return withNewline(message.startsWith("error: ") ? message : `error: ${message}`);
}

/** Prints `error` (when there is one) as kubectl does and returns the exit code: 1, or 0 for none. */
export function reportCommandError(io: CommandIo, error: unknown): ExitCode {
  if (error === undefined) return 0;
  io.stderr(formatCommandError(error));
  return 1;
}

/**
 * kubectl's `AddSourceToErr`: prefixes `error when <verb> "<source>": ` to a Status
 * message (keeping its reason and details) or to any other error's message. Errors
 * without a source (objects named on the command line) are returned unchanged.
 */
export function addSourceToError(verb: string, source: string, error: unknown): unknown {
  if (source === "") return error;
  const prefix = `error when ${verb} ${goQuote(source)}: `;
  if (StatusError.isInstance(error)) {
    const {
      apiVersion: _apiVersion,
      kind: _kind,
      status: _status,
      metadata: _metadata,
      ...rest
    } = error.status;
    return new StatusError({ ...rest, message: `${prefix}${error.status.message}` }, { cause: error });
  }
  return new KubesimError(`${prefix}${errorMessage(error)}`, { cause: error });
}

/**
 * kubectl's `UsageErrorf`: the message, then `See '<command> -h' for help and examples`.
 *
 * @param commandPath - the verb's path after the binary name, e.g. `taint` or `rollout undo`.
 */
export function usageError(commandPath: string, message: string): KubesimError {
  return new KubesimError(`${message}\nSee '${commandName} ${commandPath} -h' for help and examples`);
}

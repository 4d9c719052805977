import { goQuote } from "./go-format.js";
import { KubesimError } from "./kubesim-error.js";
import { StatusError } from "./status-error.js";

/** Options for {@link formatKubectlError}. */
export interface FormatKubectlErrorOptions {
  /**
   * What kubectl was doing, prefixed to server messages, e.g.
   * `error when creating "ds.yaml"`. Not used for `Invalid` errors, whose text kubectl
   * builds from the Status details instead.
   */
  readonly context?: string;
}

/**
 * Renders an error exactly as kubectl prints it on stderr, including the final newline.
 *
 * - `Invalid` with causes: `The DaemonSet "x" is invalid: <field>: <body>` for one cause,
 *   or the header followed by one `* <field>: <body>` line per distinct cause.
 * - other Status errors: `Error from server (<Reason>): <message>`.
 * - anything else: `error: <message>`.
 *
 * @example
 * formatKubectlError(createNotFoundError({ group: "apps", resource: "daemonsets" }, "nope"))
 * // => 'Error from server (NotFound): daemonsets.apps "nope" not found\n'
 */
export function formatKubectlError(error: unknown, options: FormatKubectlErrorOptions = {}): string {
  if (StatusError.isInstance(error)) {
    const status = error.status;
    if (status.reason === "Invalid") return formatInvalid(error);
    if (status.reason === "Unauthorized") {
      return `error: You must be logged in to the server (${status.message})\n`;
    }
    const message = options.context === undefined ? status.message : `${options.context}: ${status.message}`;
    if (status.reason !== "") return `Error from server (${status.reason}): ${message}\n`;
    return `Error from server: ${message}\n`;
  }
  if (KubesimError.isInstance(error) || error instanceof Error) {
    const message = error.message.startsWith("error: ") ? error.message : `error: ${error.message}`;
    return message.endsWith("\n") ? message : `${message}\n`;
  }
  return `error: ${String(error)}\n`;
}

function formatInvalid(error: StatusError): string {
  const status = error.status;
  const details = status.details;
  if (details === undefined) {
    return status.message === "" ? "The request is invalid\n" : `The request is invalid: ${status.message}\n`;
  }
  let header = "The request is invalid";
  if ((details.kind ?? "") !== "" || (details.name ?? "") !== "") {
    header = `The ${details.kind ?? ""} ${goQuote(details.name ?? "")} is invalid`;
  } else if (status.message !== "" && (details.causes ?? []).length === 0) {
    header += `: ${status.message}`;
  }
  const causes = [
    ...new Set((details.causes ?? []).map((cause) => `${cause.field ?? ""}: ${cause.message ?? ""}`)),
  ];
  if (causes.length === 0) return `${header}\n`;
  if (causes.length === 1) return `${header}: ${causes[0]}\n`;
  return `${header}: \n${causes.map((cause) => `* ${cause}\n`).join("")}`;
}

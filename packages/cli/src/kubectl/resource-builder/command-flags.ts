import { type Command, InvalidArgumentError } from "commander";
import { collectCommaSeparated, parseGoBool } from "./flag-values.js";

/** The values commander collects for {@link addFilenameFlags}. */
export interface FilenameFlagValues {
  readonly filename: string[];
  readonly recursive?: boolean;
}

/**
 * Declares kubectl's `-f/--filename` (repeatable, comma-separated) and `-R/--recursive`.
 *
 * @param usage - what the files are for, e.g. `to use to create the resource`.
 */
export function addFilenameFlags(command: Command, usage: string): Command {
  return command
    .option(
      "-f, --filename <file>",
      `Filename, directory, or URL to files ${usage}`,
      collectCommaSeparated,
      [],
    )
    .option(
      "-R, --recursive",
      "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
    );
}

/**
 * Commander parser for a boolean flag that also takes `--flag=false` (pflag's bool flags):
 * `true`/`false` and Go's other spellings.
 *
 * @throws InvalidArgumentError for anything else.
 */
export function parseBoolFlag(value: string): boolean {
  const parsed = parseGoBool(value);
  if (parsed === undefined)
    throw new InvalidArgumentError(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
  return parsed;
}

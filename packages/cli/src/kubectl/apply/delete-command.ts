import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import {
  addFilenameFlags,
  type FilenameFlagValues,
  parseBoolFlag,
  parseFlag,
  parseGoDuration,
  parseGoInt,
  reportCommandError,
} from "../resource-builder/index.js";
import { type DeleteOptions, runDelete } from "./delete.js";

interface DeleteFlagValues extends FilenameFlagValues {
  readonly selector?: string;
  readonly fieldSelector?: string;
  readonly all?: boolean;
  readonly allNamespaces?: boolean;
  readonly cascade?: string | boolean;
  readonly gracePeriod?: string;
  readonly now?: boolean;
  readonly force?: boolean;
  readonly ignoreNotFound?: boolean;
  readonly wait?: boolean;
  readonly timeout?: string;
  readonly output?: string;
}

function deleteOptions(args: readonly string[], flags: DeleteFlagValues): DeleteOptions {
  return {
    filenames: flags.filename,
    recursive: flags.recursive === true,
    args,
    ...(flags.selector === undefined ? {} : { labelSelector: flags.selector }),
    ...(flags.fieldSelector === undefined ? {} : { fieldSelector: flags.fieldSelector }),
    all: flags.all === true,
    allNamespaces: flags.allNamespaces === true,
    cascade: flags.cascade === undefined || flags.cascade === true ? "background" : String(flags.cascade),
    gracePeriod:
      flags.gracePeriod === undefined
        ? -1
        : parseFlag("delete", "--grace-period", flags.gracePeriod, parseGoInt),
    now: flags.now === true,
    force: flags.force === true,
    ...(flags.ignoreNotFound === undefined ? {} : { ignoreNotFound: flags.ignoreNotFound }),
    wait: flags.wait !== false,
    timeoutMs:
      flags.timeout === undefined ? 0 : parseFlag("delete", "--timeout", flags.timeout, parseGoDuration),
    ...(flags.output === undefined ? {} : { output: flags.output }),
  };
}

/** Declares `kubesim delete` with kubectl's flags; the action runs {@link runDelete}. */
export function registerDeleteCommand(program: Command, run: RunInCluster): Command {
  const command = program
    .command("delete")
    .summary("Delete resources by file names, stdin, resources and names, or by resources and label selector")
    .usage("([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])")
    .argument("[args...]");
  addFilenameFlags(command, "containing the resource to delete.")
    .option("-l, --selector <selector>", "Selector (label query) to filter on.")
    .option("--field-selector <selector>", "Selector (field query) to filter on.")
    .option("--all", "Delete all resources, in the namespace of the specified resource types.")
    .option("-A, --all-namespaces", "If present, list the requested object(s) across all namespaces.")
    .option(
      "--cascade [strategy]",
      'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    )
    .option(
      "--grace-period <seconds>",
      "Period of time in seconds given to the resource to terminate gracefully.",
    )
    .option("--now", "If true, resources are signaled for immediate shutdown (same as --grace-period=1).")
    .option("--force", "If true, immediately remove resources from API and bypass graceful deletion.")
    .option("--ignore-not-found", 'Treat "resource not found" as a successful delete.')
    .option("--wait [bool]", "If true, wait for resources to be gone before returning.", parseBoolFlag)
    .option("--timeout <duration>", "The length of time to wait before giving up on a delete.")
    .option("-o, --output <format>", 'Output mode. Use "-o name" for shorter output (resource/name).')
    .action(async (args: string[], _options: unknown, self: Command) => {
      const flags = self.opts<DeleteFlagValues>();
      await run(self, async (context) => {
        let options: DeleteOptions;
        try {
          options = deleteOptions(args, flags);
        } catch (error) {
          return reportCommandError(context.io, error);
        }
        return runDelete(context, options);
      });
    });
  return command;
}

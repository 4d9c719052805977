/** The commander declaration of `kubesim describe`, with kubectl's flags. */
import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import { addFilenameFlags, type FilenameFlagValues, parseBoolFlag } from "../resource-builder/index.js";
import { runDescribe } from "./run-describe.js";

interface DescribeOptionValues extends FilenameFlagValues {
  readonly selector?: string;
  readonly allNamespaces?: boolean;
  readonly showEvents?: boolean;
}

/**
 * Declares `describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)` on
 * `program` with kubectl's flags (`-f`, `-R`, `-l`, `-A`, `--show-events`,
 * `--chunk-size`); its action runs {@link runDescribe} in the current cluster through `run`.
 */
export function registerDescribeCommand(program: Command, run: RunInCluster): Command {
  const command = program
    .command("describe")
    .summary("Show details of a specific resource or group of resources")
    .description(
      "Show details of a specific resource or group of resources.\n\n" +
        "Print a detailed description of the selected resources, including related resources such as events or " +
        "controllers. You may select a single object by name, all objects of that type, provide a name prefix, or " +
        "label selector. For example:\n\n    $ kubesim describe TYPE NAME_PREFIX\n\n" +
        "will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output " +
        "details for every resource that has a name prefixed with NAME_PREFIX.",
    )
    .usage("(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)")
    .argument("[args...]");
  addFilenameFlags(command, "containing the resource to describe")
    .option(
      "-l, --selector <selector>",
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
    )
    .option(
      "-A, --all-namespaces",
      "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.",
    )
    .option(
      "--show-events [value]",
      "If true, display events related to the described object.",
      parseBoolFlag,
      true,
    )
    .option("--chunk-size <size>", "Accepted for compatibility; kubesim lists in one piece.")
    .action(async (args: string[], _options: unknown, self: Command) => {
      const flags = self.opts<DescribeOptionValues>();
      await run(self, (context) =>
        runDescribe(context, args, {
          filenames: flags.filename,
          recursive: flags.recursive === true,
          allNamespaces: flags.allNamespaces === true,
          showEvents: flags.showEvents !== false,
          ...(flags.selector === undefined ? {} : { selector: flags.selector }),
        }),
      );
    });
  return command;
}

import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  addFieldManagerFlag,
  addFilenameFlags,
  type FieldManagerFlagValues,
  type FilenameFlagValues,
  kubectlFieldManagers,
  parseBoolFlag,
  parseFlag,
  parseGoDuration,
  parseGoInt,
  reportCommandError,
} from "../resource-builder/index.js";
import { runRolloutHistory } from "./rollout-history.js";
import { runRolloutRestart } from "./rollout-restart.js";
import { runRolloutStatus } from "./rollout-status.js";
import type { RolloutTargets } from "./rollout-targets.js";
import { runRolloutUndo } from "./rollout-undo.js";

interface RolloutFlagValues extends FilenameFlagValues, FieldManagerFlagValues {
  readonly selector?: string;
  readonly revision?: string;
  readonly toRevision?: string;
  readonly watch?: boolean;
  readonly timeout?: string;
}

function targets(args: readonly string[], flags: RolloutFlagValues): RolloutTargets {
  return {
    args,
    filenames: flags.filename,
    recursive: flags.recursive === true,
    ...(flags.selector === undefined ? {} : { labelSelector: flags.selector }),
  };
}

type RolloutAction = (
  context: KubectlContext,
  args: readonly string[],
  flags: RolloutFlagValues,
) => Promise<ExitCode>;

function subcommand(
  parent: Command,
  run: RunInCluster,
  name: string,
  summary: string,
  action: RolloutAction,
): Command {
  const command = parent
    .command(name)
    .summary(summary)
    .usage("(TYPE NAME | TYPE/NAME) [flags]")
    .argument("[args...]");
  addFilenameFlags(command, "identifying the resource to get from a server.")
    .option("-l, --selector <selector>", "Selector (label query) to filter on.")
    .action(async (args: string[], _options: unknown, self: Command) => {
      const flags = self.opts<RolloutFlagValues>();
      await run(self, async (context) => {
        try {
          return await action(context, args, flags);
        } catch (error) {
          return reportCommandError(context.io, error);
        }
      });
    });
  return command;
}

/**
 * Declares `kubesim rollout status|history|undo|restart` with kubectl's flags; each
 * subcommand runs the matching `runRollout…`.
 */
export function registerRolloutCommand(program: Command, run: RunInCluster): Command {
  const rollout = program.command("rollout").summary("Manage the rollout of a resource");
  subcommand(rollout, run, "status", "Show the status of the rollout", (context, args, flags) =>
    runRolloutStatus(context, {
      ...targets(args, flags),
      watch: flags.watch !== false,
      timeoutMs:
        flags.timeout === undefined
          ? 0
          : parseFlag("rollout status", "--timeout", flags.timeout, parseGoDuration),
    }),
  )
    .option("-w, --watch [bool]", "Watch the status of the rollout until it's done.", parseBoolFlag)
    .option("--timeout <duration>", "The length of time to wait before ending watch, zero means never.")
    .option("--revision <number>", "Pin to a specific revision for showing its status.");
  subcommand(rollout, run, "history", "View rollout history", (context, args, flags) =>
    runRolloutHistory(context, {
      ...targets(args, flags),
      revision:
        flags.revision === undefined
          ? 0
          : parseFlag("rollout history", "--revision", flags.revision, parseGoInt),
    }),
  ).option("--revision <number>", "See the details, including podTemplate of the revision specified");
  subcommand(rollout, run, "undo", "Undo a previous rollout", (context, args, flags) =>
    runRolloutUndo(context, {
      ...targets(args, flags),
      toRevision:
        flags.toRevision === undefined
          ? 0
          : parseFlag("rollout undo", "--to-revision", flags.toRevision, parseGoInt),
    }),
  ).option("--to-revision <number>", "The revision to rollback to. Default to 0 (last revision).");
  addFieldManagerFlag(
    subcommand(rollout, run, "restart", "Restart a resource", (context, args, flags) =>
      runRolloutRestart(context, {
        ...targets(args, flags),
        ...(flags.fieldManager === undefined ? {} : { fieldManager: flags.fieldManager }),
      }),
    ),
    kubectlFieldManagers.rollout,
  );
  return rollout;
}

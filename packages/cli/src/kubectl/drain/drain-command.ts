import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import { parseFlag, parseGoDuration, parseGoInt, reportCommandError } from "../resource-builder/index.js";
import { type DrainOptions, runDrain } from "./drain.js";

interface DrainFlagValues {
  readonly selector?: string;
  readonly force?: boolean;
  readonly ignoreDaemonsets?: boolean;
  readonly deleteEmptydirData?: boolean;
  readonly gracePeriod?: string;
  readonly timeout?: string;
  readonly podSelector?: string;
  readonly disableEviction?: boolean;
}

function drainOptions(nodes: readonly string[], flags: DrainFlagValues): DrainOptions {
  return {
    names: nodes,
    ...(flags.selector === undefined ? {} : { labelSelector: flags.selector }),
    force: flags.force === true,
    ignoreDaemonSets: flags.ignoreDaemonsets === true,
    deleteEmptyDirData: flags.deleteEmptydirData === true,
    gracePeriod:
      flags.gracePeriod === undefined
        ? -1
        : parseFlag("drain", "--grace-period", flags.gracePeriod, parseGoInt),
    timeoutMs:
      flags.timeout === undefined ? 0 : parseFlag("drain", "--timeout", flags.timeout, parseGoDuration),
    ...(flags.podSelector === undefined ? {} : { podSelector: flags.podSelector }),
    disableEviction: flags.disableEviction === true,
  };
}

/** Declares `kubesim drain NODE` with kubectl's flags; the action runs {@link runDrain}. */
export function registerDrainCommand(program: Command, run: RunInCluster): Command {
  return program
    .command("drain")
    .summary("Drain node in preparation for maintenance")
    .usage("NODE")
    .argument("[nodes...]")
    .option("--force", "Continue even if there are pods that do not declare a controller.")
    .option("--ignore-daemonsets", "Ignore DaemonSet-managed pods.")
    .option(
      "--delete-emptydir-data",
      "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).",
    )
    .option(
      "--grace-period <seconds>",
      "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.",
    )
    .option("--timeout <duration>", "The length of time to wait before giving up, zero means infinite")
    .option("--pod-selector <selector>", "Label selector to filter pods on the node")
    .option("--disable-eviction", "Force drain to use delete, even if eviction is supported.")
    .option("-l, --selector <selector>", "Selector (label query) to filter on.")
    .action(async (nodes: string[], _options: unknown, self: Command) => {
      const flags = self.opts<DrainFlagValues>();
      await run(self, async (context) => {
        let options: DrainOptions;
        try {
          options = drainOptions(nodes, flags);
        } catch (error) {
          return reportCommandError(context.io, error);
        }
        return runDrain(context, options);
      });
    });
}

import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import {
  addFieldManagerFlag,
  addShowManagedFieldsFlag,
  type FieldManagerFlagValues,
  kubectlFieldManagers,
} from "../resource-builder/index.js";
import { runTaint } from "./taint.js";

interface TaintFlagValues extends FieldManagerFlagValues {
  readonly showManagedFields?: boolean;
  readonly overwrite?: boolean;
  readonly all?: boolean;
  readonly selector?: string;
  readonly output?: string;
}

/** Declares `kubesim taint` with kubectl's flags; the action runs {@link runTaint}. */
export function registerTaintCommand(program: Command, run: RunInCluster): Command {
  const command = program
    .command("taint")
    .summary("Update the taints on one or more nodes")
    .usage("NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N")
    .argument("[args...]")
    .option(
      "--overwrite",
      "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.",
    )
    .option("--all", "Select all nodes in the cluster")
    .option("-l, --selector <selector>", "Selector (label query) to filter on.")
    .option("-o, --output <format>", "Output format. One of: (json, yaml, name).");
  addShowManagedFieldsFlag(command);
  return addFieldManagerFlag(command, kubectlFieldManagers.taint).action(
    async (args: string[], _options: unknown, self: Command) => {
      const flags = self.opts<TaintFlagValues>();
      await run(self, (context) =>
        runTaint(context, {
          args,
          overwrite: flags.overwrite === true,
          all: flags.all === true,
          ...(flags.selector === undefined ? {} : { labelSelector: flags.selector }),
          ...(flags.output === undefined ? {} : { output: flags.output }),
          ...(flags.fieldManager === undefined ? {} : { fieldManager: flags.fieldManager }),
          showManagedFields: flags.showManagedFields === true,
        }),
      );
    },
  );
}

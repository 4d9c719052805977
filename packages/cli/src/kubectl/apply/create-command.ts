import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import {
  addFieldManagerFlag,
  addFilenameFlags,
  addShowManagedFieldsFlag,
  type FieldManagerFlagValues,
  type FilenameFlagValues,
  kubectlFieldManagers,
} from "../resource-builder/index.js";
import { runCreate } from "./create.js";

interface CreateFlagValues extends FilenameFlagValues, FieldManagerFlagValues {
  readonly saveConfig?: boolean;
  readonly output?: string;
  readonly showManagedFields?: boolean;
}

/** Declares `kubesim create -f FILENAME` with kubectl's flags; the action runs {@link runCreate}. */
export function registerCreateCommand(program: Command, run: RunInCluster): Command {
  const command = program
    .command("create")
    .summary("Create a resource from a file or from stdin")
    .description("Create a resource from a file or from stdin.\n\nJSON and YAML formats are accepted.")
    .usage("-f FILENAME")
    .argument("[args...]");
  addFilenameFlags(command, "to use to create the resource")
    .option("--save-config", "If true, the configuration of current object will be saved in its annotation.")
    .option("--validate [mode]", "Accepted for compatibility: the simulated API server always validates.")
    .option("-o, --output <format>", "Output format. One of: (json, yaml, name).");
  addShowManagedFieldsFlag(command);
  addFieldManagerFlag(command, kubectlFieldManagers.create).action(
    async (args: string[], _options: unknown, self: Command) => {
      const flags = self.opts<CreateFlagValues>();
      await run(self, (context) =>
        runCreate(context, {
          filenames: flags.filename,
          recursive: flags.recursive === true,
          saveConfig: flags.saveConfig === true,
          ...(flags.output === undefined ? {} : { output: flags.output }),
          ...(flags.fieldManager === undefined ? {} : { fieldManager: flags.fieldManager }),
          showManagedFields: flags.showManagedFields === true,
          args,
        }),
      );
    },
  );
  return command;
}

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
import { runApply } from "./apply.js";

interface ApplyFlagValues extends FilenameFlagValues, FieldManagerFlagValues {
  readonly serverSide?: boolean;
  readonly forceConflicts?: boolean;
  readonly output?: string;
  readonly showManagedFields?: boolean;
}

/** Declares `kubesim apply -f FILENAME` with kubectl's flags; the action runs {@link runApply}. */
export function registerApplyCommand(program: Command, run: RunInCluster): Command {
  const command = program
    .command("apply")
    .summary("Apply a configuration to a resource by file name or stdin")
    .description(
      "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\nJSON and YAML formats are accepted.",
    )
    .usage("(-f FILENAME | -k DIRECTORY)")
    .argument("[args...]");
  addFilenameFlags(command, "that contains the configuration to apply")
    .option("--server-side", "If true, apply runs in the server instead of the client.")
    .option("--force-conflicts", "If true, server-side apply will force the changes against conflicts.")
    .option("--validate [mode]", "Accepted for compatibility: the simulated API server always validates.")
    .option("-o, --output <format>", "Output format. One of: (json, yaml, name).");
  addShowManagedFieldsFlag(command);
  addFieldManagerFlag(command, kubectlFieldManagers.clientSideApply).action(
    async (args: string[], _options: unknown, self: Command) => {
      const flags = self.opts<ApplyFlagValues>();
      await run(self, (context) =>
        runApply(context, {
          filenames: flags.filename,
          recursive: flags.recursive === true,
          serverSide: flags.serverSide === true,
          forceConflicts: flags.forceConflicts === true,
          ...(flags.fieldManager === undefined ? {} : { fieldManager: flags.fieldManager }),
          ...(flags.output === undefined ? {} : { output: flags.output }),
          showManagedFields: flags.showManagedFields === true,
          args,
        }),
      );
    },
  );
  return command;
}

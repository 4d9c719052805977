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
import { runSetImage } from "./set-image.js";

interface SetImageFlagValues extends FilenameFlagValues, FieldManagerFlagValues {
  readonly showManagedFields?: boolean;
  readonly all?: boolean;
  readonly selector?: string;
  readonly output?: string;
}

/**
 * Declares `kubesim set image` (under a `set` parent it creates when missing) with
 * kubectl's flags; the action runs {@link runSetImage}.
 */
export function registerSetImageCommand(program: Command, run: RunInCluster): Command {
  const set =
    program.commands.find((command) => command.name() === "set") ??
    program.command("set").summary("Set specific features on objects");
  const command = set
    .command("image")
    .summary("Update the image of a pod template")
    .usage(
      "(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
    )
    .argument("[args...]");
  addFilenameFlags(command, "identifying the resource to get from a server.")
    .option("--all", "Select all resources, in the namespace of the specified resource types")
    .option("-l, --selector <selector>", "Selector (label query) to filter on.")
    .option("-o, --output <format>", "Output format. One of: (json, yaml, name).");
  addShowManagedFieldsFlag(command);
  addFieldManagerFlag(command, kubectlFieldManagers.set).action(
    async (args: string[], _options: unknown, self: Command) => {
      const flags = self.opts<SetImageFlagValues>();
      await run(self, (context) =>
        runSetImage(context, {
          args,
          filenames: flags.filename,
          recursive: flags.recursive === true,
          all: flags.all === true,
          ...(flags.selector === undefined ? {} : { labelSelector: flags.selector }),
          ...(flags.output === undefined ? {} : { output: flags.output }),
          ...(flags.fieldManager === undefined ? {} : { fieldManager: flags.fieldManager }),
          showManagedFields: flags.showManagedFields === true,
        }),
      );
    },
  );
  return command;
}

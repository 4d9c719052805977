import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  addFieldManagerFlag,
  addFilenameFlags,
  addShowManagedFieldsFlag,
  type FieldManagerFlagValues,
  type FilenameFlagValues,
} from "../resource-builder/index.js";
import type { MetadataUpdateOptions } from "./metadata-update.js";

interface MetadataFlagValues extends FilenameFlagValues, FieldManagerFlagValues {
  readonly showManagedFields?: boolean;
  readonly overwrite?: boolean;
  readonly all?: boolean;
  readonly allNamespaces?: boolean;
  readonly selector?: string;
  readonly fieldSelector?: string;
  readonly resourceVersion?: string;
  readonly list?: boolean;
  readonly output?: string;
}

/** What {@link declareMetadataCommand} needs to know about `label` or `annotate`. */
export interface MetadataCommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly pairType: string;
  /** The default of `--field-manager`. */
  readonly fieldManager: string;
  readonly run: (context: KubectlContext, options: MetadataUpdateOptions) => Promise<ExitCode>;
}

/** Declares `label` or `annotate` with kubectl's shared flags. */
export function declareMetadataCommand(
  program: Command,
  run: RunInCluster,
  spec: MetadataCommandSpec,
): Command {
  const command = program.command(spec.name).summary(spec.summary).usage(spec.usage).argument("[args...]");
  addFilenameFlags(command, `identifying the resource to update the ${spec.pairType}`)
    .option(
      "--overwrite",
      `If true, allow ${spec.pairType}s to be overwritten, otherwise reject ${spec.pairType} updates that overwrite existing ${spec.pairType}s.`,
    )
    .option("--all", "Select all resources, in the namespace of the specified resource types.")
    .option("-A, --all-namespaces", "If true, check the specified action in all namespaces.")
    .option("-l, --selector <selector>", "Selector (label query) to filter on.")
    .option("--field-selector <selector>", "Selector (field query) to filter on.")
    .option(
      "--resource-version <version>",
      `If non-empty, the ${spec.pairType}s update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    )
    .option("--list", `If true, display the ${spec.pairType}s for a given resource.`)
    .option("-o, --output <format>", "Output format. One of: (json, yaml, name).");
  addShowManagedFieldsFlag(command);
  addFieldManagerFlag(command, spec.fieldManager).action(
    async (args: string[], _options: unknown, self: Command) => {
      const flags = self.opts<MetadataFlagValues>();
      await run(self, (context) =>
        spec.run(context, {
          args,
          filenames: flags.filename,
          recursive: flags.recursive === true,
          overwrite: flags.overwrite === true,
          all: flags.all === true,
          allNamespaces: flags.allNamespaces === true,
          list: flags.list === true,
          ...(flags.selector === undefined ? {} : { labelSelector: flags.selector }),
          ...(flags.fieldSelector === undefined ? {} : { fieldSelector: flags.fieldSelector }),
          ...(flags.resourceVersion === undefined ? {} : { resourceVersion: flags.resourceVersion }),
          ...(flags.output === undefined ? {} : { output: flags.output }),
          ...(flags.fieldManager === undefined ? {} : { fieldManager: flags.fieldManager }),
          showManagedFields: flags.showManagedFields === true,
        }),
      );
    },
  );
  return command;
}

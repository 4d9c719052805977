import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import { kubectlFieldManagers } from "../resource-builder/index.js";
import { runLabel } from "./label.js";
import { declareMetadataCommand } from "./metadata-command.js";

/** Declares `kubesim label` with kubectl's flags; the action runs {@link runLabel}. */
export function registerLabelCommand(program: Command, run: RunInCluster): Command {
  return declareMetadataCommand(program, run, {
    name: "label",
    usage: "[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
    summary: "Update the labels on a resource",
    pairType: "label",
    fieldManager: kubectlFieldManagers.label,
    run: runLabel,
  });
}

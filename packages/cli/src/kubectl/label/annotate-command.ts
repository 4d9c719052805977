import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import { kubectlFieldManagers } from "../resource-builder/index.js";
import { runAnnotate } from "./annotate.js";
import { declareMetadataCommand } from "./metadata-command.js";

/** Declares `kubesim annotate` with kubectl's flags; the action runs {@link runAnnotate}. */
export function registerAnnotateCommand(program: Command, run: RunInCluster): Command {
  return declareMetadataCommand(program, run, {
    name: "annotate",
    usage: "[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
    summary: "Update the annotations on a resource",
    pairType: "annotation",
    fieldManager: kubectlFieldManagers.annotate,
    run: runAnnotate,
  });
}

import type { Command } from "commander";
import type { ExitCode, KubectlContext } from "./kubectl/kubectl-context.js";

/**
 * Runs a verb's action against the current cluster (or `--cluster NAME`): the runner opens
 * the cluster's SQLite file under an exclusive write transaction, restores the cluster,
 * catches its clock up to now and settles it, builds the {@link KubectlContext} from the
 * command's global options (`-n/--namespace`, `--cluster`), calls `action`, settles again,
 * saves and commits, then sets the process exit code to what `action` returned. An error
 * `action` throws is printed as kubectl prints it (exit 1).
 */
export type RunInCluster = (
  command: Command,
  action: (context: KubectlContext) => Promise<ExitCode>,
) => Promise<void>;

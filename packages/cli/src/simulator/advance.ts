import { parseClusterDuration } from "@kubesim/cluster";
import type { Command } from "commander";
import type { RunInCluster } from "../command-runner.js";
import type { ExitCode, KubectlContext } from "../kubectl/kubectl-context.js";
import { formatRfc3339 } from "../state/index.js";

/**
 * `kubesim advance DURATION` (`90s`, `5m`, `1m30s`, `250ms`, `2h`): runs the cluster forward by
 * that much virtual time, firing every timer on the way (pod start-up, eviction, pod GC). The
 * cluster's clock then runs ahead of the wall clock; later commands do not move it back.
 * Prints `advanced DURATION to <time>`.
 *
 * @throws KubesimError for a malformed duration.
 */
export async function runAdvance(context: KubectlContext, duration: string): Promise<ExitCode> {
  const milliseconds = parseClusterDuration(duration);
  await context.cluster.advance(milliseconds);
  context.io.stdout(`advanced ${duration} to ${formatRfc3339(context.clock.now())}\n`);
  return 0;
}

/** Declares `kubesim advance DURATION`. */
export function registerAdvanceCommand(program: Command, run: RunInCluster): void {
  program
    .command("advance")
    .description("Run the current cluster forward in virtual time (90s, 5m, 1m30s, 2h)")
    .argument("<duration>", "how long, e.g. 90s, 5m, 1m30s")
    .action((duration: string, _flags: unknown, command: Command) =>
      run(command, (context) => runAdvance(context, duration)),
    );
}

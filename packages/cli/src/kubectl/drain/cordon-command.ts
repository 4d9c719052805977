import type { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import { runCordon, runUncordon } from "./cordon.js";

interface CordonFlagValues {
  readonly selector?: string;
}

function declare(program: Command, run: RunInCluster, name: "cordon" | "uncordon"): Command {
  const runVerb = name === "cordon" ? runCordon : runUncordon;
  return program
    .command(name)
    .summary(name === "cordon" ? "Mark node as unschedulable" : "Mark node as schedulable")
    .usage("NODE")
    .argument("[nodes...]")
    .option("-l, --selector <selector>", "Selector (label query) to filter on.")
    .action(async (nodes: string[], _options: unknown, self: Command) => {
      const flags = self.opts<CordonFlagValues>();
      await run(self, (context) =>
        runVerb(context, {
          names: nodes,
          ...(flags.selector === undefined ? {} : { labelSelector: flags.selector }),
        }),
      );
    });
}

/** Declares `kubesim cordon NODE` with kubectl's flags; the action runs {@link runCordon}. */
export function registerCordonCommand(program: Command, run: RunInCluster): Command {
  return declare(program, run, "cordon");
}

/** Declares `kubesim uncordon NODE` with kubectl's flags; the action runs {@link runUncordon}. */
export function registerUncordonCommand(program: Command, run: RunInCluster): Command {
  return declare(program, run, "uncordon");
}

import { createControllerManagerLoops } from "@kubesim/cluster";
import { createScheduler } from "@kubesim/scheduler";
import type { Command } from "commander";
import type { RunInCluster } from "../command-runner.js";
import type { RunWithoutCluster } from "../run-in-cluster.js";
import { listenForStopSignal } from "../serve/index.js";
import {
  type DaemonSetScheduling,
  daemonSetSchedulingModes,
  parseDaemonSetScheduling,
} from "../state/index.js";
import type { ComponentFlags } from "./component-flags.js";
import { type ComponentSpec, runComponents } from "./run-components.js";

/** Flags of `kubesim controller-manager`. */
export interface ControllerManagerFlags extends ComponentFlags {
  /** How the DaemonSet controller places pods (as `cluster create --scheduling`). */
  readonly scheduling?: string | undefined;
}

/** `kubesim scheduler`: kube-scheduler with the default profile. */
export function schedulerSpec(): ComponentSpec {
  return {
    title: "kube-scheduler",
    fieldManager: "kube-scheduler",
    build: ({ client, clock, seed }) => [createScheduler({ client, clock, seed })],
  };
}

/**
 * `kubesim controller-manager`: the loops of kube-controller-manager kubesim simulates, wired
 * as `createCluster` wires them: the DaemonSet controller, node lifecycle (whose watches also
 * feed pod GC) and the garbage collector.
 */
export function controllerManagerSpec(scheduling: DaemonSetScheduling): ComponentSpec {
  return {
    title: "kube-controller-manager",
    fieldManager: "kube-controller-manager",
    build: ({ client, clock, seed }) =>
      createControllerManagerLoops({ client, clock, seed, daemonSetScheduling: scheduling }),
  };
}

function declareConnectionFlags(command: Command): Command {
  return command
    .option(
      "--kubeconfig <file>",
      "the kubeconfig of the API server (default: $KUBECONFIG, else ~/.kube/config)",
    )
    .option("--context <name>", "the kubeconfig context to use (default: its current context)")
    .option(
      "--seed <seed>",
      "seed for tie-breaks and generated names; the cluster's seed gives its placements (default 1)",
    )
    .allowExcessArguments(false);
}

async function runUntilStopped(
  run: (stop: AbortSignal) => ReturnType<typeof runComponents>,
): ReturnType<typeof runComponents> {
  const stop = listenForStopSignal();
  try {
    return await run(stop.signal);
  } finally {
    stop.dispose();
  }
}

/** Declares `kubesim scheduler [--kubeconfig F] [--context C] [--seed S]` (runs until SIGINT/SIGTERM). */
export function registerSchedulerCommand(
  program: Command,
  _run: RunInCluster,
  runWithoutCluster: RunWithoutCluster,
): void {
  declareConnectionFlags(
    program
      .command("scheduler")
      .description("Run the scheduler as its own process against an API server (such as kubesim serve)"),
  ).action((flags: ComponentFlags) =>
    runWithoutCluster((environment) =>
      runUntilStopped((stop) => runComponents(environment, flags, stop, schedulerSpec())),
    ),
  );
}

/**
 * Declares `kubesim controller-manager [--kubeconfig F] [--context C] [--seed S]
 * [--scheduling scheduler|legacy]` (runs until SIGINT/SIGTERM).
 */
export function registerControllerManagerCommand(
  program: Command,
  _run: RunInCluster,
  runWithoutCluster: RunWithoutCluster,
): void {
  declareConnectionFlags(
    program
      .command("controller-manager")
      .description(
        "Run the DaemonSet, node lifecycle, pod GC and garbage collector controllers as their own process against an API server",
      ),
  )
    .option(
      "--scheduling <mode>",
      `how the DaemonSet controller places pods: ${daemonSetSchedulingModes.join(" or ")} (default scheduler)`,
    )
    .action((flags: ControllerManagerFlags) =>
      runWithoutCluster((environment) => {
        const scheduling = parseDaemonSetScheduling(flags.scheduling);
        return runUntilStopped((stop) =>
          runComponents(environment, flags, stop, controllerManagerSpec(scheduling)),
        );
      }),
    );
}

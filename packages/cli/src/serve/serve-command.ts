import type { Command } from "commander";
import type { RunInCluster } from "../command-runner.js";
import { type RunWithoutCluster, selectedClusterName } from "../run-in-cluster.js";
import { defaultSaveIntervalMs, runServe, type ServeFlags } from "./run-serve.js";
import { listenForStopSignal } from "./stop-signal.js";

/**
 * Declares `kubesim serve [CLUSTER] [--port P] [--address A] [--token T] [--no-scheduler]
 * [--no-controllers] [--pod-startup-latency D]
 * [--pod-shutdown-latency D]`; it runs until SIGINT or SIGTERM (see {@link runServe}).
 */
export function registerServeCommand(
  program: Command,
  _run: RunInCluster,
  runWithoutCluster: RunWithoutCluster,
): void {
  program
    .command("serve")
    .description(
      "Serve a cluster over a Kubernetes API for kubectl and other clients, running it in real time until interrupted",
    )
    .argument("[cluster]", "the cluster to serve (default: --cluster, else the current cluster)")
    .option("--port <port>", "the port to listen on (default 0: a free port, printed)")
    .option("--address <address>", "the IP address to listen on (default 127.0.0.1)")
    .option("--token <token>", "require this bearer token on every request")
    .option("--no-scheduler", "run no scheduler (run `kubesim scheduler` against the server instead)")
    .option(
      "--no-controllers",
      "run no DaemonSet, garbage collector, pod GC or node lifecycle controller (run `kubesim controller-manager` instead)",
    )
    .option(
      "--pod-startup-latency <duration>",
      "how long the simulated kubelets take to start a pod, e.g. 100ms or 2s (default 2s)",
    )
    .option(
      "--pod-shutdown-latency <duration>",
      "how long a deleted pod's containers take to exit, at most its grace period (default: the whole grace period)",
    )
    .allowExcessArguments(false)
    .action((cluster: string | undefined, flags: ServeFlags, command: Command) =>
      runWithoutCluster(async (environment) => {
        const global = command.optsWithGlobals<{ cluster?: string }>();
        const chosen = cluster ?? global.cluster;
        const name = selectedClusterName(environment, chosen === undefined ? {} : { cluster: chosen });
        const stop = listenForStopSignal();
        try {
          return await runServe(environment, name, flags, {
            stop: stop.signal,
            saveIntervalMs: defaultSaveIntervalMs,
          });
        } finally {
          stop.dispose();
        }
      }),
    );
}

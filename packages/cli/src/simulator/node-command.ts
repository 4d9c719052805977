import type { Command } from "commander";
import type { RunInCluster } from "../command-runner.js";
import { type NodeAddFlags, runNodeAdd } from "./node-add.js";
import { runNodeRemove } from "./node-remove.js";
import { runNodeSetReady } from "./node-set-ready.js";

function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

/** Declares `kubesim node add|remove|set-ready`, run against the current cluster. */
export function registerNodeCommand(program: Command, run: RunInCluster): void {
  const node = program.command("node").description("Add, remove and break simulated nodes");
  node
    .command("add")
    .description("Register a node and start its simulated kubelet")
    .argument("<name>", "node name")
    .option("--label <key=value>", "a node label (repeatable)", collect, [])
    .option("--taint <key=value:effect>", "a taint the node registers with (repeatable)", collect, [])
    .option("--cpu <quantity>", "CPU capacity (default 2)")
    .option("--memory <quantity>", "memory capacity (default 4Gi)")
    .option("--pods <count>", "pod capacity (default 110)")
    .option("--static-pod-manifests <dir>", "a directory of static pod manifests the kubelet runs")
    .action((name: string, flags: NodeAddFlags, command: Command) =>
      run(command, (context) => runNodeAdd(context, name, flags)),
    );
  node
    .command("remove")
    .description("Stop a node's kubelet and delete the Node")
    .argument("<name>", "node name")
    .action((name: string, _flags: unknown, command: Command) =>
      run(command, (context) => runNodeRemove(context, name)),
    );
  node
    .command("set-ready")
    .description("Make a node's kubelet report Ready (true) or stop reporting it (false)")
    .argument("<name>", "node name")
    .argument("<ready>", "true or false")
    .action((name: string, ready: string, _flags: unknown, command: Command) =>
      run(command, (context) => runNodeSetReady(context, name, ready)),
    );
}

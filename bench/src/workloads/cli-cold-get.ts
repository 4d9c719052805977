import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { timedRunsResult, type WorkloadResult } from "../result.js";
import { kubesimBinary } from "./kubesim-binary.js";

/**
 * CLI cold start: `kubesim get ds -A` as a new process (Node start-up, loading the cluster
 * from SQLite, restoring it, catching up, printing) on a persisted 3-node kubeadm cluster
 * with the nginx DaemonSet, `runs` times; p50/p99 are the wall times of one command.
 */
export function runCliColdGetWorkload(workload: string, runs: number): WorkloadResult {
  const binary = kubesimBinary();
  const home = mkdtempSync(join(tmpdir(), "kubesim-bench-"));
  const env = { ...process.env, KUBESIM_HOME: home, KUBESIM_NOW: "2026-03-01T00:00:00Z" };
  const kubesim = (args: readonly string[], input?: string) => {
    const result = spawnSync(process.execPath, [binary, ...args], { env, encoding: "utf8", input });
    if (result.status !== 0) throw new Error(`kubesim ${args.join(" ")} failed: ${result.stderr}`);
    return result.stdout;
  };
  try {
    kubesim(["cluster", "create", "bench", "--nodes", "2"]);
    kubesim(
      ["create", "-f", "-"],
      "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: nginx}\nspec:\n  selector: {matchLabels: {app: nginx}}\n  template:\n    metadata: {labels: {app: nginx}}\n    spec: {containers: [{name: nginx, image: 'nginx:1.25'}]}\n",
    );
    const times: number[] = [];
    let output = "";
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      output = kubesim(["get", "ds", "-A"]);
      times.push(performance.now() - started);
    }
    if (!output.includes("nginx")) throw new Error(`${workload}: unexpected output\n${output}`);
    return timedRunsResult({ workload, nodes: 3, pods: 0, timesMs: times });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

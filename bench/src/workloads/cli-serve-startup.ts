import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { timedRunsResult, type WorkloadResult } from "../result.js";
import { percentile } from "../stats.js";
import { spawnWatched } from "./child-process-lines.js";
import { keepAliveAgent, timedGet } from "./http-get.js";
import { kubesimBinary } from "./kubesim-binary.js";

/** `kubesim serve`'s first line: `Serving cluster "NAME" at URL`. */
const servingLine = /^Serving cluster "[^"]*" at (http:\/\/\S+)$/;

/**
 * `kubesim serve` start-up: on a persisted 3-node kubeadm cluster (`kubesim cluster create
 * bench --nodes 2` in a temporary `KUBESIM_HOME`, a temporary `KUBECONFIG`), spawns
 * `node main.js serve bench --port 0` `runs` times and times each from the spawn to its
 * `Serving cluster … at URL` line and a first 200 from `GET URL/version` (a new
 * connection). p50/p99 are those times; `TIME MS` their mean. Each server is stopped with
 * SIGTERM (saving the cluster) before the next starts.
 */
export async function runCliServeStartupWorkload(workload: string, runs: number): Promise<WorkloadResult> {
  const binary = kubesimBinary();
  const home = mkdtempSync(join(tmpdir(), "kubesim-bench-serve-"));
  const env = { ...process.env, KUBESIM_HOME: home, KUBECONFIG: join(home, "kubeconfig") };
  try {
    const created = spawnSync(process.execPath, [binary, "cluster", "create", "bench", "--nodes", "2"], {
      env,
      encoding: "utf8",
    });
    if (created.status !== 0) throw new Error(`kubesim cluster create failed: ${created.stderr}`);
    const times: number[] = [];
    const stopTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const serve = spawnWatched([binary, "serve", "bench", "--port", "0"], env);
      let failure: unknown;
      try {
        const url = (await serve.waitForLine(servingLine, 30_000))[1] ?? "";
        const agent = keepAliveAgent();
        try {
          const version = await timedGet(agent, `${url}/version`, { Accept: "application/json" });
          if (version.status !== 200)
            throw new Error(`GET ${url}/version answered ${version.status}\n${serve.output()}`);
        } finally {
          agent.destroy();
        }
        times.push(performance.now() - started);
      } catch (error) {
        failure = error;
      }
      const stopping = performance.now();
      const code = await serve.stop(10_000);
      stopTimes.push(performance.now() - stopping);
      if (failure !== undefined) throw failure;
      if (code !== 0) throw new Error(`kubesim serve exited with ${String(code)}\n${serve.output()}`);
    }
    process.stderr.write(
      `${workload}: ${runs} runs; SIGTERM to exit (settle + save) p50 ${percentile(stopTimes, 0.5)?.toFixed(0)} ms\n`,
    );
    return timedRunsResult({ workload, nodes: 3, pods: 0, timesMs: times });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

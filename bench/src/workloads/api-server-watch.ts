import { type Pod, RealClock } from "@kubesim/core";
import { createHttpApiClient } from "@kubesim/http-client";
import { createMemoryStore } from "@kubesim/store";
import { throughputResult, type WorkloadResult } from "../result.js";
import { numberedPod, startApiServer, yieldToEventLoop } from "./api-server-fixtures.js";

/** Pods created between two turns of the event loop (so the server and the watch keep up as they go). */
const createBatch = 100;

/**
 * Watch delivery over HTTP: a memory store served by `@kubesim/apiserver` on 127.0.0.1, a
 * watch on every pod opened through `createHttpApiClient` (chunked JSON stream, decoded),
 * then `pods` pods created straight through the store (`pod-default.yaml`, unbound), the
 * event loop turning every 100 creates. Server, client and creator share this process.
 * pods/s is events seen per second, from the first create to the last event seen; p50/p99
 * the per-pod latency from just before its `create` to its `ADDED` event read by the watch.
 */
export async function runApiServerWatchWorkload(workload: string, pods: number): Promise<WorkloadResult> {
  const clock = new RealClock();
  const store = createMemoryStore({ clock, seed: 1 });
  const server = await startApiServer(store, clock);
  const client = createHttpApiClient({ server: server.url });
  try {
    const createdAt = new Float64Array(pods);
    const seenAt = new Float64Array(pods);
    let seen = 0;
    let lastSeen = 0;
    const { resourceVersion } = await client.list("Pod");
    const watch = await client.watch("Pod", { resourceVersion });
    let resolveAll: () => void = () => {};
    const allSeen = new Promise<void>((resolve) => {
      resolveAll = resolve;
    });
    const reading = (async () => {
      for await (const event of watch) {
        if (event.type !== "ADDED") continue;
        const now = performance.now();
        const name = (event.object as Pod).metadata?.name ?? "";
        const index = Number(name.slice("pod-".length));
        if (!Number.isInteger(index) || index < 0 || index >= pods || seenAt[index] !== 0) continue;
        seenAt[index] = now;
        lastSeen = now;
        if (++seen === pods) resolveAll();
      }
    })();
    reading.catch(() => resolveAll());

    const started = performance.now();
    for (let index = 0; index < pods; index++) {
      createdAt[index] = performance.now();
      await store.create(numberedPod(index, 0));
      if ((index + 1) % createBatch === 0) await yieldToEventLoop();
    }
    const createdBy = performance.now();
    await allSeen;
    watch.close();
    if (seen !== pods) {
      await reading;
      throw new Error(`${workload}: the watch ended after ${seen} of ${pods} events`);
    }
    const durationMs = lastSeen - started;
    const latencies = Array.from(seenAt, (at, index) => at - (createdAt[index] ?? 0));
    process.stderr.write(
      `${workload}: creates took ${(createdBy - started).toFixed(0)} ms; the last event was read ${(lastSeen - (createdAt[pods - 1] ?? 0)).toFixed(1)} ms after the last create began\n`,
    );
    return throughputResult({
      workload,
      nodes: 0,
      pods,
      durationMs,
      latenciesMs: latencies,
      upstreamPodsPerSecond: null,
    });
  } finally {
    client.close();
    await server.close();
  }
}

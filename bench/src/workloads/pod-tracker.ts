import type { ApiClient, Pod } from "@kubesim/core";

/**
 * Follows pods through a watch and records, in wall-clock ms (`performance.now()`), when
 * each was first seen and when it was first seen bound (`spec.nodeName` set) — the
 * scheduling SLI latency upstream reports as `scheduler_pod_scheduling_sli_duration_seconds`.
 */
export interface PodTracker {
  /** Pods seen bound so far. */
  boundCount(): number;
  /** Pods seen Running so far. */
  runningCount(): number;
  /** Creation-to-bind latencies (ms) of pods whose name starts with one of `prefixes`… all when omitted. */
  latencies(filter?: (name: string) => boolean): number[];
  /** Wall time (ms) the last pod was seen bound. */
  lastBoundAt(): number;
  close(): void;
}

/** Starts tracking every pod event from now on. */
export async function trackPods(client: ApiClient): Promise<PodTracker> {
  const createdAt = new Map<string, number>();
  const boundAt = new Map<string, number>();
  const running = new Set<string>();
  let lastBound = 0;
  const { resourceVersion } = await client.list("Namespace");
  // Read-only: shared frozen objects (no copy per event), where the client supports them.
  const watch = await client.watch("Pod", { resourceVersion, sharedObjects: true });
  void (async () => {
    for await (const event of watch) {
      const pod = event.object as Pod;
      const key = `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
      const now = performance.now();
      if (event.type === "DELETED") continue;
      if (!createdAt.has(key)) createdAt.set(key, now);
      if (pod.spec?.nodeName && !boundAt.has(key)) {
        boundAt.set(key, now);
        lastBound = now;
      }
      if (pod.status?.phase === "Running") running.add(key);
    }
  })();
  return {
    boundCount: () => boundAt.size,
    runningCount: () => running.size,
    latencies(filter) {
      const values: number[] = [];
      for (const [key, bound] of boundAt) {
        if (filter !== undefined && !filter(key)) continue;
        const created = createdAt.get(key);
        if (created !== undefined) values.push(bound - created);
      }
      return values;
    },
    lastBoundAt: () => lastBound,
    close: () => watch.close(),
  };
}

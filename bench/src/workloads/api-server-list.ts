import type { Agent } from "node:http";
import { type Pod, RealClock } from "@kubesim/core";
import { createMemoryStore, type MemoryStore } from "@kubesim/store";
import { timedRunsResult, type WorkloadResult } from "../result.js";
import { createReadyNodes, numberedPod, startApiServer } from "./api-server-fixtures.js";
import { keepAliveAgent, timedGet } from "./http-get.js";

/** The `Accept` header `kubectl get` sends for server-side tables (v1.32). */
export const kubectlTableAccept =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

/** What one list workload asks for. */
export interface ApiServerListWorkload {
  readonly workload: string;
  readonly nodes: number;
  readonly pods: number;
  /** Timed requests (after `warmupRequests` untimed ones). */
  readonly requests: number;
  readonly warmupRequests: number;
  /** `Table`: kubectl's Table `Accept` header; `PodList`: plain JSON. */
  readonly rendering: "Table" | "PodList";
}

/** A Running, Ready status for pod `index` (what a kubelet would have written). */
function runningStatus(index: number, startedAt: string): Pod["status"] {
  return {
    phase: "Running",
    conditions: [
      { type: "PodReadyToStartContainers", status: "True", lastTransitionTime: startedAt },
      { type: "Initialized", status: "True", lastTransitionTime: startedAt },
      { type: "Ready", status: "True", lastTransitionTime: startedAt },
      { type: "ContainersReady", status: "True", lastTransitionTime: startedAt },
      { type: "PodScheduled", status: "True", lastTransitionTime: startedAt },
    ],
    hostIP: "10.0.0.1",
    podIP: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    startTime: startedAt,
    containerStatuses: [
      {
        name: "pause",
        ready: true,
        started: true,
        restartCount: 0,
        image: "registry.k8s.io/pause:3.10",
        imageID: "",
        state: { running: { startedAt } },
      },
    ],
    qosClass: "Guaranteed",
  };
}

async function createRunningPods(store: MemoryStore, pods: number, nodes: number): Promise<void> {
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  for (let index = 0; index < pods; index++) {
    const created: Pod = await store.create(numberedPod(index, nodes));
    await store.updateStatus({ ...created, status: runningStatus(index, startedAt) });
  }
}

interface PagedList {
  /** Wall time from the first page's request to the last page's last byte. */
  readonly elapsedMs: number;
  readonly pages: number;
  readonly bytes: number;
  /** Table rows or list items over every page. */
  readonly entries: number;
  readonly kinds: ReadonlySet<string>;
}

/**
 * Lists as kubectl does: `limit=500`, then the `continue` token of each page until the
 * server gives none. Fails on any non-200 answer.
 */
async function pagedList(
  workload: ApiServerListWorkload,
  agent: Agent,
  baseUrl: string,
  headers: Readonly<Record<string, string>>,
): Promise<PagedList> {
  const started = performance.now();
  let next: string | undefined = `${baseUrl}?limit=500`;
  let pages = 0;
  let bytes = 0;
  let entries = 0;
  const kinds = new Set<string>();
  while (next !== undefined) {
    const response = await timedGet(agent, next, headers);
    if (response.status !== 200)
      throw new Error(
        `${workload.workload}: HTTP ${response.status}: ${response.body.toString("utf8", 0, 500)}`,
      );
    const body = JSON.parse(response.body.toString("utf8")) as {
      kind?: string;
      rows?: unknown[];
      items?: unknown[];
      metadata?: { continue?: string };
    };
    pages++;
    bytes += response.body.length;
    entries += (workload.rendering === "Table" ? body.rows : body.items)?.length ?? 0;
    kinds.add(String(body.kind));
    const token = body.metadata?.continue;
    next =
      token === undefined || token === ""
        ? undefined
        : `${baseUrl}?limit=500&continue=${encodeURIComponent(token)}`;
  }
  return { elapsedMs: performance.now() - started, pages, bytes, entries, kinds };
}

/** Fails unless the pages held every pod (a Table row or a list item each), all of one kind. */
function checkList(workload: ApiServerListWorkload, list: PagedList): void {
  if (list.kinds.size !== 1 || !list.kinds.has(workload.rendering) || list.entries !== workload.pods) {
    throw new Error(
      `${workload.workload}: expected ${workload.rendering}s holding ${workload.pods} pods, got ${[...list.kinds].join(", ")} with ${list.entries}`,
    );
  }
}

/**
 * `kubectl get pods -A` against the API server: a memory store with `pods` Running pods on
 * `nodes` Ready nodes, served by `@kubesim/apiserver` on 127.0.0.1; the whole list paged as
 * kubectl pages it (`GET /api/v1/pods?limit=500`, then each `continue` token) with kubectl's
 * Table `Accept` header or plain JSON, `requests` times one after another over one keep-alive
 * connection from a node:http client in the same process. p50/p99 are the wall times of one
 * whole paged list (first request sent → last page's last byte); `TIME MS` is their mean.
 */
export async function runApiServerListWorkload(workload: ApiServerListWorkload): Promise<WorkloadResult> {
  const clock = new RealClock();
  const store = createMemoryStore({ clock, seed: 1 });
  await createReadyNodes(store, workload.nodes);
  await createRunningPods(store, workload.pods, workload.nodes);
  const server = await startApiServer(store, clock);
  const agent = keepAliveAgent();
  const url = `${server.url}/api/v1/pods`;
  const headers =
    workload.rendering === "Table"
      ? { Accept: kubectlTableAccept, "User-Agent": "kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd" }
      : { Accept: "application/json" };
  try {
    let last: PagedList | undefined;
    for (let request = 0; request < workload.warmupRequests; request++) {
      last = await pagedList(workload, agent, url, headers);
      if (request === 0) checkList(workload, last);
    }
    const times: number[] = [];
    for (let request = 0; request < workload.requests; request++) {
      times.push((await pagedList(workload, agent, url, headers)).elapsedMs);
    }
    const meanMs = times.reduce((sum, time) => sum + time, 0) / times.length;
    process.stderr.write(
      `${workload.workload}: ${workload.requests} paged lists of ${last?.pages ?? 0} pages, ${((last?.bytes ?? 0) / 2 ** 20).toFixed(1)} MB each, mean ${meanMs.toFixed(1)} ms\n`,
    );
    return timedRunsResult({
      workload: workload.workload,
      nodes: workload.nodes,
      pods: workload.pods,
      timesMs: times,
    });
  } finally {
    agent.destroy();
    await server.close();
  }
}

/**
 * Test fixtures: a real server on 127.0.0.1 over a fresh memory store on a virtual clock.
 * (Only tests import this file; it is not part of the package's API.)
 */
import { type DaemonSet, VirtualClock } from "@kubesim/core";
import { createMemoryStore, type MemoryStore } from "@kubesim/store";
import { type ApiServerOptions, createApiServer } from "./create-api-server.js";

/** The instant test clocks start at. */
export const testStartTime = Date.parse("2026-11-29T19:21:30Z");

/** A started test server. */
export interface TestServer {
  readonly base: string;
  readonly store: MemoryStore;
  readonly clock: VirtualClock;
  close(): Promise<void>;
}

/** Starts a server over a new store (seed 1) on a virtual clock at {@link testStartTime}. */
export async function startTestServer(options: Partial<ApiServerOptions> = {}): Promise<TestServer> {
  const clock = new VirtualClock(testStartTime);
  const store = createMemoryStore({ clock, seed: 1 });
  const server = createApiServer({ client: store, clock, ...options });
  const { url } = await server.listen();
  return { base: url, store, clock, close: () => server.close() };
}

/** A full HTTP answer: status, headers and the parsed JSON body. */
export interface TestReply {
  readonly code: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** Sends a request; `body` objects are sent as JSON, strings as they are. */
export async function send(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<TestReply> {
  const init: RequestInit = { method, headers: options.headers ?? {} };
  if (typeof options.body === "string") init.body = options.body;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await fetch(`${base}${path}`, init);
  return {
    code: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** A DaemonSet manifest as kubectl sends it. */
export function daemonSetManifest(name = "nginx", image = "nginx:1.25"): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace: "default", labels: { app: name } },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image }] },
      },
    },
  };
}

/** Reads a watch stream until `count` events arrived (or the stream ended), then aborts it. */
export async function readWatchEvents(
  response: Response,
  count: number,
  controller?: AbortController,
): Promise<Array<Record<string, unknown>>> {
  const events: Array<Record<string, unknown>> = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  while (events.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline = buffered.indexOf("\n");
    while (newline !== -1) {
      events.push(JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf("\n");
    }
  }
  controller?.abort();
  await reader.cancel().catch(() => undefined);
  return events;
}

/** Reads a nested value of a JSON answer: `at(body, "spec", "containers", 0, "image")`. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

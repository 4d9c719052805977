/**
 * Helpers shared by this package's tests (not exported from the package): a kubesim API
 * server over a memory store on 127.0.0.1, a scriptable fake server, and small readers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiServer } from "@kubesim/apiserver";
import {
  type DaemonSet,
  type KubeObject,
  type Pod,
  StatusError,
  VirtualClock,
  type Watch,
  type WatchEvent,
} from "@kubesim/core";
import { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from "@kubesim/store";
import {
  createHttpApiClient,
  type HttpApiClient,
  type HttpApiClientOptions,
} from "./create-http-api-client.js";

/** The instant every test store starts at: 2026-11-29T19:21:30Z. */
export const startTime = Date.parse("2026-11-29T19:21:30Z");

/** A fresh memory store on a virtual clock at {@link startTime}, seeded 1. */
export function makeStore(options: Partial<MemoryStoreOptions> = {}): {
  store: MemoryStore;
  clock: VirtualClock;
} {
  const clock = new VirtualClock(startTime);
  return { store: createMemoryStore({ clock, seed: 1, ...options }), clock };
}

/** A running kubesim API server over a memory store, and an HTTP client pointed at it. */
export interface ServedStore {
  readonly store: MemoryStore;
  readonly clock: VirtualClock;
  readonly url: string;
  readonly client: HttpApiClient;
  close(): Promise<void>;
}

/** Serves a fresh memory store on 127.0.0.1 (a free port) and connects a client to it. */
export async function serveStore(
  options: {
    store?: Partial<MemoryStoreOptions>;
    client?: Partial<HttpApiClientOptions>;
    token?: string;
  } = {},
): Promise<ServedStore> {
  const { store, clock } = makeStore(options.store);
  const server = createApiServer({
    client: store,
    clock,
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  const { url } = await server.listen(0, "127.0.0.1");
  const client = createHttpApiClient({ server: url, ...options.client });
  return {
    store,
    clock,
    url,
    client,
    async close() {
      client.close();
      await server.close();
    },
  };
}

/** What a {@link FakeServer} saw of one request. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

/** A scriptable HTTP server on 127.0.0.1 for what the kubesim server cannot be made to do. */
export interface FakeServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a fake server; `handle` answers each request (after its body has been read). */
export async function startFakeServer(
  handle: (request: RecordedRequest, response: ServerResponse, index: number) => void,
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const recorded: RecordedRequest = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      handle(recorded, response, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The StatusError a promise rejects with (fails the test when it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<StatusError> {
  try {
    await promise;
  } catch (error) {
    if (StatusError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected the call to reject with a StatusError");
}

/** Reads the next `count` events of a watch. */
export async function takeEvents<T>(watch: Watch<T>, count: number): Promise<Array<WatchEvent<T>>> {
  const iterator = watch[Symbol.asyncIterator]();
  const events: Array<WatchEvent<T>> = [];
  while (events.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    events.push(next.value);
  }
  return events;
}

/** `[type, name, resourceVersion]` of each event, for compact assertions. */
export function summarize<T extends KubeObject>(events: ReadonlyArray<WatchEvent<T>>): string[][] {
  return events.map((event) => [
    event.type,
    event.object.metadata?.name ?? "",
    event.object.metadata?.resourceVersion ?? "",
  ]);
}

/** A minimal valid pod. */
export function makePod(
  name: string,
  extra: { namespace?: string; labels?: Record<string, string> } = {},
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      ...(extra.namespace === undefined ? {} : { namespace: extra.namespace }),
      ...(extra.labels === undefined ? {} : { labels: extra.labels }),
    },
    spec: { containers: [{ name: "app", image: "nginx:1.27" }] },
  };
}

/** A valid DaemonSet whose selector matches its template (`app=<name>`), or not when `templateApp` differs. */
export function makeDaemonSet(name: string, templateApp = name): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace: "default" },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: templateApp } },
        spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] },
      },
    },
  };
}

/** A JSON line of a watch event. */
export function eventLine(type: string, object: unknown): string {
  return `${JSON.stringify({ type, object })}\n`;
}

import { type ApiClient, VirtualClock, type Watch } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "./create-api-server.js";
import {
  daemonSetManifest,
  readWatchEvents,
  send,
  startTestServer,
  type TestServer,
  testStartTime,
} from "./test-server.js";

const dsPath = "/apis/apps/v1/namespaces/default/daemonsets";
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

let server: TestServer;
const controllers: AbortController[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});
afterAll(() => server.close());

async function openWatch(path: string, headers: Record<string, string> = {}, base = server.base) {
  const controller = new AbortController();
  controllers.push(controller);
  const response = await fetch(`${base}${path}`, { headers, signal: controller.signal });
  return { response, controller };
}

function summary(events: ReadonlyArray<Record<string, unknown>>): string[] {
  return events.map((event) => {
    const object = event.object as Record<string, unknown>;
    const metadata = (object.metadata ?? {}) as Record<string, unknown>;
    return `${String(event.type)} ${String(metadata.name ?? object.kind)}`;
  });
}

async function labelDaemonSet(name: string, value: string): Promise<void> {
  const reply = await send(server.base, "PATCH", `${dsPath}/${name}`, {
    body: { metadata: { labels: { step: value } } },
    headers: { "content-type": "application/merge-patch+json" },
  });
  expect(reply.code).toBe(200);
}

describe("stream framing", () => {
  it("sends 200, chunked application/json headers before any event exists", async () => {
    const { response } = await openWatch("/api/v1/namespaces/empty/pods?watch=true");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
  });

  it("writes each event as one JSON document followed by a newline", async () => {
    await send(server.base, "POST", dsPath, { body: daemonSetManifest("framing") });
    const { response, controller } = await openWatch(
      `${dsPath}?watch=1&fieldSelector=metadata.name%3Dframing`,
    );
    const text = await new Promise<string>((resolve) => {
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      void reader.read().then(({ value }) => resolve(new TextDecoder().decode(value)));
    });
    controller.abort();
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n").length).toBe(2);
  });
});

describe("resourceVersion semantics", () => {
  it.each`
    name                                                                         | rv
    ${"no resourceVersion starts with ADDED for what exists, then live changes"} | ${""}
    ${"resourceVersion 0 starts with ADDED for what exists, then live changes"}  | ${"&resourceVersion=0"}
  `("$name", async ({ rv }) => {
    await send(server.base, "POST", dsPath, { body: daemonSetManifest(`start${rv === "" ? "a" : "b"}`) });
    const name = `start${rv === "" ? "a" : "b"}`;
    const { response, controller } = await openWatch(
      `${dsPath}?watch=true&fieldSelector=metadata.name%3D${name}${rv}`,
    );
    const pending = readWatchEvents(response, 2, controller);
    await labelDaemonSet(name, "1");
    expect(summary(await pending)).toEqual([`ADDED ${name}`, `MODIFIED ${name}`]);
  });

  it("replays every change after a given resourceVersion, in order", async () => {
    const created = await send(server.base, "POST", dsPath, { body: daemonSetManifest("replay") });
    const from = (created.body.metadata as Record<string, string>).resourceVersion;
    await labelDaemonSet("replay", "1");
    await send(server.base, "DELETE", `${dsPath}/replay`);
    const { response, controller } = await openWatch(
      `${dsPath}?watch=true&fieldSelector=metadata.name%3Dreplay&resourceVersion=${from}`,
    );
    expect(summary(await readWatchEvents(response, 2, controller))).toEqual([
      "MODIFIED replay",
      "DELETED replay",
    ]);
  });

  it("ends a watch from a compacted resourceVersion with an ERROR event carrying 410 Expired", async () => {
    const clock = new VirtualClock(testStartTime);
    const store = createMemoryStore({ clock, seed: 1, historyLimit: 1 });
    const small = createApiServer({ client: store, clock });
    const { url } = await small.listen();
    try {
      for (const name of ["a", "b", "c"]) {
        await store.create({ apiVersion: "v1", kind: "Node", metadata: { name } });
      }
      const response = await fetch(`${url}/api/v1/nodes?watch=true&resourceVersion=2`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(
        `${JSON.stringify({
          type: "ERROR",
          object: {
            apiVersion: "v1",
            kind: "Status",
            metadata: {},
            status: "Failure",
            message: `too old resource version: 2 (${Number(store.resourceVersion) - 1})`,
            reason: "Expired",
            code: 410,
          },
        })}\n`,
      );
    } finally {
      await small.close();
    }
  });

  it("answers a resourceVersion ahead of the store with a Status, not a stream", async () => {
    const response = await fetch(`${server.base}/api/v1/nodes?watch=true&resourceVersion=999999`);
    expect(response.status).toBe(504);
    expect(((await response.json()) as Record<string, unknown>).kind).toBe("Status");
  });
});

describe("selectors", () => {
  it("delivers only objects matching the label selector, an object leaving it as DELETED", async () => {
    const { response, controller } = await openWatch(`${dsPath}?watch=true&labelSelector=step%3Dgo`);
    const pending = readWatchEvents(response, 2, controller);
    await send(server.base, "POST", dsPath, { body: daemonSetManifest("selected") });
    await labelDaemonSet("selected", "go");
    await labelDaemonSet("selected", "stop");
    expect(summary(await pending)).toEqual(["ADDED selected", "DELETED selected"]);
  });
});

describe("Table watches", () => {
  it("sends one-row Tables, columnDefinitions on the first event only", async () => {
    await send(server.base, "POST", dsPath, { body: daemonSetManifest("tabled") });
    const { response, controller } = await openWatch(
      `${dsPath}?watch=true&fieldSelector=metadata.name%3Dtabled`,
      {
        accept: tableAccept,
      },
    );
    expect(response.headers.get("content-type")).toBe("application/json");
    const pending = readWatchEvents(response, 2, controller);
    await labelDaemonSet("tabled", "1");
    const [first, second] = (await pending) as [Record<string, unknown>, Record<string, unknown>];
    const firstTable = first.object as Record<string, unknown>;
    const secondTable = second.object as Record<string, unknown>;
    expect([first.type, firstTable.kind, (firstTable.columnDefinitions as unknown[]).length]).toEqual([
      "ADDED",
      "Table",
      11,
    ]);
    expect(secondTable.columnDefinitions).toBeNull();
    const [row] = secondTable.rows as [Record<string, unknown>];
    expect((row.cells as unknown[])[0]).toBe("tabled");
    expect((row.object as Record<string, unknown>).kind).toBe("PartialObjectMetadata");
    expect(secondTable.metadata).toEqual({
      resourceVersion: ((row.object as Record<string, unknown>).metadata as Record<string, unknown>)
        .resourceVersion,
    });
  });
});

describe("bookmarks and timeouts", () => {
  it("forwards the store's BOOKMARK a minute later on the clock when bookmarks are allowed", async () => {
    const { response, controller } = await openWatch(
      "/api/v1/namespaces/empty/pods?watch=true&allowWatchBookmarks=true",
    );
    const pending = readWatchEvents(response, 1, controller);
    server.clock.advance(60_000);
    const [bookmark] = await pending;
    expect(bookmark).toEqual({
      type: "BOOKMARK",
      object: { apiVersion: "v1", kind: "Pod", metadata: { resourceVersion: server.store.resourceVersion } },
    });
  });

  it("ends the stream after timeoutSeconds on the clock", async () => {
    const { response } = await openWatch("/api/v1/namespaces/empty/pods?watch=true&timeoutSeconds=30");
    const body = response.text();
    server.clock.advance(30_000);
    expect(await body).toBe("");
  });
});

describe("cleanup", () => {
  it("closes the client's watch when the HTTP client goes away", async () => {
    const closed: string[] = [];
    const store = server.store;
    const spy = Object.create(store) as ApiClient;
    spy.watch = async (kind, options) => {
      const watch = (await store.watch(kind, options)) as Watch<unknown>;
      const close = watch.close.bind(watch);
      watch.close = () => {
        closed.push(kind);
        close();
      };
      return watch as never;
    };
    const spied = createApiServer({ client: spy, clock: server.clock });
    const { url } = await spied.listen();
    try {
      const { response, controller } = await openWatch("/api/v1/nodes?watch=true", {}, url);
      expect(response.status).toBe(200);
      controller.abort();
      await expect.poll(() => closed[0]).toBe("Node");
    } finally {
      await spied.close();
    }
  });
});

describe("watch parameters", () => {
  it("treats watch on a single object's path as a plain GET, as upstream", async () => {
    await send(server.base, "POST", dsPath, { body: daemonSetManifest("single") });
    const reply = await send(server.base, "GET", `${dsPath}/single?watch=true`);
    expect([reply.code, reply.body.kind]).toEqual([200, "DaemonSet"]);
  });

  it.each`
    name                                                | query                               | message
    ${"a watch value that is not a boolean is a 400"}   | ${"watch=maybe"}                    | ${'strconv.ParseBool: parsing "maybe": invalid syntax'}
    ${"a timeoutSeconds that is not a number is a 400"} | ${"watch=true&timeoutSeconds=soon"} | ${'strconv.ParseInt: parsing "soon": invalid syntax'}
  `("$name", async ({ query, message }) => {
    const reply = await send(server.base, "GET", `/api/v1/pods?${query}`);
    expect([reply.code, reply.body.message]).toEqual([400, message]);
  });
});

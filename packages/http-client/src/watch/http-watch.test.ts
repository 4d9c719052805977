import type { ServerResponse } from "node:http";
import type { KubeObject, Pod, Watch } from "@kubesim/core";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApiClient } from "../create-http-api-client.js";
import {
  eventLine,
  type FakeServer,
  type RecordedRequest,
  rejection,
  startFakeServer,
  summarize,
  takeEvents,
} from "../test-fixtures.js";

const pod = (name: string, resourceVersion: string) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", resourceVersion },
});

const expired = {
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Failure",
  message: "too old resource version: 5 (1034)",
  reason: "Expired",
  code: 410,
};

function startStream(response: ServerResponse): void {
  response.writeHead(200, { "Content-Type": "application/json" });
  response.flushHeaders();
}

let fake: FakeServer | undefined;
let open: Watch<Pod> | undefined;

afterEach(async () => {
  open?.close();
  open = undefined;
  await fake?.close();
  fake = undefined;
});

/** A fake server that runs `script[i]` for the i-th watch request, and a watch on it. */
async function watchOn(
  script: Array<(response: ServerResponse, request: RecordedRequest) => void>,
  options: { resourceVersion?: string; allowWatchBookmarks?: boolean; labelSelector?: string } = {},
): Promise<{ watch: Watch<Pod>; server: FakeServer }> {
  fake = await startFakeServer((request, response, index) => {
    const step = script[index];
    if (step === undefined) return; // hang: the test closes the watch
    step(response, request);
  });
  const client = createHttpApiClient({ server: fake.url, watchTimeoutSeconds: 300 });
  open = await client.watch("Pod", { namespace: "default", ...options });
  return { watch: open, server: fake };
}

describe("HttpWatch", () => {
  it("reads events written in one chunk, one per chunk, and split across chunks", async () => {
    const { watch } = await watchOn([
      (response) => {
        startStream(response);
        response.write(eventLine("ADDED", pod("a", "2")) + eventLine("MODIFIED", pod("a", "3")));
        const split = eventLine("DELETED", pod("a", "4"));
        response.write(split.slice(0, 17));
        setTimeout(() => response.write(split.slice(17)), 10);
      },
    ]);
    expect(summarize(await takeEvents(watch, 3))).toEqual([
      ["ADDED", "a", "2"],
      ["MODIFIED", "a", "3"],
      ["DELETED", "a", "4"],
    ]);
  });

  it("re-opens a stream the server ended from the last resourceVersion seen, bookmarks included", async () => {
    const { watch, server } = await watchOn(
      [
        (response) => {
          startStream(response);
          response.end(
            eventLine("ADDED", pod("a", "11")) +
              eventLine("BOOKMARK", { kind: "Pod", apiVersion: "v1", metadata: { resourceVersion: "15" } }),
          );
        },
        (response) => {
          startStream(response);
          response.end(eventLine("MODIFIED", pod("a", "16")));
        },
        (response) => {
          startStream(response);
          response.write(eventLine("DELETED", pod("a", "17")));
        },
      ],
      { resourceVersion: "10", allowWatchBookmarks: true, labelSelector: "app=web" },
    );
    expect(summarize(await takeEvents(watch, 4))).toEqual([
      ["ADDED", "a", "11"],
      ["BOOKMARK", "", "15"],
      ["MODIFIED", "a", "16"],
      ["DELETED", "a", "17"],
    ]);
    const query = "watch=true&labelSelector=app%3Dweb&resourceVersion=";
    const tail = "&allowWatchBookmarks=true&timeoutSeconds=300";
    expect(server.requests.map((request) => request.url)).toEqual([
      `/api/v1/namespaces/default/pods?${query}10${tail}`,
      `/api/v1/namespaces/default/pods?${query}15${tail}`,
      `/api/v1/namespaces/default/pods?${query}16${tail}`,
    ]);
  });

  it("resumes from the newest initial object when it started without a resourceVersion", async () => {
    const { watch, server } = await watchOn([
      (response) => {
        startStream(response);
        response.end(eventLine("ADDED", pod("a", "9")) + eventLine("ADDED", pod("b", "4")));
      },
      (response) => {
        startStream(response);
        response.write(eventLine("MODIFIED", pod("b", "12")));
      },
    ]);
    expect(summarize(await takeEvents(watch, 3))).toEqual([
      ["ADDED", "a", "9"],
      ["ADDED", "b", "4"],
      ["MODIFIED", "b", "12"],
    ]);
    expect(
      server.requests.map((request) => new URL(request.url, "http://x").searchParams.get("resourceVersion")),
    ).toEqual([null, "9"]);
  });

  it("ends with the 410 Expired StatusError of an ERROR event, after the events before it", async () => {
    const { watch } = await watchOn([
      (response) => {
        startStream(response);
        response.end(eventLine("ADDED", pod("a", "6")) + eventLine("ERROR", expired));
      },
    ]);
    const iterator = watch[Symbol.asyncIterator]();
    expect(summarize([(await iterator.next()).value as { type: "ADDED"; object: KubeObject }])).toEqual([
      ["ADDED", "a", "6"],
    ]);
    const error = await rejection(iterator.next());
    expect(error.status).toEqual(expired);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("fails with the Status of a re-open the server refuses", async () => {
    const { watch } = await watchOn([
      (response) => {
        startStream(response);
        response.end(eventLine("ADDED", pod("a", "6")));
      },
      (response) => {
        response.writeHead(410, { "Content-Type": "application/json" });
        response.end(JSON.stringify(expired));
      },
    ]);
    const iterator = watch[Symbol.asyncIterator]();
    await iterator.next();
    expect((await rejection(iterator.next())).status).toEqual(expired);
  });

  it.each([
    {
      name: "a connection cut inside an event is a 503",
      write: (response: ServerResponse) => {
        response.write('{"type":"ADDED","obj');
        setTimeout(() => response.socket?.destroy(), 10);
      },
      code: 503,
      message:
        /^Get "http:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/default\/pods\?watch=true&timeoutSeconds=300": /,
    },
    {
      name: "a stream ended cleanly inside an event is a 500",
      write: (response: ServerResponse) => response.end('{"type":"ADDED","obj'),
      code: 500,
      message: /unexpected EOF: the watch stream ended inside an event$/,
    },
    {
      name: "an event of an unknown type is a 500",
      write: (response: ServerResponse) => response.write(eventLine("RENAMED", pod("a", "2"))),
      code: 500,
      message: /got invalid watch event type: RENAMED$/,
    },
    {
      name: "a body that is not JSON is a 500",
      write: (response: ServerResponse) => response.write("<html>"),
      code: 500,
      message: /invalid character "<" looking for the beginning of a watch event$/,
    },
  ])("fails when $name", async ({ write, code, message }) => {
    const { watch } = await watchOn([
      (response) => {
        startStream(response);
        write(response);
      },
    ]);
    const error = await rejection(watch[Symbol.asyncIterator]().next());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("rejects watch() itself when the server answers the watch request with an error", async () => {
    fake = await startFakeServer((_request, response) => {
      response.writeHead(410, { "Content-Type": "application/json" });
      response.end(JSON.stringify(expired));
    });
    const error = await rejection(
      createHttpApiClient({ server: fake.url }).watch("Pod", { resourceVersion: "5" }),
    );
    expect(error.status).toEqual(expired);
  });

  it("ends a pending read as done and aborts the request on close()", async () => {
    let closedByClient: Promise<void> | undefined;
    const { watch } = await watchOn([
      (response) => {
        startStream(response);
        closedByClient = new Promise((resolve) => response.on("close", () => resolve()));
      },
    ]);
    const pending = watch[Symbol.asyncIterator]().next();
    watch.close();
    watch.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    await closedByClient;
    expect(await watch[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });

  it("stops a for-await loop that breaks and closes the watch", async () => {
    const { watch } = await watchOn([
      (response) => {
        startStream(response);
        response.write(eventLine("ADDED", pod("a", "2")) + eventLine("ADDED", pod("b", "3")));
      },
    ]);
    const names: string[] = [];
    for await (const event of watch) {
      names.push(event.object.metadata?.name ?? "");
      if (names.length === 1) break;
    }
    expect(names).toEqual(["a"]);
    expect(await watch[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });

  it("pauses reading when many events wait unread, and delivers all of them in order", async () => {
    const count = 3000;
    const { watch } = await watchOn([
      (response) => {
        startStream(response);
        let text = "";
        for (let index = 1; index <= count; index++)
          text += eventLine("ADDED", pod(`p${index}`, String(index)));
        response.write(text);
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const events = await takeEvents(watch, count);
    expect(events.map((event) => event.object.metadata?.resourceVersion)).toEqual(
      Array.from({ length: count }, (_, index) => String(index + 1)),
    );
  });
});

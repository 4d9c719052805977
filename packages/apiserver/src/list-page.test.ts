import type { Pod } from "@kubesim/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeContinueToken } from "./list-continue-token.js";
import { at, send, startTestServer, type TestServer } from "./test-server.js";

const tableAccept = { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" };

let server: TestServer;
let firstVersion: string;
beforeAll(async () => {
  server = await startTestServer();
  await server.store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
  for (const [namespace, name, tier] of [
    ["default", "a", "web"],
    ["default", "b", "db"],
    ["default", "c", "web"],
    ["team", "a", "web"],
    ["team", "d", "db"],
  ] as const) {
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace, labels: { tier } },
      spec: { containers: [{ name: "app", image: "nginx" }] },
    };
    await server.store.create(pod);
  }
  firstVersion = server.store.resourceVersion;
});
afterAll(() => server.close());

function names(body: Record<string, unknown>): string[] {
  const items = (body.items ?? []) as Array<{ metadata: { namespace: string; name: string } }>;
  return items.map((item) => `${item.metadata.namespace}/${item.metadata.name}`);
}

function token(startKey: string, resourceVersion = Number(firstVersion)): string {
  return encodeContinueToken({ resourceVersion, startKey });
}

describe("list pages (limit and continue)", () => {
  it.each`
    name                                                                                   | query                                                     | items                                                          | next                 | remaining
    ${"a limit answers the first items in key order with a token and the remaining count"} | ${"limit=2"}                                              | ${["default/a", "default/b"]}                                  | ${"default/b\u0000"} | ${3}
    ${"a token answers the next page"}                                                     | ${`limit=2&continue=@default/b`}                          | ${["default/c", "team/a"]}                                     | ${"team/a\u0000"}    | ${1}
    ${"the last page has no token"}                                                        | ${`limit=2&continue=@team/a`}                             | ${["team/d"]}                                                  | ${undefined}         | ${undefined}
    ${"a limit as large as the list gives no token"}                                       | ${"limit=5"}                                              | ${["default/a", "default/b", "default/c", "team/a", "team/d"]} | ${undefined}         | ${undefined}
    ${"a token without limit answers the rest"}                                            | ${`continue=@default/c`}                                  | ${["team/a", "team/d"]}                                        | ${undefined}         | ${undefined}
    ${"a limit of 0 is no limit"}                                                          | ${"limit=0"}                                              | ${["default/a", "default/b", "default/c", "team/a", "team/d"]} | ${undefined}         | ${undefined}
    ${"a negative limit is no limit"}                                                      | ${"limit=-3"}                                             | ${["default/a", "default/b", "default/c", "team/a", "team/d"]} | ${undefined}         | ${undefined}
    ${"resourceVersion=0 is served whole, as upstream's watch cache does"}                 | ${"limit=1&resourceVersion=0"}                            | ${["default/a", "default/b", "default/c", "team/a", "team/d"]} | ${undefined}         | ${undefined}
    ${"a token with resourceVersion=0 is still a continuation"}                            | ${`limit=1&continue=@team/a&resourceVersion=0`}           | ${["team/d"]}                                                  | ${undefined}         | ${undefined}
    ${"a selector pages the matches but gives no remaining count"}                         | ${"limit=1&labelSelector=tier%3Dweb"}                     | ${["default/a"]}                                               | ${"default/a\u0000"} | ${undefined}
    ${"a selector's continuation skips what does not match"}                               | ${`limit=1&labelSelector=tier%3Dweb&continue=@default/a`} | ${["default/c"]}                                               | ${"default/c\u0000"} | ${undefined}
  `("$name", async ({ query, items, next, remaining }) => {
    const resolved = (query as string).replace(/@([^&]+)/, (_match, key: string) => token(`${key}\u0000`));
    const reply = await send(server.base, "GET", `/api/v1/pods?${resolved}`);
    const expectedMetadata: Record<string, unknown> = { resourceVersion: firstVersion };
    if (next !== undefined) expectedMetadata.continue = token(next as string);
    if (remaining !== undefined) expectedMetadata.remainingItemCount = remaining;
    expect([reply.code, names(reply.body), reply.body.metadata]).toEqual([200, items, expectedMetadata]);
  });

  it("pages a namespace's list with keys relative to the namespace", async () => {
    const reply = await send(server.base, "GET", "/api/v1/namespaces/default/pods?limit=1");
    expect([names(reply.body), reply.body.metadata]).toEqual([
      ["default/a"],
      { resourceVersion: firstVersion, continue: token("a\u0000"), remainingItemCount: 2 },
    ]);
  });

  it("pages a Table with the same list metadata", async () => {
    const reply = await send(server.base, "GET", "/api/v1/namespaces/default/pods?limit=2", {
      headers: tableAccept,
    });
    expect([
      reply.body.kind,
      (reply.body.rows as unknown[]).length,
      at(reply.body, "rows", 1, "cells", 0),
      reply.body.metadata,
    ]).toEqual([
      "Table",
      2,
      "b",
      { resourceVersion: firstVersion, continue: token("b\u0000"), remainingItemCount: 1 },
    ]);
  });

  it("serves a continuation from the first page's snapshot: later creates and deletes are not seen, as upstream", async () => {
    const first = await send(server.base, "GET", "/api/v1/namespaces/default/pods?limit=1");
    const next = (first.body.metadata as { continue: string }).continue;
    await server.store.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "bb", namespace: "default" },
      spec: { containers: [{ name: "app", image: "nginx" }] },
    } as Pod);
    await server.store.delete("Pod", "c", { namespace: "default", gracePeriodSeconds: 0 });
    const reply = await send(server.base, "GET", `/api/v1/namespaces/default/pods?limit=5&continue=${next}`);
    const current = await send(server.base, "GET", "/api/v1/namespaces/default/pods");
    await server.store.delete("Pod", "bb", { namespace: "default", gracePeriodSeconds: 0 });
    await server.store.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "c", namespace: "default", labels: { tier: "web" } },
      spec: { containers: [{ name: "app", image: "nginx" }] },
    } as Pod);
    expect([names(reply.body), reply.body.metadata, names(current.body)]).toEqual([
      ["default/b", "default/c"],
      { resourceVersion: firstVersion },
      ["default/a", "default/b", "default/bb"],
    ]);
  });

  it("serves a continuation whose snapshot is not kept from the current state, with the token's resourceVersion", async () => {
    await server.store.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "bb", namespace: "default" },
      spec: { containers: [{ name: "app", image: "nginx" }] },
    } as Pod);
    const reply = await send(
      server.base,
      "GET",
      `/api/v1/namespaces/default/pods?limit=1&continue=${token("b\u0000", 3)}`,
    );
    await server.store.delete("Pod", "bb", { namespace: "default", gracePeriodSeconds: 0 });
    expect([names(reply.body), reply.body.metadata]).toEqual([
      ["default/bb"],
      { resourceVersion: "3", continue: token("bb\u0000", 3), remainingItemCount: 1 },
    ]);
  });

  it.each`
    name                                                    | query                               | message
    ${"a limit that is not a number is a 400"}              | ${"limit=ten"}                      | ${'strconv.ParseInt: parsing "ten": invalid syntax'}
    ${"a malformed token is a 400 with upstream's wording"} | ${"continue=%24%24"}                | ${"invalid continue token: continue key is not valid: illegal base64 data at input byte 0"}
    ${"a token with a resourceVersion is a 400"}            | ${"continue=@a&resourceVersion=12"} | ${"specifying resource version is not allowed when using continue"}
  `("$name", async ({ query, message }) => {
    const resolved = (query as string).replace("@a", token("a\u0000"));
    const reply = await send(server.base, "GET", `/api/v1/pods?${resolved}`);
    expect([reply.code, reply.body.reason, reply.body.message]).toEqual([400, "BadRequest", message]);
  });

  it("pages through the whole list, each item once and in order, for any limit and selector", async () => {
    const whole = names((await send(server.base, "GET", "/api/v1/pods")).body);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom("", "&labelSelector=tier%3Dweb", "&fieldSelector=metadata.namespace%3Dteam"),
        fc.boolean(),
        async (limit, selector, asTable) => {
          const seen: string[] = [];
          let continueToken = "";
          let pages = 0;
          do {
            const reply = await send(
              server.base,
              "GET",
              `/api/v1/pods?limit=${limit}${selector}${continueToken === "" ? "" : `&continue=${continueToken}`}`,
              asTable ? { headers: tableAccept } : {},
            );
            const rows = asTable
              ? ((reply.body.rows ?? []) as unknown[]).map(
                  (row) =>
                    `${at(row, "object", "metadata", "namespace")}/${at(row, "object", "metadata", "name")}`,
                )
              : names(reply.body);
            expect(rows.length).toBeLessThanOrEqual(limit);
            seen.push(...rows);
            continueToken = String(at(reply.body, "metadata", "continue") ?? "");
            pages++;
          } while (continueToken !== "" && pages < 20);
          const expected = names((await send(server.base, "GET", `/api/v1/pods?${selector.slice(1)}`)).body);
          expect(seen).toEqual(selector === "" ? whole : expected);
        },
      ),
      { numRuns: 40, seed: 10 },
    );
  });

  it("ignores limit on a watch", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.base}/api/v1/namespaces/team/pods?watch=true&limit=1`, {
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    while (text.split("\n").length < 3) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const events = text
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((event) => [event.type, at(event, "object", "metadata", "name")])).toEqual([
      ["ADDED", "a"],
      ["ADDED", "d"],
    ]);
  });
});

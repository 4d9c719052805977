import type { Pod } from "@kubesim/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodeContinueToken } from "./list-continue-token.js";
import { at, daemonSetManifest, send, startTestServer, type TestServer } from "./test-server.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await server.store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
  for (const [namespace, name, tier] of [
    ["default", "a", "web"],
    ["default", "b", "db"],
    ["default", "c", "web"],
    ["team", "a", "web"],
  ] as const) {
    await server.store.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace, labels: { tier } },
      spec: { containers: [{ name: "app", image: "nginx" }], terminationGracePeriodSeconds: 30 },
    } as Pod);
  }
});
afterEach(() => server.close());

async function podNames(): Promise<string[]> {
  const { items } = await server.store.list("Pod");
  return items.map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`);
}

function listedNames(body: Record<string, unknown>): string[] {
  return ((body.items ?? []) as Pod[]).map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`);
}

describe("DELETE on a collection (deletecollection)", () => {
  it.each`
    name                                                             | query                                 | deleted                                    | left
    ${"deletes what a label selector matches in the namespace only"} | ${"?labelSelector=tier%3Dweb"}        | ${["default/a", "default/c"]}              | ${["default/b", "team/a"]}
    ${"deletes what a field selector matches"}                       | ${"?fieldSelector=metadata.name%3Db"} | ${["default/b"]}                           | ${["default/a", "default/c", "team/a"]}
    ${"deletes the whole namespace's collection without selectors"}  | ${""}                                 | ${["default/a", "default/b", "default/c"]} | ${["team/a"]}
    ${"deletes one page with a limit"}                               | ${"?limit=2"}                         | ${["default/a", "default/b"]}              | ${["default/c", "team/a"]}
    ${"deletes nothing when nothing matches"}                        | ${"?labelSelector=tier%3Dcache"}      | ${[]}                                      | ${["default/a", "default/b", "default/c", "team/a"]}
  `("$name", async ({ query, deleted, left }) => {
    const reply = await send(server.base, "DELETE", `/api/v1/namespaces/default/pods${query}`, {
      body: { propagationPolicy: "Background", gracePeriodSeconds: 0 },
    });
    expect([
      reply.code,
      reply.body.kind,
      reply.body.apiVersion,
      listedNames(reply.body),
      await podNames(),
    ]).toEqual([200, "PodList", "v1", deleted, left]);
  });

  it.each([
    {
      name: "a dry run from the query answers what it would delete and deletes nothing",
      query: "?dryRun=All",
      body: { gracePeriodSeconds: 0 },
    },
    {
      name: "a dry run from the DeleteOptions body answers the same and deletes nothing",
      query: "",
      body: { gracePeriodSeconds: 0, dryRun: ["All"] },
    },
  ])("$name", async ({ query, body }) => {
    const version = server.store.resourceVersion;
    const reply = await send(server.base, "DELETE", `/api/v1/namespaces/default/pods${query}`, { body });
    expect([reply.code, listedNames(reply.body), await podNames(), server.store.resourceVersion]).toEqual([
      200,
      ["default/a", "default/b", "default/c"],
      ["default/a", "default/b", "default/c", "team/a"],
      version,
    ]);
  });

  it("answers the list as it was read, with the page's continue token and remaining count", async () => {
    const version = server.store.resourceVersion;
    const reply = await send(server.base, "DELETE", "/api/v1/namespaces/default/pods?limit=1", {
      body: { gracePeriodSeconds: 0 },
    });
    expect([reply.body.metadata, at(reply.body, "items", 0, "metadata", "deletionTimestamp")]).toEqual([
      {
        resourceVersion: version,
        continue: encodeContinueToken({ resourceVersion: Number(version), startKey: "a\u0000" }),
        remainingItemCount: 2,
      },
      undefined,
    ]);
  });

  it.each`
    name                                                                                      | body                         | pending
    ${"passes the body's DeleteOptions on: a bound pod without one terminates gracefully"}    | ${{}}                        | ${30}
    ${"passes the body's DeleteOptions on: gracePeriodSeconds 0 deletes a bound pod at once"} | ${{ gracePeriodSeconds: 0 }} | ${undefined}
  `("$name", async ({ body, pending }) => {
    await server.store.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "bound", namespace: "default", labels: { tier: "bound" } },
      spec: {
        nodeName: "node-1",
        containers: [{ name: "app", image: "nginx" }],
        terminationGracePeriodSeconds: 30,
      },
    } as Pod);
    await send(server.base, "DELETE", "/api/v1/namespaces/default/pods?labelSelector=tier%3Dbound", { body });
    const { items } = await server.store.list("Pod", { namespace: "default", labelSelector: "tier=bound" });
    expect(items.map((pod) => pod.metadata?.deletionGracePeriodSeconds)).toEqual(
      pending === undefined ? [] : [pending],
    );
  });

  it("deletes cluster-scoped collections", async () => {
    await server.store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1" } });
    await server.store.create({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "node-2", labels: { pool: "x" } },
    });
    const reply = await send(server.base, "DELETE", "/api/v1/nodes?labelSelector=pool%3Dx");
    const { items } = await server.store.list("Node");
    expect([reply.code, reply.body.kind, items.map((node) => node.metadata?.name)]).toEqual([
      200,
      "NodeList",
      ["node-1"],
    ]);
  });

  it("deletes DaemonSets with a Foreground policy (pending on the foregroundDeletion finalizer)", async () => {
    await send(server.base, "POST", "/apis/apps/v1/namespaces/default/daemonsets", {
      body: daemonSetManifest("ds"),
    });
    const reply = await send(server.base, "DELETE", "/apis/apps/v1/namespaces/default/daemonsets", {
      body: { propagationPolicy: "Foreground" },
    });
    const daemonSet = await server.store.get("DaemonSet", "ds", { namespace: "default" });
    expect([reply.code, reply.body.kind, listedNames(reply.body), daemonSet.metadata?.finalizers]).toEqual([
      200,
      "DaemonSetList",
      ["default/ds"],
      ["foregroundDeletion"],
    ]);
  });

  it.each`
    name                                                         | path                    | code   | reason
    ${"a namespaced kind across namespaces is 405, as upstream"} | ${"/api/v1/pods"}       | ${405} | ${"MethodNotAllowed"}
    ${"namespaces do not support deletecollection (405)"}        | ${"/api/v1/namespaces"} | ${405} | ${"MethodNotAllowed"}
  `("$name", async ({ path, code, reason }) => {
    const reply = await send(server.base, "DELETE", path);
    expect([reply.code, reply.body.reason, (await podNames()).length]).toEqual([code, reason, 4]);
  });

  it.each`
    name                                                      | query              | body                                  | message
    ${"a bad propagationPolicy is a 400 and deletes nothing"} | ${""}              | ${{ propagationPolicy: "Sometimes" }} | ${'propagationPolicy: Unsupported value: "Sometimes": supported values: "Foreground", "Background", "Orphan"'}
    ${"a malformed continue token is a 400"}                  | ${"?continue=%21"} | ${undefined}                          | ${"invalid continue token: continue key is not valid: illegal base64 data at input byte 0"}
    ${"a bad limit is a 400"}                                 | ${"?limit=x"}      | ${undefined}                          | ${'strconv.ParseInt: parsing "x": invalid syntax'}
  `("$name", async ({ query, body, message }) => {
    const reply = await send(server.base, "DELETE", `/api/v1/namespaces/default/pods${query}`, { body });
    expect([reply.code, reply.body.message, (await podNames()).length]).toEqual([400, message, 4]);
  });

  it("stops at the first failure with its Status (preconditions apply to every object)", async () => {
    const reply = await send(server.base, "DELETE", "/api/v1/namespaces/default/pods", {
      body: { preconditions: { uid: "not-the-uid" }, gracePeriodSeconds: 0 },
    });
    expect([reply.code, reply.body.reason, (await podNames()).length]).toEqual([409, "Conflict", 4]);
  });
});

import type { ServerResponse } from "node:http";
import type { ApiClient } from "@kubesim/core";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApiClient, type HttpApiClientOptions } from "./create-http-api-client.js";
import {
  type FakeServer,
  makePod,
  type RecordedRequest,
  rejection,
  startFakeServer,
} from "./test-fixtures.js";
import { defaultUserAgent } from "./version.js";

function sendJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", namespace: "default", resourceVersion: "7" },
};

let fake: FakeServer | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A fake server answering every request with `answer`, and a client for it. */
async function clientAnswering(
  answer: (request: RecordedRequest, response: ServerResponse, index: number) => void,
  options: Partial<HttpApiClientOptions> = {},
): Promise<{ client: ApiClient; server: FakeServer }> {
  fake = await startFakeServer(answer);
  return { client: createHttpApiClient({ server: fake.url, ...options }), server: fake };
}

/** What the fake server saw: method, URL, content type, body. */
function wire(request: RecordedRequest | undefined): string[] {
  if (request === undefined) return [];
  return [request.method, request.url, String(request.headers["content-type"] ?? ""), request.body];
}

describe("the requests createHttpApiClient sends", () => {
  const success = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 };
  it.each<{
    name: string;
    call: (client: ApiClient) => Promise<unknown>;
    expected: string[];
    answer?: unknown;
  }>([
    {
      name: "get of a namespaced kind without a namespace reads the default namespace",
      call: (client) => client.get("Pod", "web"),
      expected: ["GET", "/api/v1/namespaces/default/pods/web", "", ""],
    },
    {
      name: "get of a grouped kind uses its group and version",
      call: (client) => client.get("DaemonSet", "nginx", { namespace: "kube-system" }),
      expected: ["GET", "/apis/apps/v1/namespaces/kube-system/daemonsets/nginx", "", ""],
    },
    {
      name: "get of a cluster-scoped kind ignores the namespace",
      call: (client) => client.get("Node", "node-1", { namespace: "ignored" }),
      expected: ["GET", "/api/v1/nodes/node-1", "", ""],
    },
    {
      name: "list without a namespace lists every namespace, with both selectors",
      call: (client) =>
        client.list("Pod", { labelSelector: "app in (a,b)", fieldSelector: "spec.nodeName=n1" }),
      expected: [
        "GET",
        "/api/v1/pods?labelSelector=app+in+%28a%2Cb%29&fieldSelector=spec.nodeName%3Dn1",
        "",
        "",
      ],
      answer: { kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "9" }, items: [] },
    },
    {
      name: "list in a namespace ignores sharedObjects",
      call: (client) => client.list("Pod", { namespace: "prod", sharedObjects: true }),
      expected: ["GET", "/api/v1/namespaces/prod/pods", "", ""],
      answer: { kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "9" }, items: [] },
    },
    {
      name: "create posts to the collection of the object's namespace with the call's field manager",
      call: (client) => client.create(makePod("web", { namespace: "prod" }), { fieldManager: "tester" }),
      expected: [
        "POST",
        "/api/v1/namespaces/prod/pods?fieldManager=tester",
        "application/json",
        JSON.stringify(makePod("web", { namespace: "prod" })),
      ],
    },
    {
      name: "create without a field manager uses the client's",
      call: (client) => client.create(makePod("web")),
      expected: [
        "POST",
        "/api/v1/namespaces/default/pods?fieldManager=kubesim-test",
        "application/json",
        JSON.stringify(makePod("web")),
      ],
    },
    {
      name: "update puts to the object",
      call: (client) => client.update(pod),
      expected: [
        "PUT",
        "/api/v1/namespaces/default/pods/web?fieldManager=kubesim-test",
        "application/json",
        JSON.stringify(pod),
      ],
    },
    {
      name: "updateStatus puts to the status subresource",
      call: (client) => client.updateStatus(pod, { fieldManager: "kubelet" }),
      expected: [
        "PUT",
        "/api/v1/namespaces/default/pods/web/status?fieldManager=kubelet",
        "application/json",
        JSON.stringify(pod),
      ],
    },
    {
      name: "a merge patch",
      call: (client) => client.patch("Node", "n1", { metadata: { labels: { a: "b" } } }, { type: "merge" }),
      expected: [
        "PATCH",
        "/api/v1/nodes/n1?fieldManager=kubesim-test",
        "application/merge-patch+json",
        '{"metadata":{"labels":{"a":"b"}}}',
      ],
    },
    {
      name: "a JSON patch",
      call: (client) =>
        client.patch("Pod", "web", [{ op: "remove", path: "/metadata/labels" }], { type: "json" }),
      expected: [
        "PATCH",
        "/api/v1/namespaces/default/pods/web?fieldManager=kubesim-test",
        "application/json-patch+json",
        '[{"op":"remove","path":"/metadata/labels"}]',
      ],
    },
    {
      name: "a strategic merge patch in a namespace",
      call: (client) =>
        client.patch("Pod", "web", { spec: { nodeName: null } }, { type: "strategic", namespace: "prod" }),
      expected: [
        "PATCH",
        "/api/v1/namespaces/prod/pods/web?fieldManager=kubesim-test",
        "application/strategic-merge-patch+json",
        '{"spec":{"nodeName":null}}',
      ],
    },
    {
      name: "a forced server-side apply sends JSON as apply-patch+yaml",
      call: (client) =>
        client.patch("Pod", "web", pod, { type: "apply", fieldManager: "kubectl", force: true }),
      expected: [
        "PATCH",
        "/api/v1/namespaces/default/pods/web?fieldManager=kubectl&force=true",
        "application/apply-patch+yaml",
        JSON.stringify(pod),
      ],
    },
    {
      name: "a pod delete sends its options as DeleteOptions without reading the pod first",
      call: (client) =>
        client.delete("Pod", "web", {
          propagationPolicy: "Foreground",
          gracePeriodSeconds: 0,
          preconditions: { uid: "u-1" },
        }),
      expected: [
        "DELETE",
        "/api/v1/namespaces/default/pods/web",
        "application/json",
        '{"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0,"preconditions":{"uid":"u-1"},"propagationPolicy":"Foreground"}',
      ],
    },
    {
      name: "bind posts a Binding to the binding subresource",
      call: (client) =>
        client.bind({ metadata: { name: "web", namespace: "prod" }, target: { kind: "Node", name: "n1" } }),
      expected: [
        "POST",
        "/api/v1/namespaces/prod/pods/web/binding",
        "application/json",
        '{"apiVersion":"v1","kind":"Binding","metadata":{"name":"web","namespace":"prod"},"target":{"kind":"Node","name":"n1"}}',
      ],
      answer: success,
    },
    {
      name: "evict posts a policy/v1 Eviction to the eviction subresource",
      call: (client) => client.evict({ metadata: { name: "web" }, deleteOptions: { gracePeriodSeconds: 5 } }),
      expected: [
        "POST",
        "/api/v1/namespaces/default/pods/web/eviction",
        "application/json",
        '{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"web"},"deleteOptions":{"gracePeriodSeconds":5}}',
      ],
      answer: success,
    },
    {
      name: "names and namespaces are escaped into one path segment",
      call: (client) => client.get("Pod", "a b:c", { namespace: "n?s" }),
      expected: ["GET", "/api/v1/namespaces/n%3Fs/pods/a%20b%3Ac", "", ""],
    },
  ])("$name", async ({ call, expected, answer }) => {
    const { client, server } = await clientAnswering(
      (_request, response) => sendJson(response, 200, answer ?? pod),
      {
        fieldManager: "kubesim-test",
      },
    );
    await call(client);
    expect(server.requests.map(wire)).toEqual([expected]);
  });

  it("sends the bearer token, the default User-Agent and Accept: application/json", async () => {
    const { client, server } = await clientAnswering((_request, response) => sendJson(response, 200, pod), {
      token: "s3cret",
    });
    await client.get("Pod", "web");
    const headers = server.requests[0]?.headers;
    expect([headers?.authorization, headers?.["user-agent"], headers?.accept]).toEqual([
      "Bearer s3cret",
      defaultUserAgent,
      "application/json",
    ]);
  });

  it("keeps a path prefix of the server URL and takes a custom User-Agent", async () => {
    fake = await startFakeServer((_request, response) => sendJson(response, 200, pod));
    const client = createHttpApiClient({
      server: `${fake.url}/k8s/clusters/c-1/`,
      userAgent: "scheduler/1.0",
    });
    await client.get("Pod", "web");
    expect([fake.requests[0]?.url, fake.requests[0]?.headers["user-agent"]]).toEqual([
      "/k8s/clusters/c-1/api/v1/namespaces/default/pods/web",
      "scheduler/1.0",
    ]);
  });

  it("fills apiVersion and kind into list items that lack them, as kube-apiserver sends them", async () => {
    const { client } = await clientAnswering((_request, response) =>
      sendJson(response, 200, {
        kind: "DaemonSetList",
        apiVersion: "apps/v1",
        metadata: { resourceVersion: "41" },
        items: [{ metadata: { name: "a" } }],
      }),
    );
    expect(await client.list("DaemonSet")).toEqual({
      items: [{ apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "a" } }],
      resourceVersion: "41",
    });
  });

  it("runs requests concurrently over at most 128 kept-alive connections, queueing the rest", async () => {
    let inFlight = 0;
    let most = 0;
    let released = false;
    const held: Array<() => void> = [];
    const { client } = await clientAnswering((_request, response) => {
      inFlight++;
      most = Math.max(most, inFlight);
      const answer = () => {
        inFlight--;
        sendJson(response, 200, pod);
      };
      // Hold every answer until 128 requests are open at once: only the pool's bound stops more.
      if (released) answer();
      else held.push(answer);
      if (!released && inFlight === 128) {
        released = true;
        setTimeout(() => {
          for (const release of held.splice(0)) release();
        }, 50);
      }
    });
    await Promise.all(Array.from({ length: 140 }, () => client.get("Pod", "web")));
    expect(most).toBe(128);
  });
});

describe("how createHttpApiClient delete resolves with the deleted object", () => {
  const daemonSet = (resourceVersion: string) => ({
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "ds", namespace: "default", uid: "u-1", resourceVersion },
  });
  const successStatus = {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    details: { name: "ds", group: "apps", kind: "daemonsets", uid: "u-1" },
  };
  const conflict = {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: "precondition failed",
    reason: "Conflict",
    code: 409,
  };

  it("reads the object, deletes it pinned to that uid and resourceVersion, and resolves with it", async () => {
    const { client, server } = await clientAnswering((request, response) =>
      request.method === "GET"
        ? sendJson(response, 200, daemonSet("5"))
        : sendJson(response, 200, successStatus),
    );
    expect(await client.delete("DaemonSet", "ds", { propagationPolicy: "Background" })).toEqual(
      daemonSet("5"),
    );
    expect(server.requests.map(wire)).toEqual([
      ["GET", "/apis/apps/v1/namespaces/default/daemonsets/ds", "", ""],
      [
        "DELETE",
        "/apis/apps/v1/namespaces/default/daemonsets/ds",
        "application/json",
        '{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"u-1","resourceVersion":"5"},"propagationPolicy":"Background"}',
      ],
    ]);
  });

  it("reads again when the object changed between the read and the delete", async () => {
    const answers: Array<[number, unknown]> = [
      [200, daemonSet("5")],
      [409, conflict],
      [200, daemonSet("6")],
      [200, successStatus],
    ];
    const { client, server } = await clientAnswering((_request, response, index) => {
      const [code, body] = answers[index] ?? [500, {}];
      sendJson(response, code, body);
    });
    expect(await client.delete("DaemonSet", "ds")).toEqual(daemonSet("6"));
    expect(server.requests.map((request) => [request.method, request.body])).toEqual([
      ["GET", ""],
      [
        "DELETE",
        '{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"u-1","resourceVersion":"5"}}',
      ],
      ["GET", ""],
      [
        "DELETE",
        '{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"u-1","resourceVersion":"6"}}',
      ],
    ]);
  });

  it("passes a conflict on the caller's own resourceVersion precondition through", async () => {
    const { client, server } = await clientAnswering((request, response) =>
      request.method === "GET" ? sendJson(response, 200, daemonSet("5")) : sendJson(response, 409, conflict),
    );
    const error = await rejection(
      client.delete("DaemonSet", "ds", { preconditions: { resourceVersion: "4" } }),
    );
    expect([error.reason, error.message, server.requests.length]).toEqual([
      "Conflict",
      "precondition failed",
      2,
    ]);
    expect(server.requests[1]?.body).toBe(
      '{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"resourceVersion":"4"}}',
    );
  });

  it("resolves with the object a pending delete answers with", async () => {
    const pending = {
      ...daemonSet("6"),
      metadata: { ...daemonSet("6").metadata, deletionTimestamp: "2026-11-29T19:21:30Z" },
    };
    const { client } = await clientAnswering((request, response) =>
      request.method === "GET" ? sendJson(response, 200, daemonSet("5")) : sendJson(response, 202, pending),
    );
    expect(await client.delete("DaemonSet", "ds", { propagationPolicy: "Foreground" })).toEqual(pending);
  });

  it("builds the object from the Status details when a server answers a pod delete with a Status", async () => {
    const { client } = await clientAnswering((_request, response) =>
      sendJson(response, 200, { ...successStatus, details: { name: "web", kind: "pods", uid: "u-9" } }),
    );
    expect(await client.delete("Pod", "web")).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web", namespace: "default", uid: "u-9" },
    });
  });
});

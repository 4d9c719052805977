import { VirtualClock } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "./create-api-server.js";
import { encodeContinueToken } from "./list-continue-token.js";

const clock = new VirtualClock(Date.parse("2026-01-01T00:00:00Z"));
const store = createMemoryStore({ clock, seed: 1 });
const server = createApiServer({ client: store, maxBodyBytes: 4096 });
let base = "";

const guarded = createApiServer({ client: store, token: "s3cret" });
let guardedBase = "";

beforeAll(async () => {
  base = (await server.listen()).url;
  guardedBase = (await guarded.listen()).url;
});
afterAll(async () => {
  await server.close();
  await guarded.close();
});

interface Reply {
  code: number;
  body: Record<string, unknown>;
}

async function call(method: string, path: string, body?: unknown, raw?: string): Promise<Reply> {
  const init: RequestInit = { method };
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`${base}${path}`, init);
  expect(response.headers.get("content-type")).toBe("application/json");
  return { code: response.status, body: (await response.json()) as Record<string, unknown> };
}

function failure(code: number, reason: string, message: string, details?: object): object {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    ...(details === undefined ? {} : { details }),
    code,
  };
}

const pathNotFound = failure(404, "NotFound", "the server could not find the requested resource", {});
const methodNotAllowed = failure(
  405,
  "MethodNotAllowed",
  "the server does not allow this method on the requested resource",
  {},
);

const daemonSet = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "nginx", labels: { app: "nginx" } },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
    },
  },
};

describe("version and discovery", () => {
  it("reports v1.32.4 on /version so kubectl's dispatcher runs its v1.32 binary", async () => {
    const reply = await call("GET", "/version?timeout=5s");
    expect(reply).toEqual({
      code: 200,
      body: {
        major: "1",
        minor: "32",
        gitVersion: "v1.32.4",
        gitCommit: "0000000000000000000000000000000000000000",
        gitTreeState: "clean",
        buildDate: "2025-04-22T16:03:58Z",
        goVersion: "go1.23.8",
        compiler: "gc",
        platform: "linux/amd64",
      },
    });
  });

  it("answers /api with APIVersions naming the address the client reached", async () => {
    const reply = await call("GET", "/api");
    expect(reply.body).toEqual({
      kind: "APIVersions",
      versions: ["v1"],
      serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: new URL(base).host }],
    });
  });

  it("answers /apis with the apps and coordination.k8s.io groups", async () => {
    const reply = await call("GET", "/apis");
    expect(reply.body).toEqual({
      kind: "APIGroupList",
      apiVersion: "v1",
      groups: [
        {
          name: "apps",
          versions: [{ groupVersion: "apps/v1", version: "v1" }],
          preferredVersion: { groupVersion: "apps/v1", version: "v1" },
        },
        {
          name: "coordination.k8s.io",
          versions: [{ groupVersion: "coordination.k8s.io/v1", version: "v1" }],
          preferredVersion: { groupVersion: "coordination.k8s.io/v1", version: "v1" },
        },
      ],
    });
  });

  it("answers /apis/coordination.k8s.io/v1 with the leases resource as upstream lists it", async () => {
    const reply = await call("GET", "/apis/coordination.k8s.io/v1");
    expect(reply.body).toEqual({
      kind: "APIResourceList",
      apiVersion: "v1",
      groupVersion: "coordination.k8s.io/v1",
      resources: [
        {
          name: "leases",
          singularName: "lease",
          namespaced: true,
          kind: "Lease",
          verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
        },
      ],
    });
  });

  it("lists pods with the eviction entry drain looks for in /api/v1", async () => {
    const reply = await call("GET", "/api/v1");
    const resources = reply.body.resources as Array<Record<string, unknown>>;
    expect(reply.body.groupVersion).toBe("v1");
    expect(resources.map((entry) => entry.name)).toEqual([
      "namespaces",
      "namespaces/status",
      "namespaces/finalize",
      "nodes",
      "nodes/status",
      "pods",
      "pods/status",
      "pods/binding",
      "pods/eviction",
      "events",
      "services",
      "services/status",
    ]);
    expect(resources.find((entry) => entry.name === "pods")).toEqual({
      name: "pods",
      singularName: "pod",
      namespaced: true,
      kind: "Pod",
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      shortNames: ["po"],
      categories: ["all"],
    });
    expect(resources.find((entry) => entry.name === "pods/eviction")).toEqual({
      name: "pods/eviction",
      singularName: "",
      namespaced: true,
      group: "policy",
      version: "v1",
      kind: "Eviction",
      verbs: ["create"],
    });
  });

  it("lists daemonsets with their short name in /apis/apps/v1", async () => {
    const reply = await call("GET", "/apis/apps/v1");
    const resources = reply.body.resources as Array<Record<string, unknown>>;
    expect(resources.find((entry) => entry.name === "daemonsets")).toEqual({
      name: "daemonsets",
      singularName: "daemonset",
      namespaced: true,
      kind: "DaemonSet",
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      shortNames: ["ds"],
      categories: ["all"],
    });
  });
});

describe("resource CRUD", () => {
  it("serves leases: transcript 31b's NotFound, then create, list across namespaces and a PUT that creates", async () => {
    const item = "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1";
    expect(await call("GET", item)).toEqual({
      code: 404,
      body: failure(404, "NotFound", 'leases.coordination.k8s.io "node-1" not found', {
        name: "node-1",
        group: "coordination.k8s.io",
        kind: "leases",
      }),
    });
    const lease = {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: "node-1", namespace: "kube-node-lease" },
      spec: { holderIdentity: "node-1", leaseDurationSeconds: 40, renewTime: "2026-01-01T00:00:00.000000Z" },
    };
    const created = await call(
      "POST",
      "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases",
      lease,
    );
    expect(created.code).toBe(201);
    expect(created.body.spec).toEqual(lease.spec);
    const put = await call("PUT", "/apis/coordination.k8s.io/v1/namespaces/default/leases/leader", {
      ...lease,
      metadata: { name: "leader", namespace: "default" },
    });
    // Upstream answers 201 for a PUT that creates; ApiClient.update does not say whether it
    // created, so kubesim answers 200 (a known gap, for Events and Services too).
    expect(put.code).toBe(200);
    expect((await call("GET", "/apis/coordination.k8s.io/v1/namespaces/default/leases/leader")).code).toBe(
      200,
    );
    const list = await call(
      "GET",
      "/apis/coordination.k8s.io/v1/leases?fieldSelector=metadata.namespace%3Dkube-node-lease",
    );
    expect(list.body.kind).toBe("LeaseList");
    expect(list.body.apiVersion).toBe("coordination.k8s.io/v1");
    expect(
      (list.body.items as Array<{ metadata: { name: string } }>).map((entry) => entry.metadata.name),
    ).toEqual(["node-1"]);
    const invalid = await call("POST", "/apis/coordination.k8s.io/v1/namespaces/default/leases", {
      ...lease,
      metadata: { name: "bad", namespace: "default" },
      spec: { leaseDurationSeconds: 0 },
    });
    expect(invalid.code).toBe(422);
    expect(invalid.body.message).toBe(
      'Lease.coordination.k8s.io "bad" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    );
    for (const path of [item, "/apis/coordination.k8s.io/v1/namespaces/default/leases/leader"]) {
      expect((await call("DELETE", path)).code).toBe(200);
    }
  });

  it("creates, reads, lists, updates, updates status and deletes a DaemonSet", async () => {
    const collection = "/apis/apps/v1/namespaces/default/daemonsets";
    const created = await call("POST", collection, daemonSet);
    expect(created.code).toBe(201);
    const metadata = created.body.metadata as Record<string, unknown>;
    expect(metadata.namespace).toBe("default");
    expect(typeof metadata.uid).toBe("string");

    const got = await call("GET", `${collection}/nginx`);
    expect(got).toEqual({ code: 200, body: created.body });

    const list = await call("GET", `${collection}?labelSelector=app%3Dnginx`);
    expect(list.code).toBe(200);
    expect(list.body.kind).toBe("DaemonSetList");
    expect(list.body.apiVersion).toBe("apps/v1");
    expect(list.body.items).toEqual([created.body]);
    expect(typeof (list.body.metadata as Record<string, unknown>).resourceVersion).toBe("string");

    const none = await call("GET", "/apis/apps/v1/daemonsets?labelSelector=app%3Dother");
    expect(none.body.items).toEqual([]);

    const byField = await call("GET", "/apis/apps/v1/daemonsets?fieldSelector=metadata.name%3Dnginx");
    expect((byField.body.items as unknown[]).length).toBe(1);

    const updated = await call("PUT", `${collection}/nginx`, {
      ...created.body,
      metadata: { ...metadata, labels: { app: "nginx", team: "a" } },
    });
    expect(updated.code).toBe(200);
    expect((updated.body.metadata as Record<string, unknown>).labels).toEqual({
      app: "nginx",
      team: "a",
    });

    const status = await call("PUT", `${collection}/nginx/status`, {
      ...updated.body,
      status: { ...(updated.body.status as object), numberReady: 0, desiredNumberScheduled: 3 },
    });
    expect(status.code).toBe(200);
    expect((status.body.status as Record<string, unknown>).desiredNumberScheduled).toBe(3);

    const deleted = await call("DELETE", `${collection}/nginx`, { propagationPolicy: "Background" });
    expect(deleted).toEqual({
      code: 200,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Success",
        details: { name: "nginx", group: "apps", kind: "daemonsets", uid: metadata.uid },
      },
    });
    expect((await call("GET", `${collection}/nginx`)).code).toBe(404);
  });

  it("creates and deletes a cluster-scoped Node, answering the delete with a Success Status", async () => {
    const created = await call("POST", "/api/v1/nodes", { metadata: { name: "node-1" } });
    expect(created.code).toBe(201);
    expect(created.body.kind).toBe("Node");
    expect((await call("GET", "/api/v1/nodes/node-1")).code).toBe(200);
    const uid = (created.body.metadata as Record<string, unknown>).uid;
    const deleted = await call("DELETE", "/api/v1/nodes/node-1");
    expect(deleted).toEqual({
      code: 200,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Success",
        details: { name: "node-1", kind: "nodes", uid },
      },
    });
  });

  it("answers an Orphan delete, still pending on its finalizer, with the object", async () => {
    expect((await call("POST", "/api/v1/nodes", { metadata: { name: "node-2" } })).code).toBe(201);
    const deleted = await call("DELETE", "/api/v1/nodes/node-2?propagationPolicy=Orphan");
    expect(deleted.code).toBe(200);
    expect((deleted.body.metadata as Record<string, unknown>).finalizers).toEqual(["orphan"]);
  });

  it("answers a pod delete with the pod itself", async () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web" },
      spec: { containers: [{ name: "web", image: "nginx" }] },
    };
    expect((await call("POST", "/api/v1/namespaces/default/pods", pod)).code).toBe(201);
    const list = await call("GET", "/api/v1/pods");
    expect(list.body.kind).toBe("PodList");
    const deleted = await call("DELETE", "/api/v1/namespaces/default/pods/web?gracePeriodSeconds=0");
    expect(deleted.code).toBe(200);
    expect(deleted.body.kind).toBe("Pod");
    expect((deleted.body.metadata as Record<string, unknown>).name).toBe("web");
  });
});

describe("errors", () => {
  const cases: Array<{
    name: string;
    method: string;
    path: string;
    body?: unknown;
    raw?: string;
    code: number;
    expected: object;
  }> = [
    {
      name: "a missing DaemonSet is a NotFound Status naming the resource",
      method: "GET",
      path: "/apis/apps/v1/namespaces/default/daemonsets/nope",
      code: 404,
      expected: failure(404, "NotFound", 'daemonsets.apps "nope" not found', {
        name: "nope",
        group: "apps",
        kind: "daemonsets",
      }),
    },
    {
      name: "an unknown root path is a NotFound Status",
      method: "GET",
      path: "/nope",
      code: 404,
      expected: pathNotFound,
    },
    {
      name: "an unknown resource is a NotFound Status",
      method: "GET",
      path: "/api/v1/foos",
      code: 404,
      expected: pathNotFound,
    },
    {
      name: "a namespaced object outside a namespace is a NotFound Status",
      method: "GET",
      path: "/api/v1/pods/web",
      code: 404,
      expected: pathNotFound,
    },
    {
      name: "a cluster-scoped kind under a namespace is a NotFound Status",
      method: "GET",
      path: "/api/v1/namespaces/default/nodes",
      code: 404,
      expected: pathNotFound,
    },
    {
      name: "an unknown group-version is a NotFound Status",
      method: "GET",
      path: "/apis/batch/v1",
      code: 404,
      expected: pathNotFound,
    },
    {
      name: "malformed percent-encoding is a NotFound Status",
      method: "GET",
      path: "/api/v1/nodes/%E0%A4%A",
      code: 404,
      expected: pathNotFound,
    },
    {
      name: "a POST to an object path is a MethodNotAllowed Status",
      method: "POST",
      path: "/api/v1/nodes/node-1",
      body: {},
      code: 405,
      expected: methodNotAllowed,
    },
    {
      name: "a PATCH on the status subresource is a MethodNotAllowed Status (not served)",
      method: "PATCH",
      path: "/api/v1/namespaces/default/status",
      body: {},
      code: 405,
      expected: methodNotAllowed,
    },
    {
      name: "the OpenAPI v2 document is a NotFound Status, as kubectl tolerates",
      method: "GET",
      path: "/openapi/v2",
      code: 404,
      expected: pathNotFound,
    },
    {
      name: "an OpenAPI v3 document of a group-version not served is a NotFound Status",
      method: "GET",
      path: "/openapi/v3/apis/batch/v1",
      code: 404,
      expected: pathNotFound,
    },
    {
      name: "malformed JSON is a BadRequest Status",
      method: "POST",
      path: "/api/v1/nodes",
      raw: "{not json",
      code: 400,
      expected: failure(
        400,
        "BadRequest",
        `couldn't get version/kind; json parse error: ${jsonErrorMessage("{not json")}`,
      ),
    },
    {
      name: "a JSON array body is a BadRequest Status",
      method: "POST",
      path: "/api/v1/nodes",
      raw: "[]",
      code: 400,
      expected: failure(
        400,
        "BadRequest",
        "couldn't get version/kind; json parse error: the body is not a JSON object",
      ),
    },
    {
      name: "a body whose namespace differs from the URL is a BadRequest Status",
      method: "POST",
      path: "/api/v1/namespaces/default/pods",
      body: { metadata: { name: "x", namespace: "other" } },
      code: 400,
      expected: failure(
        400,
        "BadRequest",
        "the namespace of the provided object does not match the namespace sent on the request",
      ),
    },
    {
      name: "a PUT whose name differs from the URL is a BadRequest Status",
      method: "PUT",
      path: "/api/v1/nodes/a",
      body: { metadata: { name: "b" } },
      code: 400,
      expected: failure(
        400,
        "BadRequest",
        "the name of the object (b) does not match the name on the URL (a)",
      ),
    },
    {
      name: "a body of another kind is a BadRequest Status",
      method: "POST",
      path: "/api/v1/nodes",
      body: { apiVersion: "v1", kind: "Pod", metadata: { name: "x" } },
      code: 400,
      expected: failure(
        400,
        "BadRequest",
        'the object provided is unrecognized (must be of type Node): Pod in version "v1"',
      ),
    },
    {
      name: "an unknown propagationPolicy is a BadRequest Status",
      method: "DELETE",
      path: "/api/v1/nodes/a?propagationPolicy=Sometimes",
      code: 400,
      expected: failure(
        400,
        "BadRequest",
        'propagationPolicy: Unsupported value: "Sometimes": supported values: "Foreground", "Background", "Orphan"',
      ),
    },
    {
      name: "a body over the limit is a RequestEntityTooLarge Status",
      method: "POST",
      path: "/api/v1/nodes",
      raw: JSON.stringify({ metadata: { name: "big" }, padding: "x".repeat(5000) }),
      code: 413,
      expected: failure(413, "RequestEntityTooLarge", "Request entity too large: limit is 4096"),
    },
  ];

  it.each(cases)("$name", async ({ method, path, body, raw, code, expected }) => {
    expect(await call(method, path, body, raw)).toEqual({ code, body: expected });
  });

  it("refuses a chunked body without Content-Length once it passes the limit", async () => {
    const chunk = new TextEncoder().encode("x".repeat(1000));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 5; index += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${base}/api/v1/nodes`, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(
      failure(413, "RequestEntityTooLarge", "Request entity too large: limit is 4096"),
    );
  });

  it("serves GET on the status subresource as the object", async () => {
    const reply = await call("GET", "/api/v1/namespaces/default/status");
    expect(reply.code).toBe(200);
    expect(reply.body.kind).toBe("Namespace");
    expect((reply.body.metadata as Record<string, unknown>).name).toBe("default");
  });

  it("rejects an invalid object with the store's Invalid Status", async () => {
    const reply = await call("POST", "/apis/apps/v1/namespaces/default/daemonsets", {
      ...daemonSet,
      metadata: { name: "bad" },
      spec: { ...daemonSet.spec, selector: { matchLabels: { app: "other" } } },
    });
    expect(reply.code).toBe(422);
    expect(reply.body.reason).toBe("Invalid");
    expect(reply.body.message).toBe(
      'DaemonSet.apps "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    );
  });
});

function jsonErrorMessage(text: string): string {
  try {
    JSON.parse(text);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("bearer token", () => {
  const unauthorized = failure(401, "Unauthorized", "Unauthorized");
  const cases = [
    {
      name: "a request without a token is refused with 401",
      headers: {} as Record<string, string>,
      code: 401,
    },
    {
      name: "a request with a wrong token is refused with 401",
      headers: { authorization: "Bearer nope" },
      code: 401,
    },
    {
      name: "a request with a token of another scheme is refused with 401",
      headers: { authorization: "Basic s3cret" },
      code: 401,
    },
    {
      name: "a request with the right token is served",
      headers: { authorization: "Bearer s3cret" },
      code: 200,
    },
  ];

  it.each(cases)("$name", async ({ headers, code }) => {
    const response = await fetch(`${guardedBase}/version`, { headers });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(code);
    if (code === 401) expect(body).toEqual(unauthorized);
    else expect(body.gitVersion).toBe("v1.32.4");
  });
});

describe("OpenAPI v3", () => {
  it("serves the index listing the group-versions kubesim accepts objects for", async () => {
    const reply = await call("GET", "/openapi/v3?timeout=32s");
    expect(reply.code).toBe(200);
    expect(Object.keys(reply.body.paths as object)).toEqual(
      expect.arrayContaining(["api/v1", "apis/apps/v1"]),
    );
  });

  it("serves a group-version document advertising fieldValidation on the DaemonSet PATCH", async () => {
    const index = (await call("GET", "/openapi/v3")).body.paths as Record<
      string,
      { serverRelativeURL: string }
    >;
    const reply = await call("GET", `${index["apis/apps/v1"]?.serverRelativeURL}&timeout=32s`);
    expect(reply.code).toBe(200);
    const paths = reply.body.paths as Record<string, Record<string, { parameters: Array<{ name: string }> }>>;
    const patch = paths["/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}"]?.patch;
    expect(patch?.parameters.map((parameter) => parameter.name)).toContain("fieldValidation");
  });
});

describe("fuzzing", () => {
  const segment = fc.oneof(
    fc.constantFrom(
      "api",
      "apis",
      "v1",
      "apps",
      "namespaces",
      "default",
      "pods",
      "nodes",
      "daemonsets",
      "status",
      "binding",
      "eviction",
      "finalize",
      "openapi",
      "v3",
      "__proto__",
      "constructor",
      "%",
      "%2F",
      "..",
    ),
    fc.string({ maxLength: 8 }).map((text) => encodeURIComponent(text)),
  );
  const path = fc.array(segment, { maxLength: 7 }).map((parts) => `/${parts.join("/")}`);
  const body = fc.oneof(
    fc.string({ maxLength: 64 }),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom(
      '{"__proto__":{"polluted":true}}',
      '{"metadata":{"name":"x","__proto__":{"a":1}}}',
      '{"apiVersion":"v1","kind":"Node","metadata":{"name":"fuzz"},"spec":{"bogus":1}}',
      '[{"op":"replace","path":"/spec/unschedulable","value":true}]',
      '[{"op":"move","from":"/metadata","path":"/metadata/x"}]',
      '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"$patch":"replace"}}',
      "kind: Node\nmetadata:\n  name: fuzz\n",
      "null",
      "{}",
    ),
  );
  const queryPart = fc.constantFrom(
    "labelSelector=%3D%3D",
    "labelSelector=app%20in%20(a",
    "fieldSelector=a",
    "fieldSelector=metadata.name%3Dfuzz",
    "propagationPolicy=x",
    "gracePeriodSeconds=-1",
    "watch=true",
    "watch=1",
    "watch=maybe",
    "resourceVersion=0",
    "resourceVersion=1",
    "resourceVersion=abc",
    "resourceVersion=99999999999999999999",
    "timeoutSeconds=1",
    "timeoutSeconds=-5",
    "allowWatchBookmarks=true",
    "includeObject=Object",
    "includeObject=Nope",
    "fieldManager=fuzz",
    `fieldManager=${"m".repeat(200)}`,
    "fieldValidation=Strict",
    "fieldValidation=Sloppy",
    "force=true",
    "force=perhaps",
    "dryRun=All",
    "orphanDependents=false",
    "limit=1",
    "limit=0",
    "limit=-2",
    "limit=many",
    "limit=99999999999999999999",
    `continue=${encodeContinueToken({ resourceVersion: 1, startKey: "a\u0000" })}`,
    `continue=${encodeContinueToken({ resourceVersion: -1, startKey: "default/x\u0000" })}`,
    `continue=${encodeContinueToken({ resourceVersion: 1, startKey: "../../x" })}`,
    `continue=${Buffer.from('{"v":"meta.k8s.io/v1","rv":"1","start":{}}').toString("base64url")}`,
    `continue=${Buffer.from('{"__proto__":{"v":"meta.k8s.io/v1"}}').toString("base64url")}`,
    "continue=%E2%82%AC%00",
    "continue=YQ",
  );
  const query = fc
    .array(queryPart, { maxLength: 4 })
    .map((parts) => (parts.length === 0 ? "" : `?${parts.join("&")}`));
  const contentType = fc.constantFrom(
    undefined,
    "application/json",
    "application/merge-patch+json",
    "application/json-patch+json",
    "application/strategic-merge-patch+json",
    "application/apply-patch+yaml",
    "text/plain",
  );
  const accept = fc.constantFrom(
    undefined,
    "application/json",
    "application/json;as=Table;v=v1;g=meta.k8s.io,application/json",
    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
    "application/vnd.kubernetes.protobuf",
    ";;,=,",
  );

  it("always answers random requests with a Status or a valid body and never crashes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
        path,
        query,
        body,
        contentType,
        accept,
        async (method, target, search, payload, type, acceptHeader) => {
          const headers: Record<string, string> = {};
          if (type !== undefined) headers["content-type"] = type;
          if (acceptHeader !== undefined) headers.accept = acceptHeader;
          const init: RequestInit = { method, headers };
          if (method !== "GET") init.body = payload;
          const controller = new AbortController();
          init.signal = controller.signal;
          const response = await fetch(`${base}${target}${search}`, init);
          if (response.status === 200 && response.headers.get("content-length") === null) {
            // A watch stream: its headers came at once; that is all this property needs.
            expect(response.headers.get("transfer-encoding")).toBe("chunked");
            controller.abort();
            return;
          }
          const reply = (await response.json()) as Record<string, unknown>;
          expect(typeof reply).toBe("object");
          if (response.status >= 400) {
            expect([reply.kind, reply.code]).toEqual(["Status", response.status]);
          }
          if (response.status >= 500) {
            expect(String(reply.message)).toMatch(/^failed to create typed patch object/);
          }
        },
      ),
      { numRuns: 400, seed: 10 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await call("GET", "/version")).code).toBe(200);
  });
});

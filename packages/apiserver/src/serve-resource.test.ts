import type { ApiClient, DaemonSet } from "@kubesim/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "./create-api-server.js";
import { at, daemonSetManifest, send, startTestServer, type TestServer } from "./test-server.js";

const dsPath = "/apis/apps/v1/namespaces/default/daemonsets";
const kubectlAgent = "kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function patchHeaders(contentType: string): Record<string, string> {
  return { "content-type": contentType, "user-agent": kubectlAgent };
}

describe("patch types", () => {
  beforeAll(async () => {
    await send(server.base, "POST", dsPath, { body: daemonSetManifest("patched") });
    await send(server.base, "POST", "/api/v1/nodes", { body: { metadata: { name: "node-1" } } });
  });

  it.each`
    name                                                                   | contentType                                                | path                      | body                                                                                                                                                | check
    ${"a merge patch adds a label (kubectl label)"}                        | ${"application/merge-patch+json"}                          | ${"/api/v1/nodes/node-1"} | ${{ metadata: { labels: { disktype: "ssd" } } }}                                                                                                    | ${[["metadata", "labels", "disktype"], "ssd"]}
    ${"a strategic patch replaces the taint list (kubectl taint)"}         | ${"application/strategic-merge-patch+json"}                | ${"/api/v1/nodes/node-1"} | ${{ spec: { taints: [{ effect: "NoSchedule", key: "dedicated", value: "infra" }] } }}                                                               | ${[["spec", "taints", 0, "key"], "dedicated"]}
    ${"a strategic patch with $setElementOrder sets an image (set image)"} | ${"application/strategic-merge-patch+json; charset=utf-8"} | ${`${dsPath}/patched`}    | ${{ spec: { template: { spec: { $setElementOrder_containers: [{ name: "patched" }], containers: [{ image: "nginx:1.27", name: "patched" }] } } } }} | ${[["spec", "template", "spec", "containers", 0, "image"], "nginx:1.27"]}
    ${"a JSON patch replaces a field"}                                     | ${"application/json-patch+json"}                           | ${"/api/v1/nodes/node-1"} | ${[{ op: "replace", path: "/spec/unschedulable", value: true }]}                                                                                    | ${[["spec", "unschedulable"], true]}
  `("$name", async ({ contentType, path, body, check }) => {
    const text = JSON.stringify(body).replace("$setElementOrder_containers", "$setElementOrder/containers");
    const reply = await send(server.base, "PATCH", path, { body: text, headers: patchHeaders(contentType) });
    const [field, expected] = check as [Array<string | number>, unknown];
    expect([reply.code, at(reply.body, ...field)]).toEqual([200, expected]);
  });

  it.each`
    name                                                    | contentType
    ${"a JSON content type is 415 UnsupportedMediaType"}    | ${"application/json"}
    ${"a missing content type is 415 UnsupportedMediaType"} | ${""}
    ${"a YAML content type is 415 UnsupportedMediaType"}    | ${"application/yaml"}
  `("$name", async ({ contentType }) => {
    const reply = await send(server.base, "PATCH", "/api/v1/nodes/node-1", {
      body: "{}",
      headers: contentType === "" ? {} : { "content-type": contentType },
    });
    expect(reply).toMatchObject({
      code: 415,
      body: {
        kind: "Status",
        status: "Failure",
        reason: "UnsupportedMediaType",
        code: 415,
        message:
          "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml",
      },
    });
  });

  it.each`
    name                                           | contentType                                 | body       | message
    ${"a merge patch that is not JSON is a 400"}   | ${"application/merge-patch+json"}           | ${"{nope"} | ${"Invalid JSON Patch"}
    ${"a JSON patch that is not a list is a 400"}  | ${"application/json-patch+json"}            | ${"{}"}    | ${"json: cannot unmarshal object into Go value of type jsonpatch.Patch"}
    ${"a strategic patch that is a list is a 400"} | ${"application/strategic-merge-patch+json"} | ${"[]"}    | ${"json: cannot unmarshal array into Go value of type map[string]interface {}"}
  `("$name", async ({ contentType, body, message }) => {
    const reply = await send(server.base, "PATCH", "/api/v1/nodes/node-1", {
      body,
      headers: { "content-type": contentType },
    });
    expect([reply.code, reply.body.reason, reply.body.message]).toEqual([400, "BadRequest", message]);
  });

  it("answers a patch of a missing object with NotFound", async () => {
    const reply = await send(server.base, "PATCH", "/api/v1/nodes/nope", {
      body: "{}",
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect([reply.code, reply.body.message]).toEqual([404, 'nodes "nope" not found']);
  });
});

describe("server-side apply", () => {
  const applyPath = `${dsPath}/applied?fieldManager=kubectl&fieldValidation=Strict&force=false`;

  it("creates with 201, then answers 200", async () => {
    const first = await send(server.base, "PATCH", applyPath, {
      body: daemonSetManifest("applied"),
      headers: patchHeaders("application/apply-patch+yaml"),
    });
    expect(first.code).toBe(201);
    const second = await send(server.base, "PATCH", applyPath, {
      body: daemonSetManifest("applied", "nginx:1.26"),
      headers: patchHeaders("application/apply-patch+yaml"),
    });
    expect(second.code).toBe(200);
    expect(at(second.body, "spec", "template", "spec", "containers", 0, "image")).toBe("nginx:1.26");
  });

  it("accepts a YAML apply configuration", async () => {
    const yaml = [
      "apiVersion: v1",
      "kind: Node",
      "metadata:",
      "  name: yaml-node",
      "  labels:",
      "    from: yaml",
    ].join("\n");
    const reply = await send(server.base, "PATCH", "/api/v1/nodes/yaml-node?fieldManager=me", {
      body: yaml,
      headers: { "content-type": "application/apply-patch+yaml" },
    });
    expect([reply.code, at(reply.body, "metadata", "labels")]).toEqual([201, { from: "yaml" }]);
  });

  it("refuses apply without fieldManager with upstream's 422, the User-Agent not standing in", async () => {
    const reply = await send(server.base, "PATCH", "/api/v1/nodes/x", {
      body: { apiVersion: "v1", kind: "Node", metadata: { name: "x" } },
      headers: patchHeaders("application/apply-patch+yaml"),
    });
    expect([reply.code, reply.body.message]).toEqual([
      422,
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    ]);
  });

  it("refuses unknown fields in an apply configuration as upstream's typed conversion does", async () => {
    const manifest = daemonSetManifest("typo");
    Object.assign(manifest.spec as object, { replicas: 3 });
    const reply = await send(
      server.base,
      "PATCH",
      `${dsPath}/typo?fieldManager=kubectl&fieldValidation=Ignore`,
      {
        body: manifest,
        headers: patchHeaders("application/apply-patch+yaml"),
      },
    );
    expect(reply).toMatchObject({ code: 500 });
    expect(reply.body).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message:
        "failed to create typed patch object (default/typo; apps/v1, Kind=DaemonSet): .spec.replicas: field not declared in schema",
      code: 500,
    });
  });

  it("refuses force on a non-apply patch with upstream's 422", async () => {
    const reply = await send(server.base, "PATCH", "/api/v1/nodes/node-1?force=true", {
      body: "{}",
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect([reply.code, reply.body.message]).toEqual([
      422,
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    ]);
  });
});

describe("field managers", () => {
  interface Recorded {
    method: string;
    fieldManager: string | undefined;
  }
  const recorded: Recorded[] = [];
  let spiedBase = "";
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const store = server.store;
    const spy = Object.create(store) as ApiClient;
    const overrides = spy as unknown as Record<string, unknown>;
    for (const method of ["create", "update", "updateStatus", "patch"] as const) {
      overrides[method] = (...parameters: unknown[]) => {
        const options = (method === "patch" ? parameters[3] : parameters[1]) as
          | { fieldManager?: string }
          | undefined;
        recorded.push({ method, fieldManager: options?.fieldManager });
        return (store[method] as (...values: unknown[]) => unknown).apply(store, parameters);
      };
    }
    // Hide patchWithOutcome so apply goes through the recorded patch.
    overrides.patchWithOutcome = undefined;
    const spied = createApiServer({ client: spy, clock: server.clock });
    spiedBase = (await spied.listen()).url;
    close = () => spied.close();
  });
  afterAll(() => close());

  it.each`
    name                                                                         | method     | path                              | query                             | agent                         | contentType                       | expected
    ${"a create without fieldManager is recorded under the User-Agent's prefix"} | ${"POST"}  | ${"/api/v1/nodes"}                | ${""}                             | ${kubectlAgent}               | ${"application/json"}             | ${{ method: "create", fieldManager: "kubectl" }}
    ${"a create with fieldManager uses it"}                                      | ${"POST"}  | ${"/api/v1/nodes"}                | ${"?fieldManager=kubectl-create"} | ${kubectlAgent}               | ${"application/json"}             | ${{ method: "create", fieldManager: "kubectl-create" }}
    ${"an update derives the manager from a client-node User-Agent"}             | ${"PUT"}   | ${"/api/v1/nodes/fm-node"}        | ${""}                             | ${"node-fetch/1.0"}           | ${"application/json"}             | ${{ method: "update", fieldManager: "node-fetch" }}
    ${"a status update derives it as well"}                                      | ${"PUT"}   | ${"/api/v1/nodes/fm-node/status"} | ${""}                             | ${"kube-scheduler/v1.32 (x)"} | ${"application/json"}             | ${{ method: "updateStatus", fieldManager: "kube-scheduler" }}
    ${"a merge patch without fieldManager uses the User-Agent's prefix"}         | ${"PATCH"} | ${"/api/v1/nodes/fm-node"}        | ${""}                             | ${kubectlAgent}               | ${"application/merge-patch+json"} | ${{ method: "patch", fieldManager: "kubectl" }}
  `("$name", async ({ method, path, query, agent, contentType, expected }) => {
    if (method !== "POST") {
      await server.store
        .get("Node", "fm-node")
        .catch(() => server.store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "fm-node" } }));
    }
    const current = method === "POST" ? undefined : await server.store.get("Node", "fm-node");
    const body =
      method === "PATCH"
        ? { metadata: { labels: { touched: "yes" } } }
        : method === "POST"
          ? { metadata: { generateName: "fm-" } }
          : current;
    recorded.length = 0;
    const headers: Record<string, string> = { "content-type": contentType };
    if (agent !== "") headers["user-agent"] = agent;
    const reply = await send(spiedBase, method, `${path}${query}`, { body, headers });
    expect(reply.code).toBeLessThan(300);
    expect(recorded).toEqual([expected]);
  });
});

describe("field validation", () => {
  function withUnknownField(name: string): DaemonSet {
    const manifest = daemonSetManifest(name);
    Object.assign(manifest.spec as object, { replicas: 3 });
    return manifest;
  }

  it("rejects an unknown field under Strict with upstream's message", async () => {
    const reply = await send(
      server.base,
      "POST",
      `${dsPath}?fieldManager=kubectl-create&fieldValidation=Strict`,
      {
        body: withUnknownField("strict"),
      },
    );
    expect(reply).toMatchObject({ code: 400 });
    expect(reply.body).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message:
        'DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas"',
      reason: "BadRequest",
      code: 400,
    });
  });

  it.each`
    name                                                                          | query                        | warning
    ${"warns about an unknown field by default and stores the object without it"} | ${""}                        | ${'299 - "unknown field \\"spec.replicas\\""'}
    ${"warns about an unknown field under Warn and stores the object without it"} | ${"?fieldValidation=Warn"}   | ${'299 - "unknown field \\"spec.replicas\\""'}
    ${"ignores an unknown field under Ignore and stores the object without it"}   | ${"?fieldValidation=Ignore"} | ${null}
  `("$name", async ({ query, warning }) => {
    const name = `fv-${query === "" ? "default" : query.split("=")[1]?.toLowerCase()}`;
    const reply = await send(server.base, "POST", `${dsPath}${query}`, { body: withUnknownField(name) });
    expect(reply.code).toBe(201);
    expect(reply.headers.get("warning")).toBe(warning);
    expect(Object.hasOwn(reply.body.spec as object, "replicas")).toBe(false);
  });

  it("rejects an unknown fieldValidation value with upstream's 422", async () => {
    const reply = await send(server.base, "POST", `${dsPath}?fieldValidation=Loose`, {
      body: daemonSetManifest("x"),
    });
    expect([reply.code, reply.body.message]).toEqual([
      422,
      'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"',
    ]);
  });

  it("rejects an unknown field in a strategic patch under Strict as upstream's patch handler does", async () => {
    await send(server.base, "POST", "/api/v1/nodes", { body: { metadata: { name: "fv-node" } } });
    const reply = await send(server.base, "PATCH", "/api/v1/nodes/fv-node?fieldValidation=Strict", {
      body: { spec: { unschedulable: true, colour: "red" } },
      headers: { "content-type": "application/strategic-merge-patch+json" },
    });
    expect([reply.code, reply.body.reason, reply.body.message]).toEqual([
      422,
      "Invalid",
      ' "" is invalid: patch: Invalid value: "map[spec:map[colour:red unschedulable:true]]": strict decoding error: unknown field "spec.colour"',
    ]);
  });

  it("accepts kubectl's $setElementOrder directive under Strict", async () => {
    await send(server.base, "POST", dsPath, { body: daemonSetManifest("directive") });
    const reply = await send(server.base, "PATCH", `${dsPath}/directive?fieldValidation=Strict`, {
      body: '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"directive"}],"containers":[{"image":"nginx:2","name":"directive"}]}}}}',
      headers: { "content-type": "application/strategic-merge-patch+json" },
    });
    expect(reply.code).toBe(200);
  });

  it("warns about an unknown field in a merge patch and leaves it out", async () => {
    const reply = await send(server.base, "PATCH", "/api/v1/nodes/fv-node", {
      body: { spec: { colour: "red" } },
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect([reply.code, reply.headers.get("warning")]).toEqual([
      200,
      '299 - "unknown field \\"spec.colour\\""',
    ]);
    expect(Object.hasOwn(reply.body.spec as object, "colour")).toBe(false);
  });
});

describe("subresources", () => {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web" },
    spec: { containers: [{ name: "web", image: "nginx" }] },
  };
  const createdStatus = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 };

  beforeAll(async () => {
    await send(server.base, "POST", "/api/v1/nodes", { body: { metadata: { name: "node-b" } } });
  });

  it("binds a pod with 201 and a Success Status", async () => {
    await send(server.base, "POST", "/api/v1/namespaces/default/pods", { body: pod });
    const reply = await send(server.base, "POST", "/api/v1/namespaces/default/pods/web/binding", {
      body: {
        apiVersion: "v1",
        kind: "Binding",
        metadata: { name: "web" },
        target: { kind: "Node", name: "node-b" },
      },
    });
    expect(reply).toMatchObject({ code: 201, body: createdStatus });
    expect(at(await server.store.get("Pod", "web", { namespace: "default" }), "spec", "nodeName")).toBe(
      "node-b",
    );
  });

  it("refuses a binding whose name differs from the URL", async () => {
    const reply = await send(server.base, "POST", "/api/v1/namespaces/default/pods/web/binding", {
      body: {
        apiVersion: "v1",
        kind: "Binding",
        metadata: { name: "other" },
        target: { kind: "Node", name: "node-b" },
      },
    });
    expect([reply.code, reply.body.message]).toEqual([
      400,
      "name in URL does not match name in Binding object",
    ]);
  });

  it("leaves the pod in place for a dry-run eviction", async () => {
    const reply = await send(server.base, "POST", "/api/v1/namespaces/default/pods/web/eviction", {
      body: {
        kind: "Eviction",
        apiVersion: "policy/v1",
        metadata: { name: "web", namespace: "default" },
        deleteOptions: { dryRun: ["All"] },
      },
    });
    expect(reply).toMatchObject({ code: 201, body: createdStatus });
    expect(
      (await server.store.get("Pod", "web", { namespace: "default" })).metadata?.deletionTimestamp,
    ).toBeUndefined();
  });

  it("evicts a pod as drain does, answering 201 and a Success Status", async () => {
    const reply = await send(server.base, "POST", "/api/v1/namespaces/default/pods/web/eviction", {
      body: {
        kind: "Eviction",
        apiVersion: "policy/v1",
        metadata: { name: "web", namespace: "default", creationTimestamp: null },
        deleteOptions: {},
      },
    });
    expect(reply).toEqual({ code: 201, headers: reply.headers, body: createdStatus });
    const after = await server.store.get("Pod", "web", { namespace: "default" }).catch(() => undefined);
    expect(after === undefined || after.metadata?.deletionTimestamp !== undefined).toBe(true);
  });
});

describe("delete propagation", () => {
  function heldDaemonSet(name: string): DaemonSet {
    const manifest = daemonSetManifest(name);
    Object.assign(manifest.metadata as object, { finalizers: ["example.com/hold"] });
    return manifest;
  }

  it.each`
    name                                                                                       | body                                   | code   | kind
    ${"a Foreground delete answers 200 with the object pending on its finalizer"}              | ${{ propagationPolicy: "Foreground" }} | ${200} | ${"DaemonSet"}
    ${"a pending delete with orphanDependents false answers 202 with the object, as upstream"} | ${{ orphanDependents: false }}         | ${202} | ${"DaemonSet"}
    ${"a Background delete of a DaemonSet answers 200 with a Success Status"}                  | ${{ propagationPolicy: "Background" }} | ${200} | ${"Status"}
  `("$name", async ({ body, code, kind }) => {
    const name = `gone-${code}-${kind}-${Object.keys(body)[0]}`.toLowerCase();
    const held = kind === "Status" ? daemonSetManifest(name) : heldDaemonSet(name);
    expect((await send(server.base, "POST", dsPath, { body: held })).code).toBe(201);
    const reply = await send(server.base, "DELETE", `${dsPath}/${name}`, { body });
    expect([reply.code, reply.body.kind]).toEqual([code, kind]);
  });

  it("refuses propagationPolicy together with orphanDependents", async () => {
    const reply = await send(server.base, "DELETE", `${dsPath}/whatever`, {
      body: { propagationPolicy: "Orphan", orphanDependents: true },
    });
    expect(reply.code).toBe(400);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test-server.js";
import { fromHex, int, kubernetesBody, message, string, time } from "./protobuf-test-encoder.js";

const protobuf = "application/vnd.kubernetes.protobuf";

/** `kubectl create namespace team`, as kubectl v1.32.4 sent it. */
const namespaceBody = fromHex(
  "6b3873000a0f0a02763112094e616d657370616365121c0a140a047465616d12001a0022002a0032003800420012001a020a001a002200",
);
/** `kubectl create deployment web --image=nginx`, as kubectl v1.32.4 sent it. */
const deploymentBody = fromHex(
  "6b3873000a150a07617070732f7631120a4465706c6f796d656e7412ab010a1f0a0377656212001a0022002a003200380042005a0a0a036170701203776562127a0801120c0a0a0a0361707012037765621a600a1c0a0012001a0022002a003200380042005a0a0a036170701203776562124012220a056e67696e7812056e67696e782a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200",
);

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started(options: { maxBodyBytes?: number } = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

interface Reply {
  readonly code: number;
  readonly body: Record<string, unknown>;
}

async function request(
  server: TestServer,
  method: string,
  path: string,
  body: Uint8Array | string,
  contentType: string,
): Promise<Reply> {
  const response = await fetch(`${server.base}${path}`, {
    method,
    body,
    headers: {
      "content-type": contentType,
      "user-agent": "kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd",
    },
  });
  return { code: response.status, body: (await response.json()) as Record<string, unknown> };
}

function badRequest(text: string): Record<string, unknown> {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: text,
    reason: "BadRequest",
    code: 400,
  };
}

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web-1", namespace: "default" },
  spec: { containers: [{ name: "nginx", image: "nginx" }] },
};

async function withPod(server: TestServer): Promise<void> {
  const node = { apiVersion: "v1", kind: "Node", metadata: { name: "node-1" } };
  expect(
    (await request(server, "POST", "/api/v1/nodes", JSON.stringify(node), "application/json")).code,
  ).toBe(201);
  const created = await request(
    server,
    "POST",
    "/api/v1/namespaces/default/pods",
    JSON.stringify(pod),
    "application/json",
  );
  expect(created.code).toBe(201);
}

describe("protobuf request bodies", () => {
  it.each([
    {
      name: "a Namespace",
      path: "/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict",
      body: namespaceBody,
      json: {
        kind: "Namespace",
        apiVersion: "v1",
        metadata: { name: "team", creationTimestamp: null },
        spec: {},
        status: {},
      },
    },
    {
      name: "a Deployment",
      path: "/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-create&fieldValidation=Strict",
      body: deploymentBody,
      json: {
        kind: "Deployment",
        apiVersion: "apps/v1",
        metadata: { name: "web", creationTimestamp: null, labels: { app: "web" } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: "web" } },
          template: {
            metadata: { creationTimestamp: null, labels: { app: "web" } },
            spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] },
          },
          strategy: {},
        },
        status: {},
      },
    },
  ])("creates $name exactly as the same object sent as JSON does", async ({ path, body, json }) => {
    const viaProtobuf = await started();
    const viaJson = await started();
    const fromProtobuf = await request(viaProtobuf, "POST", path, body, protobuf);
    const fromJson = await request(viaJson, "POST", path, JSON.stringify(json), "application/json");
    expect(fromProtobuf.code).toBe(201);
    expect(fromProtobuf).toEqual(fromJson);
  });

  it("updates with a protobuf PUT", async () => {
    const server = await started();
    await request(server, "POST", "/api/v1/namespaces", namespaceBody, protobuf);
    const update = kubernetesBody(
      "v1",
      "Namespace",
      message(1, string(1, "team"), time(8), message(11, string(1, "tier"), string(2, "web"))),
    );
    const reply = await request(server, "PUT", "/api/v1/namespaces/team", update, protobuf);
    expect([reply.code, (reply.body.metadata as Record<string, unknown>).labels]).toEqual([
      200,
      { "kubernetes.io/metadata.name": "team", tier: "web" },
    ]);
  });

  it("deletes with protobuf DeleteOptions (kubectl drain --disable-eviction)", async () => {
    const server = await started();
    await withPod(server);
    const options = kubernetesBody("v1", "DeleteOptions", int(1, 0));
    const reply = await request(server, "DELETE", "/api/v1/namespaces/default/pods/web-1", options, protobuf);
    expect([reply.code, reply.body.kind]).toEqual([200, "Pod"]);
    expect(await server.store.list("Pod", { namespace: "default" })).toMatchObject({ items: [] });
  });

  it("binds a pod with a protobuf Binding", async () => {
    const server = await started();
    await withPod(server);
    const binding = kubernetesBody(
      "v1",
      "Binding",
      message(1, string(1, "web-1"), string(3, "default"), time(8)),
      message(2, string(1, "Node"), string(3, "node-1")),
    );
    const reply = await request(
      server,
      "POST",
      "/api/v1/namespaces/default/pods/web-1/binding",
      binding,
      protobuf,
    );
    expect(reply).toEqual({
      code: 201,
      body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 },
    });
    const bound = (await server.store.get("Pod", "web-1", { namespace: "default" })) as {
      spec: { nodeName?: string };
    };
    expect(bound.spec.nodeName).toBe("node-1");
  });

  it("evicts a pod with a protobuf Eviction", async () => {
    const server = await started();
    await withPod(server);
    const eviction = kubernetesBody(
      "policy/v1",
      "Eviction",
      message(1, string(1, "web-1"), string(3, "default"), time(8)),
      message(2),
    );
    const reply = await request(
      server,
      "POST",
      "/api/v1/namespaces/default/pods/web-1/eviction",
      eviction,
      protobuf,
    );
    expect(reply.code).toBe(201);
    expect(await server.store.list("Pod", { namespace: "default" })).toMatchObject({ items: [] });
  });

  it.each([
    {
      name: "a malformed protobuf body is a 400 Status",
      method: "POST",
      path: "/api/v1/namespaces",
      body: Uint8Array.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff]),
      code: 400,
      expected: badRequest(
        "the object provided is unrecognized (must be of type Namespace): unexpected EOF (6b3873000aff)",
      ),
    },
    {
      name: "a protobuf Pod sent to the namespaces collection is refused as the JSON path refuses it",
      method: "POST",
      path: "/api/v1/namespaces",
      body: kubernetesBody("v1", "Pod", message(1, string(1, "p"))),
      code: 400,
      expected: badRequest(
        'the object provided is unrecognized (must be of type Namespace): Pod in version "v1"',
      ),
    },
    {
      name: "a protobuf DELETE body that is not DeleteOptions",
      method: "DELETE",
      path: "/api/v1/namespaces/team",
      body: namespaceBody,
      code: 400,
      expected: badRequest(
        'Namespace in version "v1" cannot be handled as a DeleteOptions: no kind "Namespace" is registered for version "v1"',
      ),
    },
  ])("answers $name", async ({ method, path, body, code, expected }) => {
    const server = await started();
    expect(await request(server, method, path, body, protobuf)).toEqual({ code, body: expected });
  });

  it("answers a protobuf PATCH with the 415 any unknown patch type gets", async () => {
    const server = await started();
    await request(server, "POST", "/api/v1/namespaces", namespaceBody, protobuf);
    const asProtobuf = await request(server, "PATCH", "/api/v1/namespaces/team", namespaceBody, protobuf);
    const asOther = await request(
      server,
      "PATCH",
      "/api/v1/namespaces/team",
      namespaceBody,
      "application/x-other",
    );
    expect([asProtobuf.code, asProtobuf.body.message]).toEqual([415, asOther.body.message]);
  });

  it("applies the body size limit to protobuf bodies (413)", async () => {
    const server = await started({ maxBodyBytes: 64 });
    const reply = await request(server, "POST", "/api/v1/namespaces", deploymentBody, protobuf);
    expect([reply.code, reply.body.message]).toEqual([413, "Request entity too large: limit is 64"]);
  });
});

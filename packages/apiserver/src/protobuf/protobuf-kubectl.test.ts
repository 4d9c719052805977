import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type KubectlResult, KubectlSandbox } from "../test-kubectl.js";
import { startTestServer, type TestServer } from "../test-server.js";

let sandbox: KubectlSandbox;
const servers: TestServer[] = [];
beforeAll(async () => {
  sandbox = await KubectlSandbox.create("kubesim-kubectl-protobuf-");
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await sandbox.remove();
});

async function started(): Promise<TestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

/** Runs the real kubectl against `server`. */
function kubectl(server: TestServer, ...args: string[]): Promise<KubectlResult> {
  return sandbox.run(server.base, args);
}

describe("the real kubectl's protobuf writes", () => {
  it.each([
    {
      name: "creates a namespace",
      args: ["create", "namespace", "team"],
      stdout: "namespace/team created\n",
      kind: "Namespace",
      objectName: "team",
      namespace: undefined,
    },
    {
      name: "creates a deployment",
      args: ["create", "deployment", "web", "--image=nginx"],
      stdout: "deployment.apps/web created\n",
      kind: "Deployment",
      objectName: "web",
      namespace: "default",
    },
    {
      name: "creates a ClusterIP service",
      args: ["create", "service", "clusterip", "web", "--tcp=80:80"],
      stdout: "service/web created\n",
      kind: "Service",
      objectName: "web",
      namespace: "default",
    },
  ])("$name (protobuf) and stores what `create -f` of its JSON stores", async (row) => {
    const viaProtobuf = await started();
    const viaJson = await started();
    const dryRun = await kubectl(viaJson, ...row.args, "--dry-run=client", "-o", "json");
    const file = await sandbox.writeManifest(`${row.kind}.json`, dryRun.stdout);
    const created = await kubectl(viaProtobuf, ...row.args);
    const fromFile = await kubectl(viaJson, "create", "-f", file);
    expect([created, fromFile]).toEqual([
      { code: 0, stdout: row.stdout, stderr: "" },
      { code: 0, stdout: row.stdout, stderr: "" },
    ]);
    const scope = row.namespace === undefined ? {} : { namespace: row.namespace };
    expect(await viaProtobuf.store.get(row.kind, row.objectName, scope)).toEqual(
      await viaJson.store.get(row.kind, row.objectName, scope),
    );
  });

  it("drains with --disable-eviction, deleting pods with protobuf DeleteOptions", async () => {
    const server = await started();
    await server.store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1" } });
    await server.store.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p1", namespace: "default" },
      spec: { nodeName: "node-1", containers: [{ name: "c", image: "nginx" }] },
    });
    const drained = await kubectl(
      server,
      "drain",
      "node-1",
      "--force",
      "--disable-eviction",
      "--grace-period=0",
    );
    expect(drained).toEqual({
      code: 0,
      stdout: "node/node-1 cordoned\npod/p1 deleted\nnode/node-1 drained\n",
      stderr: "Warning: deleting Pods that declare no controller: default/p1\n",
    });
    expect(await server.store.list("Pod", {})).toMatchObject({ items: [] });
  });

  it("gets the 404 for a kind kubesim does not serve (a ConfigMap), not a decoding error", async () => {
    const server = await started();
    expect(await kubectl(server, "create", "configmap", "settings", "--from-literal=a=b")).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: failed to create configmap: the server could not find the requested resource\n",
    });
  });
});

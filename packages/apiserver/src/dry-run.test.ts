import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KubectlResult, KubectlSandbox } from "./test-kubectl.js";
import { at, daemonSetManifest, send, startTestServer, type TestServer } from "./test-server.js";

const dsPath = "/apis/apps/v1/namespaces/default/daemonsets";
const podPath = "/api/v1/namespaces/default/pods";
const json = { "content-type": "application/json" };

let server: TestServer;
let sandbox: KubectlSandbox;
beforeAll(async () => {
  server = await startTestServer();
  sandbox = await KubectlSandbox.create();
  await send(server.base, "POST", "/api/v1/nodes", { body: { metadata: { name: "node-1" } } });
  await send(server.base, "POST", dsPath, { body: daemonSetManifest("stored") });
  await send(server.base, "POST", podPath, {
    body: {
      metadata: { name: "web" },
      spec: { nodeName: "node-1", containers: [{ name: "web", image: "nginx:1.27" }] },
    },
  });
});
afterAll(async () => {
  await server.close();
  await sandbox.remove();
});

function kubectl(...args: string[]): Promise<KubectlResult> {
  return sandbox.run(server.base, args);
}

/** The stored object of a path, as JSON text (compared before and after a dry run). */
async function stored(path: string): Promise<string> {
  return JSON.stringify((await send(server.base, "GET", path)).body);
}

describe("dryRun=All over HTTP", () => {
  it.each`
    name                                                                                    | method      | path                                               | headers                                               | body                                                                                                                                           | code   | field                                                     | expected
    ${"a dry-run create answers 201 with uid and creationTimestamp but no resourceVersion"} | ${"POST"}   | ${`${dsPath}?dryRun=All`}                          | ${json}                                               | ${daemonSetManifest("dry")}                                                                                                                    | ${201} | ${["metadata", "resourceVersion"]}                        | ${undefined}
    ${"a dry-run create answers the defaulted object (generation 1)"}                       | ${"POST"}   | ${`${dsPath}?dryRun=All`}                          | ${json}                                               | ${daemonSetManifest("dry")}                                                                                                                    | ${201} | ${["metadata", "generation"]}                             | ${1}
    ${"a dry-run update answers the updated object with the stored resourceVersion"}        | ${"PUT"}    | ${`${dsPath}/stored?dryRun=All`}                   | ${json}                                               | ${daemonSetManifest("stored", "nginx:1.27")}                                                                                                   | ${200} | ${["spec", "template", "spec", "containers", 0, "image"]} | ${"nginx:1.27"}
    ${"a dry-run merge patch answers the patched object"}                                   | ${"PATCH"}  | ${"/api/v1/nodes/node-1?dryRun=All"}               | ${{ "content-type": "application/merge-patch+json" }} | ${{ metadata: { labels: { disktype: "ssd" } } }}                                                                                               | ${200} | ${["metadata", "labels", "disktype"]}                     | ${"ssd"}
    ${"a dry-run server-side apply of a missing object answers 201"}                        | ${"PATCH"}  | ${`${dsPath}/dry?dryRun=All&fieldManager=kubectl`} | ${{ "content-type": "application/apply-patch+yaml" }} | ${JSON.stringify(daemonSetManifest("dry"))}                                                                                                    | ${201} | ${["metadata", "managedFields", 0, "manager"]}            | ${"kubectl"}
    ${"a dry-run status update answers the new status"}                                     | ${"PUT"}    | ${`${dsPath}/stored/status?dryRun=All`}            | ${json}                                               | ${{ ...daemonSetManifest("stored"), status: { currentNumberScheduled: 3, desiredNumberScheduled: 3, numberMisscheduled: 0, numberReady: 0 } }} | ${200} | ${["status", "desiredNumberScheduled"]}                   | ${3}
    ${"a dry-run delete of a bound pod answers it with a deletionTimestamp"}                | ${"DELETE"} | ${`${podPath}/web?dryRun=All`}                     | ${json}                                               | ${{}}                                                                                                                                          | ${200} | ${["metadata", "deletionTimestamp"]}                      | ${"2026-11-29T19:22:00Z"}
    ${"a delete with dryRun in its DeleteOptions body is a dry run too"}                    | ${"DELETE"} | ${`${podPath}/web`}                                | ${json}                                               | ${{ kind: "DeleteOptions", apiVersion: "v1", dryRun: ["All"] }}                                                                                | ${200} | ${["metadata", "deletionGracePeriodSeconds"]}             | ${30}
    ${"a dry-run delete of a DaemonSet answers a Success Status"}                           | ${"DELETE"} | ${`${dsPath}/stored?dryRun=All`}                   | ${json}                                               | ${{ propagationPolicy: "Background" }}                                                                                                         | ${200} | ${["status"]}                                             | ${"Success"}
  `("$name, and stores nothing", async ({ method, path, headers, body, code, field, expected }) => {
    const paths = [dsPath, "/api/v1/nodes", podPath];
    const before = await Promise.all(paths.map(stored));
    const revision = server.store.resourceVersion;
    const reply = await send(server.base, method, path, { headers, body });
    expect([reply.code, at(reply.body, ...(field as Array<string | number>))]).toEqual([code, expected]);
    expect(await Promise.all(paths.map(stored))).toEqual(before);
    expect(server.store.resourceVersion).toBe(revision);
  });

  it.each`
    name                                                                         | method      | path                                   | body                                                         | code   | message
    ${"a dry-run create of an existing object is 409 AlreadyExists"}             | ${"POST"}   | ${`${dsPath}?dryRun=All`}              | ${daemonSetManifest("stored")}                               | ${409} | ${'daemonsets.apps "stored" already exists'}
    ${"a dry-run update with a stale resourceVersion is 409 Conflict"}           | ${"PUT"}    | ${"/api/v1/nodes/node-1?dryRun=All"}   | ${{ metadata: { name: "node-1", resourceVersion: "1" } }}    | ${409} | ${'Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again'}
    ${"a dry-run delete of a missing object is 404 NotFound"}                    | ${"DELETE"} | ${"/api/v1/nodes/missing?dryRun=All"}  | ${{}}                                                        | ${404} | ${'nodes "missing" not found'}
    ${"a dryRun value other than All is 400"}                                    | ${"POST"}   | ${`${dsPath}?dryRun=Nope`}             | ${daemonSetManifest("dry")}                                  | ${400} | ${'dryRun: Unsupported value: "Nope": supported values: "All"'}
    ${"a DeleteOptions dryRun value other than All is 400"}                      | ${"DELETE"} | ${"/api/v1/nodes/node-1"}              | ${{ dryRun: ["Some"] }}                                      | ${400} | ${'dryRun: Unsupported value: "Some": supported values: "All"'}
    ${"a dry-run binding is refused: the client cannot bind without committing"} | ${"POST"}   | ${`${podPath}/web/binding?dryRun=All`} | ${{ metadata: { name: "web" }, target: { name: "node-1" } }} | ${400} | ${"dryRun=All is not supported by kubesim: the request was not applied"}
  `("$name", async ({ method, path, body, code, message }) => {
    const revision = server.store.resourceVersion;
    const reply = await send(server.base, method, path, { headers: json, body });
    expect([reply.code, reply.body.message]).toEqual([code, message]);
    expect(server.store.resourceVersion).toBe(revision);
  });
});

describe("kubectl --dry-run=server", () => {
  it("apply --dry-run=server prints `created (server dry run)` and creates nothing", async () => {
    const file = await sandbox.writeManifest("nginx.json", daemonSetManifest("nginx"));
    const applied = await kubectl("apply", "--dry-run=server", "-f", file);
    const got = await kubectl("get", "ds", "nginx");
    expect([applied, got]).toEqual([
      { code: 0, stdout: "daemonset.apps/nginx created (server dry run)\n", stderr: "" },
      { code: 1, stdout: "", stderr: 'Error from server (NotFound): daemonsets.apps "nginx" not found\n' },
    ]);
  });

  it.each`
    name                                                                  | args                                                                             | stdout
    ${"apply of a changed manifest prints `configured (server dry run)`"} | ${["apply", "--dry-run=server", "-f", "@changed"]}                               | ${"daemonset.apps/kept configured (server dry run)\n"}
    ${"label prints `labeled (server dry run)`"}                          | ${["label", "node", "node-1", "disktype=ssd", "--dry-run=server"]}               | ${"node/node-1 labeled (server dry run)\n"}
    ${"taint prints `tainted` (kubectl's taint adds no dry-run suffix)"}  | ${["taint", "node", "node-1", "dedicated=infra:NoSchedule", "--dry-run=server"]} | ${"node/node-1 tainted\n"}
    ${"set image prints `image updated (server dry run)`"}                | ${["set", "image", "ds/kept", "kept=nginx:1.28", "--dry-run=server"]}            | ${"daemonset.apps/kept image updated (server dry run)\n"}
    ${"delete prints `deleted (server dry run)`"}                         | ${["delete", "ds", "kept", "--dry-run=server"]}                                  | ${'daemonset.apps "kept" deleted (server dry run)\n'}
  `("$name and changes nothing", async ({ args, stdout }) => {
    const ds = await sandbox.writeManifest("kept.json", daemonSetManifest("kept"));
    const changed = await sandbox.writeManifest("kept-changed.json", daemonSetManifest("kept", "nginx:1.27"));
    const prepared = await kubectl("apply", "-f", ds);
    expect(prepared.code).toBe(0);
    const before = [await stored(`${dsPath}/kept`), await stored("/api/v1/nodes/node-1")];
    const revision = server.store.resourceVersion;
    const files: Record<string, string> = { "@ds": ds, "@changed": changed };
    const result = await kubectl(...(args as string[]).map((arg) => files[arg] ?? arg));
    expect(result).toEqual({ code: 0, stdout, stderr: "" });
    expect([await stored(`${dsPath}/kept`), await stored("/api/v1/nodes/node-1")]).toEqual(before);
    expect(server.store.resourceVersion).toBe(revision);
  });

  it("server-side apply --dry-run=server prints `serverside-applied (server dry run)` and changes nothing", async () => {
    const file = await sandbox.writeManifest("ssa.json", daemonSetManifest("ssa"));
    const changed = await sandbox.writeManifest("ssa-changed.json", daemonSetManifest("ssa", "nginx:1.27"));
    expect((await kubectl("apply", "--server-side", "-f", file)).code).toBe(0);
    const before = await stored(`${dsPath}/ssa`);
    const revision = server.store.resourceVersion;
    expect(await kubectl("apply", "--server-side", "--dry-run=server", "-f", changed)).toEqual({
      code: 0,
      stdout: "daemonset.apps/ssa serverside-applied (server dry run)\n",
      stderr: "",
    });
    expect(await stored(`${dsPath}/ssa`)).toBe(before);
    expect(server.store.resourceVersion).toBe(revision);
  });

  it("create --dry-run=server of an existing object fails with AlreadyExists, as the real create", async () => {
    const file = await sandbox.writeManifest("exists.json", daemonSetManifest("stored"));
    expect(await kubectl("create", "--dry-run=server", "-f", file)).toEqual({
      code: 1,
      stdout: "",
      stderr: `Error from server (AlreadyExists): error when creating "${file}": daemonsets.apps "stored" already exists\n`,
    });
  });

  it("create --dry-run=server of a new object prints `created (server dry run)`", async () => {
    const file = await sandbox.writeManifest("fresh.json", daemonSetManifest("fresh"));
    const created = await kubectl("create", "--dry-run=server", "-f", file);
    const got = await kubectl("get", "ds", "fresh", "-o", "name");
    expect([created, got.code]).toEqual([
      { code: 0, stdout: "daemonset.apps/fresh created (server dry run)\n", stderr: "" },
      1,
    ]);
  });
});

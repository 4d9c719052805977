import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KubectlResult, KubectlSandbox } from "./test-kubectl.js";
import { daemonSetManifest, send, startTestServer, type TestServer } from "./test-server.js";

let server: TestServer;
let sandbox: KubectlSandbox;
beforeAll(async () => {
  server = await startTestServer();
  sandbox = await KubectlSandbox.create();
});
afterAll(async () => {
  await server.close();
  await sandbox.remove();
});

/** Runs the real kubectl against the test server. */
function kubectl(...args: string[]): Promise<KubectlResult> {
  return sandbox.run(server.base, args);
}

describe("the real kubectl", () => {
  it("creates a DaemonSet from a file with strict validation", async () => {
    const file = await sandbox.writeManifest("ds.json", daemonSetManifest("nginx"));
    expect(await kubectl("create", "-f", file)).toEqual({
      code: 0,
      stdout: "daemonset.apps/nginx created\n",
      stderr: "",
    });
  });

  it("lists DaemonSets across namespaces from the server-side Table", async () => {
    server.clock.advance(3000);
    expect(await kubectl("get", "ds", "-A")).toEqual({
      code: 0,
      stdout: [
        "NAMESPACE   NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
        "default     nginx   0         0         0       0            0           <none>          3s",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("rejects an unknown field with upstream's strict decoding error", async () => {
    const manifest = daemonSetManifest("typo");
    Object.assign(manifest.spec as object, { replicas: 3 });
    const file = await sandbox.writeManifest("typo.json", manifest);
    expect(await kubectl("create", "-f", file)).toEqual({
      code: 1,
      stdout: "",
      stderr: `Error from server (BadRequest): error when creating "${file}": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas"\n`,
    });
  });

  it("applies server-side twice", async () => {
    const file = await sandbox.writeManifest("ssa.json", daemonSetManifest("ssa"));
    const expected = { code: 0, stdout: "daemonset.apps/ssa serverside-applied\n", stderr: "" };
    expect(await kubectl("apply", "--server-side", "-f", file)).toEqual(expected);
    expect(await kubectl("apply", "--server-side", "-f", file)).toEqual(expected);
  });

  it("lists every kind in category all with get all", async () => {
    expect(await kubectl("get", "all")).toEqual({
      code: 0,
      stdout: [
        "NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
        "daemonset.apps/nginx   0         0         0       0            0           <none>          3s",
        "daemonset.apps/ssa     0         0         0       0            0           <none>          0s",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("sorts with --sort-by, which needs whole objects in the Table rows", async () => {
    const result = await kubectl("get", "ds", "--sort-by=.metadata.name", "-o", "name");
    expect(result).toEqual({ code: 0, stdout: "daemonset.apps/nginx\ndaemonset.apps/ssa\n", stderr: "" });
    const table = await kubectl("get", "ds", "--sort-by=.metadata.name");
    expect([table.code, table.stdout.split("\n").length]).toEqual([0, 4]);
  });

  it("labels a DaemonSet with a merge patch", async () => {
    expect(await kubectl("label", "ds", "nginx", "tier=web")).toEqual({
      code: 0,
      stdout: "daemonset.apps/nginx labeled\n",
      stderr: "",
    });
  });

  it("watches a DaemonSet with get -w and prints each change as a row", async () => {
    const child = await sandbox.start(server.base, ["get", "ds", "nginx", "-w"]);
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    try {
      await expect.poll(() => stdout.split("\n").length, { timeout: 15_000 }).toBe(3);
      await send(server.base, "PATCH", "/apis/apps/v1/namespaces/default/daemonsets/nginx", {
        body: { metadata: { labels: { step: "1" } } },
        headers: { "content-type": "application/merge-patch+json" },
      });
      await expect.poll(() => stdout.split("\n").length, { timeout: 15_000 }).toBe(4);
      expect(stdout.split("\n").slice(1, 3)).toEqual([
        "nginx   0         0         0       0            0           <none>          3s",
        "nginx   0         0         0       0            0           <none>          3s",
      ]);
    } finally {
      child.kill();
    }
  }, 40_000);

  it("deletes a DaemonSet and waits for it to go", async () => {
    expect(await kubectl("delete", "ds", "nginx")).toEqual({
      code: 0,
      stdout: 'daemonset.apps "nginx" deleted\n',
      stderr: "",
    });
  });
});

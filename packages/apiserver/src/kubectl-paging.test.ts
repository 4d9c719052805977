import type { Pod } from "@kubesim/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KubectlSandbox } from "./test-kubectl.js";
import { startTestServer, type TestServer } from "./test-server.js";

const namespaces = ["default", "team-a", "team-b"];
const podsPerNamespace = 400;

let server: TestServer;
let sandbox: KubectlSandbox;
let expectedNames: string[];
beforeAll(async () => {
  server = await startTestServer();
  sandbox = await KubectlSandbox.create();
  expectedNames = [];
  for (const namespace of namespaces) {
    if (namespace !== "default") {
      await server.store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });
    }
    for (let index = 0; index < podsPerNamespace; index++) {
      const name = `pod-${String(index).padStart(4, "0")}`;
      await server.store.create({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name, namespace },
        spec: { containers: [{ name: "app", image: "nginx" }] },
      } as Pod);
      expectedNames.push(`${namespace} ${name}`);
    }
  }
});
afterAll(async () => {
  await server.close();
  await sandbox.remove();
});

describe("the real kubectl pages lists over 500 objects (limit=500 and continue)", () => {
  it("lists all 1,200 pods across namespaces from three Table pages cut from one store list", async () => {
    // Counts the store lists behind the pages: kubectl sends limit=500, then the continue
    // tokens, which are answered from the first page's kept list.
    const { store } = server;
    const list = store.list.bind(store);
    let lists = 0;
    Object.assign(store, {
      list: (...args: Parameters<typeof list>) => {
        lists++;
        return list(...args);
      },
    });
    const result = await sandbox.run(server.base, ["get", "pods", "-A", "--no-headers"]);
    Reflect.deleteProperty(store, "list");
    const rows = result.stdout
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.split(/\s+/).slice(0, 2).join(" "));
    expect([result.code, result.stderr, lists, rows.length, rows]).toEqual([0, "", 1, 1200, expectedNames]);
  });

  it("lists all 1,200 pod names with -o name", async () => {
    const result = await sandbox.run(server.base, ["get", "pods", "-A", "-o", "name"]);
    const lines = result.stdout.split("\n").filter((line) => line !== "");
    expect([result.code, result.stderr, lines.length, new Set(lines).size, lines[0], lines[1199]]).toEqual([
      0,
      "",
      1200,
      400,
      "pod/pod-0000",
      "pod/pod-0399",
    ]);
  });

  it("lists one namespace's 400 pods with --chunk-size=150", async () => {
    const result = await sandbox.run(server.base, [
      "get",
      "pods",
      "-n",
      "team-b",
      "--chunk-size=150",
      "-o",
      "name",
    ]);
    const lines = result.stdout.split("\n").filter((line) => line !== "");
    expect([result.code, lines.length, new Set(lines).size]).toEqual([0, 400, 400]);
  });
});

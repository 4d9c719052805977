import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createHttpApiClient, loadKubeconfig } from "./index.js";
import { makePod, serveStore } from "./test-fixtures.js";

describe("the README example", () => {
  it("lists nodes and watches pods through a kubeconfig context", async () => {
    const served = await serveStore();
    const directory = mkdtempSync(join(tmpdir(), "kubesim-readme-"));
    try {
      const path = join(directory, "config");
      writeFileSync(
        path,
        `current-context: kubesim-demo
clusters: [{name: demo, cluster: {server: "${served.url}"}}]
contexts: [{name: kubesim-demo, context: {cluster: demo, namespace: default}}]
`,
      );
      const connection = loadKubeconfig({ env: { KUBECONFIG: path } });
      const client = createHttpApiClient({ ...connection, fieldManager: "my-controller" });
      const { items, resourceVersion } = await client.list("Node");
      const watch = await client.watch("Pod", { namespace: connection.namespace, resourceVersion });
      await served.store.create(makePod("web"));
      const seen: string[] = [];
      for await (const event of watch) {
        seen.push(`${event.type} ${event.object.metadata?.name}`);
        watch.close();
      }
      client.close();
      expect([items, seen]).toEqual([[], ["ADDED web"]]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
      await served.close();
    }
  });
});

import { AppsV1Api, KubeConfig, makeInformer, type V1DaemonSet } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daemonSetManifest, send, startTestServer, type TestServer } from "./test-server.js";

const dsPath = "/apis/apps/v1/namespaces/default/daemonsets";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function kubeConfigFor(url: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: "kubesim", server: url, skipTLSVerify: true }],
    users: [{ name: "kubesim" }],
    contexts: [{ name: "kubesim", cluster: "kubesim", user: "kubesim", namespace: "default" }],
    currentContext: "kubesim",
  });
  return config;
}

describe("@kubernetes/client-node informer", () => {
  it("sees every create, update and delete exactly once, in order", async () => {
    await send(server.base, "POST", dsPath, { body: daemonSetManifest("before") });
    const config = kubeConfigFor(server.base);
    const api = config.makeApiClient(AppsV1Api);
    const informer = makeInformer<V1DaemonSet>(config, dsPath, () =>
      api.listNamespacedDaemonSet({ namespace: "default" }),
    );
    const seen: string[] = [];
    const record = (verb: string) => (object: V1DaemonSet) => {
      seen.push(`${verb} ${object.metadata?.name} ${object.metadata?.labels?.step ?? "-"}`);
    };
    informer.on("add", record("add"));
    informer.on("update", record("update"));
    informer.on("delete", record("delete"));
    const errors: unknown[] = [];
    informer.on("error", (error) => errors.push(error));
    await informer.start();
    try {
      await send(server.base, "POST", dsPath, { body: daemonSetManifest("live") });
      for (const step of ["1", "2"]) {
        await send(server.base, "PATCH", `${dsPath}/live`, {
          body: { metadata: { labels: { step } } },
          headers: { "content-type": "application/merge-patch+json" },
        });
      }
      await send(server.base, "DELETE", `${dsPath}/live`);
      await send(server.base, "DELETE", `${dsPath}/before`);
      await expect.poll(() => seen.length, { timeout: 5000 }).toBe(6);
      expect(seen).toEqual([
        "add before -",
        "add live -",
        "update live 1",
        "update live 2",
        "delete live 2",
        "delete before -",
      ]);
      expect(errors).toEqual([]);
      expect(informer.list()).toEqual([]);
    } finally {
      await informer.stop();
    }
  });
});

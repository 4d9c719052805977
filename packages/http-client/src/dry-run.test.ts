import type { ApiClient, KubeObject } from "@kubesim/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpApiClient } from "./create-http-api-client.js";
import {
  makeDaemonSet,
  makePod,
  rejection,
  type ServedStore,
  serveStore,
  startFakeServer,
} from "./test-fixtures.js";

let served: ServedStore;
beforeEach(async () => {
  served = await serveStore();
  await served.store.create(makeDaemonSet("stored"));
  await served.store.create(makePod("web"));
});
afterEach(() => served.close());

const manager = { fieldManager: "kubectl" };

/** A write every ApiClient can run; `dryRun` is added to its options. */
const writes: Array<{ name: string; write: (client: ApiClient, dryRun: boolean) => Promise<unknown> }> = [
  {
    name: "create",
    write: (client, dryRun) => client.create(makeDaemonSet("fresh"), { ...manager, dryRun }),
  },
  {
    name: "update",
    write: async (client, dryRun) => {
      const stored = await client.get("DaemonSet", "stored", { namespace: "default" });
      return client.update(
        { ...stored, metadata: { ...stored.metadata, labels: { tier: "web" } } },
        { ...manager, dryRun },
      );
    },
  },
  {
    name: "updateStatus",
    write: async (client, dryRun) => {
      const stored = await client.get("DaemonSet", "stored", { namespace: "default" });
      const status = {
        currentNumberScheduled: 2,
        desiredNumberScheduled: 2,
        numberMisscheduled: 0,
        numberReady: 1,
      };
      return client.updateStatus({ ...stored, status }, { ...manager, dryRun });
    },
  },
  {
    name: "patch",
    write: (client, dryRun) =>
      client.patch(
        "DaemonSet",
        "stored",
        { metadata: { labels: { tier: "web" } } },
        {
          type: "merge",
          namespace: "default",
          ...manager,
          dryRun,
        },
      ),
  },
  {
    name: "server-side apply",
    write: (client, dryRun) =>
      client.patch("DaemonSet", "fresh", makeDaemonSet("fresh"), {
        type: "apply",
        namespace: "default",
        ...manager,
        dryRun,
      }),
  },
  {
    name: "delete of a pod",
    write: (client, dryRun) => client.delete("Pod", "web", { namespace: "default", dryRun }),
  },
  {
    name: "delete of a DaemonSet",
    write: (client, dryRun) => client.delete("DaemonSet", "stored", { namespace: "default", dryRun }),
  },
];

describe("dryRun over HTTP", () => {
  it.each(writes)(
    "a dry-run $name answers what the store's own dry run answers and stores nothing",
    async ({ write }) => {
      const { client, store } = served;
      const revision = store.resourceVersion;
      const overHttp = (await write(client, true)) as KubeObject;
      const inProcess = (await write(store, true)) as KubeObject;
      expect(overHttp).toEqual(inProcess);
      expect(store.resourceVersion).toBe(revision);
    },
  );

  it("a dry-run create of an existing object fails with AlreadyExists, as the real create", async () => {
    const error = await rejection(served.client.create(makeDaemonSet("stored"), { dryRun: true }));
    expect([error.status.code, error.status.message]).toEqual([
      409,
      'daemonsets.apps "stored" already exists',
    ]);
  });

  it.each`
    name                                                           | write                                                                                                        | url                                                                | body
    ${"create sends dryRun=All in the query"}                      | ${(client: ApiClient) => client.create(makePod("web"), { dryRun: true })}                                    | ${"/api/v1/namespaces/default/pods?dryRun=All"}                    | ${undefined}
    ${"patch sends dryRun=All after fieldManager"}                 | ${(client: ApiClient) => client.patch("Pod", "web", {}, { type: "merge", fieldManager: "m", dryRun: true })} | ${"/api/v1/namespaces/default/pods/web?fieldManager=m&dryRun=All"} | ${undefined}
    ${"delete sends dryRun in its DeleteOptions body, as kubectl"} | ${(client: ApiClient) => client.delete("Pod", "web", { dryRun: true })}                                      | ${"/api/v1/namespaces/default/pods/web"}                           | ${{ kind: "DeleteOptions", apiVersion: "v1", dryRun: ["All"] }}
    ${"a write without dryRun sends none"}                         | ${(client: ApiClient) => client.create(makePod("web"))}                                                      | ${"/api/v1/namespaces/default/pods"}                               | ${undefined}
  `("$name", async ({ write, url, body }) => {
    const fake = await startFakeServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(makePod("web")));
    });
    const client = createHttpApiClient({ server: fake.url });
    try {
      await (write as (client: ApiClient) => Promise<unknown>)(client);
      const request = fake.requests[0];
      expect(request?.url).toBe(url);
      if (body !== undefined) expect(JSON.parse(request?.body ?? "")).toEqual(body);
    } finally {
      client.close();
      await fake.close();
    }
  });
});

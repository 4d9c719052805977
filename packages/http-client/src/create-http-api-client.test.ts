import type { ApiClient, DaemonSet, Pod, Watch } from "@kubesim/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  makeDaemonSet,
  makePod,
  rejection,
  type ServedStore,
  serveStore,
  summarize,
  takeEvents,
} from "./test-fixtures.js";

let served: ServedStore;
const watches: Array<Watch<unknown>> = [];

beforeEach(async () => {
  served = await serveStore({ client: { fieldManager: "kubesim-test" } });
});

afterEach(async () => {
  for (const watch of watches.splice(0)) watch.close();
  await served.close();
});

async function openWatch<T>(promise: Promise<Watch<T>>): Promise<Watch<T>> {
  const watch = await promise;
  watches.push(watch as Watch<unknown>);
  return watch;
}

describe("createHttpApiClient against kubesim's API server", () => {
  it("reads objects exactly as the store holds them", async () => {
    const { client, store } = served;
    await store.create(makePod("web", { namespace: "kube-system" }));
    expect([
      await client.get("Namespace", "default"),
      await client.get("Pod", "web", { namespace: "kube-system" }),
    ]).toEqual([
      await store.get("Namespace", "default"),
      await store.get("Pod", "web", { namespace: "kube-system" }),
    ]);
  });

  it.each<{ name: string; call: (client: ApiClient) => Promise<unknown>; status: Record<string, unknown> }>([
    {
      name: "a missing object is NotFound",
      call: (client) => client.get("DaemonSet", "nope"),
      status: {
        message: 'daemonsets.apps "nope" not found',
        reason: "NotFound",
        code: 404,
        details: { name: "nope", group: "apps", kind: "daemonsets" },
      },
    },
    {
      name: "creating an object twice is AlreadyExists",
      call: async (client) => {
        await client.create(makePod("web"));
        return client.create(makePod("web"));
      },
      status: {
        message: 'pods "web" already exists',
        reason: "AlreadyExists",
        code: 409,
        details: { name: "web", group: "", kind: "pods" },
      },
    },
    {
      name: "an update with a stale resourceVersion is a Conflict",
      call: async (client) => {
        const created = await client.create(makePod("web"));
        await client.update({ ...created, metadata: { ...created.metadata, labels: { a: "1" } } });
        return client.update({ ...created, metadata: { ...created.metadata, labels: { a: "2" } } });
      },
      status: {
        message:
          'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
        reason: "Conflict",
        code: 409,
        details: { name: "web", group: "", kind: "pods" },
      },
    },
    {
      name: "an invalid object is Invalid with its causes",
      call: (client) => client.create(makeDaemonSet("bad", "other")),
      status: {
        message:
          'DaemonSet.apps "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
        reason: "Invalid",
        code: 422,
        details: {
          name: "bad",
          group: "apps",
          kind: "DaemonSet",
          causes: [
            {
              reason: "FieldValueInvalid",
              message:
                'Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
              field: "spec.template.metadata.labels",
            },
          ],
        },
      },
    },
    {
      name: "a kind outside the resource table is the server's unknown-resource 404",
      call: (client) => client.get("Widget", "w"),
      status: {
        message: "the server could not find the requested resource",
        reason: "NotFound",
        code: 404,
        details: {},
      },
    },
    {
      name: "an empty name is refused before any request",
      call: (client) => client.get("Pod", ""),
      status: { message: "resource name may not be empty", reason: "BadRequest", code: 400 },
    },
    {
      name: "a name that is not one path segment is refused before any request",
      call: (client) => client.delete("Pod", "a/b"),
      status: {
        message: "invalid resource name \"a/b\": [may not contain '/']",
        reason: "BadRequest",
        code: 400,
      },
    },
    {
      name: "a patch of a missing object is NotFound",
      call: (client) =>
        client.patch("Node", "ghost", { metadata: { labels: { a: "b" } } }, { type: "merge" }),
      status: {
        message: 'nodes "ghost" not found',
        reason: "NotFound",
        code: 404,
        details: { name: "ghost", group: "", kind: "nodes" },
      },
    },
    {
      name: "binding a bound pod is a Conflict",
      call: async (client) => {
        await client.create(makePod("web"));
        await client.bind({ metadata: { name: "web" }, target: { kind: "Node", name: "n1" } });
        return client.bind({ metadata: { name: "web" }, target: { kind: "Node", name: "n2" } });
      },
      status: {
        message:
          'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "n1"',
        reason: "Conflict",
        code: 409,
        details: { name: "web", group: "", kind: "pods/binding" },
      },
    },
    {
      name: "a delete whose uid precondition fails is a Conflict",
      call: async (client) => {
        await client.create(makeDaemonSet("ds"));
        return client.delete("DaemonSet", "ds", { preconditions: { uid: "not-the-uid" } });
      },
      status: {
        message: expect.stringMatching(
          /^Operation cannot be fulfilled on DaemonSet\.apps "ds": the UID in the precondition \(not-the-uid\) does not match the UID in record \([0-9a-f-]{36}\)\. The object might have been deleted and then recreated$/,
        ),
        reason: "Conflict",
        code: 409,
        details: { name: "ds", group: "apps", kind: "DaemonSet" },
      },
    },
  ])("rejects with the server's Status: $name", async ({ call, status }) => {
    const error = await rejection(call(served.client));
    expect(error.status).toEqual({
      apiVersion: "v1",
      kind: "Status",
      metadata: {},
      status: "Failure",
      ...status,
    });
  });

  it.each([
    {
      name: "an equality label selector",
      options: { labelSelector: "app=web" },
      names: ["default/web-1", "prod/web-2"],
    },
    {
      name: "a set-based label selector",
      options: { labelSelector: "app notin (web),tier" },
      names: ["prod/db-1"],
    },
    {
      name: "a field selector",
      options: { fieldSelector: "metadata.namespace!=default" },
      names: ["prod/db-1", "prod/web-2"],
    },
    {
      name: "a namespace and a label selector",
      options: { namespace: "prod", labelSelector: "app=web" },
      names: ["prod/web-2"],
    },
  ])("lists with $name", async ({ options, names }) => {
    const { client } = served;
    await client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "prod" } });
    await client.create(makePod("web-1", { labels: { app: "web" } }));
    await client.create(makePod("web-2", { namespace: "prod", labels: { app: "web" } }));
    await client.create(makePod("db-1", { namespace: "prod", labels: { app: "db", tier: "data" } }));
    const list = await client.list("Pod", options);
    expect(list.items.map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`)).toEqual(names);
    expect(list.resourceVersion).toBe(served.store.resourceVersion);
  });

  it("creates, updates, updates the status of, patches and deletes an object", async () => {
    const { client, store } = served;
    const created = await client.create(makeDaemonSet("ds"));
    expect(created).toEqual(await store.get("DaemonSet", "ds"));
    const updated = await client.update({
      ...created,
      metadata: { ...created.metadata, labels: { tier: "web" } },
    });
    const withStatus = await client.updateStatus({
      ...updated,
      status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberMisscheduled: 0, numberReady: 1 },
    });
    const merged = await client.patch(
      "DaemonSet",
      "ds",
      { metadata: { labels: { tier: null, a: "1" } } },
      { type: "merge" },
    );
    const strategic = await client.patch(
      "DaemonSet",
      "ds",
      { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } } },
      { type: "strategic" },
    );
    const json = await client.patch(
      "DaemonSet",
      "ds",
      [{ op: "add", path: "/metadata/labels/b", value: "2" }],
      { type: "json" },
    );
    expect([
      updated.metadata?.labels,
      withStatus.status?.numberReady,
      merged.metadata?.labels,
      strategic.spec?.template.spec?.containers[0]?.image,
      strategic.metadata?.generation,
      json.metadata?.labels,
    ]).toEqual([{ tier: "web" }, 1, { a: "1" }, "nginx:1.27", 2, { a: "1", b: "2" }]);
    const last = await store.get("DaemonSet", "ds");
    expect(await client.delete("DaemonSet", "ds")).toEqual(last);
    expect((await rejection(client.get("DaemonSet", "ds"))).reason).toBe("NotFound");
  });

  it("server-side applies: creates the object, then changes it", async () => {
    const { client } = served;
    const manifest = makeDaemonSet("applied");
    const first = (await client.patch("DaemonSet", "applied", manifest, {
      type: "apply",
      fieldManager: "kubectl",
    })) as DaemonSet;
    const changed = {
      ...manifest,
      spec: {
        ...manifest.spec,
        template: {
          ...manifest.spec?.template,
          spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] },
        },
      },
    };
    const second = await client.patch("DaemonSet", "applied", changed, {
      type: "apply",
      fieldManager: "kubectl",
      force: true,
    });
    expect([
      first.metadata?.generation,
      second.metadata?.generation,
      second.spec?.template.spec?.containers[0]?.image,
    ]).toEqual([1, 2, "nginx:1.26"]);
  });

  it("deletes a pod gracefully once bound, and evicts a pod", async () => {
    const { client } = served;
    await client.create(makePod("bound"));
    await client.bind({ metadata: { name: "bound" }, target: { kind: "Node", name: "n1" } });
    const deleted = await client.delete("Pod", "bound");
    await client.create(makePod("evicted"));
    await client.evict({ metadata: { name: "evicted" } });
    expect([
      deleted.spec?.nodeName,
      typeof deleted.metadata?.deletionTimestamp,
      deleted.metadata?.deletionGracePeriodSeconds,
      (await rejection(client.get("Pod", "evicted"))).reason,
    ]).toEqual(["n1", "string", 30, "NotFound"]);
  });

  it("a foreground delete resolves with the object pending deletion", async () => {
    const { client } = served;
    await client.create(makeDaemonSet("ds"));
    const pending = await client.delete("DaemonSet", "ds", { propagationPolicy: "Foreground" });
    expect([pending.metadata?.finalizers, typeof pending.metadata?.deletionTimestamp]).toEqual([
      ["foregroundDeletion"],
      "string",
    ]);
  });

  it("handles many concurrent requests", async () => {
    const { client } = served;
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, index) => client.create(makePod(`p-${index}`))),
    );
    expect(new Set(created.map((pod) => pod.metadata?.uid)).size).toBe(50);
    expect((await client.list("Pod")).items.length).toBe(50);
  });

  it("sends the bearer token the server requires", async () => {
    const secured = await serveStore({ token: "s3cret", client: { token: "s3cret" } });
    try {
      expect((await secured.client.list("Node")).items).toEqual([]);
    } finally {
      await secured.close();
    }
  });
});

describe("watches over kubesim's API server", () => {
  it("from a list's resourceVersion, sees each later change exactly once, in order", async () => {
    const { client } = served;
    await client.create(makePod("before"));
    const list = await client.list("Pod");
    const watch = await openWatch(client.watch("Pod", { resourceVersion: list.resourceVersion }));
    const a = await client.create(makePod("a"));
    await client.patch("Pod", "a", { metadata: { labels: { x: "1" } } }, { type: "merge" });
    await client.create(makePod("b"));
    await client.delete("Pod", "a");
    await client.delete("Pod", "before");
    // An unbound pod's delete is graceful with period 0: MODIFIED (deletionTimestamp), then DELETED.
    const events = await takeEvents(watch, 7);
    const start = Number(list.resourceVersion);
    expect([a.metadata?.resourceVersion, ...summarize(events)]).toEqual([
      String(start + 1),
      ["ADDED", "a", String(start + 1)],
      ["MODIFIED", "a", String(start + 2)],
      ["ADDED", "b", String(start + 3)],
      ["MODIFIED", "a", String(start + 4)],
      ["DELETED", "a", String(start + 5)],
      ["MODIFIED", "before", String(start + 6)],
      ["DELETED", "before", String(start + 7)],
    ]);
    const store = await served.store.watch("Pod", { resourceVersion: list.resourceVersion });
    expect(events).toEqual(await takeEvents(store, 7));
    store.close();
  });

  it("without a resourceVersion, starts with ADDED for what exists, filtered by selectors", async () => {
    const { client } = served;
    await client.create(makePod("web", { labels: { app: "web" } }));
    await client.create(makePod("db", { labels: { app: "db" } }));
    const watch = await openWatch(client.watch("Pod", { labelSelector: "app=web" }));
    await client.create(makePod("web-2", { labels: { app: "web" } }));
    await client.create(makePod("db-2", { labels: { app: "db" } }));
    await client.delete("Pod", "web");
    expect(summarize(await takeEvents(watch, 4)).map(([type, name]) => `${type} ${name}`)).toEqual([
      "ADDED web",
      "ADDED web-2",
      "MODIFIED web",
      "DELETED web",
    ]);
  });

  it("resumes transparently when the server ends the stream after timeoutSeconds", async () => {
    const short = await serveStore({ client: { watchTimeoutSeconds: 1 } });
    try {
      const { client, clock } = short;
      const list = await client.list("Pod");
      const watch = (await client.watch("Pod", { resourceVersion: list.resourceVersion })) as Watch<Pod>;
      watches.push(watch as Watch<unknown>);
      await client.create(makePod("a"));
      const first = await takeEvents(watch, 1);
      clock.advance(1500); // the server closes the stream; the client re-opens it from "a"'s revision
      await new Promise((resolve) => setTimeout(resolve, 50));
      await client.create(makePod("b"));
      clock.advance(1500);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await client.patch("Pod", "a", { metadata: { labels: { x: "1" } } }, { type: "merge" });
      expect(
        summarize([...first, ...(await takeEvents(watch, 2))]).map(([type, name]) => `${type} ${name}`),
      ).toEqual(["ADDED a", "ADDED b", "MODIFIED a"]);
    } finally {
      await short.close();
    }
  });

  it("fails with 410 Expired for a resourceVersion the store no longer has", async () => {
    const small = await serveStore({ store: { historyLimit: 2 } });
    try {
      const { client } = small;
      for (const name of ["a", "b", "c", "d"]) await client.create(makePod(name));
      const error = await rejection(
        client.watch("Pod", { resourceVersion: "2" }).then(async (watch) => {
          watches.push(watch as Watch<unknown>);
          return watch[Symbol.asyncIterator]().next();
        }),
      );
      const storeError = await rejection(small.store.watch("Pod", { resourceVersion: "2" }));
      expect(error.status).toEqual(storeError.status);
      expect([error.code, error.reason]).toEqual([410, "Expired"]);
    } finally {
      await small.close();
    }
  });

  it("delivers BOOKMARKs the server sends on its clock", async () => {
    const { client, clock } = served;
    const watch = await openWatch(client.watch("Pod", { allowWatchBookmarks: true, resourceVersion: "0" }));
    clock.advance(60_000);
    const [bookmark] = await takeEvents(watch, 1);
    expect(bookmark).toEqual({
      type: "BOOKMARK",
      object: { apiVersion: "v1", kind: "Pod", metadata: { resourceVersion: served.store.resourceVersion } },
    });
  });
});

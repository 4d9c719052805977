import { type ApiClient, StatusError, type Watch, type WatchEvent } from "@kubesim/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  makeDaemonSet,
  makePod,
  makeStore,
  type ServedStore,
  serveStore,
  takeEvents,
} from "./test-fixtures.js";

/** What one call gave: its value, or its error's Status. */
type Outcome = { readonly value: unknown } | { readonly status: unknown };

/**
 * `value` without `metadata.managedFields` anywhere: kubesim's API server records field
 * managers (as kube-apiserver does), the memory store does not track them.
 */
function withoutManagedFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutManagedFields);
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === "managedFields") continue;
    copy[key] = withoutManagedFields(field);
  }
  return copy;
}

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    return { value: withoutManagedFields(await call) };
  } catch (error) {
    if (StatusError.isInstance(error)) return { status: error.status };
    throw error;
  }
}

const node = { apiVersion: "v1", kind: "Node", metadata: { name: "n1", labels: { zone: "a" } } };

/** A sequence of ApiClient calls covering every method, successes and failures. */
const steps: Array<{ name: string; call: (client: ApiClient) => Promise<unknown> }> = [
  {
    name: "create a namespace",
    call: (client) => client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "prod" } }),
  },
  { name: "create a node", call: (client) => client.create(node) },
  {
    name: "create a pod in default",
    call: (client) => client.create(makePod("web", { labels: { app: "web" } })),
  },
  {
    name: "create a pod in prod",
    call: (client) => client.create(makePod("db", { namespace: "prod", labels: { app: "db" } })),
  },
  {
    name: "create a generated name",
    call: (client) => client.create({ ...makePod(""), metadata: { generateName: "gen-" } }),
  },
  { name: "create a pod twice", call: (client) => client.create(makePod("web")) },
  {
    name: "create in a missing namespace",
    call: (client) => client.create(makePod("x", { namespace: "nowhere" })),
  },
  { name: "create an invalid DaemonSet", call: (client) => client.create(makeDaemonSet("bad", "other")) },
  { name: "create a DaemonSet", call: (client) => client.create(makeDaemonSet("ds")) },
  { name: "get a pod", call: (client) => client.get("Pod", "db", { namespace: "prod" }) },
  { name: "get a missing pod", call: (client) => client.get("Pod", "nope") },
  { name: "list every pod", call: (client) => client.list("Pod") },
  { name: "list pods by label", call: (client) => client.list("Pod", { labelSelector: "app in (db)" }) },
  {
    name: "list pods by field",
    call: (client) => client.list("Pod", { fieldSelector: "metadata.name!=web" }),
  },
  { name: "list namespaces", call: (client) => client.list("Namespace") },
  {
    name: "update a pod's labels",
    call: async (client) => {
      const pod = await client.get("Pod", "web");
      return client.update({ ...pod, metadata: { ...pod.metadata, labels: { app: "web", v: "2" } } });
    },
  },
  {
    name: "update with a stale resourceVersion",
    call: (client) => client.update({ ...makePod("web"), metadata: { name: "web", resourceVersion: "3" } }),
  },
  {
    name: "update a pod's status",
    call: async (client) => {
      const pod = await client.get("Pod", "web");
      return client.updateStatus({ ...pod, status: { ...pod.status, phase: "Running", podIP: "10.0.0.5" } });
    },
  },
  {
    name: "merge-patch a node",
    call: (client) =>
      client.patch("Node", "n1", { metadata: { labels: { zone: null, disk: "ssd" } } }, { type: "merge" }),
  },
  {
    name: "strategic-patch a node",
    call: (client) => client.patch("Node", "n1", { spec: { unschedulable: true } }, { type: "strategic" }),
  },
  {
    name: "json-patch a DaemonSet",
    call: (client) =>
      client.patch(
        "DaemonSet",
        "ds",
        [{ op: "replace", path: "/spec/template/spec/containers/0/image", value: "nginx:1.26" }],
        {
          type: "json",
        },
      ),
  },
  {
    name: "a json patch that fails its test",
    call: (client) =>
      client.patch("Node", "n1", [{ op: "test", path: "/metadata/name", value: "n2" }], { type: "json" }),
  },
  {
    name: "apply-create a DaemonSet",
    call: (client) =>
      client.patch("DaemonSet", "applied", makeDaemonSet("applied"), {
        type: "apply",
        fieldManager: "kubectl",
      }),
  },
  { name: "patch a missing pod", call: (client) => client.patch("Pod", "ghost", {}, { type: "merge" }) },
  {
    name: "bind a pod",
    call: (client) => client.bind({ metadata: { name: "web" }, target: { kind: "Node", name: "n1" } }),
  },
  {
    name: "bind it again",
    call: (client) => client.bind({ metadata: { name: "web" }, target: { kind: "Node", name: "n1" } }),
  },
  { name: "evict a pod", call: (client) => client.evict({ metadata: { name: "db", namespace: "prod" } }) },
  { name: "evict a missing pod", call: (client) => client.evict({ metadata: { name: "ghost" } }) },
  {
    name: "delete a DaemonSet",
    call: (client) => client.delete("DaemonSet", "ds", { propagationPolicy: "Background" }),
  },
  {
    name: "delete a DaemonSet in the foreground",
    call: (client) => client.delete("DaemonSet", "applied", { propagationPolicy: "Foreground" }),
  },
  { name: "delete a missing DaemonSet", call: (client) => client.delete("DaemonSet", "ds") },
  { name: "delete a bound pod (graceful)", call: (client) => client.delete("Pod", "web") },
  { name: "delete a node", call: (client) => client.delete("Node", "n1") },
  { name: "delete a system namespace", call: (client) => client.delete("Namespace", "kube-system") },
  { name: "delete a namespace", call: (client) => client.delete("Namespace", "prod") },
  { name: "list everything left", call: (client) => client.list("Pod") },
];

/** Every event a memory-store watch has queued (its reads resolve at once until the queue is empty). */
async function queuedEvents<T>(watch: Watch<T>): Promise<Array<WatchEvent<T>>> {
  const iterator = watch[Symbol.asyncIterator]();
  const events: Array<WatchEvent<T>> = [];
  const idle = Symbol("idle");
  for (;;) {
    const next = await Promise.race([
      iterator.next(),
      new Promise<typeof idle>((resolve) => setTimeout(() => resolve(idle), 20)),
    ]);
    if (next === idle || next.done) return events;
    events.push(next.value);
  }
}

let served: ServedStore | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
});

describe("the HTTP client and the memory store give the same results", () => {
  it("for the same sequence of calls: values (names, uids, resourceVersions), errors, and watch events", async () => {
    const direct = makeStore().store;
    served = await serveStore();
    const overHttp = served.client;
    const directWatch = await direct.watch("Pod", { resourceVersion: "0" });
    const httpWatch = await overHttp.watch("Pod", { resourceVersion: "0" });
    const differences: string[] = [];
    let failures = 0;
    for (const step of steps) {
      const expected = await outcomeOf(step.call(direct));
      const actual = await outcomeOf(step.call(overHttp));
      if ("status" in expected) failures++;
      try {
        expect(actual).toEqual(expected);
      } catch {
        differences.push(
          `${step.name}: store ${JSON.stringify(expected).slice(0, 400)} / http ${JSON.stringify(actual).slice(0, 400)}`,
        );
      }
    }
    expect(differences).toEqual([]);
    expect([failures, direct.resourceVersion, served.store.resourceVersion]).toEqual([
      11,
      served.store.resourceVersion,
      direct.resourceVersion,
    ]);
    // The store queues its events synchronously: everything it will deliver is queued now.
    const directEvents = await queuedEvents(directWatch);
    const count = directEvents.length;
    expect(count).toBe(10);
    expect(
      (await takeEvents(httpWatch, count)).map((event) => [event.type, withoutManagedFields(event.object)]),
    ).toEqual(directEvents.map((event) => [event.type, event.object]));
    directWatch.close();
    httpWatch.close();
  });
});

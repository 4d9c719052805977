import type { ListOptions } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import type { MemoryStore } from "./memory-store.js";
import { makeNode, makePod, makeStore, rejection } from "./test-fixtures.js";

async function populate(store: MemoryStore): Promise<void> {
  for (const namespace of ["team-a", "team"]) {
    await store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });
  }
  await store.create(
    makePod("web-1", { namespace: "team", nodeName: "node-1", labels: { app: "web", tier: "front" } }),
  );
  await store.create(
    makePod("web-0", { namespace: "team", nodeName: "node-2", labels: { app: "web", tier: "back" } }),
  );
  await store.create(makePod("db", { namespace: "team-a", nodeName: "node-1", labels: { app: "db" } }));
  await store.create(makePod("pending", { labels: { app: "web" } }));
}

const cases: Array<{ name: string; options: ListOptions; expected: string[] }> = [
  {
    name: "everything, in etcd key order (namespace/name bytes: team-a sorts before team)",
    options: {},
    expected: ["default/pending", "team-a/db", "team/web-0", "team/web-1"],
  },
  { name: "one namespace", options: { namespace: "team" }, expected: ["team/web-0", "team/web-1"] },
  {
    name: "pods on a node (the nodeName index)",
    options: { fieldSelector: "spec.nodeName=node-1" },
    expected: ["team-a/db", "team/web-1"],
  },
  {
    name: "unbound pods (spec.nodeName=)",
    options: { fieldSelector: "spec.nodeName=" },
    expected: ["default/pending"],
  },
  {
    name: "pods on a node that are not in a namespace",
    options: { fieldSelector: "spec.nodeName=node-1,metadata.namespace!=team-a" },
    expected: ["team/web-1"],
  },
  {
    name: "an exact label (the label index)",
    options: { labelSelector: "app=web" },
    expected: ["default/pending", "team/web-0", "team/web-1"],
  },
  {
    name: "a set-based label selector",
    options: { labelSelector: "app in (web,db),tier notin (back)" },
    expected: ["default/pending", "team-a/db", "team/web-1"],
  },
  { name: "a label that exists", options: { labelSelector: "tier" }, expected: ["team/web-0", "team/web-1"] },
  {
    name: "labels and namespace together",
    options: { namespace: "team", labelSelector: "tier=front" },
    expected: ["team/web-1"],
  },
  { name: "a label no pod has", options: { labelSelector: "app=cache" }, expected: [] },
  {
    name: "by name across namespaces",
    options: { fieldSelector: "metadata.name=db" },
    expected: ["team-a/db"],
  },
  {
    name: "by name in a namespace",
    options: { namespace: "team", fieldSelector: "metadata.name=web-0" },
    expected: ["team/web-0"],
  },
  {
    name: "by phase",
    options: { fieldSelector: "status.phase=Pending,spec.schedulerName=default-scheduler" },
    expected: ["default/pending", "team-a/db", "team/web-0", "team/web-1"],
  },
];

describe("list", () => {
  it.each(cases)("lists $name", async ({ options, expected }) => {
    const { store } = makeStore();
    await populate(store);
    const { items, resourceVersion } = await store.list("Pod", options);
    expect(items.map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`)).toEqual(expected);
    expect(resourceVersion).toBe(store.resourceVersion);
  });

  it("lists cluster-scoped objects by name and ignores a namespace option", async () => {
    const { store } = makeStore();
    await store.create(makeNode("node-b"));
    await store.create(makeNode("node-a", { zone: "z1" }));
    const { items } = await store.list("Node", { namespace: "team" });
    expect(items.map((node) => node.metadata?.name)).toEqual(["node-a", "node-b"]);
    const zoned = await store.list("Node", { labelSelector: "zone=z1" });
    expect(zoned.items.map((node) => node.metadata?.name)).toEqual(["node-a"]);
  });

  it("keeps indexes in step with updates, bindings and deletions", async () => {
    const { store } = makeStore();
    const pod = await store.create(makePod("web", { labels: { app: "web" } }));
    await store.bind({
      metadata: { name: "web", namespace: "default" },
      target: { kind: "Node", name: "node-1" },
    });
    expect((await store.list("Pod", { fieldSelector: "spec.nodeName=node-1" })).items).toHaveLength(1);
    expect((await store.list("Pod", { fieldSelector: "spec.nodeName=" })).items).toHaveLength(0);
    const bound = await store.get("Pod", "web");
    await store.update({ ...bound, metadata: { ...bound.metadata, labels: { app: "api" } } });
    expect((await store.list("Pod", { labelSelector: "app=web" })).items).toHaveLength(0);
    expect((await store.list("Pod", { labelSelector: "app=api" })).items).toHaveLength(1);
    await store.delete("Pod", "web", { gracePeriodSeconds: 0 });
    expect((await store.list("Pod", { labelSelector: "app=api" })).items).toHaveLength(0);
    expect(pod.metadata?.name).toBe("web");
  });

  it("returns copies: changing a listed object does not change the store", async () => {
    const { store } = makeStore();
    await store.create(makePod("web"));
    const first = await store.list("Pod");
    const item = first.items[0];
    if (item?.metadata) item.metadata.name = "changed";
    expect((await store.list("Pod")).items[0]?.metadata?.name).toBe("web");
  });

  it.each([
    {
      name: "an unsupported field label for pods",
      kind: "Pod",
      options: { fieldSelector: "spec.foo=bar" },
      message: "field label not supported: spec.foo",
    },
    {
      name: "a field other than name and namespace for DaemonSets",
      kind: "DaemonSet",
      options: { fieldSelector: "spec.nodeName=x" },
      message: '"spec.nodeName" is not a known field selector: only "metadata.name", "metadata.namespace"',
    },
    {
      name: "a label selector that does not parse",
      kind: "Pod",
      options: { labelSelector: "app in (web" },
      message: "unable to parse requirement: found '', expected: ',' or ')'",
    },
    {
      name: "an unknown kind",
      kind: "Foo",
      options: {},
      message: "the server could not find the requested resource",
    },
  ])("rejects $name", async ({ kind, options, message }) => {
    const { store } = makeStore();
    const error = await rejection(store.list(kind, options));
    expect(error.code).toBe(kind === "Foo" ? 404 : 400);
    expect(error.message).toBe(message);
  });
});

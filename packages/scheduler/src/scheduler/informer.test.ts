import type { ApiClient, Node } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { FakeApiClient } from "./fake-api-client.js";
import { Informer } from "./informer.js";

function node(name: string, label = "a"): Node {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { label } } };
}

async function drain(): Promise<void> {
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setImmediate(resolve));
}

describe("Informer", () => {
  it("delivers the list, then every watched add, update and delete in order", async () => {
    const client = new FakeApiClient();
    client.seed(node("n1"));
    const seen: string[] = [];
    const informer = new Informer<"Node", Node>({
      client,
      kind: "Node",
      handlers: {
        onAdd: (added) => seen.push(`add ${added.metadata?.name}`),
        onUpdate: (before, after) =>
          seen.push(
            `update ${after.metadata?.name} ${before.metadata?.labels?.label}->${after.metadata?.labels?.label}`,
          ),
        onDelete: (deleted) => seen.push(`delete ${deleted.metadata?.name}`),
      },
    });
    await informer.start();
    expect(informer.hasSynced()).toBe(true);
    await client.create(node("n2"));
    const api: ApiClient = client;
    const stored = await api.get("Node", "n1");
    await client.update({ ...stored, metadata: { ...stored.metadata, labels: { label: "b" } } });
    await client.delete("Node", "n2");
    await drain();
    informer.stop();
    expect(seen).toEqual(["add n1", "add n2", "update n1 a->b", "delete n2"]);
    expect(informer.list().map((entry) => entry.metadata?.name)).toEqual(["n1"]);
    expect(informer.get("", "n1")?.metadata?.labels).toEqual({ label: "b" });
  });

  it("stays empty but synced when an optional kind cannot be listed", async () => {
    const client = new FakeApiClient();
    client.unsupportedKinds.add("StatefulSet");
    const informer = new Informer({
      client,
      kind: "StatefulSet",
      handlers: { onAdd: () => {}, onUpdate: () => {}, onDelete: () => {} },
      optional: true,
    });
    await informer.start();
    expect(informer.hasSynced()).toBe(true);
    expect(informer.list()).toEqual([]);
    expect(client.calls).toEqual(["list StatefulSet"]);
  });
});

describe("Informer lists", () => {
  it.each([
    {
      name: "an added object shows up",
      change: (client: FakeApiClient) => client.create(node("n3")),
      expected: ["n1", "n2", "n3"],
    },
    {
      name: "a deleted object is gone",
      change: (client: FakeApiClient) => client.delete("Node", "n2"),
      expected: ["n1"],
    },
    {
      name: "an updated object is listed in its new version",
      change: async (client: FakeApiClient) => {
        const api: ApiClient = client;
        const stored = await api.get("Node", "n2");
        await client.update({ ...stored, metadata: { ...stored.metadata, labels: { label: "new" } } });
      },
      expected: ["n1", "n2:new"],
    },
  ])("are kept until the store changes: $name", async ({ change, expected }) => {
    const client = new FakeApiClient();
    client.seed(node("n1"), node("n2"));
    const informer = new Informer<"Node", Node>({
      client,
      kind: "Node",
      handlers: { onAdd: () => {}, onUpdate: () => {}, onDelete: () => {} },
    });
    await informer.start();
    const names = () =>
      informer
        .list()
        .map((entry) => `${entry.metadata?.name}${entry.metadata?.labels?.label === "new" ? ":new" : ""}`);
    expect(informer.list()).toBe(informer.list());
    expect(names()).toEqual(["n1", "n2"]);
    await change(client);
    await drain();
    informer.stop();
    expect(names()).toEqual(expected);
    expect(Object.isFrozen(informer.list())).toBe(true);
  });
});

describe("Informer with a filter", () => {
  it("reports an object that stops matching as deleted and ignores objects that never matched", async () => {
    const client = new FakeApiClient();
    const api: ApiClient = client;
    client.seed(node("keep"), node("skip", "hidden"));
    const seen: string[] = [];
    const informer = new Informer<"Node", Node>({
      client,
      kind: "Node",
      filter: (entry) => entry.metadata?.labels?.label !== "hidden",
      handlers: {
        onAdd: (added) => seen.push(`add ${added.metadata?.name}`),
        onUpdate: (_before, after) => seen.push(`update ${after.metadata?.name}`),
        onDelete: (deleted) => seen.push(`delete ${deleted.metadata?.name}`),
      },
    });
    await informer.start();
    const kept = await api.get("Node", "keep");
    await client.update({ ...kept, metadata: { ...kept.metadata, labels: { label: "hidden" } } });
    await client.delete("Node", "skip");
    await drain();
    informer.stop();
    expect(seen).toEqual(["add keep", "delete keep"]);
  });
});

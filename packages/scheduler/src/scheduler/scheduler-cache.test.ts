import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { SchedulerCache } from "./scheduler-cache.js";

function node(name: string, zone: string): Node {
  return {
    metadata: { name, labels: { "topology.kubernetes.io/zone": zone } },
    status: { allocatable: { cpu: "4", memory: "8Gi", pods: "110" } },
  };
}

function pod(name: string, nodeName: string, cpu = "1"): Pod {
  return {
    metadata: { name, namespace: "default", uid: name },
    spec: { nodeName, containers: [{ name: "c", resources: { requests: { cpu } } }] },
  };
}

describe("SchedulerCache", () => {
  it("lists nodes in node-tree order and counts assumed pods on their node", () => {
    const cache = new SchedulerCache();
    cache.addNode(node("a1", "a"));
    cache.addNode(node("a2", "a"));
    cache.addNode(node("b1", "b"));
    cache.assumePod(pod("p", "a2"));
    expect(
      cache
        .snapshot()
        .list()
        .map((nodeInfo) => nodeInfo.name),
    ).toEqual(["a1", "b1", "a2"]);
    expect(cache.snapshot().get("a2")?.requested.milliCpu).toBe(1000);
    expect(cache.isAssumedPod(pod("p", "a2"))).toBe(true);
  });

  it("confirms an assumed pod when the bound pod arrives, and forgets only assumed pods", () => {
    const cache = new SchedulerCache();
    cache.addNode(node("a1", "a"));
    cache.assumePod(pod("p", "a1"));
    cache.addPod(pod("p", "a1"));
    expect(cache.isAssumedPod(pod("p", "a1"))).toBe(false);
    expect(cache.forgetPod(pod("p", "a1"))).toBe(false);
    expect(cache.snapshot().get("a1")?.pods).toHaveLength(1);
  });

  it("releases a forgotten pod's resources", () => {
    const cache = new SchedulerCache();
    cache.addNode(node("a1", "a"));
    cache.assumePod(pod("p", "a1", "2"));
    expect(cache.forgetPod(pod("p", "a1", "2"))).toBe(true);
    expect(cache.snapshot().get("a1")?.requested.milliCpu).toBe(0);
  });

  it("refuses to assume a pod twice", () => {
    const cache = new SchedulerCache();
    cache.addNode(node("a1", "a"));
    cache.assumePod(pod("p", "a1"));
    expect(() => cache.assumePod(pod("p", "a1"))).toThrow("is in the cache, so can't be assumed");
  });

  it("keeps pods that arrive before their node and hides a removed node that still has pods", () => {
    const cache = new SchedulerCache();
    cache.addPod(pod("early", "late-node"));
    expect(cache.snapshot().list()).toHaveLength(0);
    cache.addNode(node("late-node", "a"));
    expect(cache.snapshot().get("late-node")?.pods).toHaveLength(1);
    cache.removeNode("late-node");
    expect(cache.snapshot().list()).toHaveLength(0);
    expect(cache.nodeInfo("late-node")?.pods).toHaveLength(1);
    cache.removePod(pod("early", "late-node"));
    expect(cache.nodeInfo("late-node")).toBeUndefined();
  });

  it("tracks the nodes holding pods with affinity as pods come and go", () => {
    const cache = new SchedulerCache();
    cache.addNode(node("a1", "a"));
    cache.addNode(node("b1", "b"));
    const withAffinity: Pod = {
      ...pod("aff", "b1"),
      spec: {
        ...pod("aff", "b1").spec,
        containers: [],
        affinity: {
          podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "zone" }] },
        },
      },
    };
    expect(cache.snapshot().havePodsWithAffinityList()).toEqual([]);
    cache.addPod(withAffinity);
    expect(
      cache
        .snapshot()
        .havePodsWithAffinityList()
        .map((nodeInfo) => nodeInfo.name),
    ).toEqual(["b1"]);
    expect(
      cache
        .snapshot()
        .havePodsWithRequiredAntiAffinityList()
        .map((nodeInfo) => nodeInfo.name),
    ).toEqual(["b1"]);
    cache.removePod(withAffinity);
    expect(cache.snapshot().havePodsWithAffinityList()).toEqual([]);
  });
});

describe("SchedulerCache node updates", () => {
  function imageNode(name: string, zone: string, images: string[], cpu = "4"): Node {
    return {
      metadata: { name, labels: { "topology.kubernetes.io/zone": zone } },
      status: {
        allocatable: { cpu, memory: "8Gi", pods: "110" },
        images: images.map((image) => ({ names: [image], sizeBytes: 100 })),
      },
    };
  }

  it.each([
    {
      name: "a status change keeps the node list",
      update: imageNode("a1", "a", ["app:1"], "8"),
      rebuilt: false,
    },
    {
      name: "a zone change rebuilds it (the order changes)",
      update: imageNode("a1", "b", ["app:1"]),
      rebuilt: true,
    },
    {
      name: "new image names rebuild it (image counts change)",
      update: imageNode("a1", "a", ["app:2"]),
      rebuilt: true,
    },
  ])("$name", ({ update, rebuilt }) => {
    const cache = new SchedulerCache();
    cache.addNode(imageNode("a1", "a", ["app:1"]));
    cache.addNode(imageNode("a2", "a", ["app:1"]));
    cache.addNode(imageNode("b1", "b", []));
    const before = cache.snapshot().list();
    cache.updateNode(update);
    const after = cache.snapshot().list();
    expect(after !== before).toBe(rebuilt);
    // Whatever the path, the list and the image counts are those of a cache built afresh.
    const fresh = new SchedulerCache();
    for (const node of [update, imageNode("a2", "a", ["app:1"]), imageNode("b1", "b", [])])
      fresh.addNode(node);
    const view = (cacheToView: SchedulerCache) =>
      cacheToView
        .snapshot()
        .list()
        .map((nodeInfo) => [nodeInfo.name, nodeInfo.allocatable.milliCpu, [...nodeInfo.imageStates]]);
    expect(view(cache).sort()).toEqual(view(fresh).sort());
    expect(view(cache).map((entry) => entry[0])).toEqual(
      rebuilt && update.metadata?.labels?.["topology.kubernetes.io/zone"] === "b"
        ? ["a2", "b1", "a1"]
        : ["a1", "b1", "a2"],
    );
  });

  it("lists a node again once it comes back", () => {
    const cache = new SchedulerCache();
    cache.addNode(node("a1", "a"));
    cache.addPod(pod("p", "a1"));
    cache.removeNode("a1");
    expect(cache.snapshot().list()).toEqual([]);
    cache.addNode(node("a1", "a"));
    expect(
      cache
        .snapshot()
        .list()
        .map((nodeInfo) => nodeInfo.name),
    ).toEqual(["a1"]);
  });
});

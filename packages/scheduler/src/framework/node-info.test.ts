import type { Node, Pod } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createNodeInfo, createNodeInfoLister, type MutableNodeInfo } from "./node-info.js";
import { createPodInfo } from "./pod-requests.js";
import type { NodeInfo } from "./types.js";

function node(name: string, images: { names: string[]; sizeBytes: number }[] = []): Node {
  return {
    metadata: { name },
    status: { allocatable: { cpu: "4", memory: "8Gi", pods: "110", "nvidia.com/gpu": "2" }, images },
  };
}

interface PodOptions {
  uid?: string;
  cpu?: string;
  memory?: string;
  gpu?: string;
  hostPort?: number;
  hostIP?: string;
  protocol?: string;
  affinity?: "preferred" | "required";
}

function pod(name: string, options: PodOptions = {}): Pod {
  const requests: Record<string, string> = {};
  if (options.cpu !== undefined) requests.cpu = options.cpu;
  if (options.memory !== undefined) requests.memory = options.memory;
  if (options.gpu !== undefined) requests["nvidia.com/gpu"] = options.gpu;
  const term = { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "x" } } };
  return {
    metadata: { name, namespace: "default", ...(options.uid === undefined ? {} : { uid: options.uid }) },
    spec: {
      nodeName: "node-1",
      containers: [
        {
          name: "c",
          image: "busybox",
          resources: { requests },
          ...(options.hostPort === undefined
            ? {}
            : {
                ports: [
                  {
                    containerPort: 80,
                    hostPort: options.hostPort,
                    ...(options.hostIP === undefined ? {} : { hostIP: options.hostIP }),
                    ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
                  },
                ],
              }),
        },
      ],
      ...(options.affinity === "preferred"
        ? {
            affinity: {
              podAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term }],
              },
            },
          }
        : options.affinity === "required"
          ? { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } }
          : {}),
    },
  };
}

/** Everything observable about a node info, with pod lists reduced to pod names. */
function view(nodeInfo: NodeInfo) {
  const names = (list: NodeInfo["pods"]) => list.map((podInfo) => podInfo.pod.metadata?.name).sort();
  return {
    name: nodeInfo.name,
    pods: names(nodeInfo.pods),
    podsWithAffinity: names(nodeInfo.podsWithAffinity),
    podsWithRequiredAntiAffinity: names(nodeInfo.podsWithRequiredAntiAffinity),
    usedPorts: nodeInfo.usedPorts.map((port) => `${port.ip}/${port.protocol}/${port.port}`).sort(),
    requested: nodeInfo.requested,
    nonZeroRequested: nodeInfo.nonZeroRequested,
    allocatable: nodeInfo.allocatable,
  };
}

describe("createNodeInfo", () => {
  it("sums requests, non-zero requests, ports and affinity lists of its pods", () => {
    const nodeInfo = createNodeInfo(node("node-1"), [
      pod("a", { uid: "1", cpu: "500m", memory: "1Gi", gpu: "1", hostPort: 8080 }),
      pod("b", { uid: "2", hostPort: 53, hostIP: "10.0.0.1", protocol: "UDP", affinity: "required" }),
      pod("c", { uid: "3", cpu: "0", affinity: "preferred" }),
    ]);
    expect(view(nodeInfo)).toEqual({
      name: "node-1",
      pods: ["a", "b", "c"],
      podsWithAffinity: ["b", "c"],
      podsWithRequiredAntiAffinity: ["b"],
      usedPorts: ["0.0.0.0/TCP/8080", "10.0.0.1/UDP/53"],
      requested: {
        milliCpu: 500,
        memory: 1073741824,
        ephemeralStorage: 0,
        allowedPodNumber: 0,
        scalarResources: new Map([["nvidia.com/gpu", 1]]),
      },
      nonZeroRequested: {
        milliCpu: 500 + 100 + 0,
        memory: 1073741824 + 2 * 209715200,
        ephemeralStorage: 0,
        allowedPodNumber: 0,
        scalarResources: new Map([["nvidia.com/gpu", 1]]),
      },
      allocatable: {
        milliCpu: 4000,
        memory: 8589934592,
        ephemeralStorage: 0,
        allowedPodNumber: 110,
        scalarResources: new Map([["nvidia.com/gpu", 2]]),
      },
    });
  });

  it("takes its name from its pods while the node is unknown", () => {
    expect(createNodeInfo(undefined, [pod("a")]).name).toBe("node-1");
    expect(createNodeInfo(undefined).name).toBe("");
  });

  it("records every image name with its size", () => {
    const nodeInfo = createNodeInfo(
      node("n", [{ names: ["nginx:1.0", "docker.io/nginx:1.0"], sizeBytes: 100 }]),
    );
    expect(Object.fromEntries(nodeInfo.imageStates)).toEqual({
      "nginx:1.0": { size: 100, numNodes: 1 },
      "docker.io/nginx:1.0": { size: 100, numNodes: 1 },
    });
  });
});

describe("MutableNodeInfo", () => {
  it("removes a pod by uid and reports whether it was there", () => {
    const nodeInfo = createNodeInfo(node("node-1"), [pod("a", { uid: "1", cpu: "1" })]);
    expect(nodeInfo.removePod(pod("a", { uid: "other" }))).toBe(false);
    expect(nodeInfo.removePod(pod("renamed", { uid: "1" }))).toBe(true);
    expect(nodeInfo.pods).toEqual([]);
    expect(nodeInfo.requested.milliCpu).toBe(0);
  });

  it("removes a pod by namespace and name when it has no uid", () => {
    const nodeInfo = createNodeInfo(node("node-1"), [pod("a", { cpu: "1" }), pod("b", { cpu: "2" })]);
    expect(nodeInfo.removePod(pod("a"))).toBe(true);
    expect(view(nodeInfo).pods).toEqual(["b"]);
    expect(nodeInfo.requested.milliCpu).toBe(2000);
  });

  it("keeps a host port used by two pods until both are gone", () => {
    const nodeInfo = createNodeInfo(node("node-1"), [
      pod("a", { uid: "1", hostPort: 80 }),
      pod("b", { uid: "2", hostPort: 80 }),
    ]);
    nodeInfo.removePod(pod("a", { uid: "1" }));
    expect(nodeInfo.usedPorts).toEqual([{ ip: "0.0.0.0", protocol: "TCP", port: 80 }]);
    nodeInfo.removePod(pod("b", { uid: "2" }));
    expect(nodeInfo.usedPorts).toEqual([]);
  });

  it("bumps the generation on every change", () => {
    const nodeInfo = createNodeInfo(node("node-1"));
    const generations = [nodeInfo.generation];
    nodeInfo.addPod(pod("a", { uid: "1" }));
    generations.push(nodeInfo.generation);
    nodeInfo.removePod(pod("a", { uid: "1" }));
    generations.push(nodeInfo.generation);
    nodeInfo.setNode(node("node-1"));
    generations.push(nodeInfo.generation);
    expect(
      generations.every((generation, index) => index === 0 || generation > (generations[index - 1] ?? 0)),
    ).toBe(true);
  });

  it("accepts a precomputed PodInfo and keeps that object", () => {
    const podInfo = createPodInfo(pod("a", { uid: "1", cpu: "1" }));
    const nodeInfo = createNodeInfo(node("node-1"));
    nodeInfo.addPod(podInfo);
    expect(nodeInfo.pods[0]).toBe(podInfo);
    expect(nodeInfo.removePod(podInfo)).toBe(true);
  });

  it("clones into an independent copy", () => {
    const original = createNodeInfo(node("node-1"), [
      pod("a", { uid: "1", cpu: "1", hostPort: 80, affinity: "required" }),
    ]);
    const copy = original.clone();
    expect(view(copy)).toEqual(view(original));
    expect(copy.generation).toBe(original.generation);
    copy.removePod(pod("a", { uid: "1" }));
    copy.addPod(pod("b", { uid: "2", cpu: "2", gpu: "1" }));
    expect(view(original).pods).toEqual(["a"]);
    expect(original.requested.milliCpu).toBe(1000);
    expect(original.requested.scalarResources.size).toBe(0);
    expect(original.usedPorts).toHaveLength(1);
    expect(original.podsWithRequiredAntiAffinity).toHaveLength(1);
  });

  it("replaces allocatable and images when the node changes", () => {
    const nodeInfo = createNodeInfo(node("node-1"), [pod("a", { cpu: "1" })]);
    nodeInfo.setNode({ metadata: { name: "node-1" }, status: { allocatable: { cpu: "8" } } });
    expect(nodeInfo.allocatable.milliCpu).toBe(8000);
    expect(nodeInfo.allocatable.allowedPodNumber).toBe(0);
    expect(nodeInfo.requested.milliCpu).toBe(1000);
    expect(nodeInfo.imageStates.size).toBe(0);
  });

  it("ends up equal to a fresh build after any sequence of adds and removes", () => {
    const podArbitrary = fc.record({
      id: fc.integer({ min: 0, max: 5 }),
      cpu: fc.constantFrom(undefined, "0", "100m", "1500m"),
      gpu: fc.constantFrom(undefined, "0", "1"),
      hostPort: fc.constantFrom(undefined, 80, 443),
      affinity: fc.constantFrom(undefined, "preferred" as const, "required" as const),
    });
    const operation = fc.record({ add: fc.boolean(), pod: podArbitrary });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        const incremental: MutableNodeInfo = createNodeInfo(node("node-1"));
        const present = new Map<string, Pod>();
        for (const step of operations) {
          const uid = String(step.pod.id);
          const options: PodOptions = { uid };
          if (step.pod.cpu !== undefined) options.cpu = step.pod.cpu;
          if (step.pod.gpu !== undefined) options.gpu = step.pod.gpu;
          if (step.pod.hostPort !== undefined) options.hostPort = step.pod.hostPort;
          if (step.pod.affinity !== undefined) options.affinity = step.pod.affinity;
          if (step.add && !present.has(uid)) {
            const added = pod(`pod-${uid}`, options);
            present.set(uid, added);
            incremental.addPod(added);
          } else if (!step.add) {
            expect(incremental.removePod(pod(`pod-${uid}`, { uid }))).toBe(present.delete(uid));
          }
        }
        const fresh = createNodeInfo(node("node-1"), [...present.values()]);
        expect(view(incremental)).toEqual(view(fresh));
      }),
    );
  });
});

describe("createNodeInfoLister", () => {
  const first = createNodeInfo(node("node-1", [{ names: ["nginx:1.0", "nginx:latest"], sizeBytes: 100 }]), [
    pod("a", { affinity: "preferred" }),
  ]);
  const second = createNodeInfo(node("node-2", [{ names: ["nginx:1.0"], sizeBytes: 100 }]), [
    pod("b", { affinity: "required" }),
  ]);
  const third = createNodeInfo(node("node-3"));
  const lister = createNodeInfoLister([first, second, third]);

  it("lists the nodes in order and finds them by name", () => {
    expect(lister.list().map((nodeInfo) => nodeInfo.name)).toEqual(["node-1", "node-2", "node-3"]);
    expect(lister.get("node-2")).toBe(second);
    expect(lister.get("missing")).toBeUndefined();
  });

  it("lists the nodes holding pods with affinity and with required anti-affinity", () => {
    expect(lister.havePodsWithAffinityList().map((nodeInfo) => nodeInfo.name)).toEqual(["node-1", "node-2"]);
    expect(lister.havePodsWithRequiredAntiAffinityList().map((nodeInfo) => nodeInfo.name)).toEqual([
      "node-2",
    ]);
  });

  it("counts how many nodes have each image name", () => {
    expect(first.imageStates.get("nginx:1.0")).toEqual({ size: 100, numNodes: 2 });
    expect(first.imageStates.get("nginx:latest")).toEqual({ size: 100, numNodes: 1 });
    expect(second.imageStates.get("nginx:1.0")).toEqual({ size: 100, numNodes: 2 });
  });
});

describe("NodeInfo generation and name", () => {
  it.each([
    {
      name: "a lister that changes an image count bumps the node's generation",
      images: [{ names: ["nginx:1.0"], sizeBytes: 100 }],
      otherImages: [{ names: ["nginx:1.0"], sizeBytes: 100 }],
      bumped: true,
    },
    {
      name: "a lister that leaves every image count as it was keeps the generation",
      images: [{ names: ["nginx:1.0"], sizeBytes: 100 }],
      otherImages: [{ names: ["redis:7"], sizeBytes: 100 }],
      bumped: false,
    },
    {
      name: "a node without images keeps its generation",
      images: [],
      otherImages: [{ names: ["nginx:1.0"], sizeBytes: 100 }],
      bumped: false,
    },
  ])("$name", ({ images, otherImages, bumped }) => {
    const nodeInfo = createNodeInfo(node("node-1", images));
    const before = nodeInfo.generation;
    createNodeInfoLister([nodeInfo, createNodeInfo(node("node-2", otherImages))]);
    expect(nodeInfo.generation !== before).toBe(bumped);
  });

  it.each([
    {
      name: "follows the node object through setNode",
      change: (nodeInfo: MutableNodeInfo) => nodeInfo.setNode(node("renamed")),
      expected: "renamed",
    },
    {
      name: "falls back to the pods' node name once the node is gone",
      change: (nodeInfo: MutableNodeInfo) => {
        nodeInfo.addPod(pod("p"));
        nodeInfo.setNode(undefined);
      },
      expected: "node-1",
    },
    {
      name: "is kept by a clone",
      change: (nodeInfo: MutableNodeInfo) => nodeInfo,
      expected: "original",
    },
  ])("the name $name", ({ change, expected }) => {
    const nodeInfo = createNodeInfo(node("original"));
    change(nodeInfo);
    expect(nodeInfo.clone().name).toBe(expected);
    expect(nodeInfo.name).toBe(expected);
  });
});

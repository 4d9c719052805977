import type { Node, NodeStatus, PodSpec } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { evaluatePlugin } from "../../evaluate-plugin/index.js";
import { normalizedImageName } from "./image-locality.js";

const mb = 1024 * 1024;

const spec = (images: string[], initImages: string[] = []): PodSpec => ({
  containers: images.map((image, index) => ({ name: `c${index}`, image })),
  ...(initImages.length === 0
    ? {}
    : { initContainers: initImages.map((image, index) => ({ name: `i${index}`, image })) }),
});

const image = (sizeInMb: number, ...names: string[]) => ({ names, sizeBytes: sizeInMb * mb });

const test40250 = spec(["gcr.io/40", "gcr.io/250"]);
const test40300 = spec(["gcr.io/40", "gcr.io/300"]);
const testMinMax = spec(["gcr.io/10", "gcr.io/4000"]);
const test300600900 = spec(["gcr.io/300", "gcr.io/600", "gcr.io/900"]);
const test3040 = spec(["gcr.io/30", "gcr.io/40"]);
const test30Init300 = spec(["gcr.io/30"], ["gcr.io/300"]);

const node403002000: NodeStatus = {
  images: [
    image(40, "gcr.io/40:latest", "gcr.io/40:v1", "gcr.io/40:v1"),
    image(300, "gcr.io/300:latest", "gcr.io/300:v1"),
    image(2000, "gcr.io/2000:latest"),
  ],
};
const node25010: NodeStatus = {
  images: [image(250, "gcr.io/250:latest"), image(10, "gcr.io/10:latest", "gcr.io/10:v1")],
};
const node60040900: NodeStatus = {
  images: [image(600, "gcr.io/600:latest"), image(40, "gcr.io/40:latest"), image(900, "gcr.io/900:latest")],
};
const node300600900: NodeStatus = {
  images: [image(300, "gcr.io/300:latest"), image(600, "gcr.io/600:latest"), image(900, "gcr.io/900:latest")],
};
const node400030: NodeStatus = { images: [image(4000, "gcr.io/4000:latest"), image(30, "gcr.io/30:latest")] };
const node203040: NodeStatus = {
  images: [image(20, "gcr.io/20:latest"), image(30, "gcr.io/30:latest"), image(40, "gcr.io/40:latest")],
};
const nodeWithNoImages: NodeStatus = {};

const makeImageNode = (name: string, status: NodeStatus): Node => ({ metadata: { name }, status });

// Upstream's TestImageLocalityPriority (v1.32: init containers count, the upper bound is per container).
const cases: ReadonlyArray<{ name: string; spec: PodSpec; nodes: Node[]; expected: number[] }> = [
  {
    name: "two images spread on two nodes: the node with the larger image wins",
    spec: test40250,
    nodes: [makeImageNode("node1", node403002000), makeImageNode("node2", node25010)],
    expected: [0, 5],
  },
  {
    name: "two images on one node: that node wins",
    spec: test40300,
    nodes: [makeImageNode("node1", node403002000), makeImageNode("node2", node25010)],
    expected: [7, 0],
  },
  {
    name: "an image above the upper bound scores the maximum",
    spec: testMinMax,
    nodes: [makeImageNode("node1", node400030), makeImageNode("node2", node25010)],
    expected: [100, 0],
  },
  {
    name: "a node without images counts towards the spread",
    spec: testMinMax,
    nodes: [
      makeImageNode("node1", node400030),
      makeImageNode("node2", node25010),
      makeImageNode("node3", nodeWithNoImages),
    ],
    expected: [66, 0, 0],
  },
  {
    name: "several large images favour the node that has all of them",
    spec: test300600900,
    nodes: [
      makeImageNode("node1", node60040900),
      makeImageNode("node2", node300600900),
      makeImageNode("node3", nodeWithNoImages),
    ],
    expected: [32, 36, 0],
  },
  {
    name: "several small images barely register",
    spec: test3040,
    nodes: [makeImageNode("node1", node203040), makeImageNode("node2", node400030)],
    expected: [1, 0],
  },
  {
    name: "init container images count too",
    spec: test30Init300,
    nodes: [makeImageNode("node1", node403002000), makeImageNode("node2", node203040)],
    expected: [6, 0],
  },
];

describe("ImageLocality", () => {
  it.each(cases)("$name", ({ spec: podSpec, nodes, expected }) => {
    const result = evaluatePlugin("ImageLocality", { pod: { spec: podSpec }, nodes });
    expect(result.filter).toEqual(nodes.map(() => ({ code: "Success", reasons: [] })));
    expect(result.scores).toEqual(expected);
    expect(result.normalizedScores).toEqual(expected);
    expect(result.scoreStatus).toEqual({ code: "Success", reasons: [] });
  });

  it("scores a pod without containers 0", () => {
    const result = evaluatePlugin("ImageLocality", {
      pod: {},
      nodes: [makeImageNode("node1", node403002000)],
    });
    expect(result.scores).toEqual([0]);
  });
});

// Upstream's TestNormalizedImageName.
const nameCases = [
  { name: "adds :latest to a bare name", input: "root", output: "root:latest" },
  {
    name: "adds :latest after a registry port",
    input: "gcr.io:5000/root",
    output: "gcr.io:5000/root:latest",
  },
  { name: "keeps a tag", input: "root:tag", output: "root:tag" },
  {
    name: "keeps a digest",
    input: "root@sha256:4813494d137e1631bba301d5acab6e7bb7aa74ce1185d456565ef51d737677b2",
    output: "root@sha256:4813494d137e1631bba301d5acab6e7bb7aa74ce1185d456565ef51d737677b2",
  },
];

describe("normalizedImageName", () => {
  it.each(nameCases)("$name", ({ input, output }) => {
    expect(normalizedImageName(input)).toBe(output);
  });
});

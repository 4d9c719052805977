import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { evaluatePlugin } from "../../evaluate-plugin/index.js";
import { defaultFeatures } from "../../framework/types.js";
import { createNodeName } from "./node-name.js";

// Upstream's TestNodeName, run through evaluatePlugin.
const cases: ReadonlyArray<{ name: string; pod: Pod; node: Node; want: unknown }> = [
  {
    name: "a pod without a node name fits any node",
    pod: {},
    node: {},
    want: { code: "Success", reasons: [] },
  },
  {
    name: "a pod fits the node it names",
    pod: { spec: { containers: [], nodeName: "foo" } },
    node: { metadata: { name: "foo" } },
    want: { code: "Success", reasons: [] },
  },
  {
    name: "a pod does not fit a node it does not name",
    pod: { spec: { containers: [], nodeName: "bar" } },
    node: { metadata: { name: "foo" } },
    want: { code: "UnschedulableAndUnresolvable", reasons: ["node(s) didn't match the requested node name"] },
  },
];

describe("NodeName", () => {
  it.each(cases)("$name", ({ pod, node, want }) => {
    expect(evaluatePlugin("NodeName", { pod, nodes: [node] })).toEqual({ filter: [want] });
  });

  it("registers only node additions when queueing hints are on", () => {
    expect(
      createNodeName({ ...defaultFeatures, enableSchedulingQueueHint: true }).eventsToRegister(),
    ).toEqual([{ resource: "Node", action: "Add" }]);
    expect(
      createNodeName(defaultFeatures)
        .eventsToRegister()
        .map((event) => event.action),
    ).toEqual(["Add", "UpdateNodeLabel", "UpdateNodeTaint"]);
  });
});

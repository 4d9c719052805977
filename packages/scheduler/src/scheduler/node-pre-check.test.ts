import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createNodeInfo } from "../framework/node-info.js";
import { preCheckForNode } from "./node-pre-check.js";

const node: Node = {
  metadata: { name: "n1", labels: { disk: "ssd" } },
  spec: { taints: [{ key: "dedicated", value: "db", effect: "NoSchedule" }] },
  status: { allocatable: { cpu: "2", memory: "4Gi", pods: "10" } },
};
const tolerating = [{ key: "dedicated", operator: "Equal", value: "db", effect: "NoSchedule" }];

function pod(spec: Partial<NonNullable<Pod["spec"]>>): Pod {
  return {
    metadata: { name: "p", namespace: "default" },
    spec: { containers: [{ name: "c" }], tolerations: tolerating, ...spec },
  };
}

describe("preCheckForNode", () => {
  const check = preCheckForNode(createNodeInfo(node));
  it.each([
    { name: "accepts a pod that could run there", input: pod({}), expected: true },
    {
      name: "rejects a pod that does not tolerate a NoSchedule taint",
      input: pod({ tolerations: [] }),
      expected: false,
    },
    {
      name: "rejects a pod whose nodeSelector does not match",
      input: pod({ nodeSelector: { disk: "hdd" } }),
      expected: false,
    },
    { name: "rejects a pod bound by name to another node", input: pod({ nodeName: "n2" }), expected: false },
    {
      name: "rejects a pod that needs more cpu than the node has",
      input: pod({ containers: [{ name: "c", resources: { requests: { cpu: "3" } } }] }),
      expected: false,
    },
  ])("$name", ({ input, expected }) => {
    expect(check(input)).toBe(expected);
  });
});

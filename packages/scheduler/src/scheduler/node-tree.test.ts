import type { Node } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { NodeTree, zoneKeyOf } from "./node-tree.js";

function node(name: string, zone?: string, region?: string): Node {
  const labels: Record<string, string> = {};
  if (zone !== undefined) labels["topology.kubernetes.io/zone"] = zone;
  if (region !== undefined) labels["topology.kubernetes.io/region"] = region;
  return { metadata: { name, labels } };
}

describe("NodeTree", () => {
  it("lists nodes round robin across zones in the order zones appeared", () => {
    const tree = new NodeTree();
    for (const entry of [
      node("a1", "a"),
      node("a2", "a"),
      node("a3", "a"),
      node("b1", "b"),
      node("c1", "c"),
      node("c2", "c"),
    ]) {
      tree.add(entry);
    }
    expect(tree.list()).toEqual(["a1", "b1", "c1", "a2", "c2", "a3"]);
  });

  it("drops an emptied zone and moves a node whose zone changed to the end of its new zone", () => {
    const tree = new NodeTree();
    for (const entry of [node("a1", "a"), node("b1", "b"), node("b2", "b")]) tree.add(entry);
    tree.remove("a1");
    tree.update(node("b1", "c"));
    expect(tree.list()).toEqual(["b2", "b1"]);
    expect(tree.size).toBe(2);
  });

  it.each([
    { name: "uses region and zone", input: node("n", "z1", "r1"), expected: "r1:\u0000:z1" },
    { name: "is empty without either label", input: node("n"), expected: "" },
    {
      name: "falls back to the beta labels",
      input: { metadata: { name: "n", labels: { "failure-domain.beta.kubernetes.io/zone": "old" } } },
      expected: ":\u0000:old",
    },
  ])("zoneKeyOf $name", ({ input, expected }) => {
    expect(zoneKeyOf(input)).toBe(expected);
  });
});

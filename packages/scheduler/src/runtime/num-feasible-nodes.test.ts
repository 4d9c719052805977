import { describe, expect, it } from "vitest";
import { numFeasibleNodesToFind } from "./num-feasible-nodes.js";

describe("numFeasibleNodesToFind", () => {
  it.each([
    { name: "takes every node below 100 nodes", profile: undefined, global: 0, nodes: 50, expected: 50 },
    { name: "takes every node at 99 nodes", profile: undefined, global: 0, nodes: 99, expected: 99 },
    { name: "takes 100 of 100 nodes (the floor)", profile: undefined, global: 0, nodes: 100, expected: 100 },
    {
      name: "takes 42 percent of 1000 nodes adaptively",
      profile: undefined,
      global: 0,
      nodes: 1000,
      expected: 420,
    },
    {
      name: "takes 10 percent of 5000 nodes adaptively",
      profile: undefined,
      global: 0,
      nodes: 5000,
      expected: 500,
    },
    {
      name: "takes 5 percent of 6000 nodes adaptively",
      profile: undefined,
      global: 0,
      nodes: 6000,
      expected: 300,
    },
    {
      name: "takes 5 percent of 15000 nodes adaptively",
      profile: undefined,
      global: 0,
      nodes: 15000,
      expected: 750,
    },
    {
      name: "uses the global percentage when the profile has none",
      profile: undefined,
      global: 30,
      nodes: 1000,
      expected: 300,
    },
    {
      name: "prefers the profile's percentage to the global one",
      profile: 20,
      global: 30,
      nodes: 1000,
      expected: 200,
    },
    {
      name: "treats a profile percentage of 0 as adaptive",
      profile: 0,
      global: 30,
      nodes: 1000,
      expected: 420,
    },
    { name: "never goes below 100 nodes", profile: 1, global: 0, nodes: 1000, expected: 100 },
    { name: "takes every node at 100 percent", profile: 100, global: 0, nodes: 5000, expected: 5000 },
  ])("$name", ({ profile, global, nodes, expected }) => {
    expect(numFeasibleNodesToFind(profile, global, nodes)).toBe(expected);
  });
});

import type { NodeSelectorRequirement, NodeSelectorTerm, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { nodeNamesFromAffinityPins } from "./affinity-node-names.js";

function podWithTerms(terms: NodeSelectorTerm[] | undefined): Pod {
  return {
    spec: {
      containers: [],
      ...(terms === undefined
        ? {}
        : {
            affinity: {
              nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
            },
          }),
    },
  };
}
const nameIn = (...values: string[]): NodeSelectorRequirement => ({
  key: "metadata.name",
  operator: "In",
  values,
});

// Cases follow upstream's NodeAffinity PreFilter tests (TestNodeAffinity, wantPreFilterResult).
describe("nodeNamesFromAffinityPins", () => {
  it.each<{ name: string; pod: Pod; want: string[] | undefined }>([
    {
      name: "A pod without required node affinity is not narrowed.",
      pod: podWithTerms(undefined),
      want: undefined,
    },
    { name: "A required affinity with no terms is not narrowed.", pod: podWithTerms([]), want: undefined },
    {
      name: "A DaemonSet pin narrows to its node.",
      pod: podWithTerms([{ matchFields: [nameIn("node1")] }]),
      want: ["node1"],
    },
    {
      name: "A term that also has matchExpressions is still narrowed by its pin.",
      pod: podWithTerms([
        {
          matchFields: [nameIn("node1")],
          matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }],
        },
      ]),
      want: ["node1"],
    },
    {
      name: "Two terms with pins give the union of their names.",
      pod: podWithTerms([{ matchFields: [nameIn("node1")] }, { matchFields: [nameIn("node2")] }]),
      want: ["node1", "node2"],
    },
    {
      name: "Two pins in one term give the intersection of their names.",
      pod: podWithTerms([{ matchFields: [nameIn("a", "b", "c"), nameIn("b", "c", "d")] }]),
      want: ["b", "c"],
    },
    {
      name: "Two conflicting pins in one term give the empty set (pod affinity terms conflict).",
      pod: podWithTerms([{ matchFields: [nameIn("node1"), nameIn("node2")] }]),
      want: [],
    },
    {
      name: "A term without a pin means any node may match, so there is no narrowing.",
      pod: podWithTerms([
        { matchFields: [nameIn("node1"), nameIn("node2")] },
        { matchExpressions: [{ key: "foo", operator: "Exists" }] },
      ]),
      want: undefined,
    },
    {
      name: "An empty term has no pin, so there is no narrowing.",
      pod: podWithTerms([{ matchFields: [nameIn("node1")] }, {}]),
      want: undefined,
    },
    {
      name: "A NotIn on the node name is not a pin.",
      pod: podWithTerms([{ matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node1"] }] }]),
      want: undefined,
    },
    {
      name: "A label named metadata.name is not a pin.",
      pod: podWithTerms([
        { matchExpressions: [{ key: "metadata.name", operator: "In", values: ["node1"] }] },
      ]),
      want: undefined,
    },
    {
      name: "An In pin that lists several names narrows to all of them, although it is invalid for matching.",
      pod: podWithTerms([{ matchFields: [nameIn("node1", "node2")] }]),
      want: ["node1", "node2"],
    },
  ])("$name", ({ pod, want }) => {
    const names = nodeNamesFromAffinityPins(pod);
    expect(names === undefined ? undefined : [...names].sort()).toEqual(want);
  });
});

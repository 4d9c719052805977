import type { Node, NodeSelector } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { matchNodeSelectorTerms } from "./match-node-selector-terms.js";

const labelTerm = { matchExpressions: [{ key: "label_1", operator: "In", values: ["label_1_val"] }] };
const nameTerm = { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }] };

// Ported from upstream helpers_test.go TestMatchNodeSelectorTerms.
describe("matchNodeSelectorTerms (upstream TestMatchNodeSelectorTerms)", () => {
  it.each<{ name: string; selector: NodeSelector | undefined; node: Node | undefined; want: boolean }>([
    { name: "Nil terms and a nil node do not match.", selector: undefined, node: undefined, want: false },
    {
      name: "A node label matches the matchExpressions terms.",
      selector: { nodeSelectorTerms: [labelTerm] },
      node: { metadata: { labels: { label_1: "label_1_val" } } },
      want: true,
    },
    {
      name: "A node field matches the matchFields terms.",
      selector: { nodeSelectorTerms: [nameTerm] },
      node: { metadata: { name: "host_1" } },
      want: true,
    },
    {
      name: "An invalid node field requirement does not match (its error is ignored).",
      selector: {
        nodeSelectorTerms: [
          { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1", "host_2"] }] },
        ],
      },
      node: { metadata: { name: "host_1" } },
      want: false,
    },
    {
      name: "A field selector term does not read node labels.",
      selector: { nodeSelectorTerms: [nameTerm] },
      node: { metadata: { name: "not_host_1", labels: { "metadata.name": "host_1" } } },
      want: false,
    },
    {
      name: "A label selector term does not read node fields.",
      selector: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: "metadata.name", operator: "In", values: ["host_1"] }] },
        ],
      },
      node: { metadata: { name: "host_1" } },
      want: false,
    },
    {
      name: "A term with both label and field selectors does not match a node with only the field.",
      selector: { nodeSelectorTerms: [{ ...labelTerm, ...nameTerm }] },
      node: { metadata: { name: "host_1" } },
      want: false,
    },
    {
      name: "A term with both label and field selectors matches a node with both.",
      selector: { nodeSelectorTerms: [{ ...labelTerm, ...nameTerm }] },
      node: { metadata: { name: "host_1", labels: { label_1: "label_1_val" } } },
      want: true,
    },
    {
      name: "A term with both label and field selectors does not match when the label mismatches.",
      selector: { nodeSelectorTerms: [{ ...labelTerm, ...nameTerm }] },
      node: { metadata: { name: "host_1", labels: { label_1: "label_1_val-failed" } } },
      want: false,
    },
    {
      name: "With two terms, the field term matches even though the label term does not.",
      selector: { nodeSelectorTerms: [labelTerm, nameTerm] },
      node: { metadata: { name: "host_1", labels: { label_1: "label_1_val-failed" } } },
      want: true,
    },
    {
      name: "A missing selector matches nothing.",
      selector: undefined,
      node: { metadata: { name: "host_1" } },
      want: false,
    },
  ])("$name", ({ selector, node, want }) => {
    expect(matchNodeSelectorTerms(node, selector)).toBe(want);
  });

  // Ported from upstream TestMatchNodeSelectorTermsStateless: matching must not reorder values.
  it("Matching leaves the selector untouched, unordered values included.", () => {
    const selector: NodeSelector = {
      nodeSelectorTerms: [
        {
          matchExpressions: [{ key: "label_1", operator: "In", values: ["label_2_val", "label_1_val"] }],
          matchFields: [{ key: "metadata.name", operator: "In", values: ["host_2", "host_1"] }],
        },
      ],
    };
    const before = structuredClone(selector);
    matchNodeSelectorTerms({ metadata: { name: "host_1", labels: { label_1: "label_1_val" } } }, selector);
    expect(selector).toEqual(before);
  });
});

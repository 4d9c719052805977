import type { Node, NodeSelectorTerm, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { requiredNodeAffinity } from "./required-node-affinity.js";

function podWith(options: { nodeSelector?: Record<string, string>; terms?: NodeSelectorTerm[] | null }): Pod {
  const { nodeSelector, terms } = options;
  return {
    metadata: { name: "pod" },
    spec: {
      containers: [],
      ...(nodeSelector ? { nodeSelector } : {}),
      ...(terms === undefined
        ? {}
        : {
            affinity: {
              nodeAffinity:
                terms === null
                  ? {}
                  : { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
            },
          }),
    },
  };
}

const nameIn = (name: string): NodeSelectorTerm => ({
  matchFields: [{ key: "metadata.name", operator: "In", values: [name] }],
});
const fooIn = (...values: string[]): NodeSelectorTerm => ({
  matchExpressions: [{ key: "foo", operator: "In", values }],
});

// Ported from upstream TestPodMatchesNodeSelectorAndAffinityTerms (GetRequiredNodeAffinity(pod).Match).
describe("requiredNodeAffinity matches (upstream TestPodMatchesNodeSelectorAndAffinityTerms)", () => {
  it.each<{ name: string; pod: Pod; labels?: Record<string, string>; nodeName?: string; want: boolean }>([
    { name: "A pod with no selector matches any node.", pod: podWith({}), want: true },
    {
      name: "A nodeSelector does not match a node missing the label.",
      pod: podWith({ nodeSelector: { foo: "bar" } }),
      want: false,
    },
    {
      name: "A nodeSelector matches a node with the same labels.",
      pod: podWith({ nodeSelector: { foo: "bar" } }),
      labels: { foo: "bar" },
      want: true,
    },
    {
      name: "A nodeSelector matches a node whose labels are a superset.",
      pod: podWith({ nodeSelector: { foo: "bar" } }),
      labels: { foo: "bar", baz: "blah" },
      want: true,
    },
    {
      name: "A nodeSelector does not match a node whose labels are a subset.",
      pod: podWith({ nodeSelector: { foo: "bar", baz: "blah" } }),
      labels: { foo: "bar" },
      want: false,
    },
    {
      name: "A nodeSelector value must match exactly, not as a prefix.",
      pod: podWith({ nodeSelector: { foo: "bar" } }),
      labels: { foo: "barrrrrr" },
      want: false,
    },
    {
      name: "Pod with matchExpressions using In operator that matches the existing node.",
      pod: podWith({ terms: [fooIn("bar", "value2")] }),
      labels: { foo: "bar" },
      want: true,
    },
    {
      name: "Pod with matchExpressions using Gt operator that matches the existing node.",
      pod: podWith({
        terms: [{ matchExpressions: [{ key: "kernel-version", operator: "Gt", values: ["0204"] }] }],
      }),
      labels: { "kernel-version": "0206" },
      want: true,
    },
    {
      name: "Pod with matchExpressions using NotIn operator that matches the existing node.",
      pod: podWith({
        terms: [{ matchExpressions: [{ key: "mem-type", operator: "NotIn", values: ["DDR", "DDR2"] }] }],
      }),
      labels: { "mem-type": "DDR3" },
      want: true,
    },
    {
      name: "Pod with matchExpressions using Exists operator that matches the existing node.",
      pod: podWith({ terms: [{ matchExpressions: [{ key: "GPU", operator: "Exists" }] }] }),
      labels: { GPU: "NVIDIA-GRID-K1" },
      want: true,
    },
    {
      name: "Pod with affinity that don't match node's labels won't schedule onto the node.",
      pod: podWith({ terms: [fooIn("value1", "value2")] }),
      labels: { foo: "bar" },
      want: false,
    },
    {
      name: "Pod with an empty []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node.",
      pod: podWith({ terms: [] }),
      labels: { foo: "bar" },
      want: false,
    },
    {
      name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node.",
      pod: podWith({ terms: [{ matchExpressions: [] }] }),
      labels: { foo: "bar" },
      want: false,
    },
    {
      name: "Pod with no Affinity will schedule onto a node.",
      pod: podWith({}),
      labels: { foo: "bar" },
      want: true,
    },
    {
      name: "Pod with Affinity but nil NodeSelector will schedule onto a node.",
      pod: podWith({ terms: null }),
      labels: { foo: "bar" },
      want: true,
    },
    {
      name: "Pod with multiple matchExpressions ANDed that matches the existing node.",
      pod: podWith({
        terms: [
          {
            matchExpressions: [
              { key: "GPU", operator: "Exists" },
              { key: "GPU", operator: "NotIn", values: ["AMD", "INTER"] },
            ],
          },
        ],
      }),
      labels: { GPU: "NVIDIA-GRID-K1" },
      want: true,
    },
    {
      name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node.",
      pod: podWith({
        terms: [
          {
            matchExpressions: [
              { key: "GPU", operator: "Exists" },
              { key: "GPU", operator: "In", values: ["AMD", "INTER"] },
            ],
          },
        ],
      }),
      labels: { GPU: "NVIDIA-GRID-K1" },
      want: false,
    },
    {
      name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node.",
      pod: podWith({
        terms: [
          fooIn("bar", "value2"),
          { matchExpressions: [{ key: "diffkey", operator: "In", values: ["wrong", "value2"] }] },
        ],
      }),
      labels: { foo: "bar" },
      want: true,
    },
    {
      name: "Pod with an Affinity and a PodSpec.NodeSelector both satisfied will schedule onto the node.",
      pod: podWith({
        nodeSelector: { foo: "bar" },
        terms: [{ matchExpressions: [{ key: "foo", operator: "Exists" }] }],
      }),
      labels: { foo: "bar" },
      want: true,
    },
    {
      name: "Pod with an Affinity matching node's labels but an unsatisfied PodSpec.NodeSelector won't schedule onto the node.",
      pod: podWith({
        nodeSelector: { foo: "bar" },
        terms: [{ matchExpressions: [{ key: "foo", operator: "Exists" }] }],
      }),
      labels: { foo: "barrrrrr" },
      want: false,
    },
    {
      name: "Pod with an invalid value in Affinity term won't be scheduled onto the node.",
      pod: podWith({
        terms: [
          { matchExpressions: [{ key: "foo", operator: "NotIn", values: ["invalid value: ___@#$%^"] }] },
        ],
      }),
      labels: { foo: "bar" },
      want: false,
    },
    {
      name: "Pod with matchFields using In operator that matches the existing node.",
      pod: podWith({ terms: [nameIn("node_1")] }),
      nodeName: "node_1",
      want: true,
    },
    {
      name: "Pod with matchFields using In operator that does not match the existing node.",
      pod: podWith({ terms: [nameIn("node_1")] }),
      nodeName: "node_2",
      want: false,
    },
    {
      name: "Pod with two terms: matchFields does not match, but matchExpressions matches.",
      pod: podWith({ terms: [nameIn("node_1"), fooIn("bar")] }),
      nodeName: "node_2",
      labels: { foo: "bar" },
      want: true,
    },
    {
      name: "Pod with one term: matchFields does not match, but matchExpressions matches.",
      pod: podWith({ terms: [{ ...nameIn("node_1"), ...fooIn("bar") }] }),
      nodeName: "node_2",
      labels: { foo: "bar" },
      want: false,
    },
    {
      name: "Pod with one term: both matchFields and matchExpressions match.",
      pod: podWith({ terms: [{ ...nameIn("node_1"), ...fooIn("bar") }] }),
      nodeName: "node_1",
      labels: { foo: "bar" },
      want: true,
    },
    {
      name: "Pod with two terms: both matchFields and matchExpressions do not match.",
      pod: podWith({ terms: [nameIn("node_1"), fooIn("not-match-to-bar")] }),
      nodeName: "node_2",
      labels: { foo: "bar" },
      want: false,
    },
    {
      name: "A DaemonSet pod (nodeSelector plus metadata.name pin) matches its own node when the labels fit.",
      pod: podWith({ nodeSelector: { "kubernetes.io/os": "linux" }, terms: [nameIn("node-7")] }),
      nodeName: "node-7",
      labels: { "kubernetes.io/os": "linux" },
      want: true,
    },
    {
      name: "A DaemonSet pod pinned to its node still fails there when the nodeSelector does not fit.",
      pod: podWith({ nodeSelector: { "kubernetes.io/os": "linux" }, terms: [nameIn("node-7")] }),
      nodeName: "node-7",
      labels: { "kubernetes.io/os": "windows" },
      want: false,
    },
    {
      name: "A nodeSelector key __proto__ is an ordinary label key.",
      pod: podWith({ nodeSelector: JSON.parse('{"__proto__":"x"}') }),
      labels: JSON.parse('{"__proto__":"x"}'),
      want: true,
    },
  ])("$name", ({ pod, labels, nodeName, want }) => {
    const node: Node = { metadata: { name: nodeName ?? "", ...(labels ? { labels } : {}) } };
    expect(requiredNodeAffinity(pod).matches(node)).toBe(want);
    expect(requiredNodeAffinity(pod).match(node).matches).toBe(want);
  });
});

describe("requiredNodeAffinity details", () => {
  it.each<{ name: string; pod: Pod; want: [boolean, boolean, boolean] }>([
    {
      name: "A pod without selector or affinity has no constraint.",
      pod: podWith({}),
      want: [false, false, false],
    },
    {
      name: "An empty nodeSelector map is no constraint.",
      pod: podWith({ nodeSelector: {} }),
      want: [false, false, false],
    },
    {
      name: "Node affinity without a required part is no constraint.",
      pod: podWith({ terms: null }),
      want: [false, false, false],
    },
    {
      name: "A required affinity with no terms is a constraint.",
      pod: podWith({ terms: [] }),
      want: [false, true, true],
    },
    {
      name: "A non-empty nodeSelector is a constraint.",
      pod: podWith({ nodeSelector: { a: "b" } }),
      want: [true, false, true],
    },
  ])("$name", ({ pod, want }) => {
    const affinity = requiredNodeAffinity(pod);
    expect([affinity.hasNodeSelector, affinity.hasRequiredAffinity, affinity.hasConstraint]).toEqual(want);
  });

  it("match reports the parse errors of invalid terms when no valid term matched.", () => {
    const pod = podWith({
      terms: [{ matchExpressions: [{ key: "foo", operator: "NotIn", values: ["bad value!"] }] }],
    });
    const result = requiredNodeAffinity(pod).match({ metadata: { name: "n", labels: { foo: "bar" } } });
    expect(result.matches).toBe(false);
    expect(result.error?.message).toBe(
      "nodeSelectorTerms[0].matchExpressions[0].values[0][foo]: Invalid value: \"bad value!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  });

  it("match reports no error when the nodeSelector already rejects the node.", () => {
    const pod = podWith({
      nodeSelector: { a: "b" },
      terms: [{ matchExpressions: [{ key: "foo", operator: "Bad" }] }],
    });
    expect(requiredNodeAffinity(pod).match({ metadata: { name: "n" } })).toEqual({ matches: false });
  });

  it("A pod without constraints matches even a missing node, as upstream does.", () => {
    expect(requiredNodeAffinity(podWith({})).matches(undefined)).toBe(true);
  });

  it("A pod with a nodeSelector does not match a missing node.", () => {
    expect(requiredNodeAffinity(podWith({ nodeSelector: { a: "b" } })).matches(undefined)).toBe(false);
  });
});

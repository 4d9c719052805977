import type { Node, NodeAffinity, NodeSelectorRequirement, NodeSelectorTerm, Pod } from "@kubesim/core";
import { StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { evaluatePlugin } from "../../evaluate-plugin/index.js";
import { CycleState } from "../../framework/cycle-state.js";
import { createNodeInfo } from "../../framework/node-info.js";
import { defaultFeatures } from "../../framework/types.js";
import { createNodeAffinity } from "./node-affinity.js";
import type { NodeAffinityArgs } from "./node-affinity-args.js";

const reasonPod = "node(s) didn't match Pod's node affinity/selector";
const reasonEnforced = "node(s) didn't match scheduler-enforced node affinity";
const success = { code: "Success", reasons: [] };
const skip = { code: "Skip", reasons: [] };
const rejected = (reason: string) => ({ code: "UnschedulableAndUnresolvable", reasons: [reason] });

function requiredPod(terms: NodeSelectorTerm[], nodeSelector?: Record<string, string>): Pod {
  return {
    spec: {
      containers: [],
      ...(nodeSelector === undefined ? {} : { nodeSelector }),
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
      },
    },
  };
}

function expressions(...requirements: NodeSelectorRequirement[]): NodeSelectorTerm {
  return { matchExpressions: requirements };
}

function nameIn(...values: string[]): NodeSelectorRequirement {
  return { key: "metadata.name", operator: "In", values };
}

const nodeSelectorPod = (nodeSelector: Record<string, string>): Pod => ({
  spec: { containers: [], nodeSelector },
});

interface FilterCase {
  readonly name: string;
  readonly pod: Pod;
  readonly labels?: Record<string, string>;
  readonly nodeName?: string;
  readonly args?: NodeAffinityArgs;
  readonly runPreFilter?: boolean;
  readonly wantPreFilter?: unknown;
  readonly wantPreFilterNodeNames?: string[] | null;
  readonly wantFilter: unknown;
}

const addedNode2: NodeAffinityArgs = {
  addedAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [nameIn("node2")] }],
    },
  },
};

// Upstream's TestNodeAffinity (PreFilter and Filter), run through evaluatePlugin.
const filterCases: readonly FilterCase[] = [
  {
    name: "a node missing the selected label does not match",
    pod: nodeSelectorPod({ foo: "bar" }),
    wantFilter: rejected(reasonPod),
  },
  {
    name: "a node with the same labels matches",
    pod: nodeSelectorPod({ foo: "bar" }),
    labels: { foo: "bar" },
    wantFilter: success,
  },
  {
    name: "a node whose labels are a superset matches",
    pod: nodeSelectorPod({ foo: "bar" }),
    labels: { foo: "bar", baz: "blah" },
    wantFilter: success,
  },
  {
    name: "a node whose labels are a subset does not match",
    pod: nodeSelectorPod({ foo: "bar", baz: "blah" }),
    labels: { foo: "bar" },
    wantFilter: rejected(reasonPod),
  },
  {
    name: "matchExpressions with In matches the node",
    pod: requiredPod([expressions({ key: "foo", operator: "In", values: ["bar", "value2"] })]),
    labels: { foo: "bar" },
    wantFilter: success,
  },
  {
    name: "matchExpressions with Gt compares integers with leading zeros",
    pod: requiredPod([expressions({ key: "kernel-version", operator: "Gt", values: ["0204"] })]),
    labels: { "kernel-version": "0206" },
    wantFilter: success,
  },
  {
    name: "matchExpressions with NotIn matches a node with another value",
    pod: requiredPod([expressions({ key: "mem-type", operator: "NotIn", values: ["DDR", "DDR2"] })]),
    labels: { "mem-type": "DDR3" },
    wantFilter: success,
  },
  {
    name: "matchExpressions with Exists matches a node with the label",
    pod: requiredPod([expressions({ key: "GPU", operator: "Exists" })]),
    labels: { GPU: "NVIDIA-GRID-K1" },
    wantFilter: success,
  },
  {
    name: "an affinity that does not match the node's labels keeps the pod off",
    pod: requiredPod([expressions({ key: "foo", operator: "In", values: ["value1", "value2"] })]),
    labels: { foo: "bar" },
    wantFilter: rejected(reasonPod),
  },
  {
    name: "a term with empty matchExpressions matches no node",
    pod: requiredPod([{ matchExpressions: [] }]),
    labels: { foo: "bar" },
    wantFilter: rejected(reasonPod),
  },
  {
    name: "a pod without affinity skips the plugin",
    pod: {},
    labels: { foo: "bar" },
    wantPreFilter: skip,
    wantFilter: success,
  },
  {
    name: "a pod with node affinity but no required selector skips the plugin",
    pod: { spec: { containers: [], affinity: { nodeAffinity: {} } } },
    labels: { foo: "bar" },
    wantPreFilter: skip,
    wantFilter: success,
  },
  {
    name: "an empty nodeSelector is not absent, so the plugin does not skip",
    pod: nodeSelectorPod({}),
    labels: { foo: "bar" },
    wantFilter: success,
  },
  {
    name: "ANDed matchExpressions that all hold match the node",
    pod: requiredPod([
      expressions(
        { key: "GPU", operator: "Exists" },
        { key: "GPU", operator: "NotIn", values: ["AMD", "INTER"] },
      ),
    ]),
    labels: { GPU: "NVIDIA-GRID-K1" },
    wantFilter: success,
  },
  {
    name: "ANDed matchExpressions of which one fails do not match the node",
    pod: requiredPod([
      expressions(
        { key: "GPU", operator: "Exists" },
        { key: "GPU", operator: "In", values: ["AMD", "INTER"] },
      ),
    ]),
    labels: { GPU: "NVIDIA-GRID-K1" },
    wantFilter: rejected(reasonPod),
  },
  {
    name: "ORed nodeSelectorTerms match when one term matches",
    pod: requiredPod([
      expressions({ key: "foo", operator: "In", values: ["bar", "value2"] }),
      expressions({ key: "diffkey", operator: "In", values: ["wrong", "value2"] }),
    ]),
    labels: { foo: "bar" },
    wantFilter: success,
  },
  {
    name: "an affinity and a nodeSelector that both hold place the pod",
    pod: requiredPod([expressions({ key: "foo", operator: "Exists" })], { foo: "bar" }),
    labels: { foo: "bar" },
    wantFilter: success,
  },
  {
    name: "a matching affinity does not help when the nodeSelector fails",
    pod: requiredPod([expressions({ key: "foo", operator: "Exists" })], { foo: "bar" }),
    labels: { foo: "barrrrrr" },
    wantFilter: rejected(reasonPod),
  },
  {
    name: "an invalid value in an affinity term never matches",
    pod: requiredPod([expressions({ key: "foo", operator: "NotIn", values: ["invalid value: ___@#$%^"] })]),
    labels: { foo: "bar" },
    wantFilter: rejected(reasonPod),
  },
  {
    name: "matchFields with In narrows PreFilter to the named node, which matches",
    pod: requiredPod([{ matchFields: [nameIn("node1")] }]),
    nodeName: "node1",
    wantPreFilterNodeNames: ["node1"],
    wantFilter: success,
  },
  {
    name: "matchFields with In does not match another node",
    pod: requiredPod([{ matchFields: [nameIn("node1")] }]),
    nodeName: "node2",
    wantPreFilterNodeNames: ["node1"],
    wantFilter: rejected(reasonPod),
  },
  {
    name: "two terms where matchFields fails but matchExpressions matches do not narrow and match",
    pod: requiredPod([
      { matchFields: [nameIn("node1"), nameIn("node2")] },
      expressions({ key: "foo", operator: "In", values: ["bar"] }),
    ]),
    nodeName: "node2",
    labels: { foo: "bar" },
    wantFilter: success,
  },
  {
    name: "one term whose matchFields fails does not match even when its matchExpressions match",
    pod: requiredPod([
      { matchFields: [nameIn("node1")], matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] },
    ]),
    nodeName: "node2",
    labels: { foo: "bar" },
    wantPreFilterNodeNames: ["node1"],
    wantFilter: rejected(reasonPod),
  },
  {
    name: "one term where both matchFields and matchExpressions match",
    pod: requiredPod([
      { matchFields: [nameIn("node1")], matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] },
    ]),
    nodeName: "node1",
    labels: { foo: "bar" },
    wantPreFilterNodeNames: ["node1"],
    wantFilter: success,
  },
  {
    name: "two terms that both fail do not match",
    pod: requiredPod([
      { matchFields: [nameIn("node1")] },
      expressions({ key: "foo", operator: "In", values: ["not-match-to-bar"] }),
    ]),
    nodeName: "node2",
    labels: { foo: "bar" },
    wantFilter: rejected(reasonPod),
  },
  {
    name: "two terms pinning node names narrow PreFilter to their union",
    pod: requiredPod([{ matchFields: [nameIn("node1")] }, { matchFields: [nameIn("node2")] }]),
    nodeName: "node2",
    wantPreFilterNodeNames: ["node1", "node2"],
    wantFilter: success,
  },
  {
    name: "conflicting matchFields in one term make PreFilter fail, and Filter still rejects the node",
    pod: requiredPod([{ matchFields: [nameIn("node1"), nameIn("node2")] }]),
    nodeName: "node2",
    labels: { foo: "bar" },
    wantPreFilter: rejected("pod affinity terms conflict"),
    wantFilter: rejected(reasonPod),
  },
  {
    name: "a node matching the added affinity and the pod's affinity fits",
    pod: requiredPod([expressions({ key: "zone", operator: "In", values: ["foo"] })]),
    nodeName: "node2",
    labels: { zone: "foo" },
    args: addedNode2,
    wantFilter: success,
  },
  {
    name: "a node matching the added affinity but not the pod's affinity does not fit",
    pod: requiredPod([expressions({ key: "zone", operator: "In", values: ["bar"] })]),
    nodeName: "node2",
    labels: { zone: "foo" },
    args: addedNode2,
    wantFilter: rejected(reasonPod),
  },
  {
    name: "a node not matching the added affinity is rejected as scheduler-enforced",
    pod: {},
    nodeName: "node2",
    labels: { zone: "foo" },
    args: {
      addedAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [expressions({ key: "zone", operator: "In", values: ["bar"] })],
        },
      },
    },
    wantFilter: rejected(reasonEnforced),
  },
  {
    name: "the node selector matches even when PreFilter does not run",
    pod: nodeSelectorPod({ foo: "bar" }),
    labels: { foo: "bar", baz: "blah" },
    runPreFilter: false,
    wantFilter: success,
  },
  {
    name: "the node affinity matches even when PreFilter does not run",
    pod: requiredPod([
      expressions(
        { key: "GPU", operator: "Exists" },
        { key: "GPU", operator: "NotIn", values: ["AMD", "INTER"] },
      ),
    ]),
    labels: { GPU: "NVIDIA-GRID-K1" },
    runPreFilter: false,
    wantFilter: success,
  },
];

describe("NodeAffinity", () => {
  describe("PreFilter and Filter", () => {
    it.each(filterCases)("$name", (test) => {
      const node: Node = {
        metadata: {
          ...(test.nodeName === undefined ? {} : { name: test.nodeName }),
          labels: test.labels ?? {},
        },
      };
      const result = evaluatePlugin("NodeAffinity", {
        args: test.args,
        pod: test.pod,
        nodes: [node],
        runPreFilter: test.runPreFilter ?? true,
      });
      if (test.runPreFilter === false) {
        expect(result.preFilter).toBeUndefined();
      } else {
        expect(result.preFilter).toEqual(test.wantPreFilter ?? success);
        expect(result.preFilterNodeNames).toEqual(test.wantPreFilterNodeNames ?? null);
      }
      expect(result.filter).toEqual([test.wantFilter]);
    });

    it("narrows a DaemonSet pod to its pinned node among many", () => {
      const nodes: Node[] = Array.from({ length: 5 }, (_, index) => ({
        metadata: { name: `node-${index}` },
      }));
      const result = evaluatePlugin("NodeAffinity", {
        pod: requiredPod([{ matchFields: [nameIn("node-3")] }]),
        nodes,
      });
      expect(result.preFilterNodeNames).toEqual(["node-3"]);
      expect(result.filter.map((status) => status.code)).toEqual([
        "UnschedulableAndUnresolvable",
        "UnschedulableAndUnresolvable",
        "UnschedulableAndUnresolvable",
        "Success",
        "UnschedulableAndUnresolvable",
      ]);
    });
  });

  describe("Score", () => {
    const label1 = { foo: "bar" };
    const label2 = { key: "value" };
    const label3 = { az: "az1" };
    const label4 = { abc: "az11", def: "az22" };
    const label5 = { foo: "bar", key: "value", az: "az1" };
    const affinity1: NodeAffinity = {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 2, preference: expressions({ key: "foo", operator: "In", values: ["bar"] }) },
      ],
    };
    const affinity2: NodeAffinity = {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 2, preference: expressions({ key: "foo", operator: "In", values: ["bar"] }) },
        { weight: 4, preference: expressions({ key: "key", operator: "In", values: ["value"] }) },
        {
          weight: 5,
          preference: expressions(
            { key: "foo", operator: "In", values: ["bar"] },
            { key: "key", operator: "In", values: ["value"] },
            { key: "az", operator: "In", values: ["az1"] },
          ),
        },
      ],
    };
    const node = (name: string, labels: Record<string, string>): Node => ({ metadata: { name, labels } });
    const podWith = (nodeAffinity: NodeAffinity): Pod => ({
      spec: { containers: [], affinity: { nodeAffinity } },
    });

    // Upstream's TestNodeAffinityPriority, run through evaluatePlugin.
    const scoreCases: ReadonlyArray<{
      name: string;
      pod: Pod;
      nodes: Node[];
      args?: NodeAffinityArgs;
      runPreScore?: boolean;
      wantPreScore?: unknown;
      raw?: number[];
      normalized?: number[];
    }> = [
      {
        name: "all nodes score the same when the pod has no node affinity",
        pod: { metadata: { annotations: {} } },
        nodes: [node("node1", label1), node("node2", label2), node("node3", label3)],
        runPreScore: false,
        raw: [0, 0, 0],
        normalized: [0, 0, 0],
      },
      {
        name: "PreScore returns Skip when the pod has no node affinity",
        pod: { metadata: { annotations: {} } },
        nodes: [node("node1", label1)],
        wantPreScore: { code: "Skip", reasons: [] },
      },
      {
        name: "PreScore returns an Error when the pod has a broken preferred term",
        pod: podWith({
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 2, preference: expressions({ key: "invalid key", operator: "In", values: ["bar"] }) },
          ],
        }),
        nodes: [node("node1", label1)],
        wantPreScore: {
          code: "Error",
          reasons: [
            `[0].matchExpressions[0].key: Invalid value: "invalid key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
          ],
        },
      },
      {
        name: "no node matches the preferred terms, so every node scores zero",
        pod: podWith(affinity1),
        nodes: [node("node1", label4), node("node2", label2), node("node3", label3)],
        raw: [0, 0, 0],
        normalized: [0, 0, 0],
      },
      {
        name: "only node1 matches the preferred terms",
        pod: podWith(affinity1),
        nodes: [node("node1", label1), node("node2", label2), node("node3", label3)],
        raw: [2, 0, 0],
        normalized: [100, 0, 0],
      },
      {
        name: "all nodes match preferred terms with different weights",
        pod: podWith(affinity2),
        nodes: [node("node1", label1), node("node5", label5), node("node2", label2)],
        raw: [2, 11, 4],
        normalized: [18, 100, 36],
      },
      {
        name: "added preferred affinity scores nodes for a pod without affinity",
        pod: {},
        nodes: [node("node1", label1), node("node2", label2)],
        args: { addedAffinity: affinity1 },
        raw: [2, 0],
        normalized: [100, 0],
      },
      {
        name: "added preferred affinity adds to the pod's own",
        pod: podWith(affinity1),
        nodes: [node("node1", label1), node("node2", label2), node("node3", label5)],
        args: {
          addedAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 3, preference: expressions({ key: "key", operator: "In", values: ["value"] }) },
            ],
          },
        },
        raw: [2, 3, 5],
        normalized: [40, 60, 100],
      },
      {
        name: "scores are computed correctly even when PreScore does not run",
        pod: podWith(affinity2),
        nodes: [node("node1", label1), node("node5", label5), node("node2", label2)],
        runPreScore: false,
        raw: [2, 11, 4],
        normalized: [18, 100, 36],
      },
    ];

    it.each(scoreCases)("$name", (test) => {
      const result = evaluatePlugin("NodeAffinity", {
        args: test.args,
        pod: test.pod,
        nodes: test.nodes,
        runPreFilter: false,
        runPreScore: test.runPreScore ?? true,
      });
      if (test.runPreScore === false) expect(result.preScore).toBeUndefined();
      else expect(result.preScore).toEqual(test.wantPreScore ?? success);
      expect(result.scores).toEqual(test.raw);
      expect(result.normalizedScores).toEqual(test.normalized);
      expect(result.scoreStatus).toEqual(test.raw === undefined ? undefined : success);
    });
  });

  describe("args", () => {
    it("rejects an added affinity that does not parse, with every field error", () => {
      const args: NodeAffinityArgs = {
        addedAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [{ key: "foo", operator: "In", values: ["invalid value"] }],
                matchFields: [nameIn("node1", "node2")],
              },
            ],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, preference: expressions({ key: "foo", operator: "Lt", values: ["many"] }) },
          ],
        },
      };
      let thrown: unknown;
      try {
        evaluatePlugin("NodeAffinity", { args, pod: {}, nodes: [] });
      } catch (error) {
        thrown = error;
      }
      expect(StatusError.isInstance(thrown)).toBe(true);
      const statusError = thrown as StatusError;
      expect(statusError.reason).toBe("Invalid");
      expect(statusError.errors.map((error) => [error.type, error.field])).toEqual([
        [
          "FieldValueInvalid",
          "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0][foo]",
        ],
        [
          "FieldValueInvalid",
          "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values",
        ],
        [
          "FieldValueInvalid",
          "addedAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].matchExpressions[0].values[0]",
        ],
      ]);
      expect(
        statusError.message.startsWith(
          'NodeAffinityArgs.kubescheduler.config.k8s.io "NodeAffinity" is invalid: [',
        ),
      ).toBe(true);
    });

    it("rejects an added affinity that is not an object", () => {
      expect(() =>
        evaluatePlugin("NodeAffinity", { args: { addedAffinity: "zone=a" }, pod: {}, nodes: [] }),
      ).toThrow(
        'NodeAffinityArgs.kubescheduler.config.k8s.io "NodeAffinity" is invalid: addedAffinity: Invalid value: "zone=a": must be an object',
      );
    });

    it("accepts args without an added affinity", () => {
      expect(evaluatePlugin("NodeAffinity", { args: {}, pod: {}, nodes: [{}] }).filter).toEqual([success]);
      expect(evaluatePlugin("NodeAffinity", { args: null, pod: {}, nodes: [{}] }).filter).toEqual([success]);
    });
  });
});

describe("NodeAffinity reusing the parse of the last pod's required terms", () => {
  const zoneA: Node = { metadata: { name: "node-a", labels: { zone: "a" } } };
  const zoneB: Node = { metadata: { name: "node-b", labels: { zone: "b" } } };
  const inZone = (zone: string): NodeSelectorTerm =>
    expressions({ key: "zone", operator: "In", values: [zone] });
  const cases = [
    {
      name: "a pod with the same terms as the one before matches the same nodes",
      pods: [requiredPod([inZone("a")]), requiredPod([inZone("a")])],
      want: [
        [true, false],
        [true, false],
      ],
    },
    {
      name: "a pod with other terms than the one before gets its own answer",
      pods: [requiredPod([inZone("a")]), requiredPod([inZone("b")]), requiredPod([inZone("a")])],
      want: [
        [true, false],
        [false, true],
        [true, false],
      ],
    },
    {
      name: "a pod with the same terms but another nodeSelector gets its own answer",
      pods: [requiredPod([inZone("a")]), requiredPod([inZone("a")], { zone: "b" })],
      want: [
        [true, false],
        [false, false],
      ],
    },
    {
      name: "a pod whose terms hold an undefined member is never confused with a plain one",
      pods: [
        requiredPod([
          { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }], matchFields: undefined },
        ] as unknown as NodeSelectorTerm[]),
        requiredPod([inZone("b")]),
        requiredPod([inZone("b")]),
      ],
      want: [
        [true, false],
        [false, true],
        [false, true],
      ],
    },
  ];

  it.each(cases)("$name", ({ pods, want }) => {
    const plugin = createNodeAffinity(undefined, defaultFeatures);
    const nodeInfos = [createNodeInfo(zoneA), createNodeInfo(zoneB)];
    const got = pods.map((pod) => {
      const state = new CycleState();
      plugin.preFilter(state, pod, nodeInfos);
      return nodeInfos.map((nodeInfo) => plugin.filter(state, pod, nodeInfo) === undefined);
    });
    expect(got).toEqual(want);
  });
});

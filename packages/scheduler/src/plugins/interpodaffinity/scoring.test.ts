import type { Affinity, Node, Pod, WeightedPodAffinityTerm } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  CycleState,
  codeName,
  type NodeScore,
  type PreScorePlugin,
  type ScoreExtensions,
  type ScorePlugin,
} from "../../framework/index.js";
import { createNodeInfo } from "../../framework/node-info.js";
import { createTestCluster, makeNode, testFeatures } from "./affinity-test-fixtures.js";
import { createInterPodAffinity } from "./inter-pod-affinity.js";
import type { InterPodAffinityArgs } from "./inter-pod-affinity-args.js";

type Plugin = PreScorePlugin & ScorePlugin & ScoreExtensions;

const labelRgChina = { region: "China" };
const labelRgIndia = { region: "India" };
const labelAzAz1 = { az: "az1" };
const labelAzAz2 = { az: "az2" };
const labelRgChinaAzAz1 = { region: "China", az: "az1" };
const podLabelSecurityS1 = { security: "S1" };
const podLabelSecurityS2 = { security: "S2" };

const labelValueMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const securityIn = (values: string[]) => ({
  matchExpressions: [{ key: "security", operator: "In", values }],
});
const teamSelector = { matchExpressions: [{ key: "team", operator: "In", values: ["team1"] }] };

function weighted(weight: number, term: WeightedPodAffinityTerm["podAffinityTerm"]): WeightedPodAffinityTerm {
  return { weight, podAffinityTerm: term };
}

const stayWithS1InRegion: Affinity = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(5, { labelSelector: securityIn(["S1"]), topologyKey: "region" }),
    ],
  },
};
const stayWithS2InRegion: Affinity = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(6, { labelSelector: securityIn(["S2"]), topologyKey: "region" }),
    ],
  },
};
const affinity3: Affinity = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(8, {
        labelSelector: {
          matchExpressions: [
            { key: "security", operator: "NotIn", values: ["S1"] },
            { key: "security", operator: "In", values: ["S2"] },
          ],
        },
        topologyKey: "region",
      }),
      weighted(2, {
        labelSelector: {
          matchExpressions: [
            { key: "security", operator: "Exists" },
            { key: "wrongkey", operator: "DoesNotExist" },
          ],
        },
        topologyKey: "region",
      }),
    ],
  },
};
const hardAffinity: Affinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      { labelSelector: securityIn(["S1", "value2"]), topologyKey: "region" },
      {
        labelSelector: {
          matchExpressions: [
            { key: "security", operator: "Exists" },
            { key: "wrongkey", operator: "DoesNotExist" },
          ],
        },
        topologyKey: "region",
      },
    ],
  },
};
const awayFromS1InAz: Affinity = {
  podAntiAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(5, { labelSelector: securityIn(["S1"]), topologyKey: "az" }),
    ],
  },
};
const awayFromS2InAz: Affinity = {
  podAntiAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(5, { labelSelector: securityIn(["S2"]), topologyKey: "az" }),
    ],
  },
};
const stayWithS1InRegionAwayFromS2InAz: Affinity = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(8, { labelSelector: securityIn(["S1"]), topologyKey: "region" }),
    ],
  },
  podAntiAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(5, { labelSelector: securityIn(["S2"]), topologyKey: "az" }),
    ],
  },
};
const namespaceSelectorTerm = {
  labelSelector: securityIn(["S1"]),
  topologyKey: "region",
  namespaces: ["subteam2.team2"],
  namespaceSelector: teamSelector,
};
const affinityNamespaceSelector: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, namespaceSelectorTerm)] },
};
const antiAffinityNamespaceSelector: Affinity = {
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, namespaceSelectorTerm)] },
};
const invalidAffinityLabels: Affinity = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(8, { labelSelector: securityIn(["{{.bad-value.}}"]), topologyKey: "region" }),
    ],
  },
};
const invalidAntiAffinityLabels: Affinity = {
  podAntiAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(5, { labelSelector: securityIn(["{{.bad-value.}}"]), topologyKey: "az" }),
    ],
  },
};

/** A pod as upstream's tests write it: `{Spec: {NodeName, Affinity}, ObjectMeta: {Namespace, Labels}}`. */
function pod(options: {
  node?: string;
  affinity?: Affinity;
  labels?: Record<string, string>;
  namespace?: string;
}): Pod {
  return {
    metadata: {
      ...(options.labels === undefined ? {} : { labels: options.labels }),
      ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    },
    spec: {
      containers: [],
      ...(options.node === undefined ? {} : { nodeName: options.node }),
      ...(options.affinity === undefined ? {} : { affinity: options.affinity }),
    },
  };
}

function nodes(...labels: Array<Record<string, string>>): Node[] {
  return labels.map((nodeLabels, index) => makeNode(`node${index + 1}`, nodeLabels));
}

interface ScoreCase {
  readonly name: string;
  readonly pod: Pod;
  readonly pods?: Pod[];
  readonly nodes: Node[];
  readonly want?: number[];
  readonly wantStatus?: { code: string; reasons: string[] };
  readonly args?: InterPodAffinityArgs;
}

const preferredCases: ScoreCase[] = [
  {
    name: "all nodes are same priority as Affinity is nil",
    pod: pod({ labels: podLabelSecurityS1 }),
    nodes: nodes(labelRgChina, labelRgIndia, labelAzAz1),
    wantStatus: { code: "Skip", reasons: [] },
  },
  {
    name: "Affinity: pod that matches topology key & pods in nodes will get high score comparing to otherswhich doesn't match either pods in nodes or in topology key",
    pod: pod({ affinity: stayWithS1InRegion, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", labels: podLabelSecurityS2 }),
      pod({ node: "node3", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia, labelAzAz1),
    want: [100, 0, 0],
  },
  {
    name: "All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score",
    pod: pod({ affinity: stayWithS1InRegion }),
    pods: [pod({ node: "node1", labels: podLabelSecurityS1 })],
    nodes: nodes(labelRgChina, labelRgChinaAzAz1, labelRgIndia),
    want: [100, 100, 0],
  },
  {
    name: "Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score",
    pod: pod({ affinity: stayWithS2InRegion, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS2 }),
      pod({ node: "node1", labels: podLabelSecurityS2 }),
      pod({ node: "node2", labels: podLabelSecurityS2 }),
      pod({ node: "node3", labels: podLabelSecurityS2 }),
      pod({ node: "node4", labels: podLabelSecurityS2 }),
      pod({ node: "node5", labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia, labelRgChina, labelRgChina, labelRgIndia),
    want: [100, 0, 100, 100, 0],
  },
  {
    name: "Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures ",
    pod: pod({ affinity: affinity3, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", labels: podLabelSecurityS2 }),
      pod({ node: "node3", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia, labelAzAz1),
    want: [20, 100, 0],
  },
  {
    name: "Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry",
    pod: pod({ labels: podLabelSecurityS2 }),
    pods: [
      pod({ node: "node1", affinity: stayWithS1InRegion, labels: podLabelSecurityS1 }),
      pod({ node: "node2", affinity: stayWithS2InRegion, labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia, labelAzAz1),
    want: [0, 100, 0],
  },
  {
    name: "Affinity symmetry with namespace selector",
    pod: pod({ namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", affinity: affinityNamespaceSelector, labels: podLabelSecurityS1 }),
      pod({ node: "node2", affinity: stayWithS2InRegion, labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia, labelAzAz1),
    want: [100, 0, 0],
  },
  {
    name: "AntiAffinity symmetry with namespace selector",
    pod: pod({ namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", affinity: antiAffinityNamespaceSelector, labels: podLabelSecurityS1 }),
      pod({ node: "node2", affinity: stayWithS2InRegion, labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia, labelAzAz1),
    want: [0, 100, 100],
  },
  {
    name: "Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry",
    pod: pod({ labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", affinity: hardAffinity, labels: podLabelSecurityS1 }),
      pod({ node: "node2", affinity: hardAffinity, labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia, labelAzAz1),
    want: [100, 100, 0],
  },
  {
    name: "Anti Affinity: pod that does not match existing pods in node will get high score ",
    pod: pod({ affinity: awayFromS1InAz, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelAzAz1, labelRgChina),
    want: [0, 100],
  },
  {
    name: "Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others ",
    pod: pod({ affinity: awayFromS1InAz, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelAzAz1, labelRgChina),
    want: [0, 100],
  },
  {
    name: "Anti Affinity: one node has more matching pods comparing to other node, so the node which has more unmatches will get high score",
    pod: pod({ affinity: awayFromS1InAz, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelAzAz1, labelRgIndia),
    want: [0, 100],
  },
  {
    name: "Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score",
    pod: pod({ labels: podLabelSecurityS2 }),
    pods: [
      pod({ node: "node1", affinity: awayFromS2InAz, labels: podLabelSecurityS1 }),
      pod({ node: "node2", affinity: awayFromS1InAz, labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelAzAz1, labelAzAz2),
    want: [0, 100],
  },
  {
    name: "Affinity and Anti Affinity: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity",
    pod: pod({ affinity: stayWithS1InRegionAwayFromS2InAz, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelRgChina, labelAzAz1),
    want: [100, 0],
  },
  {
    name: "Affinity and Anti Affinity: considering both affinity and anti-affinity, the pod to schedule and existing pods have the same labels",
    pod: pod({ affinity: stayWithS1InRegionAwayFromS2InAz, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", labels: podLabelSecurityS1 }),
      pod({ node: "node3", labels: podLabelSecurityS1 }),
      pod({ node: "node3", labels: podLabelSecurityS1 }),
      pod({ node: "node4", labels: podLabelSecurityS1 }),
      pod({ node: "node5", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelRgChinaAzAz1, labelRgIndia, labelRgChina, labelRgChina, labelRgIndia),
    want: [100, 0, 100, 100, 0],
  },
  {
    name: "Affinity and Anti Affinity and symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity & symmetry",
    pod: pod({ affinity: stayWithS1InRegionAwayFromS2InAz, labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", labels: podLabelSecurityS2 }),
      pod({ node: "node3", affinity: stayWithS1InRegionAwayFromS2InAz }),
      pod({ node: "node4", affinity: awayFromS1InAz }),
    ],
    nodes: nodes(labelRgChina, labelAzAz1, labelRgIndia, labelAzAz2),
    want: [100, 0, 100, 0],
  },
  {
    name: "Avoid panic when partial nodes in a topology don't have pods with affinity",
    pod: pod({ labels: podLabelSecurityS1 }),
    pods: [
      pod({ node: "node1", labels: podLabelSecurityS1 }),
      pod({ node: "node2", affinity: stayWithS1InRegionAwayFromS2InAz }),
    ],
    nodes: nodes(labelRgChina, labelRgChina),
    want: [0, 0],
  },
  {
    name: "invalid Affinity fails PreScore",
    pod: pod({ affinity: invalidAffinityLabels }),
    nodes: nodes(labelRgChina, labelRgChina),
    wantStatus: {
      code: "Error",
      reasons: [
        `failed to parse pod: preferredAffinityTerms: values[0][security]: Invalid value: "{{.bad-value.}}": ${labelValueMessage}`,
      ],
    },
  },
  {
    name: "invalid AntiAffinity fails PreScore",
    pod: pod({ affinity: invalidAntiAffinityLabels }),
    nodes: nodes(labelRgChina, labelRgChina),
    wantStatus: {
      code: "Error",
      reasons: [
        `failed to parse pod: preferredAntiAffinityTerms: values[0][security]: Invalid value: "{{.bad-value.}}": ${labelValueMessage}`,
      ],
    },
  },
  {
    name: "Affinity with pods matching NamespaceSelector",
    pod: pod({
      affinity: affinityNamespaceSelector,
      namespace: "subteam1.team1",
      labels: podLabelSecurityS1,
    }),
    pods: [
      pod({ node: "node1", namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", namespace: "subteam1.team2", labels: podLabelSecurityS1 }),
      pod({ node: "node2", namespace: "subteam2.team1", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia),
    want: [100, 0],
  },
  {
    name: "Affinity with pods matching both NamespaceSelector and Namespaces fields",
    pod: pod({
      affinity: affinityNamespaceSelector,
      namespace: "subteam1.team1",
      labels: podLabelSecurityS1,
    }),
    pods: [
      pod({ node: "node1", namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", namespace: "subteam2.team2", labels: podLabelSecurityS1 }),
      pod({ node: "node2", namespace: "subteam2.team1", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia),
    want: [100, 0],
  },
  {
    name: "Anti-affinity with pods matching NamespaceSelector",
    pod: pod({
      affinity: antiAffinityNamespaceSelector,
      namespace: "subteam1.team1",
      labels: podLabelSecurityS1,
    }),
    pods: [
      pod({ node: "node1", namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", namespace: "subteam1.team2", labels: podLabelSecurityS1 }),
      pod({ node: "node2", namespace: "subteam2.team1", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia),
    want: [0, 100],
  },
  {
    name: "Anti-affinity with pods matching both NamespaceSelector and Namespaces fields",
    pod: pod({
      affinity: antiAffinityNamespaceSelector,
      namespace: "subteam1.team1",
      labels: podLabelSecurityS1,
    }),
    pods: [
      pod({ node: "node1", namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", namespace: "subteam1.team1", labels: podLabelSecurityS1 }),
      pod({ node: "node1", namespace: "subteam2.team2", labels: podLabelSecurityS1 }),
      pod({ node: "node2", namespace: "subteam2.team1", labels: podLabelSecurityS1 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia),
    want: [0, 100],
  },
  {
    name: "Ignore preferred terms of existing pods",
    pod: pod({ labels: podLabelSecurityS2 }),
    pods: [
      pod({ node: "node1", affinity: stayWithS1InRegionAwayFromS2InAz, labels: podLabelSecurityS1 }),
      pod({ node: "node2", affinity: stayWithS2InRegion, labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia),
    wantStatus: { code: "Skip", reasons: [] },
    args: { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: true },
  },
  {
    name: "Do not ignore preferred terms of existing pods",
    pod: pod({ labels: podLabelSecurityS2 }),
    pods: [
      pod({ node: "node1", affinity: stayWithS1InRegionAwayFromS2InAz, labels: podLabelSecurityS1 }),
      pod({ node: "node2", affinity: stayWithS2InRegion, labels: podLabelSecurityS2 }),
    ],
    nodes: nodes(labelRgChina, labelRgIndia),
    want: [0, 100],
    args: { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false },
  },
  {
    name: "No nodes to score",
    pod: pod({ labels: podLabelSecurityS2 }),
    pods: [],
    nodes: [],
    wantStatus: { code: "Skip", reasons: [] },
  },
];

function runScore(testCase: ScoreCase) {
  const cluster = createTestCluster(testCase.nodes, testCase.pods ?? []);
  const plugin = createInterPodAffinity(
    testCase.args ?? { hardPodAffinityWeight: 1 },
    cluster.handle,
    testFeatures,
  ) as Plugin;
  const state = new CycleState();
  const status = plugin.preScore(
    state,
    testCase.pod,
    testCase.nodes.map((node) => createNodeInfo(node)),
  );
  if (status !== undefined) return { status: { code: codeName(status.code), reasons: status.reasons } };
  const scores: NodeScore[] = cluster.nodeInfos.map((nodeInfo) => {
    const result = plugin.score(state, testCase.pod, nodeInfo);
    expect(result.status).toBeUndefined();
    return { name: nodeInfo.name, score: result.score };
  });
  const raw = scores.map((entry) => entry.score);
  expect(plugin.scoreExtensions?.()?.normalizeScore(state, testCase.pod, scores)).toBeUndefined();
  return { raw, normalized: scores.map((entry) => entry.score) };
}

describe("InterPodAffinity Score (upstream TestPreferredAffinity)", () => {
  it.each(preferredCases)("$name", (testCase) => {
    const result = runScore(testCase);
    if (testCase.wantStatus !== undefined) expect(result.status).toEqual(testCase.wantStatus);
    else expect(result.normalized).toEqual(testCase.want);
  });

  it.each([
    {
      name: "raw scores sum preferred affinity weights per domain and subtract anti-affinity weights",
      testCase: preferredCases.find((c) =>
        c.name.startsWith("Affinity and Anti Affinity and symmetry"),
      ) as ScoreCase,
      // node1 China: +8 (pod S1 in China); node2 az1: −5 (pod S2 in az1); node3 India: +8 (existing pod's
      // preferred affinity matches the incoming S1 pod); node4 az2: −5 (existing pod's anti-affinity).
      raw: [8, -5, 8, -5],
    },
    {
      name: "raw scores count every matching existing pod in the domain",
      testCase: preferredCases.find((c) =>
        c.name.startsWith("Affinity: nodes in one region has more"),
      ) as ScoreCase,
      // weight 6 × (4 S2 pods in China | 2 in India).
      raw: [24, 12, 24, 24, 12],
    },
  ])("$name", ({ testCase, raw }) => {
    expect(runScore(testCase).raw).toEqual(raw);
  });
});

const hardPodAffinity: Affinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      {
        labelSelector: { matchExpressions: [{ key: "service", operator: "In", values: ["S1"] }] },
        namespaces: ["", "subteam2.team2"],
        namespaceSelector: teamSelector,
        topologyKey: "region",
      },
    ],
  },
};
const podLabelServiceS1 = { service: "S1" };
const symmetricPods = [
  pod({ node: "node1", affinity: hardPodAffinity }),
  pod({ node: "node2", affinity: hardPodAffinity }),
];
const symmetricNodes = nodes(labelRgChina, labelRgIndia, labelAzAz1);

describe("InterPodAffinity hardPodAffinityWeight (upstream TestPreferredAffinityWithHardPodAffinitySymmetricWeight)", () => {
  it.each([
    {
      name: "with default weight",
      pod: pod({ labels: podLabelServiceS1 }),
      weight: 1,
      want: [100, 100, 0],
    },
    {
      name: "with zero weight",
      pod: pod({ labels: podLabelServiceS1 }),
      weight: 0,
      wantStatus: { code: "Skip", reasons: [] },
    },
    {
      name: "with no matching namespace",
      pod: pod({ namespace: "subteam1.team2", labels: podLabelServiceS1 }),
      weight: 1,
      wantStatus: { code: "Skip", reasons: [] },
    },
    {
      name: "with matching NamespaceSelector",
      pod: pod({ namespace: "subteam1.team1", labels: podLabelServiceS1 }),
      weight: 1,
      want: [100, 100, 0],
    },
    {
      name: "with matching Namespaces",
      pod: pod({ namespace: "subteam2.team2", labels: podLabelServiceS1 }),
      weight: 1,
      want: [100, 100, 0],
    },
  ] as Array<{
    name: string;
    pod: Pod;
    weight: number;
    want?: number[];
    wantStatus?: { code: string; reasons: string[] };
  }>)("$name", ({ pod: incoming, weight, want, wantStatus }) => {
    const result = runScore({
      name: "symmetric",
      pod: incoming,
      pods: symmetricPods,
      nodes: symmetricNodes,
      args: { hardPodAffinityWeight: weight },
    });
    if (wantStatus !== undefined) expect(result.status).toEqual(wantStatus);
    else expect(result.normalized).toEqual(want);
  });

  it("adds hardPodAffinityWeight per matching existing pod to the raw score", () => {
    const result = runScore({
      name: "raw",
      pod: pod({ labels: podLabelServiceS1 }),
      pods: symmetricPods,
      nodes: symmetricNodes,
      args: { hardPodAffinityWeight: 7 },
    });
    expect(result.raw).toEqual([7, 7, 0]);
  });

  it("reports an Error from Score when PreScore did not run", () => {
    const cluster = createTestCluster(symmetricNodes);
    const plugin = createInterPodAffinity(undefined, cluster.handle, testFeatures) as Plugin;
    const { status } = plugin.score(new CycleState(), pod({}), cluster.nodeInfo("node1"));
    expect(
      status === undefined ? undefined : { code: codeName(status.code), reasons: status.reasons },
    ).toEqual({
      code: "Error",
      reasons: ['failed to read "PreScoreInterPodAffinity" from cycleState: not found'],
    });
  });
});

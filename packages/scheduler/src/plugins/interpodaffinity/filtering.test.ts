import type { Node, Pod, PodAffinity, PodAffinityTerm, PodAntiAffinity } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  CycleState,
  codeName,
  type FilterPlugin,
  type PreFilterExtensions,
  type PreFilterPlugin,
  type Status,
} from "../../framework/index.js";
import { createNodeInfo } from "../../framework/node-info.js";
import { createPodInfo } from "../../framework/pod-requests.js";
import { createTestCluster, makeNode, makePod, testFeatures } from "./affinity-test-fixtures.js";
import {
  computeInterPodAffinityPreFilterState,
  InterPodAffinityPreFilterState,
  interPodAffinityPreFilterStateKey,
  interPodAffinityRulesNotMatchReason,
  interPodAntiAffinityRulesNotMatchReason,
  interPodExistingAntiAffinityRulesNotMatchReason,
} from "./filtering.js";
import { createInterPodAffinity } from "./inter-pod-affinity.js";
import { podAffinityTermsOf } from "./pod-affinity-terms.js";

type Plugin = PreFilterPlugin & PreFilterExtensions & FilterPlugin;

/** A status as the tests compare it; `undefined` is success. */
type Outcome = { code: string; reasons: readonly string[] } | undefined;

const affinityFailure: Outcome = {
  code: "UnschedulableAndUnresolvable",
  reasons: [interPodAffinityRulesNotMatchReason],
};
const antiAffinityFailure: Outcome = {
  code: "Unschedulable",
  reasons: [interPodAntiAffinityRulesNotMatchReason],
};
const existingFailure: Outcome = {
  code: "Unschedulable",
  reasons: [interPodExistingAntiAffinityRulesNotMatchReason],
};
const skip: Outcome = { code: "Skip", reasons: [] };

const labelValueMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function outcomeOf(status: Status | undefined): Outcome {
  return status === undefined ? undefined : { code: codeName(status.code), reasons: status.reasons };
}

/** Upstream's `createPodWithAffinityTerms`. */
function podWithAffinityTerms(
  namespace: string,
  nodeName: string,
  labels: Record<string, string>,
  affinity: PodAffinityTerm[] | undefined,
  antiAffinity: PodAffinityTerm[] | undefined,
): Pod {
  const podAffinity: PodAffinity =
    affinity === undefined ? {} : { requiredDuringSchedulingIgnoredDuringExecution: affinity };
  const podAntiAffinity: PodAntiAffinity =
    antiAffinity === undefined ? {} : { requiredDuringSchedulingIgnoredDuringExecution: antiAffinity };
  return {
    metadata: { labels, namespace },
    spec: {
      containers: [],
      ...(nodeName === "" ? {} : { nodeName }),
      affinity: { podAffinity, podAntiAffinity },
    },
  };
}

const podLabel = { service: "securityscan" };
const podLabel2 = { security: "S1" };
const existingPod = makePod().labels(podLabel).node("node1").obj();
const node1 = makeNode("node1", { region: "r1", zone: "z11" });
const serviceIn = (values: string[]) => ({ matchExpressions: [{ key: "service", operator: "In", values }] });
const teamSelector = { matchExpressions: [{ key: "team", operator: "In", values: ["team1"] }] };

interface SingleNodeCase {
  readonly name: string;
  readonly pod: Pod;
  readonly pods?: Pod[];
  readonly wantPreFilter?: Outcome;
  readonly wantFilter?: Outcome;
}

const singleNodeCases: SingleNodeCase[] = [
  {
    name: "A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods",
    pod: { spec: { containers: [] } },
    wantPreFilter: skip,
  },
  {
    name: "satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod",
    pod: makePod()
      .namespace("")
      .labels(podLabel2)
      .podAffinityIn("service", "region", ["securityscan", "value2"])
      .obj(),
    pods: [existingPod],
  },
  {
    name: "satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod",
    pod: makePod()
      .namespace("")
      .labels(podLabel2)
      .podAffinityNotIn("service", "region", ["securityscan3", "value3"])
      .obj(),
    pods: [existingPod],
  },
  {
    name: "Does not satisfy the PodAffinity with labelSelector because of diff Namespace",
    pod: podWithAffinityTerms(
      "",
      "",
      podLabel2,
      [
        {
          labelSelector: serviceIn(["securityscan", "value2"]),
          namespaces: ["DiffNameSpace"],
          topologyKey: "",
        },
      ],
      undefined,
    ),
    pods: [makePod().namespace("ns").label("service", "securityscan").node("node1").obj()],
    wantFilter: affinityFailure,
  },
  {
    name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
    pod: makePod()
      .namespace("")
      .labels(podLabel)
      .podAffinityIn("service", "", ["antivirusscan", "value2"])
      .obj(),
    pods: [existingPod],
    wantFilter: affinityFailure,
  },
  {
    name: "satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution ",
    pod: podWithAffinityTerms(
      "",
      "",
      podLabel2,
      [
        {
          labelSelector: {
            matchExpressions: [
              { key: "service", operator: "Exists" },
              { key: "wrongkey", operator: "DoesNotExist" },
            ],
          },
          topologyKey: "region",
        },
        {
          labelSelector: {
            matchExpressions: [
              { key: "service", operator: "In", values: ["securityscan"] },
              { key: "service", operator: "NotIn", values: ["WrongValue"] },
            ],
          },
          topologyKey: "region",
        },
      ],
      undefined,
    ),
    pods: [existingPod],
  },
  {
    name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
    pod: podWithAffinityTerms(
      "",
      "",
      podLabel2,
      [
        {
          labelSelector: {
            matchExpressions: [
              { key: "service", operator: "Exists" },
              { key: "wrongkey", operator: "DoesNotExist" },
            ],
          },
          topologyKey: "region",
        },
        {
          labelSelector: {
            matchExpressions: [
              { key: "service", operator: "In", values: ["securityscan2"] },
              { key: "service", operator: "NotIn", values: ["WrongValue"] },
            ],
          },
          topologyKey: "region",
        },
      ],
      undefined,
    ),
    pods: [existingPod],
    wantFilter: affinityFailure,
  },
  {
    name: "satisfies the PodAffinity and PodAntiAffinity with the existing pod",
    pod: makePod()
      .namespace("")
      .labels(podLabel2)
      .podAffinityIn("service", "region", ["securityscan", "value2"])
      .podAntiAffinityIn("service", "node", ["antivirusscan", "value2"])
      .obj(),
    pods: [existingPod],
  },
  {
    name: "satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod",
    pod: makePod()
      .namespace("")
      .labels(podLabel2)
      .podAffinityIn("service", "region", ["securityscan", "value2"])
      .podAntiAffinityIn("service", "node", ["antivirusscan", "value2"])
      .obj(),
    pods: [
      makePod()
        .namespace("")
        .node("node1")
        .labels(podLabel)
        .podAntiAffinityIn("service", "node", ["antivirusscan", "value2"])
        .obj(),
    ],
  },
  {
    name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod",
    pod: makePod()
      .namespace("")
      .labels(podLabel2)
      .podAffinityIn("service", "region", ["securityscan", "value2"])
      .podAntiAffinityIn("service", "zone", ["securityscan", "value2"])
      .obj(),
    pods: [existingPod],
    wantFilter: antiAffinityFailure,
  },
  {
    name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
    pod: makePod()
      .namespace("")
      .labels(podLabel)
      .podAffinityIn("service", "region", ["securityscan", "value2"])
      .podAntiAffinityIn("service", "node", ["antivirusscan", "value2"])
      .obj(),
    pods: [
      makePod()
        .namespace("")
        .labels(podLabel)
        .node("node1")
        .podAntiAffinityIn("service", "zone", ["securityscan", "value2"])
        .obj(),
    ],
    wantFilter: existingFailure,
  },
  {
    name: "pod matches its own Label in PodAffinity and that matches the existing pod Labels",
    pod: makePod()
      .namespace("")
      .labels(podLabel)
      .podAffinityNotIn("service", "region", ["securityscan", "value2"])
      .obj(),
    pods: [makePod().label("service", "securityscan").node("node2").obj()],
    wantFilter: affinityFailure,
  },
  {
    name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
    pod: makePod().labels(podLabel).obj(),
    pods: [
      makePod()
        .namespace("")
        .node("node1")
        .labels(podLabel)
        .podAntiAffinityIn("service", "zone", ["securityscan", "value2"])
        .obj(),
    ],
    wantFilter: existingFailure,
  },
  {
    name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod",
    pod: makePod().labels(podLabel).obj(),
    pods: [
      makePod()
        .namespace("")
        .node("node1")
        .labels(podLabel)
        .podAntiAffinityNotIn("service", "zone", ["securityscan", "value2"])
        .obj(),
    ],
    wantPreFilter: skip,
  },
  {
    name: "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
    pod: makePod()
      .namespace("")
      .labels(podLabel)
      .podAntiAffinityExists("service", "region")
      .podAntiAffinityExists("security", "region")
      .obj(),
    pods: [
      makePod().namespace("").node("node1").labels(podLabel2).podAntiAffinityExists("security", "zone").obj(),
    ],
    wantFilter: antiAffinityFailure,
  },
  {
    name: "PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms",
    pod: makePod()
      .namespace("")
      .labels(podLabel)
      .podAntiAffinityExists("service", "zone")
      .podAntiAffinityExists("security", "zone")
      .obj(),
    pods: [
      makePod().namespace("").node("node1").labels(podLabel2).podAntiAffinityExists("security", "zone").obj(),
    ],
    wantFilter: antiAffinityFailure,
  },
  {
    name: "PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms",
    pod: makePod().namespace("").labels(podLabel2).podAntiAffinityExists("security", "zone").obj(),
    pods: [
      makePod()
        .namespace("")
        .node("node1")
        .labels(podLabel)
        .podAntiAffinityExists("service", "zone")
        .podAntiAffinityExists("security", "zone")
        .obj(),
    ],
    wantFilter: existingFailure,
  },
  {
    name: "PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms",
    pod: makePod()
      .namespace("")
      .labels({ abc: "", xyz: "" })
      .podAntiAffinityExists("abc", "zone")
      .podAntiAffinityExists("def", "zone")
      .obj(),
    pods: [
      makePod()
        .namespace("")
        .node("node1")
        .labels({ def: "", xyz: "" })
        .podAntiAffinityExists("abc", "zone")
        .podAntiAffinityExists("def", "zone")
        .obj(),
    ],
    wantFilter: antiAffinityFailure,
  },
  {
    name: "PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms",
    pod: makePod()
      .namespace("")
      .labels({ def: "", xyz: "" })
      .podAntiAffinityExists("abc", "zone")
      .podAntiAffinityExists("def", "zone")
      .obj(),
    pods: [
      makePod()
        .namespace("")
        .node("node1")
        .labels({ abc: "", xyz: "" })
        .podAntiAffinityExists("abc", "zone")
        .podAntiAffinityExists("def", "zone")
        .obj(),
    ],
    wantFilter: antiAffinityFailure,
  },
  {
    name: "PodAffinity fails PreFilter with an invalid affinity label syntax",
    pod: makePod()
      .namespace("")
      .labels(podLabel)
      .podAffinityIn("service", "region", ["{{.bad-value.}}"])
      .podAffinityIn("service", "node", ["antivirusscan", "value2"])
      .obj(),
    wantPreFilter: {
      code: "UnschedulableAndUnresolvable",
      reasons: [
        `parsing pod: requiredAffinityTerms: values[0][service]: Invalid value: "{{.bad-value.}}": ${labelValueMessage}`,
      ],
    },
  },
  {
    name: "PodAntiAffinity fails PreFilter with an invalid antiaffinity label syntax",
    pod: makePod()
      .namespace("")
      .labels(podLabel)
      .podAffinityIn("service", "region", ["foo"])
      .podAntiAffinityIn("service", "node", ["{{.bad-value.}}"])
      .obj(),
    wantPreFilter: {
      code: "UnschedulableAndUnresolvable",
      reasons: [
        `parsing pod: requiredAntiAffinityTerms: values[0][service]: Invalid value: "{{.bad-value.}}": ${labelValueMessage}`,
      ],
    },
  },
  {
    name: "affinity with NamespaceSelector",
    pod: podWithAffinityTerms(
      "",
      "",
      podLabel2,
      [
        {
          labelSelector: serviceIn(["securityscan", "value2"]),
          namespaceSelector: teamSelector,
          topologyKey: "region",
        },
      ],
      undefined,
    ),
    pods: [
      {
        metadata: { namespace: "subteam1.team1", labels: podLabel },
        spec: { containers: [], nodeName: "node1" },
      },
    ],
  },
  {
    name: "affinity with non-matching NamespaceSelector",
    pod: podWithAffinityTerms(
      "",
      "",
      podLabel2,
      [
        {
          labelSelector: serviceIn(["securityscan", "value2"]),
          namespaceSelector: teamSelector,
          topologyKey: "region",
        },
      ],
      undefined,
    ),
    pods: [
      {
        metadata: { namespace: "subteam1.team2", labels: podLabel },
        spec: { containers: [], nodeName: "node1" },
      },
    ],
    wantFilter: affinityFailure,
  },
  {
    name: "anti-affinity with matching NamespaceSelector",
    pod: podWithAffinityTerms("subteam1.team1", "", podLabel2, undefined, [
      {
        labelSelector: serviceIn(["securityscan", "value2"]),
        namespaceSelector: teamSelector,
        topologyKey: "zone",
      },
    ]),
    pods: [
      {
        metadata: { namespace: "subteam2.team1", labels: podLabel },
        spec: { containers: [], nodeName: "node1" },
      },
    ],
    wantFilter: antiAffinityFailure,
  },
  {
    name: "anti-affinity with matching all NamespaceSelector",
    pod: podWithAffinityTerms("subteam1.team1", "", podLabel2, undefined, [
      { labelSelector: serviceIn(["securityscan", "value2"]), namespaceSelector: {}, topologyKey: "zone" },
    ]),
    pods: [
      {
        metadata: { namespace: "subteam2.team1", labels: podLabel },
        spec: { containers: [], nodeName: "node1" },
      },
    ],
    wantFilter: antiAffinityFailure,
  },
  {
    name: "anti-affinity with non-matching NamespaceSelector",
    pod: podWithAffinityTerms("subteam1.team1", "", podLabel2, undefined, [
      {
        labelSelector: serviceIn(["securityscan", "value2"]),
        namespaceSelector: teamSelector,
        topologyKey: "zone",
      },
    ]),
    pods: [
      {
        metadata: { namespace: "subteam1.team2", labels: podLabel },
        spec: { containers: [], nodeName: "node1" },
      },
    ],
  },
];

function plugin(cluster: ReturnType<typeof createTestCluster>): Plugin {
  return createInterPodAffinity(undefined, cluster.handle, testFeatures) as Plugin;
}

describe("InterPodAffinity Filter on one node (upstream TestRequiredAffinitySingleNode)", () => {
  it.each(singleNodeCases)("$name", (testCase) => {
    const cluster = createTestCluster([node1], testCase.pods ?? []);
    const interPodAffinity = plugin(cluster);
    const state = new CycleState();
    const preFilter = interPodAffinity.preFilter(state, testCase.pod, cluster.nodeInfos).status;
    expect(outcomeOf(preFilter)).toEqual(testCase.wantPreFilter);
    if (preFilter !== undefined) return;
    expect(outcomeOf(interPodAffinity.filter(state, testCase.pod, cluster.nodeInfo("node1")))).toEqual(
      testCase.wantFilter,
    );
  });
});

const labelRgChina = { region: "China" };
const labelRgChinaAzAz1 = { region: "China", az: "az1" };
const labelRgIndia = { region: "India" };
const regionZoneNodes = (zoneB: string, extra: Node[] = []) => [
  makeNode("nodeA", { region: "r1", zone: "z1", hostname: "nodeA" }),
  makeNode("nodeB", { region: "r1", zone: zoneB, hostname: "nodeB" }),
  ...extra,
];

interface MultipleNodesCase {
  readonly name: string;
  readonly pod: Pod;
  readonly pods: Pod[];
  readonly nodes: Node[];
  readonly want: Outcome[];
  readonly wantPreFilter?: Outcome;
}

const multipleNodesCases: MultipleNodesCase[] = [
  {
    name: "A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules",
    pod: makePod().namespace("").podAffinityIn("foo", "region", ["bar"]).obj(),
    pods: [makePod().name("p1").node("node1").labels({ foo: "bar" }).obj()],
    nodes: [
      makeNode("node1", labelRgChina),
      makeNode("node2", labelRgChinaAzAz1),
      makeNode("node3", labelRgIndia),
    ],
    want: [undefined, undefined, affinityFailure],
  },
  {
    name: "The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.",
    pod: makePod()
      .namespace("")
      .labels({ foo: "bar", service: "securityscan" })
      .podAffinityIn("foo", "zone", ["bar"])
      .podAffinityIn("service", "zone", ["securityscan"])
      .obj(),
    pods: [makePod().name("p1").node("nodeA").labels({ foo: "bar" }).obj()],
    nodes: [
      makeNode("nodeA", { zone: "az1", hostname: "h1" }),
      makeNode("nodeB", { zone: "az2", hostname: "h2" }),
    ],
    want: [undefined, undefined],
  },
  {
    name: "The first pod of the collection can only be scheduled on nodes labelled with the requested topology keys",
    pod: makePod()
      .namespace("")
      .labels({ foo: "bar", service: "securityscan" })
      .podAffinityIn("foo", "zone", ["bar"])
      .podAffinityIn("service", "zone", ["securityscan"])
      .obj(),
    pods: [makePod().name("p1").node("nodeA").labels({ foo: "bar" }).obj()],
    nodes: [
      makeNode("nodeA", { zoneLabel: "az1", hostname: "h1" }),
      makeNode("nodeB", { zoneLabel: "az2", hostname: "h2" }),
    ],
    want: [affinityFailure, affinityFailure],
  },
  {
    name: "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.",
    pod: makePod().namespace("").podAntiAffinityIn("foo", "region", ["abc"]).obj(),
    pods: [makePod().node("nodeA").labels({ foo: "abc" }).obj()],
    nodes: [
      makeNode("nodeA", { region: "r1", hostname: "nodeA" }),
      makeNode("nodeB", { region: "r1", hostname: "nodeB" }),
    ],
    want: [antiAffinityFailure, antiAffinityFailure],
  },
  {
    name: "This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod.",
    pod: makePod()
      .namespace("")
      .podAntiAffinityIn("foo", "region", ["abc"])
      .podAntiAffinityIn("service", "zone", ["securityscan"])
      .obj(),
    pods: [makePod().node("nodeA").labels({ foo: "abc", service: "securityscan" }).obj()],
    nodes: regionZoneNodes("z2"),
    want: [antiAffinityFailure, antiAffinityFailure],
  },
  {
    name: "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB but can be scheduled onto nodeC",
    pod: makePod().namespace("").podAntiAffinityIn("foo", "region", ["abc"]).obj(),
    pods: [makePod().node("nodeA").labels({ foo: "abc" }).obj()],
    nodes: [
      makeNode("nodeA", labelRgChina),
      makeNode("nodeB", labelRgChinaAzAz1),
      makeNode("nodeC", labelRgIndia),
    ],
    want: [antiAffinityFailure, antiAffinityFailure, undefined],
  },
  {
    name: "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA, nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the inter pod affinity rule but in different namespace)",
    pod: makePod().namespace("NS1").labels({ foo: "123" }).podAntiAffinityIn("foo", "region", ["bar"]).obj(),
    pods: [
      makePod().node("nodeA").namespace("NS1").labels({ foo: "bar" }).obj(),
      makePod().node("nodeC").namespace("NS2").podAntiAffinityIn("foo", "region", ["123"]).obj(),
    ],
    nodes: [
      makeNode("nodeA", labelRgChina),
      makeNode("nodeB", labelRgChinaAzAz1),
      makeNode("nodeC", labelRgIndia),
    ],
    want: [antiAffinityFailure, antiAffinityFailure, undefined],
  },
  {
    name: "Test existing pod's anti-affinity: if an existing pod has a term with invalid topologyKey, labelSelector of the term is firstly checked, and then topologyKey of the term is also checked",
    pod: makePod().label("foo", "").obj(),
    pods: [makePod().node("nodeA").namespace("").podAntiAffinityExists("foo", "invalid-node-label").obj()],
    nodes: regionZoneNodes("z1"),
    wantPreFilter: skip,
    want: [undefined, undefined],
  },
  {
    name: "Test incoming pod's anti-affinity: even if labelSelector matches, we still check if topologyKey matches",
    pod: makePod().node("nodeA").namespace("").podAntiAffinityExists("foo", "invalid-node-label").obj(),
    pods: [makePod().node("nodeA").labels({ foo: "" }).obj()],
    nodes: regionZoneNodes("z1"),
    want: [undefined, undefined],
  },
  {
    name: "Test existing pod's anti-affinity: incoming pod wouldn't considered as a fit as it violates each existingPod's terms on all nodes",
    pod: makePod().label("foo", "").label("bar", "").obj(),
    pods: [
      makePod().node("nodeA").namespace("").podAntiAffinityExists("foo", "zone").obj(),
      makePod().node("nodeA").namespace("").podAntiAffinityExists("bar", "region").obj(),
    ],
    nodes: regionZoneNodes("z2"),
    want: [existingFailure, existingFailure],
  },
  {
    name: "Test incoming pod's anti-affinity: incoming pod wouldn't considered as a fit as it at least violates one anti-affinity rule of existingPod",
    pod: makePod()
      .namespace("")
      .podAntiAffinityExists("foo", "zone")
      .podAntiAffinityExists("bar", "region")
      .obj(),
    pods: [
      makePod().node("nodeA").labels({ foo: "" }).obj(),
      makePod().node("nodeB").labels({ bar: "" }).obj(),
    ],
    nodes: regionZoneNodes("z2"),
    want: [antiAffinityFailure, antiAffinityFailure],
  },
  {
    name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
    pod: makePod().label("foo", "").label("bar", "").obj(),
    pods: [
      makePod()
        .node("nodeA")
        .namespace("")
        .podAntiAffinityExists("foo", "invalid-node-label")
        .podAntiAffinityExists("bar", "zone")
        .obj(),
    ],
    nodes: regionZoneNodes("z2"),
    want: [existingFailure, undefined],
  },
  {
    name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
    pod: makePod()
      .namespace("")
      .podAntiAffinityExists("foo", "invalid-node-label")
      .podAntiAffinityExists("bar", "zone")
      .obj(),
    pods: [makePod().name("podA").node("nodeA").labels({ foo: "", bar: "" }).obj()],
    nodes: regionZoneNodes("z2"),
    want: [antiAffinityFailure, undefined],
  },
  {
    name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
    pod: makePod().label("foo", "").label("bar", "").obj(),
    pods: [
      makePod()
        .namespace("")
        .node("nodeA")
        .podAntiAffinityExists("foo", "region")
        .podAntiAffinityExists("bar", "zone")
        .obj(),
    ],
    nodes: regionZoneNodes("z2"),
    want: [existingFailure, existingFailure],
  },
  {
    name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
    pod: makePod()
      .namespace("")
      .podAntiAffinityExists("foo", "region")
      .podAntiAffinityExists("bar", "zone")
      .obj(),
    pods: [makePod().node("nodeA").labels({ foo: "", bar: "" }).obj()],
    nodes: regionZoneNodes("z2"),
    want: [antiAffinityFailure, antiAffinityFailure],
  },
  {
    name: "Test existing pod's anti-affinity: existingPod on nodeA and nodeB has at least one anti-affinity term matches incoming pod, so incoming pod can only be scheduled to nodeC",
    pod: makePod().label("foo", "").label("bar", "").obj(),
    pods: [
      makePod()
        .node("nodeA")
        .namespace("")
        .podAntiAffinityExists("foo", "zone")
        .podAntiAffinityExists("labelA", "zone")
        .obj(),
      makePod()
        .node("nodeB")
        .namespace("")
        .podAntiAffinityExists("bar", "zone")
        .podAntiAffinityExists("labelB", "zone")
        .obj(),
    ],
    nodes: regionZoneNodes("z2", [makeNode("nodeC", { region: "r1", zone: "z3", hostname: "nodeC" })]),
    want: [existingFailure, existingFailure, undefined],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match",
    pod: makePod().namespace("").podAffinityExists("foo", "region").podAffinityExists("bar", "zone").obj(),
    pods: [makePod().name("pod1").labels({ foo: "", bar: "" }).node("nodeA").obj()],
    nodes: regionZoneNodes("z1"),
    want: [undefined, undefined],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match, and the match logic should be satisfied on the same pod",
    pod: makePod().namespace("").podAffinityExists("foo", "region").podAffinityExists("bar", "zone").obj(),
    pods: [
      makePod().node("nodeA").name("pod1").namespace("").labels({ foo: "" }).obj(),
      makePod().node("nodeB").name("pod2").namespace("").labels({ bar: "" }).obj(),
    ],
    nodes: regionZoneNodes("z2"),
    want: [affinityFailure, affinityFailure],
  },
];

describe("InterPodAffinity Filter on several nodes (upstream TestRequiredAffinityMultipleNodes)", () => {
  it.each(multipleNodesCases)("$name", (testCase) => {
    const cluster = createTestCluster(testCase.nodes, testCase.pods, [
      { kind: "Namespace", metadata: { name: "NS1" } },
    ]);
    const interPodAffinity = plugin(cluster);
    const state = new CycleState();
    const preFilter = interPodAffinity.preFilter(state, testCase.pod, cluster.nodeInfos).status;
    expect(outcomeOf(preFilter)).toEqual(testCase.wantPreFilter);
    if (preFilter !== undefined) return;
    expect(
      cluster.nodeInfos.map((nodeInfo) => outcomeOf(interPodAffinity.filter(state, testCase.pod, nodeInfo))),
    ).toEqual(testCase.want);
  });

  it("reports an Error when PreFilter did not run (upstream TestPreFilterDisabled)", () => {
    const interPodAffinity = plugin(createTestCluster([]));
    const status = interPodAffinity.filter(
      new CycleState(),
      { spec: { containers: [] } },
      createNodeInfo({}),
    );
    expect(outcomeOf(status)).toEqual({
      code: "Error",
      reasons: ['error reading "PreFilterInterPodAffinity" from cycleState: not found'],
    });
  });
});

const fooIn = (values: string[]) => ({ matchExpressions: [{ key: "foo", operator: "In", values }] });
const antiAffinityFooBar: PodAntiAffinity = {
  requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: fooIn(["bar"]), topologyKey: "region" }],
};
const complexTerms: PodAffinityTerm[] = [
  { labelSelector: fooIn(["bar", "buzz"]), topologyKey: "region" },
  {
    labelSelector: {
      matchExpressions: [{ key: "service", operator: "NotIn", values: ["bar", "security", "test"] }],
    },
    topologyKey: "zone",
  },
];
const antiAffinityComplex: PodAntiAffinity = { requiredDuringSchedulingIgnoredDuringExecution: complexTerms };
const affinityComplex: PodAffinity = { requiredDuringSchedulingIgnoredDuringExecution: complexTerms };
const selector1 = { foo: "bar" };
const addRemoveNodes = [
  makeNode("nodeA", { region: "r1", zone: "z11" }),
  makeNode("nodeB", { region: "r1", zone: "z12" }),
  makeNode("nodeC", { region: "r2", zone: "z21" }),
];

function countsOf(state: InterPodAffinityPreFilterState) {
  return {
    existingAntiAffinity: state.existingAntiAffinityCounts.toRecord(),
    affinity: state.affinityCounts.toRecord(),
    antiAffinity: state.antiAffinityCounts.toRecord(),
  };
}

describe("InterPodAffinity PreFilter extensions (upstream TestPreFilterStateAddRemovePod)", () => {
  it.each([
    {
      name: "preFilterState anti-affinity terms are updated correctly after adding and removing a pod",
      pendingPod: {
        metadata: { name: "pending", labels: selector1 },
        spec: { containers: [], affinity: { podAntiAffinity: antiAffinityFooBar } },
      },
      existingPods: [
        { metadata: { name: "p1", labels: selector1 }, spec: { containers: [], nodeName: "nodeA" } },
        {
          metadata: { name: "p2" },
          spec: { containers: [], nodeName: "nodeC", affinity: { podAntiAffinity: antiAffinityFooBar } },
        },
      ],
      addedPod: {
        metadata: { name: "addedPod", labels: selector1 },
        spec: { containers: [], nodeName: "nodeB", affinity: { podAntiAffinity: antiAffinityFooBar } },
      },
      expectedAntiAffinity: { "region=r1": 2 },
      expectedAffinity: {},
    },
    {
      name: "preFilterState anti-affinity terms are updated correctly after adding and removing a pod with complex terms",
      pendingPod: {
        metadata: { name: "pending", labels: selector1 },
        spec: { containers: [], affinity: { podAntiAffinity: antiAffinityComplex } },
      },
      existingPods: [
        { metadata: { name: "p1", labels: selector1 }, spec: { containers: [], nodeName: "nodeA" } },
        {
          metadata: { name: "p2" },
          spec: { containers: [], nodeName: "nodeC", affinity: { podAntiAffinity: antiAffinityFooBar } },
        },
      ],
      addedPod: {
        metadata: { name: "addedPod", labels: selector1 },
        spec: { containers: [], nodeName: "nodeA", affinity: { podAntiAffinity: antiAffinityComplex } },
      },
      expectedAntiAffinity: { "region=r1": 2, "zone=z11": 2, "zone=z21": 1 },
      expectedAffinity: {},
    },
    {
      name: "preFilterState matching pod affinity and anti-affinity are updated correctly after adding and removing a pod",
      pendingPod: {
        metadata: { name: "pending", labels: selector1 },
        spec: { containers: [], affinity: { podAffinity: affinityComplex } },
      },
      existingPods: [
        { metadata: { name: "p1", labels: selector1 }, spec: { containers: [], nodeName: "nodeA" } },
        {
          metadata: { name: "p2" },
          spec: {
            containers: [],
            nodeName: "nodeC",
            affinity: { podAntiAffinity: antiAffinityFooBar, podAffinity: affinityComplex },
          },
        },
      ],
      addedPod: {
        metadata: { name: "addedPod", labels: selector1 },
        spec: { containers: [], nodeName: "nodeA", affinity: { podAntiAffinity: antiAffinityComplex } },
      },
      expectedAntiAffinity: {},
      expectedAffinity: { "region=r1": 2, "zone=z11": 2 },
    },
  ] as Array<{
    name: string;
    pendingPod: Pod;
    existingPods: Pod[];
    addedPod: Pod;
    expectedAntiAffinity: Record<string, number>;
    expectedAffinity: Record<string, number>;
  }>)("$name", (testCase) => {
    const stateFor = (pods: Pod[]) => {
      const cluster = createTestCluster(addRemoveNodes, pods, []);
      const interPodAffinity = plugin(cluster);
      const cycleState = new CycleState();
      expect(
        interPodAffinity.preFilter(cycleState, testCase.pendingPod, cluster.nodeInfos).status,
      ).toBeUndefined();
      const state = cycleState.read<InterPodAffinityPreFilterState>(interPodAffinityPreFilterStateKey);
      if (!(state instanceof InterPodAffinityPreFilterState)) throw new Error("no PreFilter state");
      return { interPodAffinity, cycleState, state, cluster };
    };
    const allPods = stateFor([...testCase.existingPods, testCase.addedPod]).state;
    const { interPodAffinity, cycleState, state, cluster } = stateFor(testCase.existingPods);
    const original = countsOf(state.clone());
    const nodeInfo = cluster.nodeInfo(testCase.addedPod.spec?.nodeName ?? "");
    const extensions = interPodAffinity.preFilterExtensions?.();
    expect(
      extensions?.addPod(cycleState, testCase.pendingPod, createPodInfo(testCase.addedPod), nodeInfo),
    ).toBeUndefined();
    expect(state.antiAffinityCounts.toRecord()).toEqual(testCase.expectedAntiAffinity);
    expect(state.affinityCounts.toRecord()).toEqual(testCase.expectedAffinity);
    expect(countsOf(state)).toEqual(countsOf(allPods));
    expect(
      extensions?.removePod(cycleState, testCase.pendingPod, createPodInfo(testCase.addedPod), nodeInfo),
    ).toBeUndefined();
    expect(countsOf(state)).toEqual(original);
  });
});

describe("InterPodAffinity incoming pod counts (upstream TestGetTPMapMatchingIncomingAffinityAntiAffinity)", () => {
  const newPod = (...labels: string[]) => {
    const builder = makePod().name("normal").node("nodeA");
    for (const label of labels) builder.label(label, "");
    return builder.obj();
  };
  const normalPodA = newPod("aaa");
  const normalPodB = newPod("bbb");
  const normalPodAB = newPod("aaa", "bbb");
  const nodeA = makeNode("nodeA", { hostname: "nodeA" });

  it.each([
    {
      name: "nil test",
      existingPods: [],
      pod: makePod().name("aaa-normal").obj(),
      affinity: {},
      antiAffinity: {},
    },
    {
      name: "incoming pod without affinity/anti-affinity causes a no-op",
      existingPods: [normalPodA],
      pod: makePod().name("aaa-normal").obj(),
      affinity: {},
      antiAffinity: {},
    },
    {
      name: "no pod has label that violates incoming pod's affinity and anti-affinity",
      existingPods: [normalPodB],
      pod: makePod()
        .name("aaa-anti")
        .podAffinityExists("aaa", "hostname")
        .podAntiAffinityExists("aaa", "hostname")
        .obj(),
      affinity: {},
      antiAffinity: {},
    },
    {
      name: "existing pod matches incoming pod's affinity and anti-affinity - single term case",
      existingPods: [normalPodA],
      pod: makePod()
        .name("affi-antiaffi")
        .podAffinityExists("aaa", "hostname")
        .podAntiAffinityExists("aaa", "hostname")
        .obj(),
      affinity: { "hostname=nodeA": 1 },
      antiAffinity: { "hostname=nodeA": 1 },
    },
    {
      name: "existing pod matches incoming pod's affinity and anti-affinity - multiple terms case",
      existingPods: [normalPodAB],
      pod: makePod()
        .name("affi-antiaffi")
        .podAffinityExists("aaa", "hostname")
        .podAffinityExists("bbb", "hostname")
        .podAntiAffinityExists("aaa", "hostname")
        .obj(),
      affinity: { "hostname=nodeA": 2 },
      antiAffinity: { "hostname=nodeA": 1 },
    },
    {
      name: "existing pod not match incoming pod's affinity but matches anti-affinity",
      existingPods: [normalPodA],
      pod: makePod()
        .name("affi-antiaffi")
        .podAffinityExists("aaa", "hostname")
        .podAffinityExists("bbb", "hostname")
        .podAntiAffinityExists("aaa", "hostname")
        .podAntiAffinityExists("bbb", "hostname")
        .obj(),
      affinity: {},
      antiAffinity: { "hostname=nodeA": 1 },
    },
    {
      name: "incoming pod's anti-affinity has more than one term - existing pod violates partial term - case 1",
      existingPods: [normalPodAB],
      pod: makePod()
        .name("anaffi-antiaffiti")
        .podAffinityExists("aaa", "hostname")
        .podAffinityExists("ccc", "hostname")
        .podAntiAffinityExists("aaa", "hostname")
        .podAntiAffinityExists("ccc", "hostname")
        .obj(),
      affinity: {},
      antiAffinity: { "hostname=nodeA": 1 },
    },
    {
      name: "incoming pod's anti-affinity has more than one term - existing pod violates partial term - case 2",
      existingPods: [normalPodB],
      pod: makePod()
        .name("affi-antiaffi")
        .podAffinityExists("aaa", "hostname")
        .podAffinityExists("bbb", "hostname")
        .podAntiAffinityExists("aaa", "hostname")
        .podAntiAffinityExists("bbb", "hostname")
        .obj(),
      affinity: {},
      antiAffinity: { "hostname=nodeA": 1 },
    },
  ] as Array<{
    name: string;
    existingPods: Pod[];
    pod: Pod;
    affinity: Record<string, number>;
    antiAffinity: Record<string, number>;
  }>)("$name", (testCase) => {
    const cluster = createTestCluster([nodeA], testCase.existingPods);
    const terms = podAffinityTermsOf(testCase.pod);
    const state = computeInterPodAffinityPreFilterState(
      testCase.pod,
      terms.requiredAffinity,
      terms.requiredAntiAffinity,
      undefined,
      cluster.nodeInfos,
      [],
    );
    expect(state.affinityCounts.toRecord()).toEqual(testCase.affinity);
    expect(state.antiAffinityCounts.toRecord()).toEqual(testCase.antiAffinity);
  });
});

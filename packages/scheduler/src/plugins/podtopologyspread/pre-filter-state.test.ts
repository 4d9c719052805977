import type { Node, Pod, TopologySpreadConstraint } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  Code,
  CycleState,
  codeName,
  type FilterPlugin,
  type PreFilterExtensions,
  type PreFilterPlugin,
} from "../../framework/index.js";
import { createPodInfo } from "../../framework/pod-requests.js";
import type { CriticalPaths } from "./critical-paths.js";
import { podTopologySpreadPreFilterStateKey, SpreadPreFilterState } from "./filtering.js";
import { createPodTopologySpread } from "./pod-topology-spread.js";
import {
  createTestCluster,
  existsSelector,
  labelsSelector,
  makeNode,
  makePod,
  unschedulableTaints as taints,
  testFeatures,
} from "./spread-test-fixtures.js";

const fooSelector = existsSelector("foo");
const barSelector = existsSelector("bar");
const maxInt32 = 2_147_483_647;

type Plugin = PreFilterPlugin & PreFilterExtensions & FilterPlugin;
type Path = readonly [string, number];

interface ExpectedState {
  readonly counts: ReadonlyArray<Record<string, number>>;
  /** Per constraint the two critical paths; ties are compared with values sorted, as upstream's test comparer. */
  readonly paths: ReadonlyArray<readonly [Path, Path]>;
}

const noPath: readonly [Path, Path] = [
  ["", maxInt32],
  ["", maxInt32],
];

function zoneNodes(...extra: Node[]): Node[] {
  return [
    makeNode("node-a", { zone: "zone1", node: "node-a" }),
    makeNode("node-b", { zone: "zone1", node: "node-b" }),
    makeNode("node-x", { zone: "zone2", node: "node-x" }),
    makeNode("node-y", { zone: "zone2", node: "node-y" }),
    ...extra,
  ];
}

/** A pod on a node with the given labels (value "" unless given as `key=value`). */
function onNode(name: string, node: string, ...labels: string[]): Pod {
  const builder = makePod().name(name).node(node);
  for (const label of labels) {
    const [key, value] = label.split("=");
    builder.label(key as string, value ?? "");
  }
  return builder.obj();
}

function stateOf(cycleState: CycleState): ExpectedState {
  const state = cycleState.read<SpreadPreFilterState>(podTopologySpreadPreFilterStateKey);
  if (!(state instanceof SpreadPreFilterState)) throw new Error("no PreFilter state");
  return {
    counts: state.domainCounts.map((counts) => Object.fromEntries(counts)),
    paths: state.criticalPaths.map(sortedPaths),
  };
}

function sortedPaths(paths: CriticalPaths | readonly [Path, Path]): readonly [Path, Path] {
  const [first, second]: readonly [Path, Path] = Array.isArray(paths)
    ? (paths as readonly [Path, Path])
    : [
        [(paths as CriticalPaths).firstValue, (paths as CriticalPaths).firstCount],
        [(paths as CriticalPaths).secondValue, (paths as CriticalPaths).secondCount],
      ];
  if (first[1] === second[1] && first[0] > second[0]) {
    return [
      [second[0], first[1]],
      [first[0], second[1]],
    ];
  }
  return [first, second];
}

function normalized(expected: ExpectedState): ExpectedState {
  return { counts: expected.counts, paths: expected.paths.map((paths) => sortedPaths(paths)) };
}

interface PreFilterCase {
  readonly name: string;
  readonly pod: Pod;
  readonly nodes?: Node[];
  readonly existingPods?: Pod[];
  readonly defaultConstraints?: TopologySpreadConstraint[];
  readonly objects?: object[];
  readonly want?: ExpectedState;
  readonly wantCode?: Code;
  readonly enableNodeInclusionPolicy?: boolean;
  readonly enableMatchLabelKeys?: boolean;
}

const preFilterCases: PreFilterCase[] = [
  {
    name: "clean cluster with one spreadConstraint",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(5, "zone", "DoNotSchedule", labelsSelector({ foo: "bar" }))
      .obj(),
    nodes: zoneNodes(),
    want: {
      counts: [{ zone1: 0, zone2: 0 }],
      paths: [
        [
          ["zone1", 0],
          ["zone2", 0],
        ],
      ],
    },
  },
  {
    name: "normal case with one spreadConstraint",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo"),
    ],
    want: {
      counts: [{ zone1: 3, zone2: 2 }],
      paths: [
        [
          ["zone2", 2],
          ["zone1", 3],
        ],
      ],
    },
  },
  {
    name: "normal case with null label selector",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", undefined).obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo"),
    ],
    want: {
      counts: [{ zone1: 0, zone2: 0 }],
      paths: [
        [
          ["zone2", 0],
          ["zone1", 0],
        ],
      ],
    },
  },
  {
    name: "normal case with one spreadConstraint, on a 3-zone cluster",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(
      makeNode("node-o", { zone: "zone3", node: "node-o" }),
      makeNode("node-p", { zone: "zone3", node: "node-p" }),
    ),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo"),
    ],
    want: {
      counts: [{ zone1: 3, zone2: 2, zone3: 0 }],
      paths: [
        [
          ["zone3", 0],
          ["zone2", 2],
        ],
      ],
    },
  },
  {
    name: "namespace mismatch doesn't count",
    pod: makePod().name("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      makePod().name("p-a2").namespace("ns1").node("node-a").label("foo", "").obj(),
      onNode("p-b1", "node-b", "foo"),
      makePod().name("p-y1").namespace("ns2").node("node-y").label("foo", "").obj(),
      onNode("p-y2", "node-y", "foo"),
    ],
    want: {
      counts: [{ zone1: 2, zone2: 1 }],
      paths: [
        [
          ["zone2", 1],
          ["zone1", 2],
        ],
      ],
    },
  },
  {
    name: "normal case with two spreadConstraints",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo"),
      onNode("p-y3", "node-y", "foo"),
      onNode("p-y4", "node-y", "foo"),
    ],
    want: {
      counts: [
        { zone1: 3, zone2: 4 },
        { "node-a": 2, "node-b": 1, "node-x": 0, "node-y": 4 },
      ],
      paths: [
        [
          ["zone1", 3],
          ["zone2", 4],
        ],
        [
          ["node-x", 0],
          ["node-b", 1],
        ],
      ],
    },
  },
  {
    name: "soft spreadConstraints should be bypassed",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "ScheduleAnyway", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a" }),
      makeNode("node-b", { zone: "zone1", node: "node-b" }),
      makeNode("node-y", { zone: "zone2", node: "node-y" }),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo"),
      onNode("p-y3", "node-y", "foo"),
      onNode("p-y4", "node-y", "foo"),
    ],
    want: {
      counts: [
        { zone1: 3, zone2: 4 },
        { "node-a": 2, "node-b": 1, "node-y": 4 },
      ],
      paths: [
        [
          ["zone1", 3],
          ["zone2", 4],
        ],
        [
          ["node-b", 1],
          ["node-a", 2],
        ],
      ],
    },
  },
  {
    name: "different labelSelectors - simple version",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a" }),
      makeNode("node-b", { zone: "zone1", node: "node-b" }),
      makeNode("node-y", { zone: "zone2", node: "node-y" }),
    ],
    existingPods: [onNode("p-a", "node-a", "foo"), onNode("p-b", "node-b", "bar")],
    want: {
      counts: [
        { zone1: 1, zone2: 0 },
        { "node-a": 0, "node-b": 1, "node-y": 0 },
      ],
      paths: [
        [
          ["zone2", 0],
          ["zone1", 1],
        ],
        [
          ["node-a", 0],
          ["node-y", 0],
        ],
      ],
    },
  },
  {
    name: "different labelSelectors - complex pods",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a" }),
      makeNode("node-b", { zone: "zone1", node: "node-b" }),
      makeNode("node-y", { zone: "zone2", node: "node-y" }),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo", "bar"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo", "bar"),
      onNode("p-y3", "node-y", "foo"),
      onNode("p-y4", "node-y", "foo", "bar"),
    ],
    want: {
      counts: [
        { zone1: 3, zone2: 4 },
        { "node-a": 1, "node-b": 0, "node-y": 2 },
      ],
      paths: [
        [
          ["zone1", 3],
          ["zone2", 4],
        ],
        [
          ["node-b", 0],
          ["node-a", 1],
        ],
      ],
    },
  },
  {
    name: "two spreadConstraints, and with podAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityNotIn("node", ["node-x"])
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo"),
      onNode("p-y3", "node-y", "foo"),
      onNode("p-y4", "node-y", "foo"),
    ],
    want: {
      counts: [
        { zone1: 3, zone2: 4 },
        { "node-a": 2, "node-b": 1, "node-y": 4 },
      ],
      paths: [
        [
          ["zone1", 3],
          ["zone2", 4],
        ],
        [
          ["node-b", 1],
          ["node-a", 2],
        ],
      ],
    },
  },
  {
    name: "default constraints and a service",
    pod: makePod().name("p").label("foo", "bar").label("baz", "kar").obj(),
    defaultConstraints: [
      { maxSkew: 3, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" },
      { maxSkew: 2, topologyKey: "node", whenUnsatisfiable: "ScheduleAnyway" },
      { maxSkew: 5, topologyKey: "rack", whenUnsatisfiable: "DoNotSchedule" },
    ],
    objects: [{ kind: "Service", spec: { selector: { foo: "bar" } } }],
    want: { counts: [{}, {}], paths: [noPath, noPath] },
  },
  {
    name: "default constraints and a service that doesn't match",
    pod: makePod().name("p").label("foo", "bar").obj(),
    defaultConstraints: [{ maxSkew: 3, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" }],
    objects: [{ kind: "Service", spec: { selector: { baz: "kep" } } }],
    wantCode: Code.Skip,
  },
  {
    name: "default constraints and a service, but pod has constraints",
    pod: makePod()
      .name("p")
      .label("foo", "bar")
      .label("baz", "tar")
      .spreadConstraint(1, "zone", "DoNotSchedule", labelsSelector({ baz: "tar" }))
      .spreadConstraint(2, "planet", "ScheduleAnyway", labelsSelector({ fot: "rok" }))
      .obj(),
    defaultConstraints: [{ maxSkew: 2, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" }],
    objects: [{ kind: "Service", spec: { selector: { foo: "bar" } } }],
    want: { counts: [{}], paths: [noPath] },
  },
  {
    name: "default soft constraints and a service",
    pod: makePod().name("p").label("foo", "bar").obj(),
    defaultConstraints: [{ maxSkew: 2, topologyKey: "node", whenUnsatisfiable: "ScheduleAnyway" }],
    objects: [{ kind: "Service", spec: { selector: { foo: "bar" } } }],
    wantCode: Code.Skip,
  },
  {
    name: "feature gate disabled with NodeAffinityPolicy",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a", foo: "" }),
      makeNode("node-b", { node: "node-b", foo: "" }),
      makeNode("node-c", { node: "node-c", bar: "" }),
    ],
    existingPods: [
      onNode("p-a", "node-a", "bar"),
      onNode("p-b", "node-b", "bar"),
      onNode("p-c", "node-b", "bar"),
      onNode("p-d", "node-c"),
    ],
    want: {
      counts: [{ "node-a": 1, "node-b": 2 }],
      paths: [
        [
          ["node-a", 1],
          ["node-b", 2],
        ],
      ],
    },
    enableNodeInclusionPolicy: false,
  },
  {
    name: "NodeAffinityPolicy honored with labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a", foo: "" }),
      makeNode("node-b", { node: "node-b", foo: "" }),
      makeNode("node-c", { node: "node-c", bar: "" }),
    ],
    existingPods: [
      onNode("p-a", "node-a", "bar"),
      onNode("p-b", "node-b", "bar"),
      onNode("p-c", "node-b", "bar"),
      onNode("p-d", "node-c"),
    ],
    want: {
      counts: [{ "node-a": 1, "node-b": 2 }],
      paths: [
        [
          ["node-a", 1],
          ["node-b", 2],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy ignored with labelSelectors",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector, undefined, "Ignore")
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a", foo: "" }),
      makeNode("node-b", { node: "node-b", foo: "" }),
      makeNode("node-c", { node: "node-c", bar: "" }),
    ],
    existingPods: [
      onNode("p-a", "node-a", "bar"),
      onNode("p-b", "node-b", "bar"),
      onNode("p-c", "node-b", "bar"),
      onNode("p-d", "node-c"),
    ],
    want: {
      counts: [{ "node-a": 1, "node-b": 2, "node-c": 0 }],
      paths: [
        [
          ["node-c", 0],
          ["node-a", 1],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy honored with nodeAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("foo", [""])
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a", foo: "" }),
      makeNode("node-b", { node: "node-b", foo: "" }),
      makeNode("node-c", { node: "node-c", bar: "" }),
    ],
    existingPods: [
      onNode("p-a", "node-a", "bar"),
      onNode("p-c", "node-b", "bar"),
      onNode("p-d", "node-b", "bar"),
      onNode("p-e", "node-c"),
    ],
    want: {
      counts: [{ "node-a": 1, "node-b": 2 }],
      paths: [
        [
          ["node-a", 1],
          ["node-b", 2],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeAffinityPolicy ignored with nodeAffinity",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeAffinityIn("foo", [""])
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector, undefined, "Ignore")
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a", foo: "" }),
      makeNode("node-b", { node: "node-b", foo: "" }),
      makeNode("node-c", { node: "node-c", bar: "" }),
    ],
    existingPods: [
      onNode("p-a", "node-a", "bar"),
      onNode("p-b", "node-b", "bar"),
      onNode("p-c", "node-b", "bar"),
      onNode("p-d", "node-c"),
    ],
    want: {
      counts: [{ "node-a": 1, "node-b": 2, "node-c": 0 }],
      paths: [
        [
          ["node-c", 0],
          ["node-a", 1],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  ...(["feature gate disabled with NodeTaintsPolicy", "NodeTaintsPolicy ignored"] as const).map(
    (name): PreFilterCase => ({
      name,
      pod: makePod()
        .name("p")
        .label("foo", "")
        .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
        .obj(),
      nodes: [
        makeNode("node-a", { node: "node-a" }),
        makeNode("node-b", { node: "node-b" }),
        makeNode("node-c", { node: "node-c", bar: "" }, taints),
      ],
      existingPods: [
        onNode("p-a", "node-a", "bar"),
        onNode("p-b", "node-b", "bar"),
        onNode("p-c", "node-b", "bar"),
        onNode("p-d", "node-c"),
      ],
      want: {
        counts: [{ "node-a": 1, "node-b": 2, "node-c": 0 }],
        paths: [
          [
            ["node-c", 0],
            ["node-a", 1],
          ],
        ],
      },
      enableNodeInclusionPolicy: name === "NodeTaintsPolicy ignored",
    }),
  ),
  {
    name: "NodeTaintsPolicy honored",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector, undefined, undefined, "Honor")
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a" }),
      makeNode("node-b", { node: "node-b" }),
      makeNode("node-c", { node: "node-c", bar: "" }, taints),
    ],
    existingPods: [
      onNode("p-a", "node-a", "bar"),
      onNode("p-b", "node-b", "bar"),
      onNode("p-c", "node-b", "bar"),
      onNode("p-d", "node-c"),
    ],
    want: {
      counts: [{ "node-a": 1, "node-b": 2 }],
      paths: [
        [
          ["node-a", 1],
          ["node-b", 2],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "NodeTaintsPolicy honored with tolerated taints",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .toleration("node.kubernetes.io/unschedulable")
      .spreadConstraint(1, "node", "DoNotSchedule", barSelector, undefined, undefined, "Honor")
      .obj(),
    nodes: [
      makeNode("node-a", { node: "node-a" }),
      makeNode("node-b", { node: "node-b" }),
      makeNode("node-c", { node: "node-c", bar: "" }, taints),
    ],
    existingPods: [
      onNode("p-a", "node-a", "bar"),
      onNode("p-b", "node-b", "bar"),
      onNode("p-c", "node-b", "bar"),
      onNode("p-d", "node-c"),
    ],
    want: {
      counts: [{ "node-a": 1, "node-b": 2, "node-c": 0 }],
      paths: [
        [
          ["node-c", 0],
          ["node-a", 1],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector, undefined, "Ignore")
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a", foo: "" }),
      makeNode("node-b", { zone: "zone1", node: "node-b" }),
      makeNode("node-x", { zone: "zone2", node: "node-x", foo: "" }),
    ],
    existingPods: [
      onNode("p-b1", "node-b", "foo"),
      onNode("p-b2", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
    ],
    want: {
      counts: [
        { zone1: 0, zone2: 1 },
        { "node-a": 0, "node-b": 2, "node-x": 1 },
      ],
      paths: [
        [
          ["zone1", 0],
          ["zone2", 1],
        ],
        [
          ["node-a", 0],
          ["node-x", 1],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "two node inclusion Constraints, zone: honor/honor, node: honor/ignore",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector, undefined, undefined, "Honor")
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a", foo: "" }),
      makeNode("node-b", { zone: "zone1", node: "node-b" }, taints),
      makeNode("node-x", { zone: "zone2", node: "node-x", foo: "" }),
    ],
    existingPods: [
      onNode("p-b1", "node-b", "foo"),
      onNode("p-b2", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
    ],
    want: {
      counts: [
        { zone1: 0, zone2: 1 },
        { "node-a": 0, "node-b": 2, "node-x": 1 },
      ],
      paths: [
        [
          ["zone1", 0],
          ["zone2", 1],
        ],
        [
          ["node-a", 0],
          ["node-x", 1],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "two node inclusion Constraints, zone: honor/ignore, node: honor/ignore",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a" }),
      makeNode("node-b", { zone: "zone1", node: "node-b", foo: "" }, taints),
      makeNode("node-x", { zone: "zone2", node: "node-x", foo: "" }),
      makeNode("node-y", { zone: "zone2", node: "node-y" }),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: {
      counts: [
        { zone1: 0, zone2: 1 },
        { "node-b": 0, "node-x": 1 },
      ],
      paths: [
        [
          ["zone1", 0],
          ["zone2", 1],
        ],
        [
          ["node-b", 0],
          ["node-x", 1],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "two node inclusion Constraints, zone: ignore/ignore, node: honor/honor",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .nodeSelector({ foo: "" })
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector, undefined, "Ignore")
      .spreadConstraint(1, "node", "DoNotSchedule", fooSelector, undefined, undefined, "Honor")
      .obj(),
    nodes: [
      makeNode("node-a", { zone: "zone1", node: "node-a" }),
      makeNode("node-b", { zone: "zone1", node: "node-b", foo: "" }, taints),
      makeNode("node-x", { zone: "zone2", node: "node-x", foo: "" }),
      makeNode("node-y", { zone: "zone2", node: "node-y", foo: "" }),
    ],
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-x2", "node-x", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    want: {
      counts: [
        { zone1: 2, zone2: 3 },
        { "node-x": 2, "node-y": 1 },
      ],
      paths: [
        [
          ["zone1", 2],
          ["zone2", 3],
        ],
        [
          ["node-y", 1],
          ["node-x", 2],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "matchLabelKeys ignored when feature gate disabled",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector, undefined, undefined, undefined, ["bar"])
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo"),
      onNode("p-y2", "node-y", "foo"),
    ],
    want: {
      counts: [{ zone1: 3, zone2: 2 }],
      paths: [
        [
          ["zone2", 2],
          ["zone1", 3],
        ],
      ],
    },
    enableMatchLabelKeys: false,
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "a")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector, undefined, undefined, undefined, ["bar"])
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo", "bar=a"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-y1", "node-y", "foo", "bar=a"),
      onNode("p-y2", "node-y", "bar"),
    ],
    want: {
      counts: [{ zone1: 1, zone2: 1 }],
      paths: [
        [
          ["zone2", 1],
          ["zone1", 1],
        ],
      ],
    },
    enableMatchLabelKeys: true,
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector is empty",
    pod: makePod()
      .name("p")
      .label("foo", "a")
      .spreadConstraint(1, "zone", "DoNotSchedule", {}, undefined, undefined, undefined, ["foo"])
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo=a"),
      onNode("p-a2", "node-a", "foo=a"),
      onNode("p-b1", "node-b", "foo=a"),
      onNode("p-y1", "node-y", "foo=a"),
      onNode("p-y2", "node-y", "foo=a"),
    ],
    want: {
      counts: [{ zone1: 3, zone2: 2 }],
      paths: [
        [
          ["zone2", 2],
          ["zone1", 3],
        ],
      ],
    },
    enableMatchLabelKeys: true,
  },
  ...([true, false] as const).map(
    (enabled): PreFilterCase => ({
      name: enabled
        ? "key in matchLabelKeys is ignored when LabelSelector is nil when feature gate enabled"
        : "no pod is matched when LabelSelector is nil when feature gate disabled",
      pod: makePod()
        .name("p")
        .label("foo", "")
        .spreadConstraint(1, "zone", "DoNotSchedule", undefined, undefined, undefined, undefined, ["bar"])
        .obj(),
      nodes: zoneNodes(),
      existingPods: [
        onNode("p-a1", "node-a", "foo=a"),
        onNode("p-a2", "node-a", "foo=a"),
        onNode("p-b1", "node-b", "foo=a"),
        onNode("p-y1", "node-y", "foo=a"),
        onNode("p-y2", "node-y", "foo=a"),
      ],
      want: {
        counts: [{ zone1: 0, zone2: 0 }],
        paths: [
          [
            ["zone2", 0],
            ["zone1", 0],
          ],
        ],
      },
      enableMatchLabelKeys: enabled,
    }),
  ),
  {
    name: "key in matchLabelKeys is ignored when it isn't exist in pod.labels",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector, undefined, undefined, undefined, ["bar"])
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo=a"),
      onNode("p-a2", "node-a", "foo=a"),
      onNode("p-b1", "node-b", "foo=a"),
      onNode("p-y1", "node-y", "foo=a"),
      onNode("p-y2", "node-y", "foo=a"),
    ],
    want: {
      counts: [{ zone1: 3, zone2: 2 }],
      paths: [
        [
          ["zone2", 2],
          ["zone1", 3],
        ],
      ],
    },
    enableMatchLabelKeys: true,
  },
  {
    name: "two spreadConstraints with the same topologyKey",
    pod: makePod()
      .name("p")
      .label("foo", "")
      .label("bar", "")
      .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
      .spreadConstraint(1, "zone", "DoNotSchedule", barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo", "bar"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-x1", "node-x", "bar"),
      onNode("p-y1", "node-y", "foo", "bar"),
      onNode("p-y2", "node-y", "bar"),
    ],
    want: {
      counts: [
        { zone1: 2, zone2: 1 },
        { zone1: 1, zone2: 3 },
      ],
      paths: [
        [
          ["zone2", 1],
          ["zone1", 2],
        ],
        [
          ["zone1", 1],
          ["zone2", 3],
        ],
      ],
    },
  },
  {
    name: "skip if not specified",
    pod: makePod().name("p").label("foo", "").obj(),
    nodes: [makeNode("node-a", { zone: "zone1", node: "node-a" })],
    wantCode: Code.Skip,
  },
];

function setUp(testCase: {
  nodes?: Node[];
  existingPods?: Pod[];
  defaultConstraints?: TopologySpreadConstraint[];
  objects?: object[];
  enableNodeInclusionPolicy?: boolean;
  enableMatchLabelKeys?: boolean;
}) {
  const cluster = createTestCluster(
    testCase.nodes ?? [],
    testCase.existingPods ?? [],
    testCase.objects ?? [],
  );
  const plugin = createPodTopologySpread(
    { defaultConstraints: testCase.defaultConstraints ?? [], defaultingType: "List" },
    cluster.handle,
    testFeatures(testCase.enableNodeInclusionPolicy ?? false, testCase.enableMatchLabelKeys ?? false),
  ) as Plugin;
  return { cluster, plugin };
}

describe("PodTopologySpread PreFilter state (upstream TestPreFilterState)", () => {
  it.each(preFilterCases)("$name", (testCase) => {
    const { cluster, plugin } = setUp(testCase);
    const cycleState = new CycleState();
    const { status } = plugin.preFilter(cycleState, testCase.pod, cluster.nodeInfos);
    if (testCase.wantCode !== undefined) {
      expect(status === undefined ? "Success" : codeName(status.code)).toBe(codeName(testCase.wantCode));
      return;
    }
    expect(status).toBeUndefined();
    expect(stateOf(cycleState)).toEqual(normalized(testCase.want as ExpectedState));
  });
});

const nodeAB = [
  makeNode("node-a", { zone: "zone1", node: "node-a" }),
  makeNode("node-b", { zone: "zone1", node: "node-b" }),
];
const nodeAX = [
  makeNode("node-a", { zone: "zone1", node: "node-a" }),
  makeNode("node-x", { zone: "zone2", node: "node-x" }),
];
const nodeABX = [...nodeAB, makeNode("node-x", { zone: "zone2", node: "node-x" })];
const affinityNodes = [
  makeNode("node-a", { zone: "zone1", node: "node-a", foo: "bar" }),
  makeNode("node-b", { zone: "zone2", node: "node-b", foo: "" }),
];
const taintedNodes = [
  makeNode("node-a", { zone: "zone1", node: "node-a" }, taints),
  makeNode("node-b", { zone: "zone2", node: "node-b" }),
];
const nodeOnly = makePod()
  .name("p")
  .label("foo", "")
  .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
  .obj();
const zoneOnly = makePod()
  .name("p")
  .label("foo", "")
  .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
  .obj();
const zoneAndNode = makePod()
  .name("p")
  .label("foo", "")
  .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
  .spreadConstraint(1, "node", "DoNotSchedule", fooSelector)
  .obj();
const zoneFooNodeBar = makePod()
  .name("p")
  .label("foo", "")
  .label("bar", "")
  .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
  .spreadConstraint(1, "node", "DoNotSchedule", barSelector)
  .obj();
const zoneUnmatchedAffinity = makePod()
  .name("p")
  .label("foo", "")
  .nodeAffinityNotIn("foo", ["bar"])
  .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
  .obj();
const zoneTolerating = makePod()
  .name("p")
  .label("foo", "")
  .toleration("node.kubernetes.io/unschedulable")
  .spreadConstraint(1, "zone", "DoNotSchedule", fooSelector)
  .obj();

interface AddPodCase {
  readonly name: string;
  readonly preemptor: Pod;
  readonly addedPod: Pod;
  readonly existingPods?: Pod[];
  readonly nodeIndex: number;
  readonly nodes: Node[];
  readonly want: ExpectedState;
  readonly enableNodeInclusionPolicy?: boolean;
}

const addPodCases: AddPodCase[] = [
  {
    name: "node a and b both impact current min match",
    preemptor: nodeOnly,
    addedPod: onNode("p-a1", "node-a", "foo"),
    nodeIndex: 0,
    nodes: nodeAB,
    want: {
      counts: [{ "node-a": 1, "node-b": 0 }],
      paths: [
        [
          ["node-b", 0],
          ["node-a", 1],
        ],
      ],
    },
  },
  {
    name: "only node a impacts current min match",
    preemptor: nodeOnly,
    addedPod: onNode("p-a1", "node-a", "foo"),
    existingPods: [onNode("p-b1", "node-b", "foo")],
    nodeIndex: 0,
    nodes: nodeAB,
    want: {
      counts: [{ "node-a": 1, "node-b": 1 }],
      paths: [
        [
          ["node-a", 1],
          ["node-b", 1],
        ],
      ],
    },
  },
  {
    name: "add a pod in a different namespace doesn't change topologyKeyToMinPodsMap",
    preemptor: nodeOnly,
    addedPod: makePod().name("p-a1").namespace("ns1").node("node-a").label("foo", "").obj(),
    existingPods: [onNode("p-b1", "node-b", "foo")],
    nodeIndex: 0,
    nodes: nodeAB,
    want: {
      counts: [{ "node-a": 0, "node-b": 1 }],
      paths: [
        [
          ["node-a", 0],
          ["node-b", 1],
        ],
      ],
    },
  },
  {
    name: "add pod on non-critical node won't trigger re-calculation",
    preemptor: nodeOnly,
    addedPod: onNode("p-b2", "node-b", "foo"),
    existingPods: [onNode("p-b1", "node-b", "foo")],
    nodeIndex: 1,
    nodes: nodeAB,
    want: {
      counts: [{ "node-a": 0, "node-b": 2 }],
      paths: [
        [
          ["node-a", 0],
          ["node-b", 2],
        ],
      ],
    },
  },
  {
    name: "node a and x both impact topologyKeyToMinPodsMap on zone and node",
    preemptor: zoneAndNode,
    addedPod: onNode("p-a1", "node-a", "foo"),
    nodeIndex: 0,
    nodes: nodeAX,
    want: {
      counts: [
        { zone1: 1, zone2: 0 },
        { "node-a": 1, "node-x": 0 },
      ],
      paths: [
        [
          ["zone2", 0],
          ["zone1", 1],
        ],
        [
          ["node-x", 0],
          ["node-a", 1],
        ],
      ],
    },
  },
  {
    name: "only node a impacts topologyKeyToMinPodsMap on zone and node",
    preemptor: zoneAndNode,
    addedPod: onNode("p-a1", "node-a", "foo"),
    existingPods: [onNode("p-x1", "node-x", "foo")],
    nodeIndex: 0,
    nodes: nodeAX,
    want: {
      counts: [
        { zone1: 1, zone2: 1 },
        { "node-a": 1, "node-x": 1 },
      ],
      paths: [
        [
          ["zone1", 1],
          ["zone2", 1],
        ],
        [
          ["node-a", 1],
          ["node-x", 1],
        ],
      ],
    },
  },
  {
    name: "node a impacts topologyKeyToMinPodsMap on node, node x impacts topologyKeyToMinPodsMap on zone",
    preemptor: zoneAndNode,
    addedPod: onNode("p-a1", "node-a", "foo"),
    existingPods: [
      onNode("p-b1", "node-b", "foo"),
      onNode("p-b2", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
    ],
    nodeIndex: 0,
    nodes: nodeABX,
    want: {
      counts: [
        { zone1: 3, zone2: 1 },
        { "node-a": 1, "node-b": 2, "node-x": 1 },
      ],
      paths: [
        [
          ["zone2", 1],
          ["zone1", 3],
        ],
        [
          ["node-a", 1],
          ["node-x", 1],
        ],
      ],
    },
  },
  {
    name: "Constraints hold different labelSelectors, node a impacts topologyKeyToMinPodsMap on zone",
    preemptor: zoneFooNodeBar,
    addedPod: onNode("p-a1", "node-a", "foo"),
    existingPods: [
      onNode("p-b1", "node-b", "foo", "bar"),
      onNode("p-x1", "node-x", "foo", "bar"),
      onNode("p-x2", "node-x", "bar"),
    ],
    nodeIndex: 0,
    nodes: nodeABX,
    want: {
      counts: [
        { zone1: 2, zone2: 1 },
        { "node-a": 0, "node-b": 1, "node-x": 2 },
      ],
      paths: [
        [
          ["zone2", 1],
          ["zone1", 2],
        ],
        [
          ["node-a", 0],
          ["node-b", 1],
        ],
      ],
    },
  },
  {
    name: "Constraints hold different labelSelectors, node a impacts topologyKeyToMinPodsMap on both zone and node",
    preemptor: zoneFooNodeBar,
    addedPod: onNode("p-a1", "node-a", "foo", "bar"),
    existingPods: [
      onNode("p-b1", "node-b", "bar"),
      onNode("p-x1", "node-x", "foo", "bar"),
      onNode("p-x2", "node-x", "bar"),
    ],
    nodeIndex: 0,
    nodes: nodeABX,
    want: {
      counts: [
        { zone1: 1, zone2: 1 },
        { "node-a": 1, "node-b": 1, "node-x": 2 },
      ],
      paths: [
        [
          ["zone1", 1],
          ["zone2", 1],
        ],
        [
          ["node-a", 1],
          ["node-b", 1],
        ],
      ],
    },
  },
  ...([false, true] as const).map(
    (enabled): AddPodCase => ({
      name: `add a pod when scheduling node affinity unmatched pod with NodeInclusionPolicy ${enabled ? "enabled" : "disabled"}`,
      preemptor: zoneUnmatchedAffinity,
      nodeIndex: 0,
      addedPod: onNode("p-a1", "node-a", "foo", "zone=zone1"),
      existingPods: [
        onNode("p-a2", "node-a", "foo", "zone=zone1"),
        onNode("p-b1", "node-b", "foo", "zone=zone2"),
      ],
      nodes: affinityNodes,
      want: {
        counts: [{ zone2: 1 }],
        paths: [
          [
            ["zone2", 1],
            ["", maxInt32],
          ],
        ],
      },
      enableNodeInclusionPolicy: enabled,
    }),
  ),
  ...([false, true] as const).map(
    (enabled): AddPodCase => ({
      name: `add a pod when scheduling node affinity matched pod with NodeInclusionPolicy ${enabled ? "enabled" : "disabled"}`,
      preemptor: zoneOnly,
      nodeIndex: 1,
      addedPod: onNode("p-b1", "node-b", "foo", "zone=zone2"),
      existingPods: [
        onNode("p-a1", "node-a", "foo", "zone=zone1"),
        onNode("p-b2", "node-b", "foo", "zone=zone2"),
      ],
      nodes: affinityNodes,
      want: {
        counts: [{ zone1: 1, zone2: 2 }],
        paths: [
          [
            ["zone1", 1],
            ["zone2", 2],
          ],
        ],
      },
      enableNodeInclusionPolicy: enabled,
    }),
  ),
  {
    name: "add a label selector not matched pod when with NodeInclusionPolicy enabled",
    preemptor: zoneOnly,
    nodeIndex: 1,
    addedPod: onNode("p-b1", "node-b", "zone=zone2"),
    existingPods: [
      onNode("p-a1", "node-a", "foo", "zone=zone1"),
      onNode("p-b2", "node-b", "foo", "zone=zone2"),
    ],
    nodes: affinityNodes,
    want: {
      counts: [{ zone1: 1, zone2: 1 }],
      paths: [
        [
          ["zone1", 1],
          ["zone2", 1],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
  {
    name: "add a pod when scheduling taint untolerated pod with NodeInclusionPolicy disabled",
    preemptor: zoneOnly,
    nodeIndex: 1,
    addedPod: onNode("p-b1", "node-b", "foo", "zone=zone2"),
    existingPods: [
      onNode("p-a1", "node-a", "foo", "zone=zone1"),
      onNode("p-b2", "node-b", "foo", "zone=zone2"),
    ],
    nodes: taintedNodes,
    want: {
      counts: [{ zone1: 1, zone2: 2 }],
      paths: [
        [
          ["zone1", 1],
          ["zone2", 2],
        ],
      ],
    },
    enableNodeInclusionPolicy: false,
  },
  {
    name: "add a pod when scheduling taint tolerated pod with NodeInclusionPolicy enabled",
    preemptor: zoneTolerating,
    nodeIndex: 1,
    addedPod: onNode("p-b1", "node-b", "foo", "zone=zone2"),
    existingPods: [
      onNode("p-a1", "node-a", "foo", "zone=zone1"),
      onNode("p-b2", "node-b", "foo", "zone=zone2"),
    ],
    nodes: taintedNodes,
    want: {
      counts: [{ zone1: 1, zone2: 2 }],
      paths: [
        [
          ["zone1", 1],
          ["zone2", 2],
        ],
      ],
    },
    enableNodeInclusionPolicy: true,
  },
];

describe("PodTopologySpread PreFilter AddPod (upstream TestPreFilterStateAddPod)", () => {
  it.each(addPodCases)("$name", (testCase) => {
    const { cluster, plugin } = setUp(testCase);
    const cycleState = new CycleState();
    expect(plugin.preFilter(cycleState, testCase.preemptor, cluster.nodeInfos).status).toBeUndefined();
    const nodeInfo = cluster.nodeInfos[testCase.nodeIndex];
    if (nodeInfo === undefined) throw new Error("bad node index");
    const status = plugin
      .preFilterExtensions?.()
      ?.addPod(cycleState, testCase.preemptor, createPodInfo(testCase.addedPod), nodeInfo);
    expect(status).toBeUndefined();
    expect(stateOf(cycleState)).toEqual(normalized(testCase.want));
  });
});

interface RemovePodCase {
  readonly name: string;
  readonly preemptor: Pod;
  readonly nodes: Node[];
  readonly existingPods: Pod[];
  /** Index of the removed pod among the existing pods, or -1 to remove `deletedPod`. */
  readonly deletedPodIndex: number;
  readonly deletedPod?: Pod;
  readonly nodeIndex: number;
  readonly want: ExpectedState;
  readonly enableNodeInclusionPolicy?: boolean;
}

const removePodCases: RemovePodCase[] = [
  {
    name: "one spreadConstraint on zone, topologyKeyToMinPodsMap unchanged",
    preemptor: zoneOnly,
    nodes: nodeABX,
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
    ],
    deletedPodIndex: 0,
    nodeIndex: 0,
    want: {
      counts: [{ zone1: 1, zone2: 1 }],
      paths: [
        [
          ["zone1", 1],
          ["zone2", 1],
        ],
      ],
    },
  },
  {
    name: "one spreadConstraint on node, topologyKeyToMinPodsMap changed",
    preemptor: zoneOnly,
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    deletedPodIndex: 0,
    nodeIndex: 0,
    want: {
      counts: [{ zone1: 1, zone2: 2 }],
      paths: [
        [
          ["zone1", 1],
          ["zone2", 2],
        ],
      ],
    },
  },
  {
    name: "delete an irrelevant pod won't help",
    preemptor: zoneOnly,
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a0", "node-a", "bar"),
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    deletedPodIndex: 0,
    nodeIndex: 0,
    want: {
      counts: [{ zone1: 2, zone2: 2 }],
      paths: [
        [
          ["zone1", 2],
          ["zone2", 2],
        ],
      ],
    },
  },
  {
    name: "delete a non-existing pod won't help",
    preemptor: zoneOnly,
    nodes: zoneNodes(),
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-y1", "node-y", "foo"),
    ],
    deletedPodIndex: -1,
    deletedPod: onNode("p-a0", "node-a", "bar"),
    nodeIndex: 0,
    want: {
      counts: [{ zone1: 2, zone2: 2 }],
      paths: [
        [
          ["zone1", 2],
          ["zone2", 2],
        ],
      ],
    },
  },
  {
    name: "two spreadConstraints",
    preemptor: zoneAndNode,
    nodes: nodeABX,
    existingPods: [
      onNode("p-a1", "node-a", "foo"),
      onNode("p-a2", "node-a", "foo"),
      onNode("p-b1", "node-b", "foo"),
      onNode("p-x1", "node-x", "foo"),
      onNode("p-x2", "node-x", "foo"),
    ],
    deletedPodIndex: 3,
    nodeIndex: 2,
    want: {
      counts: [
        { zone1: 3, zone2: 1 },
        { "node-a": 2, "node-b": 1, "node-x": 1 },
      ],
      paths: [
        [
          ["zone2", 1],
          ["zone1", 3],
        ],
        [
          ["node-b", 1],
          ["node-x", 1],
        ],
      ],
    },
  },
  ...([false, true] as const).map(
    (enabled): RemovePodCase => ({
      name: `remove a pod when scheduling node affinity unmatched pod with NodeInclusionPolicy ${enabled ? "enabled" : "disabled"}`,
      preemptor: zoneUnmatchedAffinity,
      nodeIndex: 0,
      deletedPodIndex: -1,
      deletedPod: onNode("p-a1", "node-a", "foo", "zone=zone1"),
      existingPods: [
        onNode("p-a2", "node-a", "foo", "zone=zone1"),
        onNode("p-b1", "node-b", "foo", "zone=zone2"),
      ],
      nodes: affinityNodes,
      want: {
        counts: [{ zone2: 1 }],
        paths: [
          [
            ["zone2", 1],
            ["", maxInt32],
          ],
        ],
      },
      enableNodeInclusionPolicy: enabled,
    }),
  ),
  ...([false, true] as const).map(
    (enabled): RemovePodCase => ({
      name: `remove a pod when scheduling node affinity matched pod with NodeInclusionPolicy ${enabled ? "enabled" : "disabled"}`,
      preemptor: zoneOnly,
      nodeIndex: 1,
      deletedPodIndex: -1,
      deletedPod: onNode("p-b1", "node-b", "foo", "zone=zone2"),
      existingPods: [
        onNode("p-a1", "node-a", "foo", "zone=zone1"),
        onNode("p-b2", "node-b", "foo", "zone=zone2"),
      ],
      nodes: affinityNodes,
      want: {
        counts: [{ zone1: 1, zone2: 0 }],
        paths: [
          [
            ["zone2", 0],
            ["zone1", 1],
          ],
        ],
      },
      enableNodeInclusionPolicy: enabled,
    }),
  ),
];

describe("PodTopologySpread PreFilter RemovePod (upstream TestPreFilterStateRemovePod)", () => {
  it.each(removePodCases)("$name", (testCase) => {
    const { cluster, plugin } = setUp(testCase);
    const cycleState = new CycleState();
    expect(plugin.preFilter(cycleState, testCase.preemptor, cluster.nodeInfos).status).toBeUndefined();
    const deletedPod =
      testCase.deletedPodIndex >= 0 ? testCase.existingPods[testCase.deletedPodIndex] : testCase.deletedPod;
    const nodeInfo = cluster.nodeInfos[testCase.nodeIndex];
    if (deletedPod === undefined || nodeInfo === undefined) throw new Error("bad case");
    const status = plugin
      .preFilterExtensions?.()
      ?.removePod(cycleState, testCase.preemptor, createPodInfo(deletedPod), nodeInfo);
    expect(status).toBeUndefined();
    expect(stateOf(cycleState)).toEqual(normalized(testCase.want));
  });

  it("keeps the original state unchanged when a clone is updated", () => {
    const { cluster, plugin } = setUp({ nodes: nodeAB, existingPods: [onNode("p-b1", "node-b", "foo")] });
    const cycleState = new CycleState();
    plugin.preFilter(cycleState, nodeOnly, cluster.nodeInfos);
    const copy = cycleState.clone();
    plugin
      .preFilterExtensions?.()
      ?.addPod(copy, nodeOnly, createPodInfo(onNode("p-a1", "node-a", "foo")), cluster.nodeInfos[0] as never);
    expect(stateOf(cycleState).counts).toEqual([{ "node-a": 0, "node-b": 1 }]);
    expect(stateOf(copy).counts).toEqual([{ "node-a": 1, "node-b": 1 }]);
  });
});

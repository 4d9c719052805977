import { createRandom, type Node, type Pod, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { CycleState } from "../framework/cycle-state.js";
import { createNodeInfo, createNodeInfoLister } from "../framework/node-info.js";
import type { Plugin } from "../framework/plugin.js";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import { PluginRegistry } from "../framework/registry.js";
import {
  Code,
  codeName,
  createStatus,
  errorStatus,
  type Status,
  skipStatus,
  unschedulable,
  unschedulableAndUnresolvable,
} from "../framework/status.js";
import type { NodeInfo, NodeInfoLister } from "../framework/types.js";
import { prioritySortDefinition } from "../plugins/queuesort/index.js";
import { explainPod } from "./explain.js";
import { createFrameworkRuntime, type FrameworkRuntime } from "./framework-runtime.js";
import type { ProfilePluginEntry } from "./instantiate-plugins.js";
import { createPluginDefinitionMap } from "./plugin-set.js";
import { type AlgorithmState, schedulePod } from "./schedule-algorithm.js";

const fakeBinderDefinition: PluginDefinition = {
  name: "FakeBinder",
  factory: () => ({ name: "FakeBinder", bind: async () => undefined }),
};

function node(name: string): Node {
  return { metadata: { name } };
}

const pod: Pod = { metadata: { name: "p", namespace: "default", uid: "p" }, spec: { containers: [] } };

/** A plugin whose extension points answer from per-node tables. */
function fakePlugin(name: string, behaviour: Record<string, unknown>): PluginDefinition {
  return { name, factory: () => ({ name, ...behaviour }) as Plugin };
}

function filterBy(table: Record<string, Status>) {
  return { filter: (_state: CycleState, _pod: Pod, nodeInfo: NodeInfo) => table[nodeInfo.name] };
}

function preFilterWith(result: ReadonlySet<string> | undefined, status?: Status) {
  return {
    preFilter: () => ({
      ...(result === undefined ? {} : { result: { nodeNames: result } }),
      ...(status ? { status } : {}),
    }),
  };
}

function scoreBy(
  table: Record<string, number>,
  normalize?: (scores: { name: string; score: number }[]) => void,
) {
  return {
    score: (_state: CycleState, _pod: Pod, nodeInfo: NodeInfo) => ({ score: table[nodeInfo.name] ?? 0 }),
    ...(normalize === undefined
      ? {}
      : {
          scoreExtensions: () => ({
            normalizeScore: (_s: CycleState, _p: Pod, scores: { name: string; score: number }[]) =>
              normalize(scores),
          }),
        }),
  };
}

interface Setup {
  readonly plugins: readonly PluginDefinition[];
  readonly points: Record<string, readonly (string | ProfilePluginEntry)[]>;
  readonly pluginArgs?: ReadonlyMap<string, unknown>;
  readonly percentageOfNodesToScore?: number;
}

function frameworkFor(setup: Setup, lister?: NodeInfoLister): FrameworkRuntime {
  const points: Record<string, ProfilePluginEntry[]> = {
    queueSort: [{ name: "PrioritySort" }],
    bind: [{ name: "FakeBinder" }],
  };
  for (const [point, entries] of Object.entries(setup.points)) {
    points[point] = entries.map((entry) => (typeof entry === "string" ? { name: entry } : entry));
  }
  return createFrameworkRuntime({
    profile: {
      schedulerName: "default-scheduler",
      percentageOfNodesToScore: setup.percentageOfNodesToScore,
      plugins: points,
      pluginArgs: setup.pluginArgs ?? new Map(),
    },
    definitions: createPluginDefinitionMap([prioritySortDefinition, fakeBinderDefinition, ...setup.plugins]),
    clock: new VirtualClock(0),
    snapshot: () => lister ?? createNodeInfoLister([]),
  });
}

function listerOf(names: readonly string[]): NodeInfoLister {
  return createNodeInfoLister(names.map((name) => createNodeInfo(node(name))));
}

describe("runPreFilterPlugins", () => {
  it.each([
    {
      name: "intersects the node sets of the plugins that narrow",
      results: [new Set(["a", "b"]), undefined, new Set(["b", "c"])],
      expectedNames: ["b"],
      expectedStatus: undefined,
    },
    {
      name: "reports one plugin by name when its own set is empty",
      results: [new Set<string>()],
      expectedNames: [],
      expectedStatus: { code: "UnschedulableAndUnresolvable", reasons: ["node(s) didn't satisfy plugin P0"] },
    },
    {
      name: "reports the sorted plugins when their sets do not intersect",
      results: [new Set(["a"]), undefined, new Set(["b"])],
      expectedNames: [],
      expectedStatus: {
        code: "UnschedulableAndUnresolvable",
        reasons: ["node(s) didn't satisfy plugin(s) [P0 P2] simultaneously"],
      },
    },
    {
      name: "keeps all nodes when no plugin narrows",
      results: [undefined, undefined],
      expectedNames: undefined,
      expectedStatus: undefined,
    },
  ])("$name", ({ results, expectedNames, expectedStatus }) => {
    const plugins = results.map((result, index) => fakePlugin(`P${index}`, preFilterWith(result)));
    const framework = frameworkFor({ plugins, points: { preFilter: plugins.map((plugin) => plugin.name) } });
    const outcome = framework.runPreFilterPlugins(new CycleState(), pod, []);
    expect(outcome.nodeNames === undefined ? undefined : [...outcome.nodeNames].sort()).toEqual(
      expectedNames,
    );
    expect(
      outcome.status === undefined
        ? undefined
        : { code: codeName(outcome.status.code), reasons: outcome.status.reasons },
    ).toEqual(expectedStatus);
  });

  it("skips the Filter of a plugin whose PreFilter returned Skip, and only that one", () => {
    const filtered: string[] = [];
    const plugins = ["A", "B"].map((name) =>
      fakePlugin(name, {
        preFilter: () => (name === "A" ? { status: skipStatus } : {}),
        filter: () => {
          filtered.push(name);
          return undefined;
        },
      }),
    );
    const framework = frameworkFor({ plugins, points: { preFilter: ["A", "B"], filter: ["A", "B"] } });
    const state = new CycleState();
    framework.runPreFilterPlugins(state, pod, []);
    expect(framework.runFilterPlugins(state, pod, createNodeInfo(node("n")))).toBeUndefined();
    expect(filtered).toEqual(["B"]);
  });

  it("keeps running after Unschedulable and returns it tagged with its plugin", () => {
    const ran: string[] = [];
    const plugins = ["A", "B"].map((name) =>
      fakePlugin(name, {
        preFilter: () => {
          ran.push(name);
          return name === "A" ? { status: unschedulable("not now") } : {};
        },
      }),
    );
    const framework = frameworkFor({ plugins, points: { preFilter: ["A", "B"] } });
    const outcome = framework.runPreFilterPlugins(new CycleState(), pod, []);
    expect(ran).toEqual(["A", "B"]);
    expect(outcome.status).toMatchObject({ code: Code.Unschedulable, reasons: ["not now"], plugin: "A" });
  });

  it("stops at UnschedulableAndUnresolvable", () => {
    const ran: string[] = [];
    const plugins = ["A", "B"].map((name) =>
      fakePlugin(name, {
        preFilter: () => {
          ran.push(name);
          return { status: unschedulableAndUnresolvable("never") };
        },
      }),
    );
    const framework = frameworkFor({ plugins, points: { preFilter: ["A", "B"] } });
    expect(framework.runPreFilterPlugins(new CycleState(), pod, []).status).toMatchObject({ plugin: "A" });
    expect(ran).toEqual(["A"]);
  });

  it("wraps an Error with the plugin name", () => {
    const plugins = [fakePlugin("A", { preFilter: () => ({ status: errorStatus(new Error("boom")) }) })];
    const framework = frameworkFor({ plugins, points: { preFilter: ["A"] } });
    const outcome = framework.runPreFilterPlugins(new CycleState(), pod, []);
    expect(outcome.status).toMatchObject({
      code: Code.Error,
      reasons: ['running PreFilter plugin "A": boom'],
    });
  });
});

describe("runFilterPlugins", () => {
  const table = {
    A: { n1: unschedulable("A says no"), n2: undefined, n3: unschedulableAndUnresolvable("A says never") },
    B: { n1: unschedulable("B says no"), n2: unschedulable("B says no"), n3: undefined },
  } as unknown as Record<string, Record<string, Status>>;
  const framework = frameworkFor({
    plugins: [fakePlugin("A", filterBy(table.A ?? {})), fakePlugin("B", filterBy(table.B ?? {}))],
    points: { filter: ["A", "B"] },
  });

  it.each([
    {
      name: "reports only the first failing plugin of a node",
      node: "n1",
      expected: { plugin: "A", reasons: ["A says no"] },
    },
    {
      name: "reaches the second plugin when the first passes",
      node: "n2",
      expected: { plugin: "B", reasons: ["B says no"] },
    },
    {
      name: "keeps the code of the failing plugin",
      node: "n3",
      expected: { plugin: "A", code: Code.UnschedulableAndUnresolvable },
    },
  ])("$name", ({ node: nodeName, expected }) => {
    expect(framework.runFilterPlugins(new CycleState(), pod, createNodeInfo(node(nodeName)))).toMatchObject(
      expected,
    );
  });

  it("turns a Skip from Filter into an Error naming the plugin", () => {
    const skipping = frameworkFor({
      plugins: [fakePlugin("S", { filter: () => skipStatus })],
      points: { filter: ["S"] },
    });
    expect(skipping.runFilterPlugins(new CycleState(), pod, createNodeInfo(node("n")))).toMatchObject({
      code: Code.Error,
      reasons: ['running "S" filter plugin: '],
      plugin: "S",
    });
  });

  it("runs the filters once more without nominated pods of higher or equal priority", () => {
    const seen: number[] = [];
    const nominated: Pod = {
      metadata: { name: "n", namespace: "default", uid: "nominated" },
      spec: { containers: [], priority: 10 },
    };
    const counting = fakePlugin("Count", {
      filter: (_state: CycleState, _pod: Pod, nodeInfo: NodeInfo) => {
        seen.push(nodeInfo.pods.length);
        return undefined;
      },
    });
    const nodeInfo = createNodeInfo(node("n1"));
    const withNominator = createFrameworkRuntime({
      profile: {
        schedulerName: "default-scheduler",
        plugins: {
          queueSort: [{ name: "PrioritySort" }],
          bind: [{ name: "FakeBinder" }],
          filter: [{ name: "Count" }],
        },
        pluginArgs: new Map(),
      },
      definitions: createPluginDefinitionMap([prioritySortDefinition, fakeBinderDefinition, counting]),
      clock: new VirtualClock(0),
      snapshot: () => createNodeInfoLister([nodeInfo]),
      services: {
        client: {} as never,
        random: createRandom(1),
        nominatedPodsForNode: (name) =>
          name === "n1"
            ? [{ pod: nominated, requests: nodeInfo.requested, nonZeroRequests: nodeInfo.requested }]
            : [],
        getPod: () => undefined,
        recordEvent: () => undefined,
      },
    });
    expect(withNominator.runFilterPluginsWithNominatedPods(new CycleState(), pod, nodeInfo)).toBeUndefined();
    expect(seen).toEqual([1, 0]);
    expect(nodeInfo.pods).toHaveLength(0);
  });
});

describe("runScorePlugins", () => {
  it("normalizes, weights and sums the scores of every plugin", () => {
    const plugins = [
      fakePlugin("Raw", scoreBy({ a: 10, b: 20 })),
      fakePlugin(
        "Normalized",
        scoreBy({ a: 1, b: 4 }, (scores) => {
          for (const entry of scores) entry.score *= 25;
        }),
      ),
    ];
    const framework = frameworkFor({
      plugins,
      points: {
        score: [
          { name: "Raw", weight: 2 },
          { name: "Normalized", weight: 0 },
        ],
      },
    });
    const nodes = [createNodeInfo(node("a")), createNodeInfo(node("b"))];
    const { scores, status } = framework.runScorePlugins(new CycleState(), pod, nodes);
    expect(status).toBeUndefined();
    expect(scores).toEqual([
      {
        name: "a",
        totalScore: 45,
        scores: [
          { plugin: "Raw", raw: 10, normalized: 10, weighted: 20 },
          { plugin: "Normalized", raw: 1, normalized: 25, weighted: 25 },
        ],
      },
      {
        name: "b",
        totalScore: 140,
        scores: [
          { plugin: "Raw", raw: 20, normalized: 20, weighted: 40 },
          { plugin: "Normalized", raw: 4, normalized: 100, weighted: 100 },
        ],
      },
    ]);
  });

  it("rejects a score outside [0, 100] after normalizing", () => {
    const framework = frameworkFor({
      plugins: [fakePlugin("Big", scoreBy({ a: 150 }))],
      points: { score: ["Big"] },
    });
    const { status } = framework.runScorePlugins(new CycleState(), pod, [createNodeInfo(node("a"))]);
    expect(status?.reasons).toEqual([
      'applying score defaultWeights on Score plugins: plugin "Big" returns an invalid score 150, it should in the range of [0, 100] after normalizing',
    ]);
  });

  it("leaves out plugins whose PreScore returned Skip", () => {
    const plugins = [
      fakePlugin("Skipper", { preScore: () => skipStatus, ...scoreBy({ a: 50 }) }),
      fakePlugin("Kept", scoreBy({ a: 7 })),
    ];
    const framework = frameworkFor({
      plugins,
      points: { preScore: ["Skipper"], score: ["Skipper", "Kept"] },
    });
    const state = new CycleState();
    const nodes = [createNodeInfo(node("a"))];
    expect(framework.runPreScorePlugins(state, pod, nodes)).toBeUndefined();
    expect(
      framework.runScorePlugins(state, pod, nodes).scores[0]?.scores.map((score) => score.plugin),
    ).toEqual(["Kept"]);
  });
});

describe("runScorePluginTotals", () => {
  const throwing = (message: string) => () => {
    throw new Error(message);
  };
  const cases: ReadonlyArray<{
    name: string;
    plugins: readonly PluginDefinition[];
    score: readonly (string | ProfilePluginEntry)[];
    nodes: readonly string[];
    expectedTotals: readonly number[];
    expectedReasons?: readonly string[];
  }> = [
    {
      name: "sums the weighted, normalized scores of every plugin per node",
      plugins: [
        fakePlugin("Raw", scoreBy({ a: 10, b: 20 })),
        fakePlugin(
          "Normalized",
          scoreBy({ a: 1, b: 4 }, (scores) => {
            for (const entry of scores) entry.score *= 25;
          }),
        ),
      ],
      score: [
        { name: "Raw", weight: 2 },
        { name: "Normalized", weight: 0 },
      ],
      nodes: ["a", "b"],
      expectedTotals: [45, 140],
    },
    {
      name: "counts a missing raw score as 0",
      plugins: [fakePlugin("Sparse", { score: () => ({ score: undefined }) })],
      score: ["Sparse"],
      nodes: ["a"],
      expectedTotals: [0],
    },
    {
      name: "reports the first invalid score in node order, whichever plugin gave it",
      plugins: [
        fakePlugin("Late", scoreBy({ a: 10, b: 500 })),
        fakePlugin("Early", scoreBy({ a: 200, b: 1 })),
      ],
      score: ["Late", "Early"],
      nodes: ["a", "b"],
      expectedTotals: [],
      expectedReasons: [
        'applying score defaultWeights on Score plugins: plugin "Early" returns an invalid score 200, it should in the range of [0, 100] after normalizing',
      ],
    },
    {
      name: "reports the first failing Score in plugin order",
      plugins: [
        fakePlugin("Fine", scoreBy({ a: 1 })),
        fakePlugin("Broken", { score: throwing("no score today") }),
      ],
      score: ["Fine", "Broken"],
      nodes: ["a"],
      expectedTotals: [],
      expectedReasons: ['running Score plugins: plugin "Broken" failed with: no score today'],
    },
    {
      name: "reports a failing NormalizeScore",
      plugins: [
        fakePlugin("Odd", {
          ...scoreBy({ a: 1 }),
          scoreExtensions: () => ({ normalizeScore: () => unschedulable("cannot normalize") }),
        }),
      ],
      score: ["Odd"],
      nodes: ["a"],
      expectedTotals: [],
      expectedReasons: ['running Normalize on Score plugins: plugin "Odd" failed with: cannot normalize'],
    },
  ];

  it.each(cases)("$name", ({ plugins, score, nodes, expectedTotals, expectedReasons }) => {
    const framework = frameworkFor({ plugins, points: { score } });
    const nodeInfos = nodes.map((name) => createNodeInfo(node(name)));
    const totals = framework.runScorePluginTotals(new CycleState(), pod, nodeInfos);
    expect([...totals.totals]).toEqual(expectedTotals);
    expect(totals.status?.reasons).toEqual(expectedReasons);
    // The same answer as the detailed run, which explain() shows.
    const detailed = framework.runScorePlugins(new CycleState(), pod, nodeInfos);
    expect(detailed.scores.map((entry) => entry.totalScore)).toEqual(expectedTotals);
    expect(detailed.status?.reasons).toEqual(expectedReasons);
  });
});

describe("createFrameworkRuntime", () => {
  it.each([
    {
      name: "rejects a plugin nobody registered",
      points: { filter: ["Nope"] },
      message: 'FilterPlugin "Nope" does not exist',
    },
    {
      name: "rejects a plugin that lacks the extension point",
      points: { score: ["OnlyFilter"] },
      message: 'plugin "OnlyFilter" does not extend ScorePlugin plugin',
    },
    {
      name: "rejects a plugin listed twice at one point",
      points: { filter: ["OnlyFilter", "OnlyFilter"] },
      message: 'plugin "OnlyFilter" already registered as "FilterPlugin"',
    },
  ])("$name", ({ points, message }) => {
    expect(() => frameworkFor({ plugins: [fakePlugin("OnlyFilter", filterBy({}))], points })).toThrow(
      message,
    );
  });

  it("rejects invalid args with field errors", () => {
    const validated: PluginDefinition = {
      name: "Checked",
      factory: () => ({ name: "Checked", filter: () => undefined }) as Plugin,
      validateArgs: () => [
        { type: "FieldValueInvalid", field: "weight", badValue: 0, detail: "must be positive" },
      ],
    };
    expect(() => frameworkFor({ plugins: [validated], points: { filter: ["Checked"] } })).toThrow(
      expect.objectContaining({
        errors: [expect.objectContaining({ field: "weight", type: "FieldValueInvalid" })],
      }),
    );
  });

  it("wraps a failing factory", () => {
    const failing: PluginDefinition = {
      name: "Failing",
      factory: () => {
        throw new Error("no client");
      },
    };
    expect(() => frameworkFor({ plugins: [failing], points: { filter: ["Failing"] } })).toThrow(
      'initializing plugin "Failing": no client',
    );
  });

  it("treats the in-tree factories of a user registry as in-tree, and a new name as out-of-tree", () => {
    const registry = new PluginRegistry([[prioritySortDefinition.name, prioritySortDefinition.factory]]);
    registry.register("Mine", () => ({ name: "Mine" }));
    const definitions = createPluginDefinitionMap([prioritySortDefinition], registry);
    expect(definitions.get("PrioritySort")).toBe(prioritySortDefinition);
    expect(definitions.get("Mine")?.name).toBe("Mine");
    const clash = new PluginRegistry([["PrioritySort", () => ({ name: "PrioritySort" })]]);
    expect(() => createPluginDefinitionMap([prioritySortDefinition], clash)).toThrow(
      "a plugin named PrioritySort already exists",
    );
  });
});

describe("schedulePod", () => {
  const random = createRandom(3);

  function run(
    setup: Setup,
    names: readonly string[],
    algorithmState: AlgorithmState = { nextStartNodeIndex: 0 },
  ) {
    const lister = listerOf(names);
    const framework = frameworkFor(setup, lister);
    return schedulePod({
      framework,
      state: new CycleState(),
      pod,
      snapshot: lister,
      algorithmState,
      random,
      globalPercentageOfNodesToScore: 0,
    });
  }

  it("gives the absent-node status to nodes a PreFilterResult excluded", () => {
    const plugins = [
      fakePlugin("Narrow", {
        ...preFilterWith(new Set(["n1", "ghost"])),
        ...filterBy({ n1: unschedulable("Insufficient cpu") }),
      }),
    ];
    const outcome = run({ plugins, points: { preFilter: ["Narrow"], filter: ["Narrow"] } }, [
      "n1",
      "n2",
      "n3",
    ]);
    expect(outcome.kind).toBe("unfit");
    if (outcome.kind !== "unfit") return;
    expect(outcome.fitError.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [Narrow].",
    );
    expect([...outcome.fitError.diagnosis.unschedulablePlugins]).toEqual(["Narrow"]);
  });

  it("reports only the PreFilter message when PreFilter rejects", () => {
    const plugins = [
      fakePlugin(
        "Gate",
        preFilterWith(undefined, unschedulableAndUnresolvable("pod affinity terms conflict")),
      ),
    ];
    const outcome = run({ plugins, points: { preFilter: ["Gate"] } }, ["n1", "n2"]);
    expect(outcome.kind === "unfit" && outcome.fitError.message).toBe(
      "0/2 nodes are available: pod affinity terms conflict.",
    );
  });

  it("fails with no nodes available when the cluster has no nodes", () => {
    const outcome = run({ plugins: [], points: {} }, []);
    expect(outcome).toMatchObject({
      kind: "failed",
      status: { code: Code.UnschedulableAndUnresolvable, reasons: ["no nodes available to schedule pods"] },
    });
  });

  it("picks the single feasible node without scoring", () => {
    let scored = false;
    const plugins = [
      fakePlugin("Only", {
        ...filterBy({ n1: unschedulable("no"), n3: unschedulable("no") }),
        score: () => {
          scored = true;
          return { score: 1 };
        },
      }),
    ];
    const outcome = run({ plugins, points: { filter: ["Only"], score: ["Only"] } }, ["n1", "n2", "n3"]);
    expect(outcome).toEqual({ kind: "scheduled", suggestedHost: "n2", evaluatedNodes: 3, feasibleNodes: 1 });
    expect(scored).toBe(false);
  });

  it("picks the best weighted node", () => {
    const plugins = [fakePlugin("Pref", scoreBy({ n1: 10, n2: 90, n3: 40 }))];
    const outcome = run({ plugins, points: { score: ["Pref"] } }, ["n1", "n2", "n3"]);
    expect(outcome).toMatchObject({ kind: "scheduled", suggestedHost: "n2", feasibleNodes: 3 });
  });

  it("stops filtering once enough feasible nodes are found and moves the start index", () => {
    const names = Array.from({ length: 1000 }, (_, index) => `n${index}`);
    const checked: string[] = [];
    const plugins = [
      fakePlugin("Count", {
        filter: (_state: CycleState, _pod: Pod, nodeInfo: NodeInfo) => {
          checked.push(nodeInfo.name);
          return undefined;
        },
        ...scoreBy({}),
      }),
    ];
    const algorithmState = { nextStartNodeIndex: 990 };
    const outcome = run({ plugins, points: { filter: ["Count"], score: ["Count"] } }, names, algorithmState);
    expect(outcome).toMatchObject({ kind: "scheduled", feasibleNodes: 420 });
    expect(checked).toHaveLength(420);
    expect(checked[0]).toBe("n990");
    expect(checked[10]).toBe("n0");
    expect(algorithmState.nextStartNodeIndex).toBe((990 + 420) % 1000);
  });

  it("looks for one feasible node when nothing scores", () => {
    const checked: string[] = [];
    const plugins = [
      fakePlugin("Count", {
        filter: (_state: CycleState, _pod: Pod, nodeInfo: NodeInfo) => {
          checked.push(nodeInfo.name);
          return nodeInfo.name === "n0" ? unschedulable("full") : undefined;
        },
      }),
    ];
    const outcome = run({ plugins, points: { filter: ["Count"] } }, ["n0", "n1", "n2"]);
    expect(outcome).toEqual({ kind: "scheduled", suggestedHost: "n1", evaluatedNodes: 2, feasibleNodes: 1 });
    expect(checked).toEqual(["n0", "n1"]);
  });

  it("aborts the cycle on an Error from any node", () => {
    const plugins = [
      fakePlugin(
        "Broken",
        filterBy({ n1: unschedulable("full"), n2: errorStatus(new Error("disk on fire")) }),
      ),
    ];
    const outcome = run({ plugins, points: { filter: ["Broken"] } }, ["n1", "n2"]);
    expect(outcome).toMatchObject({
      kind: "failed",
      status: { code: Code.Error, reasons: ['running "Broken" filter plugin: disk on fire'] },
    });
  });
});

describe("explainPod", () => {
  it("evaluates every node in snapshot order with each plugin's raw, normalized and weighted score", () => {
    const lister = listerOf(["n1", "n2", "n3"]);
    const plugins = [
      fakePlugin("Fit", filterBy({ n2: createStatus(Code.Unschedulable, "Insufficient cpu") })),
      fakePlugin("Pref", scoreBy({ n1: 30, n3: 60 })),
    ];
    const framework = frameworkFor(
      { plugins, points: { filter: ["Fit"], score: [{ name: "Pref", weight: 2 }] } },
      lister,
    );
    const explanation = explainPod({ framework, pod, snapshot: lister, random: createRandom(1) });
    expect(explanation).toEqual({
      nodes: [
        {
          name: "n1",
          filter: { code: "Success", reasons: [] },
          scores: { Pref: { raw: 30, normalized: 30, weighted: 60 } },
          totalScore: 60,
        },
        { name: "n2", filter: { code: "Unschedulable", plugin: "Fit", reasons: ["Insufficient cpu"] } },
        {
          name: "n3",
          filter: { code: "Success", reasons: [] },
          scores: { Pref: { raw: 60, normalized: 60, weighted: 120 } },
          totalScore: 120,
        },
      ],
      selected: "n3",
    });
  });
});

describe("Permit", () => {
  const waitFor = (timeoutMs: number) =>
    fakePlugin("Gate", { permit: () => ({ status: createStatus(Code.Wait), timeoutMs }) });

  it("lets a waiting pod through once its plugin allows it", async () => {
    const framework = frameworkFor({ plugins: [waitFor(10_000)], points: { permit: ["Gate"] } });
    const status = framework.runPermitPlugins(new CycleState(), pod, "n1");
    expect(status).toMatchObject({
      code: Code.Wait,
      reasons: ['one or more plugins asked to wait and no plugin rejected pod "p"'],
    });
    const outcome = framework.waitOnPermit(pod);
    framework.getWaitingPod("p")?.allow("Gate");
    expect(await outcome).toBeUndefined();
    expect(framework.getWaitingPod("p")).toBeUndefined();
  });

  it("rejects a waiting pod when its timeout passes on the clock", async () => {
    const clock = new VirtualClock(0);
    const framework = createFrameworkRuntime({
      profile: {
        schedulerName: "default-scheduler",
        plugins: {
          queueSort: [{ name: "PrioritySort" }],
          bind: [{ name: "FakeBinder" }],
          permit: [{ name: "Gate" }],
        },
        pluginArgs: new Map(),
      },
      definitions: createPluginDefinitionMap([prioritySortDefinition, fakeBinderDefinition, waitFor(10_000)]),
      clock,
      snapshot: () => createNodeInfoLister([]),
    });
    framework.runPermitPlugins(new CycleState(), pod, "n1");
    const outcome = framework.waitOnPermit(pod);
    clock.advance(10_000);
    expect(await outcome).toEqual({
      code: Code.Unschedulable,
      reasons: ["rejected due to timeout after waiting 10s at plugin Gate"],
      plugin: "Gate",
    });
  });
});

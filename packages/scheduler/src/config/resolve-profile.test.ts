import { describe, expect, it } from "vitest";
import { getDefaultPlugins, type InTreePluginDefaults } from "./default-plugins.js";
import { resolveProfile, validateProfilePlugins } from "./resolve-profile.js";
import type { ExtensionPoint, PluginsConfiguration, ResolvedProfile } from "./types.js";

function namesByPoint(profile: ResolvedProfile): Partial<Record<ExtensionPoint, string[]>> {
  const result: Partial<Record<ExtensionPoint, string[]>> = {};
  for (const [point, plugins] of Object.entries(profile.plugins) as [
    ExtensionPoint,
    readonly { name: string }[],
  ][]) {
    if (plugins.length > 0) result[point] = plugins.map((plugin) => plugin.name);
  }
  return result;
}

function scoreWeights(profile: ResolvedProfile): Record<string, number | undefined> {
  return Object.fromEntries(profile.plugins.score.map((plugin) => [plugin.name, plugin.weight]));
}

// The v1.32 default profile after MultiPoint expansion (upstream's ExpandedPluginsV1 without
// the removed cloud volume-limit plugins, with DefaultPreemption's PreEnqueue).
const expandedDefaults = {
  preEnqueue: ["SchedulingGates", "DefaultPreemption"],
  queueSort: ["PrioritySort"],
  preFilter: [
    "NodeAffinity",
    "NodePorts",
    "NodeResourcesFit",
    "VolumeRestrictions",
    "NodeVolumeLimits",
    "VolumeBinding",
    "VolumeZone",
    "PodTopologySpread",
    "InterPodAffinity",
  ],
  filter: [
    "NodeUnschedulable",
    "NodeName",
    "TaintToleration",
    "NodeAffinity",
    "NodePorts",
    "NodeResourcesFit",
    "VolumeRestrictions",
    "NodeVolumeLimits",
    "VolumeBinding",
    "VolumeZone",
    "PodTopologySpread",
    "InterPodAffinity",
  ],
  postFilter: ["DefaultPreemption"],
  preScore: [
    "TaintToleration",
    "NodeAffinity",
    "NodeResourcesFit",
    "VolumeBinding",
    "PodTopologySpread",
    "InterPodAffinity",
    "NodeResourcesBalancedAllocation",
  ],
  score: [
    "TaintToleration",
    "NodeAffinity",
    "NodeResourcesFit",
    "VolumeBinding",
    "PodTopologySpread",
    "InterPodAffinity",
    "NodeResourcesBalancedAllocation",
    "ImageLocality",
  ],
  reserve: ["VolumeBinding"],
  preBind: ["VolumeBinding"],
  bind: ["DefaultBinder"],
};

describe("resolveProfile with the v1.32 defaults", () => {
  it("expands the default MultiPoint plugins to every extension point they implement", () => {
    const profile = resolveProfile({ schedulerName: "default-scheduler", pluginConfig: [] });
    expect(namesByPoint(profile)).toEqual(expandedDefaults);
    expect(scoreWeights(profile)).toEqual({
      TaintToleration: 3,
      NodeAffinity: 2,
      NodeResourcesFit: 1,
      VolumeBinding: 1,
      PodTopologySpread: 2,
      InterPodAffinity: 2,
      NodeResourcesBalancedAllocation: 1,
      ImageLocality: 1,
    });
    expect(profile.plugins.filter[0]).toEqual({ name: "NodeUnschedulable" });
    expect(profile.pluginArgs.size).toBe(0);
    expect(profile.percentageOfNodesToScore).toBeUndefined();
  });

  it.each<{ name: string; plugins: PluginsConfiguration; check: (profile: ResolvedProfile) => void }>([
    {
      name: "disabling a plugin at one point removes it there only",
      plugins: {
        score: { disabled: [{ name: "ImageLocality" }, { name: "NodeResourcesBalancedAllocation" }] },
      },
      check: (profile) => {
        expect(namesByPoint(profile).score).toEqual([
          "TaintToleration",
          "NodeAffinity",
          "NodeResourcesFit",
          "VolumeBinding",
          "PodTopologySpread",
          "InterPodAffinity",
        ]);
        expect(namesByPoint(profile).preScore).toContain("NodeResourcesBalancedAllocation");
      },
    },
    {
      name: "disabling a plugin through multiPoint removes it everywhere",
      plugins: { multiPoint: { disabled: [{ name: "TaintToleration" }] } },
      check: (profile) => {
        expect(namesByPoint(profile).filter).not.toContain("TaintToleration");
        expect(namesByPoint(profile).preScore).not.toContain("TaintToleration");
        expect(namesByPoint(profile).score).not.toContain("TaintToleration");
      },
    },
    {
      name: "a score entry re-weights a default plugin and moves it first",
      plugins: { score: { enabled: [{ name: "NodeResourcesBalancedAllocation", weight: 5 }] } },
      check: (profile) => {
        expect(profile.plugins.score[0]).toEqual({ name: "NodeResourcesBalancedAllocation", weight: 5 });
        expect(profile.plugins.score).toHaveLength(8);
      },
    },
    {
      name: "a multiPoint entry re-weights a default plugin in place",
      plugins: { multiPoint: { enabled: [{ name: "ImageLocality", weight: 7 }] } },
      check: (profile) => {
        expect(profile.plugins.score.at(-1)).toEqual({ name: "ImageLocality", weight: 7 });
      },
    },
    {
      name: "a weight of 0 counts as 1",
      plugins: { score: { enabled: [{ name: "TaintToleration", weight: 0 }] } },
      check: (profile) => {
        expect(profile.plugins.score[0]).toEqual({ name: "TaintToleration", weight: 1 });
      },
    },
    {
      name: "disabling every filter keeps only the user's filters, in the user's order",
      plugins: {
        filter: { disabled: [{ name: "*" }], enabled: [{ name: "NodeName" }, { name: "TaintToleration" }] },
      },
      check: (profile) => {
        expect(namesByPoint(profile).filter).toEqual(["NodeName", "TaintToleration"]);
        expect(namesByPoint(profile).preFilter).toEqual(expandedDefaults.preFilter);
      },
    },
    {
      name: "disabling every multiPoint default leaves only what the user enables",
      plugins: {
        multiPoint: {
          disabled: [{ name: "*" }],
          enabled: [{ name: "PrioritySort" }, { name: "DefaultBinder" }, { name: "NodeName" }],
        },
      },
      check: (profile) => {
        expect(namesByPoint(profile)).toEqual({
          queueSort: ["PrioritySort"],
          filter: ["NodeName"],
          bind: ["DefaultBinder"],
        });
      },
    },
  ])("$name", ({ plugins, check }) => {
    check(resolveProfile({ schedulerName: "custom", plugins, pluginConfig: [] }));
  });

  it("keeps the args of each pluginConfig entry by plugin name", () => {
    const args = { minCandidateNodesPercentage: 20 };
    const profile = resolveProfile({
      schedulerName: "default-scheduler",
      percentageOfNodesToScore: 40,
      pluginConfig: [{ name: "DefaultPreemption", args }, { name: "NodeAffinity" }],
    });
    expect(profile.pluginArgs.get("DefaultPreemption")).toBe(args);
    expect(profile.pluginArgs.has("NodeAffinity")).toBe(true);
    expect(profile.pluginArgs.get("NodeAffinity")).toBeUndefined();
    expect(profile.percentageOfNodesToScore).toBe(40);
  });

  it("adds DynamicResources before DefaultPreemption when its gate is on", () => {
    const enabled = getDefaultPlugins({ enableDynamicResourceAllocation: true }).multiPoint?.enabled ?? [];
    expect(enabled.map((plugin) => plugin.name).slice(13, 16)).toEqual([
      "InterPodAffinity",
      "DynamicResources",
      "DefaultPreemption",
    ]);
    expect(getDefaultPlugins().multiPoint?.enabled).toHaveLength(18);
  });
});

describe("resolveProfile with out-of-tree plugins", () => {
  const extensionPointsOf = (name: string): ExtensionPoint[] | undefined =>
    name === "Coscheduling"
      ? ["queueSort", "preFilter", "postFilter", "permit", "reserve"]
      : name === "Scorer"
        ? ["score"]
        : undefined;

  it("expands an out-of-tree MultiPoint plugin where it says it fits", () => {
    const profile = resolveProfile(
      {
        schedulerName: "gang",
        plugins: {
          multiPoint: { enabled: [{ name: "Coscheduling" }] },
          queueSort: { disabled: [{ name: "*" }], enabled: [{ name: "Coscheduling" }] },
        },
        pluginConfig: [],
      },
      undefined,
      extensionPointsOf,
    );
    expect(namesByPoint(profile).queueSort).toEqual(["Coscheduling"]);
    expect(namesByPoint(profile).preFilter?.at(-1)).toBe("Coscheduling");
    expect(namesByPoint(profile).postFilter).toEqual(["DefaultPreemption", "Coscheduling"]);
    expect(namesByPoint(profile).permit).toEqual(["Coscheduling"]);
    expect(namesByPoint(profile).reserve).toEqual(["VolumeBinding", "Coscheduling"]);
  });

  it("keeps a plugin enabled at a specific point even when nothing is known about it", () => {
    const profile = resolveProfile({
      schedulerName: "x",
      plugins: { score: { enabled: [{ name: "Mystery", weight: 4 }] } },
      pluginConfig: [],
    });
    expect(profile.plugins.score.at(-1)).toEqual({ name: "Mystery", weight: 4 });
  });
});

// Ported from upstream's framework_test.go (TestNewFrameworkMultiPointExpansion), without defaults.
describe("resolveProfile MultiPoint expansion", () => {
  const allPoints: ExtensionPoint[] = [
    "queueSort",
    "preFilter",
    "filter",
    "postFilter",
    "preScore",
    "score",
    "reserve",
    "permit",
    "preBind",
    "bind",
    "postBind",
  ];
  const bare: InTreePluginDefaults = {
    plugins: {},
    extensionPoints: new Map<string, readonly ExtensionPoint[]>([
      ["TestPlugin", allPoints],
      ["ScorePlugin1", ["preScore", "score"]],
      ["ScorePlugin2", ["score"]],
      ["ScoreWithNormalizePlugin1", ["score"]],
      ["QueueSortPlugin", ["queueSort"]],
      ["BindPlugin", ["bind"]],
    ]),
  };
  const testPluginEverywhere = (score: { name: string; weight: number }[], preScore = ["TestPlugin"]) => ({
    queueSort: ["TestPlugin"],
    preFilter: ["TestPlugin"],
    filter: ["TestPlugin"],
    postFilter: ["TestPlugin"],
    preScore,
    score,
    reserve: ["TestPlugin"],
    permit: ["TestPlugin"],
    preBind: ["TestPlugin"],
    bind: ["TestPlugin"],
    postBind: ["TestPlugin"],
  });

  it.each<{ name: string; plugins: PluginsConfiguration; expected: Record<string, unknown> }>([
    {
      name: "a MultiPoint plugin is expanded to every point it implements, with its weight",
      plugins: { multiPoint: { enabled: [{ name: "TestPlugin", weight: 5 }] } },
      expected: testPluginEverywhere([{ name: "TestPlugin", weight: 5 }]),
    },
    {
      name: "a MultiPoint plugin disabled at some points is left out there",
      plugins: {
        multiPoint: { enabled: [{ name: "TestPlugin" }] },
        preScore: { disabled: [{ name: "TestPlugin" }] },
        score: { disabled: [{ name: "TestPlugin" }] },
      },
      expected: { ...testPluginEverywhere([], []) },
    },
    {
      name: "several MultiPoint plugins keep their order",
      plugins: { multiPoint: { enabled: [{ name: "TestPlugin" }, { name: "ScorePlugin1" }] } },
      expected: testPluginEverywhere(
        [
          { name: "TestPlugin", weight: 1 },
          { name: "ScorePlugin1", weight: 1 },
        ],
        ["TestPlugin", "ScorePlugin1"],
      ),
    },
    {
      name: "disabling '*' at a point skips MultiPoint expansion there",
      plugins: {
        multiPoint: { enabled: [{ name: "TestPlugin" }, { name: "ScorePlugin1" }] },
        preScore: { disabled: [{ name: "*" }] },
      },
      expected: testPluginEverywhere(
        [
          { name: "TestPlugin", weight: 1 },
          { name: "ScorePlugin1", weight: 1 },
        ],
        [],
      ),
    },
    {
      name: "plugins also enabled at the specific point come first, in that point's order",
      plugins: {
        multiPoint: {
          enabled: [{ name: "ScoreWithNormalizePlugin1" }, { name: "TestPlugin" }, { name: "ScorePlugin1" }],
        },
        score: { enabled: [{ name: "ScorePlugin1" }, { name: "TestPlugin" }] },
      },
      expected: testPluginEverywhere(
        [
          { name: "ScorePlugin1", weight: 1 },
          { name: "TestPlugin", weight: 1 },
          { name: "ScoreWithNormalizePlugin1", weight: 1 },
        ],
        ["TestPlugin", "ScorePlugin1"],
      ),
    },
    {
      name: "a specific-only plugin comes after the MultiPoint ones",
      plugins: {
        multiPoint: { enabled: [{ name: "TestPlugin" }, { name: "ScorePlugin1" }] },
        score: {
          enabled: [{ name: "ScoreWithNormalizePlugin1" }, { name: "ScorePlugin1" }, { name: "TestPlugin" }],
        },
      },
      expected: testPluginEverywhere(
        [
          { name: "ScorePlugin1", weight: 1 },
          { name: "TestPlugin", weight: 1 },
          { name: "ScoreWithNormalizePlugin1", weight: 1 },
        ],
        ["TestPlugin", "ScorePlugin1"],
      ),
    },
    {
      name: "score weights override MultiPoint weights, and a plugin is listed once",
      plugins: {
        multiPoint: { enabled: [{ name: "TestPlugin" }, { name: "ScorePlugin1" }] },
        score: {
          enabled: [
            { name: "ScorePlugin1", weight: 5 },
            { name: "ScorePlugin2", weight: 5 },
            { name: "TestPlugin", weight: 3 },
          ],
        },
      },
      expected: testPluginEverywhere(
        [
          { name: "ScorePlugin1", weight: 5 },
          { name: "TestPlugin", weight: 3 },
          { name: "ScorePlugin2", weight: 5 },
        ],
        ["TestPlugin", "ScorePlugin1"],
      ),
    },
    {
      name: "MultiPoint enabled plugins survive disabling '*' in MultiPoint",
      plugins: {
        multiPoint: {
          enabled: [{ name: "QueueSortPlugin" }, { name: "BindPlugin" }, { name: "ScorePlugin1" }],
          disabled: [{ name: "*" }],
        },
      },
      expected: {
        queueSort: ["QueueSortPlugin"],
        preScore: ["ScorePlugin1"],
        score: [{ name: "ScorePlugin1", weight: 1 }],
        bind: ["BindPlugin"],
      },
    },
    {
      name: "a plugin both enabled and disabled in MultiPoint stays enabled",
      plugins: {
        multiPoint: {
          enabled: [{ name: "BindPlugin" }, { name: "QueueSortPlugin" }, { name: "ScorePlugin1" }],
          disabled: [{ name: "ScorePlugin1" }],
        },
      },
      expected: {
        queueSort: ["QueueSortPlugin"],
        preScore: ["ScorePlugin1"],
        score: [{ name: "ScorePlugin1", weight: 1 }],
        bind: ["BindPlugin"],
      },
    },
  ])("$name", ({ plugins, expected }) => {
    const profile = resolveProfile({ schedulerName: "test", plugins, pluginConfig: [] }, bare);
    const actual: Record<string, unknown> = namesByPoint(profile);
    if (profile.plugins.score.length > 0) actual.score = profile.plugins.score;
    const wanted = Object.fromEntries(
      Object.entries(expected).filter(([, value]) => (value as unknown[]).length > 0),
    );
    expect(actual).toEqual(wanted);
  });

  it.each<{
    name: string;
    plugins: PluginsConfiguration;
    pluginConfig?: { name: string }[];
    message: string;
  }>([
    {
      name: "a plugin twice in MultiPoint",
      plugins: { multiPoint: { enabled: [{ name: "TestPlugin" }, { name: "TestPlugin" }] } },
      message: 'plugin "TestPlugin" already registered as "PreFilterPlugin"',
    },
    {
      name: "an unknown MultiPoint plugin",
      plugins: { multiPoint: { enabled: [{ name: "TestPlugin" }, { name: "Unknown" }] } },
      message: 'PreFilterPlugin "Unknown" does not exist',
    },
    {
      name: "a plugin at a point it does not implement",
      plugins: {
        multiPoint: { enabled: [{ name: "TestPlugin" }] },
        filter: { enabled: [{ name: "ScorePlugin1" }] },
      },
      message: 'plugin "ScorePlugin1" does not extend FilterPlugin plugin',
    },
    {
      name: "a plugin twice at one point",
      plugins: {
        multiPoint: { enabled: [{ name: "TestPlugin" }] },
        score: { enabled: [{ name: "ScorePlugin1" }, { name: "ScorePlugin1" }] },
      },
      message: 'plugin "ScorePlugin1" already registered as "ScorePlugin"',
    },
    {
      name: "no queue sort plugin",
      plugins: { bind: { enabled: [{ name: "BindPlugin" }] } },
      message: 'only one queue sort plugin required for profile with scheduler name "test", but got 0',
    },
    {
      name: "two queue sort plugins",
      plugins: {
        queueSort: { enabled: [{ name: "QueueSortPlugin" }, { name: "TestPlugin" }] },
        bind: { enabled: [{ name: "BindPlugin" }] },
      },
      message: 'only one queue sort plugin required for profile with scheduler name "test", but got 2',
    },
    {
      name: "no bind plugin",
      plugins: { queueSort: { enabled: [{ name: "QueueSortPlugin" }] } },
      message: 'at least one bind plugin is needed for profile with scheduler name "test"',
    },
    {
      name: "a repeated plugin config",
      plugins: { multiPoint: { enabled: [{ name: "TestPlugin" }] } },
      pluginConfig: [{ name: "TestPlugin" }, { name: "TestPlugin" }],
      message: "repeated config for plugin TestPlugin",
    },
  ])("rejects $name", ({ plugins, pluginConfig, message }) => {
    expect(() =>
      resolveProfile({ schedulerName: "test", plugins, pluginConfig: pluginConfig ?? [] }, bare),
    ).toThrow(message);
  });
});

describe("validateProfilePlugins", () => {
  it("names the first unregistered plugin with its extension point's interface", () => {
    const profile = resolveProfile({
      schedulerName: "x",
      plugins: { filter: { enabled: [{ name: "MyFilter" }] }, score: { enabled: [{ name: "MyScore" }] } },
      pluginConfig: [],
    });
    const registered = new Set(["SchedulingGates", "PrioritySort", "DefaultBinder"]);
    expect(() => validateProfilePlugins(profile, (name) => registered.has(name))).toThrow(
      'PreFilterPlugin "NodeAffinity" does not exist',
    );
    const everythingButMine = (name: string) => !name.startsWith("My");
    expect(() => validateProfilePlugins(profile, everythingButMine)).toThrow(
      'FilterPlugin "MyFilter" does not exist',
    );
    expect(() => validateProfilePlugins(profile, () => true)).not.toThrow();
  });
});

import { KubesimError } from "@kubesim/core";
import { type InTreePluginDefaults, inTreePluginDefaults } from "./default-plugins.js";
import { type MergedPluginSet, mergePlugins } from "./merge-plugins.js";
import type {
  ExtensionPoint,
  PluginReference,
  ResolvedPlugin,
  ResolvedProfile,
  SchedulerProfileConfiguration,
} from "./types.js";

/**
 * The extension points in the order upstream's framework builds them
 * (`getExtensionPoints`), with the Go interface names its errors cite.
 */
export const frameworkExtensionPoints: readonly {
  readonly point: ExtensionPoint;
  readonly interfaceName: string;
}[] = Object.freeze([
  { point: "preFilter", interfaceName: "PreFilterPlugin" },
  { point: "filter", interfaceName: "FilterPlugin" },
  { point: "postFilter", interfaceName: "PostFilterPlugin" },
  { point: "reserve", interfaceName: "ReservePlugin" },
  { point: "preScore", interfaceName: "PreScorePlugin" },
  { point: "score", interfaceName: "ScorePlugin" },
  { point: "preBind", interfaceName: "PreBindPlugin" },
  { point: "bind", interfaceName: "BindPlugin" },
  { point: "postBind", interfaceName: "PostBindPlugin" },
  { point: "permit", interfaceName: "PermitPlugin" },
  { point: "preEnqueue", interfaceName: "PreEnqueuePlugin" },
  { point: "queueSort", interfaceName: "QueueSortPlugin" },
]);

/** Upstream `MaxNodeScore`. */
const maxNodeScore = 100n;
/** Upstream `MaxTotalScore` (`math.MaxInt64`). */
const maxTotalScore = (1n << 63n) - 1n;

/**
 * The extension points a plugin implements, or `undefined` when no plugin has that name.
 * A runtime can answer from instantiated plugins (which methods they have).
 */
export type ExtensionPointsOf = (pluginName: string) => Iterable<ExtensionPoint> | undefined;

function quote(name: string): string {
  return JSON.stringify(name);
}

/** An ordered set of names: upstream's `orderedSet`. */
function uniqueNames(plugins: readonly PluginReference[]): string[] {
  return [...new Set(plugins.map((plugin) => plugin.name))];
}

/**
 * Resolves one profile into the plugins each extension point runs, as upstream's
 * `mergePlugins` (v1 defaulting) and `NewFramework` do:
 *
 * 1. the user's `plugins` are merged into the default plugins per extension point
 *    (disabled names and `"*"` removed, a re-configured default keeps its place, other
 *    custom plugins appended);
 * 2. each plugin enabled at a specific point must exist and implement it, once;
 * 3. `multiPoint` plugins are added to every point they implement, unless disabled
 *    there (or the point disables `"*"`); a plugin also enabled at the specific point
 *    keeps that entry; order: such overrides, then MultiPoint plugins, then the other
 *    specific ones;
 * 4. exactly one QueueSort and at least one Bind plugin;
 * 5. Score weights: a plugin's `score` entry wins over its `multiPoint` entry, and an
 *    unset or zero weight counts as 1.
 *
 * `extensionPointsOf` answers for plugins outside `inTreeDefaults.extensionPoints`
 * (out-of-tree plugins). Without an answer, a plugin enabled at a specific point is kept
 * as configured (the runtime checks it exists when instantiating), while one enabled
 * through `multiPoint` cannot be expanded and is an error. Errors are upstream's
 * messages, e.g. `PreFilterPlugin "Foo" does not exist`,
 * `plugin "NodeName" does not extend ScorePlugin plugin`,
 * `only one queue sort plugin required for profile with scheduler name "x", but got 2`.
 *
 * `pluginArgs` holds the `pluginConfig` args by plugin name (`undefined` when absent).
 */
export function resolveProfile(
  profile: SchedulerProfileConfiguration,
  inTreeDefaults: InTreePluginDefaults = inTreePluginDefaults,
  extensionPointsOf?: ExtensionPointsOf,
): ResolvedProfile {
  const pointsCache = new Map<string, ReadonlySet<ExtensionPoint> | undefined>();
  const pointsOf = (name: string): ReadonlySet<ExtensionPoint> | undefined => {
    if (pointsCache.has(name)) return pointsCache.get(name);
    const answer = extensionPointsOf?.(name) ?? inTreeDefaults.extensionPoints.get(name);
    const points = answer === undefined ? undefined : new Set(answer);
    pointsCache.set(name, points);
    return points;
  };

  const pluginArgs = new Map<string, unknown>();
  for (const entry of profile.pluginConfig) {
    if (pluginArgs.has(entry.name)) throw new KubesimError(`repeated config for plugin ${entry.name}`);
    pluginArgs.set(entry.name, entry.args);
  }

  const merged = mergePlugins(inTreeDefaults.plugins, profile.plugins);
  const lists = new Map<ExtensionPoint, string[]>();

  for (const { point, interfaceName } of frameworkExtensionPoints) {
    const seen = new Set<string>();
    for (const plugin of merged[point].enabled) {
      const points = pointsOf(plugin.name);
      if (points !== undefined && !points.has(point)) {
        throw new KubesimError(`plugin ${quote(plugin.name)} does not extend ${interfaceName} plugin`);
      }
      if (seen.has(plugin.name)) {
        throw new KubesimError(`plugin ${quote(plugin.name)} already registered as ${quote(interfaceName)}`);
      }
      seen.add(plugin.name);
    }
    lists.set(point, [...seen]);
  }

  const multiPoint = merged.multiPoint.enabled;
  if (multiPoint.length > 0) {
    for (const { point, interfaceName } of frameworkExtensionPoints) {
      lists.set(point, expandMultiPoint(point, interfaceName, merged[point], multiPoint, pointsOf));
    }
  }

  const queueSortCount = lists.get("queueSort")?.length ?? 0;
  if (queueSortCount !== 1) {
    throw new KubesimError(
      `only one queue sort plugin required for profile with scheduler name ${quote(profile.schedulerName)}, but got ${queueSortCount}`,
    );
  }
  if ((lists.get("bind")?.length ?? 0) === 0) {
    throw new KubesimError(
      `at least one bind plugin is needed for profile with scheduler name ${quote(profile.schedulerName)}`,
    );
  }

  const weights = scoreWeights([...merged.score.enabled, ...multiPoint], pointsOf);
  const plugins = {} as Record<ExtensionPoint, ResolvedPlugin[]>;
  for (const { point } of frameworkExtensionPoints) {
    plugins[point] = (lists.get(point) ?? []).map((name) =>
      point === "score" ? { name, weight: weights.get(name) ?? 1 } : { name },
    );
  }
  return {
    schedulerName: profile.schedulerName,
    ...(profile.percentageOfNodesToScore === undefined
      ? {}
      : { percentageOfNodesToScore: profile.percentageOfNodesToScore }),
    plugins,
    pluginArgs,
  };
}

function expandMultiPoint(
  point: ExtensionPoint,
  interfaceName: string,
  specific: MergedPluginSet,
  multiPoint: readonly PluginReference[],
  pointsOf: (name: string) => ReadonlySet<ExtensionPoint> | undefined,
): string[] {
  const enabled = uniqueNames(specific.enabled);
  const disabled = new Set(specific.disabled.map((plugin) => plugin.name));
  if (disabled.has("*")) return enabled;
  const enabledSet = new Set(enabled);
  const overrides = new Set<string>();
  const fromMultiPoint: string[] = [];
  const fromMultiPointSet = new Set<string>();
  for (const plugin of multiPoint) {
    const points = pointsOf(plugin.name);
    if (points === undefined) throw new KubesimError(`${interfaceName} ${quote(plugin.name)} does not exist`);
    if (!points.has(point) || disabled.has(plugin.name)) continue;
    if (enabledSet.has(plugin.name)) {
      overrides.add(plugin.name);
      continue;
    }
    if (fromMultiPointSet.has(plugin.name)) {
      throw new KubesimError(`plugin ${quote(plugin.name)} already registered as ${quote(interfaceName)}`);
    }
    fromMultiPointSet.add(plugin.name);
    fromMultiPoint.push(plugin.name);
  }
  return [
    ...enabled.filter((name) => overrides.has(name)),
    ...fromMultiPoint,
    ...enabled.filter((name) => !overrides.has(name)),
  ];
}

function scoreWeights(
  plugins: readonly PluginReference[],
  pointsOf: (name: string) => ReadonlySet<ExtensionPoint> | undefined,
): Map<string, number> {
  const weights = new Map<string, number>();
  let total = 0n;
  for (const plugin of plugins) {
    const points = pointsOf(plugin.name);
    // A plugin nothing is known about was listed at Score by the user: weigh it too.
    if ((points !== undefined && !points.has("score")) || weights.has(plugin.name)) continue;
    const weight = plugin.weight === undefined || plugin.weight === 0 ? 1 : plugin.weight;
    weights.set(plugin.name, weight);
    if (BigInt(weight) * maxNodeScore > maxTotalScore - total) {
      throw new KubesimError("total score of Score plugins could overflow");
    }
    total += BigInt(weight) * maxNodeScore;
  }
  return weights;
}

/**
 * Checks that every plugin of a resolved profile is registered, as upstream's framework
 * does when it instantiates the profile: the first unknown one (in the framework's
 * extension point order) throws `FilterPlugin "Foo" does not exist`, naming the
 * extension point's Go interface.
 */
export function validateProfilePlugins(
  profile: ResolvedProfile,
  isRegistered: (pluginName: string) => boolean,
): void {
  for (const { point, interfaceName } of frameworkExtensionPoints) {
    for (const plugin of profile.plugins[point]) {
      if (!isRegistered(plugin.name))
        throw new KubesimError(`${interfaceName} ${quote(plugin.name)} does not exist`);
    }
  }
}

import { KubesimError } from "@kubesim/core";
import type { Plugin } from "../framework/plugin.js";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import type { Features, Handle } from "../framework/types.js";
import { resolvePluginArgs } from "./plugin-set.js";

/** One enabled plugin of an extension point, as a resolved profile lists it. */
export interface ProfilePluginEntry {
  readonly name: string;
  readonly weight?: number | undefined;
}

/**
 * The part of a resolved scheduler profile the framework needs: enabled plugins per
 * extension point (keys as in KubeSchedulerConfiguration: `preEnqueue`, `queueSort`,
 * `preFilter`, `filter`, `postFilter`, `preScore`, `score`, `reserve`, `permit`,
 * `preBind`, `bind`, `postBind`; others are ignored) and the args per plugin.
 */
export interface FrameworkProfile {
  readonly schedulerName: string;
  readonly percentageOfNodesToScore?: number | undefined;
  readonly plugins: Readonly<Record<string, readonly ProfilePluginEntry[] | undefined>>;
  readonly pluginArgs: ReadonlyMap<string, unknown>;
}

/** A plugin instance under the name the profile enables it by. */
export interface NamedPlugin<T> {
  readonly name: string;
  readonly plugin: T;
}

/** The plugins of one profile: instances by name, lists per extension point, Score weights. */
export interface InstantiatedPlugins {
  readonly plugins: ReadonlyMap<string, Plugin>;
  readonly pointLists: ReadonlyMap<string, readonly NamedPlugin<Plugin>[]>;
  /** Weight per Score plugin; an unset or zero weight counts as 1. */
  readonly scoreWeights: ReadonlyMap<string, number>;
}

interface ExtensionPointSpec {
  readonly key: string;
  readonly interfaceName: string;
  readonly method: string;
}

const extensionPoints: readonly ExtensionPointSpec[] = [
  { key: "preEnqueue", interfaceName: "PreEnqueuePlugin", method: "preEnqueue" },
  { key: "queueSort", interfaceName: "QueueSortPlugin", method: "less" },
  { key: "preFilter", interfaceName: "PreFilterPlugin", method: "preFilter" },
  { key: "filter", interfaceName: "FilterPlugin", method: "filter" },
  { key: "postFilter", interfaceName: "PostFilterPlugin", method: "postFilter" },
  { key: "preScore", interfaceName: "PreScorePlugin", method: "preScore" },
  { key: "score", interfaceName: "ScorePlugin", method: "score" },
  { key: "reserve", interfaceName: "ReservePlugin", method: "reserve" },
  { key: "permit", interfaceName: "PermitPlugin", method: "permit" },
  { key: "preBind", interfaceName: "PreBindPlugin", method: "preBind" },
  { key: "bind", interfaceName: "BindPlugin", method: "bind" },
  { key: "postBind", interfaceName: "PostBindPlugin", method: "postBind" },
];

function quote(name: string): string {
  return JSON.stringify(name);
}

/** True when the plugin has a method of that name (it implements the extension point). */
export function hasPluginMethod(plugin: Plugin, method: string): boolean {
  return typeof (plugin as unknown as Record<string, unknown>)[method] === "function";
}

/**
 * Builds every plugin a profile enables, once each, with its defaulted and validated
 * args (upstream `NewFramework`). Throws a clear error for an unknown plugin
 * (`FilterPlugin "X" does not exist`), a plugin lacking the configured extension point
 * (`plugin "X" does not extend FilterPlugin plugin`), a plugin listed twice at one point
 * (`plugin "X" already registered as "FilterPlugin"`), invalid args (a StatusError Invalid
 * whose `errors` are the field errors), a failing factory (`initializing plugin "X": …`),
 * and a profile without exactly one QueueSort or without a Bind plugin.
 */
export function instantiatePlugins(
  profile: FrameworkProfile,
  definitions: ReadonlyMap<string, PluginDefinition>,
  handle: Handle,
  features: Features,
): InstantiatedPlugins {
  const plugins = new Map<string, Plugin>();
  const pointLists = new Map<string, NamedPlugin<Plugin>[]>();
  const scoreWeights = new Map<string, number>();

  const instantiate = (name: string, spec: ExtensionPointSpec): Plugin => {
    const existing = plugins.get(name);
    if (existing !== undefined) return existing;
    const definition = definitions.get(name);
    if (definition === undefined)
      throw new KubesimError(`${spec.interfaceName} ${quote(name)} does not exist`);
    const args = resolvePluginArgs(definition, profile.pluginArgs.get(name));
    let plugin: Plugin;
    try {
      plugin = definition.factory(args, handle, features);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new KubesimError(`initializing plugin ${quote(name)}: ${detail}`, { cause: error });
    }
    if (plugin === null || typeof plugin !== "object") {
      throw new KubesimError(`initializing plugin ${quote(name)}: the factory returned no plugin`);
    }
    plugins.set(name, plugin);
    return plugin;
  };

  for (const spec of extensionPoints) {
    const list: NamedPlugin<Plugin>[] = [];
    const seen = new Set<string>();
    for (const entry of profile.plugins[spec.key] ?? []) {
      const plugin = instantiate(entry.name, spec);
      if (!hasPluginMethod(plugin, spec.method)) {
        throw new KubesimError(`plugin ${quote(entry.name)} does not extend ${spec.interfaceName} plugin`);
      }
      if (seen.has(entry.name)) {
        throw new KubesimError(
          `plugin ${quote(entry.name)} already registered as ${quote(spec.interfaceName)}`,
        );
      }
      seen.add(entry.name);
      list.push({ name: entry.name, plugin });
      // A weight of 0 means "unset": upstream counts it as 1.
      if (spec.key === "score") scoreWeights.set(entry.name, entry.weight ? entry.weight : 1);
    }
    pointLists.set(spec.key, list);
  }

  const queueSortCount = pointLists.get("queueSort")?.length ?? 0;
  if (queueSortCount > 1) throw new KubesimError("only one queue sort plugin can be enabled");
  if (queueSortCount === 0) throw new KubesimError("no queue sort plugin is enabled");
  if ((pointLists.get("bind")?.length ?? 0) === 0)
    throw new KubesimError("at least one bind plugin is needed");
  return { plugins, pointLists, scoreWeights };
}

import type { ExtensionPoint, PluginReference, PluginsConfiguration } from "./types.js";

/** Feature gates that change the default plugin set. */
export interface DefaultPluginFeatures {
  /** DynamicResourceAllocation (beta, off by default in v1.32): adds DynamicResources before DefaultPreemption. */
  readonly enableDynamicResourceAllocation?: boolean;
}

const defaultMultiPoint: readonly PluginReference[] = Object.freeze([
  { name: "SchedulingGates" },
  { name: "PrioritySort" },
  { name: "NodeUnschedulable" },
  { name: "NodeName" },
  { name: "TaintToleration", weight: 3 },
  { name: "NodeAffinity", weight: 2 },
  { name: "NodePorts" },
  { name: "NodeResourcesFit", weight: 1 },
  { name: "VolumeRestrictions" },
  { name: "NodeVolumeLimits" },
  { name: "VolumeBinding" },
  { name: "VolumeZone" },
  { name: "PodTopologySpread", weight: 2 },
  { name: "InterPodAffinity", weight: 2 },
  { name: "DefaultPreemption" },
  { name: "NodeResourcesBalancedAllocation", weight: 1 },
  { name: "ImageLocality", weight: 1 },
  { name: "DefaultBinder" },
]);

/**
 * The default plugins of a v1.32 profile (upstream's `getDefaultPlugins`): all enabled
 * through `multiPoint`, in this order, with Score weights TaintToleration 3,
 * NodeAffinity 2, NodeResourcesFit 1, PodTopologySpread 2, InterPodAffinity 2,
 * NodeResourcesBalancedAllocation 1, ImageLocality 1.
 */
export function getDefaultPlugins(features: DefaultPluginFeatures = {}): PluginsConfiguration {
  const enabled = defaultMultiPoint.map((plugin) => ({ ...plugin }));
  if (features.enableDynamicResourceAllocation === true) {
    const index = enabled.findIndex((plugin) => plugin.name === "DefaultPreemption");
    enabled.splice(index, 0, { name: "DynamicResources" });
  }
  return { multiPoint: { enabled } };
}

/**
 * The extension points each in-tree plugin implements in v1.32 — what upstream's
 * MultiPoint expansion finds by reflection. VolumeBinding implements Score (its PreScore
 * skips unless a storage-capacity gate is on), and DefaultPreemption implements
 * PreEnqueue (a no-op unless async preemption is on).
 */
export const inTreePluginExtensionPoints: ReadonlyMap<string, readonly ExtensionPoint[]> = new Map<
  string,
  readonly ExtensionPoint[]
>([
  ["SchedulingGates", ["preEnqueue"]],
  ["PrioritySort", ["queueSort"]],
  ["NodeUnschedulable", ["filter"]],
  ["NodeName", ["filter"]],
  ["TaintToleration", ["filter", "preScore", "score"]],
  ["NodeAffinity", ["preFilter", "filter", "preScore", "score"]],
  ["NodePorts", ["preFilter", "filter"]],
  ["NodeResourcesFit", ["preFilter", "filter", "preScore", "score"]],
  ["VolumeRestrictions", ["preFilter", "filter"]],
  ["NodeVolumeLimits", ["preFilter", "filter"]],
  ["VolumeBinding", ["preFilter", "filter", "preScore", "score", "reserve", "preBind"]],
  ["VolumeZone", ["preFilter", "filter"]],
  ["PodTopologySpread", ["preFilter", "filter", "preScore", "score"]],
  ["InterPodAffinity", ["preFilter", "filter", "preScore", "score"]],
  ["DynamicResources", ["preEnqueue", "preFilter", "filter", "postFilter", "reserve", "preBind"]],
  ["DefaultPreemption", ["preEnqueue", "postFilter"]],
  ["NodeResourcesBalancedAllocation", ["preScore", "score"]],
  ["ImageLocality", ["score"]],
  ["DefaultBinder", ["bind"]],
]);

/**
 * What `resolveProfile` starts from: the default plugins and the extension points of the
 * in-tree plugins.
 */
export interface InTreePluginDefaults {
  readonly plugins: PluginsConfiguration;
  readonly extensionPoints: ReadonlyMap<string, readonly ExtensionPoint[]>;
}

/** The v1.32 defaults with every feature gate at its default. */
export const inTreePluginDefaults: InTreePluginDefaults = Object.freeze({
  plugins: getDefaultPlugins(),
  extensionPoints: inTreePluginExtensionPoints,
});

import type { PluginDefinition } from "../framework/plugin-definition.js";
import { PluginRegistry } from "../framework/registry.js";
import { defaultBinderDefinition } from "./defaultbinder/index.js";
import { defaultPreemptionDefinition } from "./defaultpreemption/index.js";
import { imageLocalityDefinition } from "./imagelocality/index.js";
import { interPodAffinityDefinition } from "./interpodaffinity/index.js";
import { nodeAffinityDefinition } from "./nodeaffinity/index.js";
import { nodeNameDefinition } from "./nodename/index.js";
import { nodePortsDefinition } from "./nodeports/index.js";
import {
  nodeResourcesBalancedAllocationDefinition,
  nodeResourcesFitDefinition,
} from "./noderesources/index.js";
import { nodeUnschedulableDefinition } from "./nodeunschedulable/index.js";
import { podTopologySpreadDefinition } from "./podtopologyspread/index.js";
import { prioritySortDefinition } from "./queuesort/index.js";
import { schedulingGatesDefinition } from "./schedulinggates/index.js";
import { taintTolerationDefinition } from "./tainttoleration/index.js";
import {
  nodeVolumeLimitsDefinition,
  volumeBindingDefinition,
  volumeRestrictionsDefinition,
  volumeZoneDefinition,
} from "./volumes/index.js";

// In the order of the v1.32 default profile (MultiPoint), which is also the order the
// scheduler runs them in within each extension point.
const definitions: readonly PluginDefinition[] = Object.freeze([
  schedulingGatesDefinition,
  prioritySortDefinition,
  nodeUnschedulableDefinition,
  nodeNameDefinition,
  taintTolerationDefinition,
  nodeAffinityDefinition,
  nodePortsDefinition,
  nodeResourcesFitDefinition,
  volumeRestrictionsDefinition,
  nodeVolumeLimitsDefinition,
  volumeBindingDefinition,
  volumeZoneDefinition,
  podTopologySpreadDefinition,
  interPodAffinityDefinition,
  defaultPreemptionDefinition,
  nodeResourcesBalancedAllocationDefinition,
  imageLocalityDefinition,
  defaultBinderDefinition,
]);

const definitionsByName: ReadonlyMap<string, PluginDefinition> = new Map(
  definitions.map((definition) => [definition.name, definition]),
);

/**
 * Every in-tree plugin kubesim ships, with its factory and its args defaulting and
 * validation, in the order of the v1.32 default profile: SchedulingGates, PrioritySort,
 * NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts,
 * NodeResourcesFit, VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone,
 * PodTopologySpread, InterPodAffinity, DefaultPreemption,
 * NodeResourcesBalancedAllocation, ImageLocality, DefaultBinder. The four volume plugins
 * always pass (volumes are out of kubesim's scope).
 */
export function inTreePluginDefinitions(): readonly PluginDefinition[] {
  return definitions;
}

/** The in-tree plugin of that name (exact upstream spelling), or `undefined`. */
export function inTreePluginDefinition(name: string): PluginDefinition | undefined {
  return definitionsByName.get(name);
}

/**
 * A new registry holding every in-tree plugin factory (upstream's `NewInTreeRegistry`).
 * Add out-of-tree plugins with `register` or `merge`; a name already taken is an error.
 *
 * @example
 * const registry = createInTreeRegistry();
 * registry.register("MyPlugin", () => ({ name: "MyPlugin" }));
 * registry.has("TaintToleration"); // => true
 */
export function createInTreeRegistry(): PluginRegistry {
  return new PluginRegistry(definitions.map((definition) => [definition.name, definition.factory] as const));
}

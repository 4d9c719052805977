import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { createAlwaysPassVolumePlugin } from "./always-pass-volume-plugin.js";

/**
 * The in-tree VolumeZone plugin, as a plugin that always passes. Upstream it rejects
 * nodes outside the zones/regions of the pod's bound PersistentVolumes; volumes are out
 * of kubesim's scope, so its PreFilter returns Skip and no node is ever rejected. Takes
 * no args.
 */
export const volumeZoneDefinition: PluginDefinition = {
  name: "VolumeZone",
  factory: () => createAlwaysPassVolumePlugin("VolumeZone"),
};

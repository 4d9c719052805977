import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { createAlwaysPassVolumePlugin } from "./always-pass-volume-plugin.js";

/**
 * The in-tree VolumeRestrictions plugin, as a plugin that always passes. Upstream it
 * rejects pods whose volumes conflict with volumes already on the node (same GCE PD /
 * EBS / RBD / ISCSI disk, ReadWriteOncePod claims in use); volumes are out of kubesim's
 * scope, so its PreFilter returns Skip and no node is ever rejected. Takes no args.
 */
export const volumeRestrictionsDefinition: PluginDefinition = {
  name: "VolumeRestrictions",
  factory: () => createAlwaysPassVolumePlugin("VolumeRestrictions"),
};

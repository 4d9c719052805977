import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { createAlwaysPassVolumePlugin } from "./always-pass-volume-plugin.js";

/**
 * The in-tree NodeVolumeLimits plugin (upstream's CSI volume limits), as a plugin that
 * always passes. Upstream it rejects nodes whose CSI drivers would exceed their
 * attachable-volume limit; volumes are out of kubesim's scope, so its PreFilter returns
 * Skip and no node is ever rejected. Takes no args.
 */
export const nodeVolumeLimitsDefinition: PluginDefinition = {
  name: "NodeVolumeLimits",
  factory: () => createAlwaysPassVolumePlugin("NodeVolumeLimits"),
};

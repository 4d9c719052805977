import type { FilterPlugin, PreFilterPlugin } from "../../framework/plugin.js";
import { skipStatus } from "../../framework/status.js";

/** A volume plugin that never constrains placement: PreFilter returns Skip and Filter passes. */
export type AlwaysPassVolumePlugin = PreFilterPlugin & FilterPlugin;

/**
 * Builds a volume plugin that never constrains placement: kubesim does not model
 * PersistentVolumes, claims, storage classes or CSI drivers, so its PreFilter returns
 * Skip (as upstream does for a pod without the volumes it checks) and its Filter, should
 * it run anyway, passes every node.
 */
export function createAlwaysPassVolumePlugin(name: string): AlwaysPassVolumePlugin {
  return {
    name,
    preFilter: () => ({ status: skipStatus }),
    filter: () => undefined,
  } satisfies AlwaysPassVolumePlugin;
}

import type {
  FilterPlugin,
  PreBindPlugin,
  PreFilterPlugin,
  PreScorePlugin,
  ReservePlugin,
  ScorePlugin,
} from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { skipStatus } from "../../framework/status.js";
import { defaultVolumeBindingArgs, validateVolumeBindingArgs } from "./volume-binding-args.js";

const name = "VolumeBinding";

/** The plugin built by {@link createVolumeBinding}. */
export type VolumeBindingPlugin = PreFilterPlugin &
  FilterPlugin &
  ReservePlugin &
  PreBindPlugin &
  PreScorePlugin &
  ScorePlugin;

/**
 * Builds the VolumeBinding plugin as one that always passes. Upstream it finds and binds
 * PersistentVolumes for the pod's unbound claims; volumes are out of kubesim's scope, so:
 * PreFilter returns Skip, Filter passes, Reserve and PreBind succeed without doing
 * anything, and PreScore returns Skip (as upstream with VolumeCapacityPriority off), so it
 * never scores.
 */
export function createVolumeBinding(): VolumeBindingPlugin {
  return {
    name,
    preFilter: () => ({ status: skipStatus }),
    filter: () => undefined,
    reserve: () => undefined,
    unreserve: () => {},
    preBind: async () => undefined,
    preScore: () => skipStatus,
    score: () => ({ score: 0 }),
  } satisfies VolumeBindingPlugin;
}

/**
 * The in-tree VolumeBinding plugin, always passing (see {@link createVolumeBinding}), with
 * `VolumeBindingArgs` defaulted (`bindTimeoutSeconds: 600`) and validated as upstream.
 */
export const volumeBindingDefinition: PluginDefinition = {
  name,
  factory: () => createVolumeBinding(),
  defaultArgs: defaultVolumeBindingArgs,
  validateArgs: validateVolumeBindingArgs,
};

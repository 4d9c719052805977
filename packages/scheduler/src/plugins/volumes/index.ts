export { type AlwaysPassVolumePlugin, createAlwaysPassVolumePlugin } from "./always-pass-volume-plugin.js";
export { nodeVolumeLimitsDefinition } from "./node-volume-limits.js";
export { createVolumeBinding, type VolumeBindingPlugin, volumeBindingDefinition } from "./volume-binding.js";
export {
  defaultVolumeBindingArgs,
  type VolumeBindingArgs,
  validateVolumeBindingArgs,
} from "./volume-binding-args.js";
export { volumeRestrictionsDefinition } from "./volume-restrictions.js";
export { volumeZoneDefinition } from "./volume-zone.js";

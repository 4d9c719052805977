export { schedulerConfigurationApiVersion } from "./decode-configuration.js";
export { defaultSchedulerName } from "./default-configuration.js";
export {
  type DefaultPluginFeatures,
  getDefaultPlugins,
  type InTreePluginDefaults,
  inTreePluginDefaults,
  inTreePluginExtensionPoints,
} from "./default-plugins.js";
export { type MergedPluginSet, type MergedPlugins, mergePluginSet, mergePlugins } from "./merge-plugins.js";
export {
  type ParseSchedulerConfigurationOptions,
  parseSchedulerConfiguration,
} from "./parse-scheduler-configuration.js";
export {
  type ExtensionPointsOf,
  frameworkExtensionPoints,
  resolveProfile,
  validateProfilePlugins,
} from "./resolve-profile.js";
export type {
  ClientConnectionConfiguration,
  ExtenderManagedResource,
  ExtensionPoint,
  LeaderElectionConfiguration,
  PluginConfigEntry,
  PluginReference,
  PluginSetConfiguration,
  PluginsConfiguration,
  ResolvedPlugin,
  ResolvedProfile,
  SchedulerConfiguration,
  SchedulerExtenderConfiguration,
  SchedulerProfileConfiguration,
} from "./types.js";
export { extensionPointNames } from "./types.js";
export { type PluginDefinitionLookup, validateSchedulerConfiguration } from "./validate-configuration.js";

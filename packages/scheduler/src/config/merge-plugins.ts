import type { PluginReference, PluginSetConfiguration, PluginsConfiguration } from "./types.js";
import { extensionPointNames } from "./types.js";

/** A merged plugin set: `enabled` in run order, `disabled` as the user and defaults listed them. */
export interface MergedPluginSet {
  readonly enabled: readonly PluginReference[];
  readonly disabled: readonly PluginReference[];
}

/** The merged plugin sets of a profile, one per extension point plus `multiPoint`. */
export type MergedPlugins = Readonly<Record<keyof PluginsConfiguration, MergedPluginSet>>;

/**
 * Merges a user's plugin set into the default one, as upstream's `mergePluginSet`:
 * - default plugins come first, in their order, minus those the user disabled (all of
 *   them with `"*"`);
 * - a default plugin the user also enabled keeps its place but takes the user's entry
 *   (e.g. its weight);
 * - the user's other enabled plugins follow in the user's order (duplicates included:
 *   the framework rejects them later);
 * - `disabled` lists the user's disabled names, then the defaults' (MultiPoint expansion
 *   reads it).
 */
export function mergePluginSet(
  defaults: PluginSetConfiguration | undefined,
  custom: PluginSetConfiguration | undefined,
): MergedPluginSet {
  const disabled: PluginReference[] = [];
  const disabledNames = new Set<string>();
  for (const plugin of [...(custom?.disabled ?? []), ...(defaults?.disabled ?? [])]) {
    disabled.push({ name: plugin.name });
    disabledNames.add(plugin.name);
  }
  const customEnabled = custom?.enabled ?? [];
  // The last entry of a name wins the replacement, as upstream's map assignment.
  const customIndexByName = new Map<string, number>();
  customEnabled.forEach((plugin, index) => {
    customIndexByName.set(plugin.name, index);
  });
  const replaced = new Set<number>();
  const enabled: PluginReference[] = [];
  if (!disabledNames.has("*")) {
    for (const plugin of defaults?.enabled ?? []) {
      if (disabledNames.has(plugin.name)) continue;
      const customIndex = customIndexByName.get(plugin.name);
      if (customIndex === undefined) {
        enabled.push(plugin);
        continue;
      }
      enabled.push(customEnabled[customIndex] as PluginReference);
      replaced.add(customIndex);
    }
  }
  customEnabled.forEach((plugin, index) => {
    if (!replaced.has(index)) enabled.push(plugin);
  });
  return { enabled, disabled };
}

/**
 * Merges a profile's `plugins` into the defaults at every extension point and at
 * `multiPoint` (upstream's `mergePlugins`); a profile without `plugins` gets the defaults.
 */
export function mergePlugins(
  defaults: PluginsConfiguration,
  custom: PluginsConfiguration | undefined,
): MergedPlugins {
  const merged: Partial<Record<keyof PluginsConfiguration, MergedPluginSet>> = {};
  for (const point of [...extensionPointNames, "multiPoint" as const]) {
    merged[point] = mergePluginSet(defaults[point], custom?.[point]);
  }
  return merged as MergedPlugins;
}

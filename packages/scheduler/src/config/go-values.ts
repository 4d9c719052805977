import { GoValue, goPointerPlaceholder, goQuote } from "@kubesim/core";
import type { PluginReference, PluginSetConfiguration } from "./types.js";

function goPluginList(plugins: readonly PluginReference[] | undefined): string {
  if (plugins === undefined || plugins.length === 0) return "[]config.Plugin(nil)";
  const items = plugins.map(
    (plugin) => `config.Plugin{Name:${goQuote(plugin.name)}, Weight:${plugin.weight ?? 0}}`,
  );
  return `[]config.Plugin{${items.join(", ")}}`;
}

/**
 * A profile's (merged) queue-sort plugin set as Go's `%#v` prints the internal
 * `config.PluginSet`: `config.PluginSet{Enabled:[]config.Plugin{config.Plugin{Name:"A", Weight:0}}, Disabled:[]config.Plugin(nil)}`.
 * Merging leaves empty lists nil, so they print as `(nil)`.
 */
export function goPluginSet(set: PluginSetConfiguration | undefined): GoValue {
  return new GoValue(
    `config.PluginSet{Enabled:${goPluginList(set?.enabled)}, Disabled:${goPluginList(set?.disabled)}}`,
    set,
  );
}

/**
 * A `*field.Path` as `%#v` prints it once upstream's error rendering dereferences the
 * pointer (the bad value of a duplicate `schedulerName`):
 * `field.Path{name:"schedulerName", index:"", parent:(*field.Path)(0xc000010000)}`.
 */
export function goFieldPath(name: string): GoValue {
  return new GoValue(
    `field.Path{name:${goQuote(name)}, index:"", parent:(*field.Path)(${goPointerPlaceholder})}`,
    name,
  );
}

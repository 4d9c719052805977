import { KubesimError } from "@kubesim/core";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import { PluginRegistry } from "../framework/registry.js";
import { inTreePluginDefinition, inTreePluginDefinitions } from "../plugins/registry.js";

/**
 * Finds the plugin `name`: first in `registry` (a registry or a list of definitions), then
 * in the in-tree set. A factory found in a registry keeps the in-tree args handling when
 * it is the in-tree factory itself.
 *
 * @throws KubesimError naming the known plugins when none has that name.
 */
export function resolvePluginDefinition(
  name: string,
  registry: PluginRegistry | readonly PluginDefinition[] | undefined,
): PluginDefinition {
  const inTree = inTreePluginDefinition(name);
  if (registry instanceof PluginRegistry) {
    const factory = registry.get(name);
    if (factory !== undefined) return inTree?.factory === factory ? inTree : { name, factory };
  } else if (Array.isArray(registry)) {
    const found = registry.find((definition) => definition?.name === name);
    if (found !== undefined) return found;
  }
  if (inTree !== undefined) return inTree;
  const known = new Set(inTreePluginDefinitions().map((definition) => definition.name));
  if (registry instanceof PluginRegistry)
    for (const [registered] of registry.entries()) known.add(registered);
  else if (Array.isArray(registry)) for (const definition of registry) known.add(definition.name);
  throw new KubesimError(
    `evaluatePlugin: no plugin named ${JSON.stringify(name)} is registered; known plugins: ${[...known].sort().join(", ")}`,
  );
}

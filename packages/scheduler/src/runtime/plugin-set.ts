import { createInvalidError, KubesimError } from "@kubesim/core";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import type { PluginRegistry } from "../framework/registry.js";

/**
 * The plugins a scheduler can instantiate, by name: the in-tree definitions (with their
 * args defaulting and validation) plus a user's out-of-tree factories (args passed
 * through unchanged). A name present twice with different factories is an error, as
 * upstream's `Registry.Merge`; the in-tree factories themselves (a registry made with
 * `createInTreeRegistry()`) are recognised and keep their args handling.
 */
export function createPluginDefinitionMap(
  inTree: readonly PluginDefinition[],
  outOfTree?: PluginRegistry,
): Map<string, PluginDefinition> {
  const definitions = new Map<string, PluginDefinition>();
  for (const definition of inTree) {
    if (definitions.has(definition.name)) {
      throw new KubesimError(`a plugin named ${definition.name} already exists`);
    }
    definitions.set(definition.name, definition);
  }
  if (outOfTree !== undefined) {
    for (const [name, factory] of outOfTree.entries()) {
      const existing = definitions.get(name);
      // A registry built with createInTreeRegistry() carries the in-tree factories again.
      if (existing?.factory === factory) continue;
      if (existing !== undefined) throw new KubesimError(`a plugin named ${name} already exists`);
      definitions.set(name, { name, factory });
    }
  }
  return definitions;
}

const argsGroup = "kubescheduler.config.k8s.io";

/**
 * Defaults and validates a plugin's args as upstream's `SetDefaults_*Args` and
 * `Validate*Args` do: only absent fields are defaulted. Invalid args throw a
 * `StatusError` (reason Invalid, kind `<Plugin>Args`) whose `errors` are the field
 * errors, as `evaluatePlugin` does.
 */
export function resolvePluginArgs(definition: PluginDefinition, rawArgs: unknown): unknown {
  const args = definition.defaultArgs === undefined ? rawArgs : definition.defaultArgs(rawArgs);
  const errors = definition.validateArgs?.(args) ?? [];
  if (errors.length > 0) {
    throw createInvalidError({ group: argsGroup, kind: `${definition.name}Args` }, definition.name, errors);
  }
  return args;
}

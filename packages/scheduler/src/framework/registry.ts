import { KubesimError } from "@kubesim/core";
import type { PluginFactory } from "./plugin.js";

/**
 * Plugin factories by name, as upstream's `runtime.Registry`. The in-tree plugins are
 * registered by name; a user adds an out-of-tree plugin with {@link PluginRegistry.register}
 * and enables it by that name in the KubeSchedulerConfiguration.
 *
 * @example
 * const registry = new PluginRegistry();
 * registry.register("MyPlugin", () => ({ name: "MyPlugin" }));
 * registry.register("MyPlugin", () => ({ name: "MyPlugin" })); // throws: a plugin named MyPlugin already exists
 */
export class PluginRegistry {
  private readonly factories = new Map<string, PluginFactory>();

  /** @param entries - initial factories (e.g. the in-tree set). */
  constructor(entries: Iterable<readonly [string, PluginFactory]> = []) {
    for (const [name, factory] of entries) this.register(name, factory);
  }

  /** Adds a factory; throws when the name is taken, as upstream. */
  register(name: string, factory: PluginFactory): void {
    if (this.factories.has(name)) throw new KubesimError(`a plugin named ${name} already exists`);
    this.factories.set(name, factory);
  }

  /** Removes a factory; throws when no plugin has the name, as upstream. */
  unregister(name: string): void {
    if (!this.factories.delete(name)) throw new KubesimError(`no plugin named ${name} exists`);
  }

  /** Adds every factory of `other`; a name present in both is an error. */
  merge(other: PluginRegistry): void {
    for (const [name, factory] of other.entries()) this.register(name, factory);
  }

  /** The factory for a name, or `undefined`. */
  get(name: string): PluginFactory | undefined {
    return this.factories.get(name);
  }

  /** True when a factory is registered under the name. */
  has(name: string): boolean {
    return this.factories.has(name);
  }

  /** Every registered name and factory, in registration order. */
  entries(): IterableIterator<[string, PluginFactory]> {
    return this.factories.entries();
  }
}

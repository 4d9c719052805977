import type { FieldError } from "@kubesim/core";
import type { PluginFactory } from "./plugin.js";

/**
 * An in-tree plugin as the scheduler registers it: its factory plus how its
 * `pluginConfig` args are defaulted and validated (upstream's `SetDefaults_*Args` and
 * `Validate*Args`). Only absent fields are defaulted: an explicit `null` stays `null`.
 */
export interface PluginDefinition {
  readonly name: string;
  readonly factory: PluginFactory;
  /** Fills absent fields of the user's args (which may be `undefined`). */
  readonly defaultArgs?: (args: unknown) => unknown;
  /** Field errors of defaulted args, paths relative to the args object (`scoringStrategy.resources[0].weight`). */
  readonly validateArgs?: (args: unknown) => FieldError[];
}

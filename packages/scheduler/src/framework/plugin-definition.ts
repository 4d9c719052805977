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
  /**
   * The kubescheduler.config.k8s.io/v1 defaulting applied to args written in a
   * configuration file before {@link PluginDefinition.defaultArgs} (for example a
   * NodeResourcesFit weight of 0 becomes 1 there, while plugin tests see 0 as invalid).
   */
  readonly versionedDefaultArgs?: (args: unknown) => unknown;
  /** Field errors of defaulted args, paths relative to the args object (`scoringStrategy.resources[0].weight`). */
  readonly validateArgs?: (args: unknown) => FieldError[];
}

import { createInvalidError } from "@kubesim/core";
import { decodeSchedulerConfiguration } from "./decode-configuration.js";
import { defaultSchedulerConfiguration } from "./default-configuration.js";
import type { SchedulerConfiguration } from "./types.js";
import { type PluginDefinitionLookup, validateSchedulerConfiguration } from "./validate-configuration.js";

/** Options of {@link parseSchedulerConfiguration}. */
export interface ParseSchedulerConfigurationOptions {
  /**
   * How in-tree plugins default and validate their args. With it, the args of
   * DefaultPreemption, InterPodAffinity, NodeAffinity, NodeResourcesBalancedAllocation,
   * PodTopologySpread and VolumeBinding are validated with the configuration, as
   * upstream; without it (and always for other plugins) args are checked when the
   * plugin is built.
   */
  readonly pluginDefinition?: PluginDefinitionLookup;
}

/**
 * Reads a KubeSchedulerConfiguration (`kubescheduler.config.k8s.io/v1`) as users write
 * it for kube-scheduler, given as a plain object (the CLI parses the YAML): decodes it
 * strictly, applies upstream's defaults and validates it.
 *
 * @throws StatusError BadRequest when the document does not decode (wrong kind or version,
 *   wrong value types, unknown fields), with upstream's decoder message.
 * @throws StatusError Invalid (kind `KubeSchedulerConfiguration`) carrying every field
 *   error, each worded as upstream's validation, e.g.
 *   `profiles[1].schedulerName: Required value` or
 *   `percentageOfNodesToScore: Invalid value: 101: not in valid range [0-100]`.
 * @example
 * const configuration = parseSchedulerConfiguration({
 *   apiVersion: "kubescheduler.config.k8s.io/v1",
 *   kind: "KubeSchedulerConfiguration",
 *   profiles: [{ schedulerName: "default-scheduler", plugins: { score: { disabled: [{ name: "ImageLocality" }] } } }],
 * });
 * configuration.parallelism; // => 16
 * resolveProfile(configuration.profiles[0]).plugins.score.map((plugin) => plugin.name); // no ImageLocality
 */
export function parseSchedulerConfiguration(
  input: unknown,
  options: ParseSchedulerConfigurationOptions = {},
): SchedulerConfiguration {
  const configuration = defaultSchedulerConfiguration(decodeSchedulerConfiguration(input));
  const errors = validateSchedulerConfiguration(configuration, options.pluginDefinition);
  if (errors.length > 0) {
    throw createInvalidError(
      { group: "kubescheduler.config.k8s.io", kind: "KubeSchedulerConfiguration" },
      "",
      errors,
    );
  }
  return configuration;
}

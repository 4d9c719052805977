import type { Clock, Node, Pod } from "@kubesim/core";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import type { PluginRegistry } from "../framework/registry.js";
import type { CodeName } from "../framework/status.js";
import type { ClusterListers, Features } from "../framework/types.js";

/** What {@link evaluatePlugin} runs a plugin on. */
export interface EvaluatePluginOptions {
  /**
   * The plugin's args as a KubeSchedulerConfiguration `pluginConfig[].args` holds them.
   * For in-tree plugins only absent fields are defaulted (an explicit `null` stays), then
   * the args are validated.
   */
  readonly args?: unknown;
  /** The pod to place; it need not be a valid API object. */
  readonly pod: Pod;
  /** The nodes, in order; they may be unnamed (name `""`), and `undefined` stands for a node whose object is unknown. */
  readonly nodes: ReadonlyArray<Node | undefined>;
  /** Pods already on the nodes: each belongs to every node whose name equals its `spec.nodeName` (absent = `""`). */
  readonly existingPods?: readonly Pod[];
  /** Run PreFilter before Filter (default `true`). */
  readonly runPreFilter?: boolean;
  /** Run PreScore before Score (default `true`). */
  readonly runPreScore?: boolean;
  /**
   * Where to find the plugin before the in-tree set: a registry (e.g. `createInTreeRegistry()`
   * plus your plugins) or plugin definitions (which may default and validate their args).
   */
  readonly registry?: PluginRegistry | readonly PluginDefinition[];
  /** Feature switches; unset ones take the v1.32 defaults. */
  readonly features?: Partial<Features>;
  /** The handle's clock (default: a virtual clock at epoch 0). */
  readonly clock?: Clock;
  /** Cluster objects for plugins that read them (e.g. PodTopologySpread's system defaults); default none. */
  readonly listers?: ClusterListers;
}

/** One plugin status, with the code named as upstream names it. */
export interface PluginStatusReport {
  readonly code: CodeName;
  readonly reasons: readonly string[];
}

/**
 * What one plugin decided, stage by stage. Optional fields are present exactly when the
 * stage ran.
 */
export interface EvaluatePluginResult {
  /** PreFilter's status (Success, Skip, Unschedulable, …), when the plugin has PreFilter and it ran. */
  readonly preFilter?: PluginStatusReport;
  /** The node names PreFilter narrowed to (sorted), `null` for "all nodes"; present when PreFilter ran. */
  readonly preFilterNodeNames?: string[] | null;
  /** Filter's status per node, in node order (Success where the plugin has no Filter or PreFilter returned Skip). */
  readonly filter: PluginStatusReport[];
  /** PreScore's status, when the plugin has PreScore and it ran. */
  readonly preScore?: PluginStatusReport;
  /** Raw scores in node order, when Score ran on every node without error. */
  readonly scores?: number[];
  /** The scores after NormalizeScore (the raw scores when the plugin does not normalize). */
  readonly normalizedScores?: number[];
  /** Success, or the first failing status of Score / NormalizeScore; present when Score ran. */
  readonly scoreStatus?: PluginStatusReport;
}

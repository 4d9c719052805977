/**
 * The types of a parsed KubeSchedulerConfiguration (`kubescheduler.config.k8s.io/v1`),
 * after decoding and defaulting. Field names follow the YAML users write; durations are
 * converted to milliseconds (`…Ms`).
 */

/** The extension points a profile enables plugins at, as KubeSchedulerConfiguration names them. */
export type ExtensionPoint =
  | "preEnqueue"
  | "queueSort"
  | "preFilter"
  | "filter"
  | "postFilter"
  | "preScore"
  | "score"
  | "reserve"
  | "permit"
  | "preBind"
  | "bind"
  | "postBind";

/** Every extension point, in the order of the configuration's `plugins` fields. */
export const extensionPointNames: readonly ExtensionPoint[] = Object.freeze([
  "preEnqueue",
  "queueSort",
  "preFilter",
  "filter",
  "postFilter",
  "preScore",
  "score",
  "reserve",
  "permit",
  "preBind",
  "bind",
  "postBind",
]);

/** A plugin named in a plugin set; `weight` only matters for Score plugins. */
export interface PluginReference {
  readonly name: string;
  readonly weight?: number;
}

/** The plugins enabled and disabled at one extension point (`"*"` disables every default). */
export interface PluginSetConfiguration {
  readonly enabled?: readonly PluginReference[];
  readonly disabled?: readonly PluginReference[];
}

/** A profile's `plugins`: one plugin set per extension point, plus `multiPoint`. */
export type PluginsConfiguration = {
  readonly [point in ExtensionPoint | "multiPoint"]?: PluginSetConfiguration;
};

/** One `pluginConfig` entry: a plugin's args, as written (`undefined` when absent). */
export interface PluginConfigEntry {
  readonly name: string;
  readonly args?: unknown;
}

/** One scheduling profile (`profiles[]`). */
export interface SchedulerProfileConfiguration {
  /** Pods whose `spec.schedulerName` equals this are scheduled by the profile. */
  readonly schedulerName: string;
  /** Overrides the configuration's `percentageOfNodesToScore` when set. */
  readonly percentageOfNodesToScore?: number;
  /** The user's plugin changes; merged with the defaults by `resolveProfile`. */
  readonly plugins?: PluginsConfiguration;
  readonly pluginConfig: readonly PluginConfigEntry[];
}

/** `leaderElection` (component-base), defaulted. */
export interface LeaderElectionConfiguration {
  readonly leaderElect: boolean;
  readonly leaseDurationMs: number;
  readonly renewDeadlineMs: number;
  readonly retryPeriodMs: number;
  readonly resourceLock: string;
  readonly resourceName: string;
  readonly resourceNamespace: string;
}

/** `clientConnection` (component-base), defaulted. */
export interface ClientConnectionConfiguration {
  readonly kubeconfig: string;
  readonly acceptContentTypes: string;
  readonly contentType: string;
  readonly qps: number;
  readonly burst: number;
}

/** A resource an extender manages (`extenders[].managedResources[]`). */
export interface ExtenderManagedResource {
  readonly name: string;
  readonly ignoredByScheduler: boolean;
}

/**
 * A scheduler extender (`extenders[]`). Validated as upstream, but kubesim does not call
 * extenders.
 */
export interface SchedulerExtenderConfiguration {
  readonly urlPrefix: string;
  readonly filterVerb: string;
  readonly preemptVerb: string;
  readonly prioritizeVerb: string;
  readonly weight: number;
  readonly bindVerb: string;
  readonly enableHTTPS: boolean;
  readonly httpTimeoutMs: number;
  readonly nodeCacheCapable: boolean;
  readonly managedResources: readonly ExtenderManagedResource[];
  readonly ignorable: boolean;
}

/** A parsed, defaulted and validated KubeSchedulerConfiguration. */
export interface SchedulerConfiguration {
  readonly apiVersion: "kubescheduler.config.k8s.io/v1";
  readonly kind: "KubeSchedulerConfiguration";
  /** Default 16. */
  readonly parallelism: number;
  /** Default 0: adaptive (5 %–50 % of the nodes, at least 100). */
  readonly percentageOfNodesToScore: number;
  /** Default 1. */
  readonly podInitialBackoffSeconds: number;
  /** Default 10. */
  readonly podMaxBackoffSeconds: number;
  /** Default: one profile named `default-scheduler`. */
  readonly profiles: readonly SchedulerProfileConfiguration[];
  readonly extenders: readonly SchedulerExtenderConfiguration[];
  readonly leaderElection: LeaderElectionConfiguration;
  readonly clientConnection: ClientConnectionConfiguration;
  readonly enableProfiling: boolean;
  readonly enableContentionProfiling: boolean;
  readonly delayCacheUntilActive: boolean;
}

/** One enabled plugin of a resolved extension point; `weight` is set for Score plugins. */
export interface ResolvedPlugin {
  readonly name: string;
  readonly weight?: number;
}

/**
 * A profile ready to instantiate: defaults merged with the user's changes, MultiPoint
 * expanded, Score weights settled, and each plugin's args as written (`undefined` when
 * the profile has no `pluginConfig` for it, so the plugin's own defaults apply).
 */
export interface ResolvedProfile {
  readonly schedulerName: string;
  /** The profile's own value; fall back to the configuration's when `undefined`. */
  readonly percentageOfNodesToScore?: number;
  readonly plugins: Readonly<Record<ExtensionPoint, readonly ResolvedPlugin[]>>;
  readonly pluginArgs: ReadonlyMap<string, unknown>;
}

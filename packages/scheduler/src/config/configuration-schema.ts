import type { GoType } from "./go-json-schema.js";

const string: GoType = { kind: "string" };
const bool: GoType = { kind: "bool" };
const int32: GoType = { kind: "int32" };
const int64: GoType = { kind: "int64" };
const duration: GoType = { kind: "duration" };

const plugin: GoType = {
  kind: "struct",
  goName: "v1.Plugin",
  structName: "Plugin",
  fields: { name: string, weight: int32 },
};

const pluginList: GoType = { kind: "slice", goName: "[]v1.Plugin", element: plugin };

const pluginSet: GoType = {
  kind: "struct",
  goName: "v1.PluginSet",
  structName: "PluginSet",
  fields: { enabled: pluginList, disabled: pluginList },
};

const plugins: GoType = {
  kind: "struct",
  goName: "v1.Plugins",
  structName: "Plugins",
  fields: {
    preEnqueue: pluginSet,
    queueSort: pluginSet,
    preFilter: pluginSet,
    filter: pluginSet,
    postFilter: pluginSet,
    preScore: pluginSet,
    score: pluginSet,
    reserve: pluginSet,
    permit: pluginSet,
    preBind: pluginSet,
    bind: pluginSet,
    postBind: pluginSet,
    multiPoint: pluginSet,
  },
};

const pluginConfig: GoType = {
  kind: "struct",
  goName: "v1.PluginConfig",
  structName: "PluginConfig",
  fields: { name: string, args: { kind: "raw" } },
};

const profile: GoType = {
  kind: "struct",
  goName: "v1.KubeSchedulerProfile",
  structName: "KubeSchedulerProfile",
  fields: {
    schedulerName: string,
    percentageOfNodesToScore: int32,
    plugins,
    pluginConfig: { kind: "slice", goName: "[]v1.PluginConfig", element: pluginConfig },
  },
};

const leaderElection: GoType = {
  kind: "struct",
  goName: "v1alpha1.LeaderElectionConfiguration",
  structName: "LeaderElectionConfiguration",
  fields: {
    leaderElect: bool,
    leaseDuration: duration,
    renewDeadline: duration,
    retryPeriod: duration,
    resourceLock: string,
    resourceName: string,
    resourceNamespace: string,
  },
};

const clientConnection: GoType = {
  kind: "struct",
  goName: "v1alpha1.ClientConnectionConfiguration",
  structName: "ClientConnectionConfiguration",
  fields: {
    kubeconfig: string,
    acceptContentTypes: string,
    contentType: string,
    qps: { kind: "float32" },
    burst: int32,
  },
};

const extenderTlsConfig: GoType = {
  kind: "struct",
  goName: "v1.ExtenderTLSConfig",
  structName: "ExtenderTLSConfig",
  fields: {
    insecure: bool,
    serverName: string,
    certFile: string,
    keyFile: string,
    caFile: string,
    certData: { kind: "bytes" },
    keyData: { kind: "bytes" },
    caData: { kind: "bytes" },
  },
};

const extender: GoType = {
  kind: "struct",
  goName: "v1.Extender",
  structName: "Extender",
  fields: {
    urlPrefix: string,
    filterVerb: string,
    preemptVerb: string,
    prioritizeVerb: string,
    weight: int64,
    bindVerb: string,
    enableHTTPS: bool,
    tlsConfig: extenderTlsConfig,
    httpTimeout: duration,
    nodeCacheCapable: bool,
    managedResources: {
      kind: "slice",
      goName: "[]v1.ExtenderManagedResource",
      element: {
        kind: "struct",
        goName: "v1.ExtenderManagedResource",
        structName: "ExtenderManagedResource",
        fields: { name: string, ignoredByScheduler: bool },
      },
    },
    ignorable: bool,
  },
};

/** `kubescheduler.config.k8s.io/v1` `KubeSchedulerConfiguration` as of Kubernetes v1.32. */
export const kubeSchedulerConfigurationSchema: GoType = {
  kind: "struct",
  goName: "v1.KubeSchedulerConfiguration",
  structName: "KubeSchedulerConfiguration",
  fields: {
    apiVersion: string,
    kind: string,
    parallelism: int32,
    leaderElection,
    clientConnection,
    enableProfiling: bool,
    enableContentionProfiling: bool,
    percentageOfNodesToScore: int32,
    podInitialBackoffSeconds: int64,
    podMaxBackoffSeconds: int64,
    profiles: { kind: "slice", goName: "[]v1.KubeSchedulerProfile", element: profile },
    extenders: { kind: "slice", goName: "[]v1.Extender", element: extender },
    delayCacheUntilActive: bool,
  },
};

/**
 * The top-level fields of the in-tree plugin args kinds (`<Plugin>Args`), which upstream
 * decodes strictly: any other field is an unknown-field error.
 */
export const inTreePluginArgsFields: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    DefaultPreemption: ["minCandidateNodesPercentage", "minCandidateNodesAbsolute"],
    InterPodAffinity: ["hardPodAffinityWeight", "ignorePreferredTermsOfExistingPods"],
    NodeAffinity: ["addedAffinity"],
    NodeResourcesBalancedAllocation: ["resources"],
    NodeResourcesFit: ["ignoredResources", "ignoredResourceGroups", "scoringStrategy"],
    PodTopologySpread: ["defaultConstraints", "defaultingType"],
    VolumeBinding: ["bindTimeoutSeconds", "shape"],
  }).map(([name, fields]) => [name, new Set(["apiVersion", "kind", ...fields])]),
);

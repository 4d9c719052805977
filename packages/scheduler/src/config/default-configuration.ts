import { inTreePluginDefinition } from "../plugins/registry.js";
import type { DecodedConfiguration, DecodedProfile } from "./decode-configuration.js";
import type {
  LeaderElectionConfiguration,
  PluginConfigEntry,
  PluginReference,
  PluginSetConfiguration,
  PluginsConfiguration,
  SchedulerConfiguration,
  SchedulerExtenderConfiguration,
  SchedulerProfileConfiguration,
} from "./types.js";

/** The scheduler name of the default profile (upstream `v1.DefaultSchedulerName`). */
export const defaultSchedulerName = "default-scheduler";

const nanosecondsPerMillisecond = 1_000_000;

function toMilliseconds(nanoseconds: bigint | undefined, fallbackMs: number): number {
  // Upstream defaults a zero duration as well as an absent one.
  if (nanoseconds === undefined || nanoseconds === 0n) return fallbackMs;
  return Number(nanoseconds) / nanosecondsPerMillisecond;
}

function pluginList(
  list: readonly ({ readonly name?: string; readonly weight?: number } | undefined)[] | undefined,
): PluginReference[] | undefined {
  if (list === undefined) return undefined;
  return list.map((plugin) =>
    plugin?.weight === undefined
      ? { name: plugin?.name ?? "" }
      : { name: plugin.name ?? "", weight: plugin.weight },
  );
}

function pluginsOf(profile: DecodedProfile): PluginsConfiguration | undefined {
  if (profile.plugins === undefined) return undefined;
  const plugins: Record<string, PluginSetConfiguration> = {};
  for (const [point, set] of Object.entries(profile.plugins)) {
    if (set === undefined) continue;
    const enabled = pluginList(set.enabled);
    const disabled = pluginList(set.disabled);
    plugins[point] = {
      ...(enabled === undefined ? {} : { enabled }),
      ...(disabled === undefined ? {} : { disabled }),
    };
  }
  return plugins as PluginsConfiguration;
}

function profileOf(profile: DecodedProfile, onlyProfile: boolean): SchedulerProfileConfiguration {
  const plugins = pluginsOf(profile);
  const pluginConfig: PluginConfigEntry[] = (profile.pluginConfig ?? []).map((entry) => {
    if (entry?.args === undefined) return { name: entry?.name ?? "" };
    const name = entry.name ?? "";
    // The v1 API's own defaulting of in-tree args (e.g. a NodeResourcesFit weight of 0 becomes 1).
    const versionedDefaults = inTreePluginDefinition(name)?.versionedDefaultArgs;
    return { name, args: versionedDefaults === undefined ? entry.args : versionedDefaults(entry.args) };
  });
  return {
    // Only a lone profile gets the default name; validation requires one on the others.
    schedulerName: profile.schedulerName ?? (onlyProfile ? defaultSchedulerName : ""),
    ...(profile.percentageOfNodesToScore === undefined
      ? {}
      : { percentageOfNodesToScore: profile.percentageOfNodesToScore }),
    ...(plugins === undefined ? {} : { plugins }),
    pluginConfig,
  };
}

function leaderElectionOf(decoded: DecodedConfiguration["leaderElection"]): LeaderElectionConfiguration {
  return {
    leaderElect: decoded?.leaderElect ?? true,
    leaseDurationMs: toMilliseconds(decoded?.leaseDuration, 15_000),
    renewDeadlineMs: toMilliseconds(decoded?.renewDeadline, 10_000),
    retryPeriodMs: toMilliseconds(decoded?.retryPeriod, 2_000),
    resourceLock: decoded?.resourceLock || "leases",
    resourceName: decoded?.resourceName || "kube-scheduler",
    resourceNamespace: decoded?.resourceNamespace || "kube-system",
  };
}

function extenderOf(
  decoded: NonNullable<DecodedConfiguration["extenders"]>[number],
): SchedulerExtenderConfiguration {
  return {
    urlPrefix: decoded?.urlPrefix ?? "",
    filterVerb: decoded?.filterVerb ?? "",
    preemptVerb: decoded?.preemptVerb ?? "",
    prioritizeVerb: decoded?.prioritizeVerb ?? "",
    weight: decoded?.weight ?? 0,
    bindVerb: decoded?.bindVerb ?? "",
    enableHTTPS: decoded?.enableHTTPS ?? false,
    httpTimeoutMs:
      decoded?.httpTimeout === undefined ? 0 : Number(decoded.httpTimeout) / nanosecondsPerMillisecond,
    nodeCacheCapable: decoded?.nodeCacheCapable ?? false,
    managedResources: (decoded?.managedResources ?? []).map((resource) => ({
      name: resource?.name ?? "",
      ignoredByScheduler: resource?.ignoredByScheduler ?? false,
    })),
    ignorable: decoded?.ignorable ?? false,
  };
}

/**
 * Applies upstream's v1 defaults (`SetDefaults_KubeSchedulerConfiguration`): parallelism
 * 16, percentageOfNodesToScore 0, backoff 1 s / 10 s, one `default-scheduler` profile when
 * none is given (a lone profile without a name gets that name), leader election and
 * client connection defaults (leases lock, QPS 50, burst 100), profiling on. Profile
 * plugins are kept as written; `resolveProfile` merges them with the default plugins.
 */
export function defaultSchedulerConfiguration(decoded: DecodedConfiguration): SchedulerConfiguration {
  const profiles: readonly (DecodedProfile | undefined)[] =
    decoded.profiles === undefined || decoded.profiles.length === 0 ? [{}] : decoded.profiles;
  const enableProfiling = decoded.enableProfiling ?? true;
  const clientConnection = decoded.clientConnection;
  return {
    apiVersion: "kubescheduler.config.k8s.io/v1",
    kind: "KubeSchedulerConfiguration",
    parallelism: decoded.parallelism ?? 16,
    percentageOfNodesToScore: decoded.percentageOfNodesToScore ?? 0,
    podInitialBackoffSeconds: decoded.podInitialBackoffSeconds ?? 1,
    podMaxBackoffSeconds: decoded.podMaxBackoffSeconds ?? 10,
    profiles: profiles.map((profile) => profileOf(profile ?? {}, profiles.length === 1)),
    extenders: (decoded.extenders ?? []).map(extenderOf),
    leaderElection: leaderElectionOf(decoded.leaderElection),
    clientConnection: {
      kubeconfig: clientConnection?.kubeconfig ?? "",
      acceptContentTypes: clientConnection?.acceptContentTypes ?? "",
      contentType: clientConnection?.contentType || "application/vnd.kubernetes.protobuf",
      qps: clientConnection?.qps || 50,
      burst: clientConnection?.burst || 100,
    },
    enableProfiling,
    enableContentionProfiling: decoded.enableContentionProfiling ?? enableProfiling,
    delayCacheUntilActive: decoded.delayCacheUntilActive ?? false,
  };
}

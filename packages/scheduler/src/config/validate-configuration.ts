import {
  type BadValue,
  type FieldError,
  fieldErrors,
  fieldPath,
  GoValue,
  isQualifiedName,
} from "@kubesim/core";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import { formatGoDurationNanoseconds } from "./go-duration.js";
import { goFieldPath, goPluginSet } from "./go-values.js";
import { type MergedPluginSet, mergePluginSet } from "./merge-plugins.js";
import type {
  ExtensionPoint,
  PluginReference,
  SchedulerConfiguration,
  SchedulerExtenderConfiguration,
  SchedulerProfileConfiguration,
} from "./types.js";
import { extensionPointNames } from "./types.js";

/** Plugins removed from kube-scheduler; naming them is an error in v1. */
const removedPlugins: ReadonlySet<string> = new Set([
  "AzureDiskLimits",
  "CinderLimits",
  "EBSLimits",
  "GCEPDLimits",
]);
const apiVersion = "kubescheduler.config.k8s.io/v1";

/**
 * The plugins whose args upstream validates with the configuration. NodeResourcesFit is
 * missing on purpose: upstream's table keys it as "NodeResourcesFitArgs", so its args are
 * only checked when the plugin is built.
 */
const argsValidatedWithConfiguration: ReadonlySet<string> = new Set([
  "DefaultPreemption",
  "InterPodAffinity",
  "NodeAffinity",
  "NodeResourcesBalancedAllocation",
  "PodTopologySpread",
  "VolumeBinding",
]);

/** Looks up how a plugin defaults and validates its args. */
export type PluginDefinitionLookup = (pluginName: string) => PluginDefinition | undefined;

function durationValue(milliseconds: number): GoValue {
  return new GoValue(formatGoDurationNanoseconds(BigInt(Math.round(milliseconds * 1_000_000))), milliseconds);
}

function nestedPath(base: string, relative: string): string {
  if (relative === "") return base;
  return relative.startsWith("[") ? `${base}${relative}` : `${base}.${relative}`;
}

function removedPluginDetail(): string {
  return `was invalid in version "${apiVersion}" (KubeSchedulerConfiguration is version "${apiVersion}")`;
}

function validatePercentage(path: string, value: number | undefined): FieldError[] {
  if (value === undefined || (value >= 0 && value <= 100)) return [];
  return [fieldErrors.invalid(path, value, "not in valid range [0-100]")];
}

function mergedPointSet(profile: SchedulerProfileConfiguration, point: ExtensionPoint): MergedPluginSet {
  // The default plugins are all MultiPoint: a specific point merges to the user's own set.
  return mergePluginSet(undefined, profile.plugins?.[point]);
}

function validatePluginArgs(
  path: string,
  name: string,
  args: unknown,
  pluginDefinition: PluginDefinitionLookup | undefined,
): FieldError[] {
  if (!argsValidatedWithConfiguration.has(name)) return [];
  const definition = pluginDefinition?.(name);
  if (definition?.validateArgs === undefined) return [];
  const defaulted = definition.defaultArgs === undefined ? args : definition.defaultArgs(args);
  return definition
    .validateArgs(defaulted)
    .map((error) => ({ ...error, field: nestedPath(path, error.field) }));
}

function validateProfile(
  path: string,
  profile: SchedulerProfileConfiguration,
  pluginDefinition: PluginDefinitionLookup | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  if (profile.schedulerName === "") errors.push(fieldErrors.required(fieldPath(path, "schedulerName")));
  errors.push(
    ...validatePercentage(fieldPath(path, "percentageOfNodesToScore"), profile.percentageOfNodesToScore),
  );
  if (profile.plugins !== undefined) {
    for (const point of extensionPointNames) {
      mergedPointSet(profile, point).enabled.forEach((plugin, index) => {
        if (removedPlugins.has(plugin.name)) {
          errors.push(
            fieldErrors.invalid(
              fieldPath(path, "plugins", point, "enabled", index),
              plugin.name,
              removedPluginDetail(),
            ),
          );
        }
      });
    }
  }
  const seen = new Set<string>();
  profile.pluginConfig.forEach((entry, index) => {
    const entryPath = fieldPath(path, "pluginConfig", index);
    if (seen.has(entry.name)) errors.push(fieldErrors.duplicate(entryPath, entry.name));
    else seen.add(entry.name);
    if (removedPlugins.has(entry.name)) {
      errors.push(fieldErrors.invalid(entryPath, entry.name, removedPluginDetail()));
    } else {
      errors.push(
        ...validatePluginArgs(fieldPath(entryPath, "args"), entry.name, entry.args, pluginDefinition),
      );
    }
  });
  return errors;
}

function samePlugins(first: readonly PluginReference[], second: readonly PluginReference[]): boolean {
  return (
    first.length === second.length &&
    first.every((plugin, index) => {
      const other = second[index] as PluginReference;
      return plugin.name === other.name && (plugin.weight ?? 0) === (other.weight ?? 0);
    })
  );
}

function sameArgs(first: unknown, second: unknown): boolean {
  return JSON.stringify(first ?? null) === JSON.stringify(second ?? null);
}

function argsValue(args: unknown): BadValue {
  // Upstream prints a nil args object as the string "null"; other args print as JSON here.
  return args === undefined || args === null ? "null" : (args as BadValue);
}

function validateCommonQueueSort(profiles: readonly SchedulerProfileConfiguration[]): FieldError[] {
  const errors: FieldError[] = [];
  const first = profiles[0];
  if (first === undefined) return errors;
  const canonical = mergedPointSet(first, "queueSort");
  const queueSortName = canonical.enabled[0]?.name ?? "";
  if (canonical.enabled.length > 1) {
    errors.push(
      fieldErrors.invalid(
        fieldPath("profiles", 0, "plugins", "queueSort", "Enabled"),
        canonical.enabled.length,
        "only one queue sort plugin can be enabled",
      ),
    );
  }
  let queueSortArgs: unknown;
  for (const entry of first.pluginConfig) {
    if (queueSortName !== "" && entry.name === queueSortName) queueSortArgs = entry.args;
  }
  profiles.forEach((profile, index) => {
    if (index === 0) return;
    const current = mergedPointSet(profile, "queueSort");
    if (
      !samePlugins(canonical.enabled, current.enabled) ||
      !samePlugins(canonical.disabled, current.disabled)
    ) {
      errors.push(
        fieldErrors.invalid(
          fieldPath("profiles", index, "plugins", "queueSort"),
          goPluginSet(current),
          "queueSort must be the same for all profiles",
        ),
      );
    }
    for (const entry of profile.pluginConfig) {
      if (entry.name === queueSortName && !sameArgs(queueSortArgs, entry.args)) {
        errors.push(
          fieldErrors.invalid(
            fieldPath("profiles", index, "pluginConfig", "args"),
            argsValue(entry.args),
            "queueSort must be the same for all profiles",
          ),
        );
      }
    }
  });
  return errors;
}

function isExtendedResourceName(name: string): boolean {
  // Native resources have no domain or a kubernetes.io domain; quota names must stay valid.
  if (!name.includes("/") || name.includes("kubernetes.io/") || name.startsWith("requests.")) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

function validateExtenders(extenders: readonly SchedulerExtenderConfiguration[]): FieldError[] {
  const errors: FieldError[] = [];
  let binders = 0;
  const managed = new Set<string>();
  extenders.forEach((extender, index) => {
    const path = fieldPath("extenders", index);
    if (extender.prioritizeVerb.length > 0 && extender.weight <= 0) {
      errors.push(
        fieldErrors.invalid(
          fieldPath(path, "weight"),
          extender.weight,
          "must have a positive weight applied to it",
        ),
      );
    }
    if (extender.bindVerb !== "") binders++;
    extender.managedResources.forEach((resource, resourceIndex) => {
      const namePath = fieldPath(path, "managedResources", resourceIndex, "name");
      const messages = isQualifiedName(resource.name);
      // v1.ResourceName prints through its String method: without quotes.
      for (const message of messages)
        errors.push(fieldErrors.invalid(namePath, new GoValue(resource.name, resource.name), message));
      if (messages.length === 0 && !isExtendedResourceName(resource.name)) {
        errors.push(fieldErrors.invalid(namePath, resource.name, "is an invalid extended resource name"));
      }
      if (managed.has(resource.name)) {
        errors.push(fieldErrors.invalid(namePath, resource.name, "duplicate extender managed resource name"));
      }
      managed.add(resource.name);
    });
  });
  if (binders > 1) {
    errors.push(
      fieldErrors.invalid(
        "extenders",
        `found ${binders} extenders implementing bind`,
        "only one extender can implement bind",
      ),
    );
  }
  return errors;
}

function validateLeaderElection(configuration: SchedulerConfiguration): FieldError[] {
  const election = configuration.leaderElection;
  const errors: FieldError[] = [];
  if (!election.leaderElect) return errors;
  const path = "leaderElection";
  if (election.leaseDurationMs <= 0) {
    errors.push(
      fieldErrors.invalid(
        fieldPath(path, "leaseDuration"),
        durationValue(election.leaseDurationMs),
        "must be greater than zero",
      ),
    );
  }
  if (election.renewDeadlineMs <= 0) {
    errors.push(
      fieldErrors.invalid(
        fieldPath(path, "renewDeadline"),
        durationValue(election.renewDeadlineMs),
        "must be greater than zero",
      ),
    );
  }
  if (election.retryPeriodMs <= 0) {
    errors.push(
      fieldErrors.invalid(
        fieldPath(path, "retryPeriod"),
        durationValue(election.retryPeriodMs),
        "must be greater than zero",
      ),
    );
  }
  if (election.leaseDurationMs <= election.renewDeadlineMs) {
    errors.push(
      fieldErrors.invalid(
        fieldPath(path, "leaseDuration"),
        durationValue(election.renewDeadlineMs),
        "LeaseDuration must be greater than RenewDeadline",
      ),
    );
  }
  if (election.resourceLock === "") {
    errors.push(fieldErrors.invalid(fieldPath(path, "resourceLock"), "", "resourceLock is required"));
  }
  if (election.resourceNamespace === "") {
    errors.push(
      fieldErrors.invalid(fieldPath(path, "resourceNamespace"), "", "resourceNamespace is required"),
    );
  }
  if (election.resourceName === "") {
    errors.push(fieldErrors.invalid(fieldPath(path, "resourceName"), "", "resourceName is required"));
  }
  return errors;
}

/**
 * Validates a defaulted configuration as upstream's `ValidateKubeSchedulerConfiguration`
 * (v1.32) and returns every field error, in upstream's order: client connection, leader
 * election (`resourceLock` must be `leases`), parallelism, each profile (name, percentage,
 * removed plugins, duplicate `pluginConfig`, in-tree args through `pluginDefinition`),
 * duplicate profile names, one common queue sort, percentageOfNodesToScore, backoff
 * bounds, extenders.
 */
export function validateSchedulerConfiguration(
  configuration: SchedulerConfiguration,
  pluginDefinition?: PluginDefinitionLookup,
): FieldError[] {
  const errors: FieldError[] = [];
  if (configuration.clientConnection.burst < 0) {
    errors.push(
      fieldErrors.invalid(
        "clientConnection.burst",
        configuration.clientConnection.burst,
        "must be non-negative",
      ),
    );
  }
  errors.push(...validateLeaderElection(configuration));
  if (configuration.leaderElection.leaderElect && configuration.leaderElection.resourceLock !== "leases") {
    errors.push(
      fieldErrors.invalid(
        "leaderElection.resourceLock",
        configuration.leaderElection.resourceLock,
        'resourceLock value must be "leases"',
      ),
    );
  }
  if (configuration.parallelism <= 0) {
    errors.push(
      fieldErrors.invalid(
        "parallelism",
        configuration.parallelism,
        "should be an integer value greater than zero",
      ),
    );
  }
  if (configuration.profiles.length === 0) {
    errors.push(fieldErrors.required("profiles"));
  } else {
    const indexByName = new Map<string, number>();
    configuration.profiles.forEach((profile, index) => {
      const path = fieldPath("profiles", index);
      errors.push(...validateProfile(path, profile, pluginDefinition));
      const earlier = indexByName.get(profile.schedulerName);
      if (earlier !== undefined) {
        errors.push(fieldErrors.duplicate(fieldPath(path, "schedulerName"), goFieldPath("schedulerName")));
      }
      indexByName.set(profile.schedulerName, index);
    });
    errors.push(...validateCommonQueueSort(configuration.profiles));
  }
  errors.push(...validatePercentage("percentageOfNodesToScore", configuration.percentageOfNodesToScore));
  if (configuration.podInitialBackoffSeconds <= 0) {
    errors.push(
      fieldErrors.invalid(
        "podInitialBackoffSeconds",
        configuration.podInitialBackoffSeconds,
        "must be greater than 0",
      ),
    );
  }
  if (configuration.podMaxBackoffSeconds < configuration.podInitialBackoffSeconds) {
    errors.push(
      fieldErrors.invalid(
        "podMaxBackoffSeconds",
        configuration.podMaxBackoffSeconds,
        "must be greater than or equal to PodInitialBackoffSeconds",
      ),
    );
  }
  errors.push(...validateExtenders(configuration.extenders));
  return errors;
}

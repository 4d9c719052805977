import type { Deployment, ReplicaSet } from "../types/index.js";
import { cloneJson } from "./clone-json.js";
import {
  type DefaultingOptions,
  type ResolvedDefaultingOptions,
  resolveDefaultingOptions,
} from "./defaulting-options.js";
import {
  defaultString,
  defaultUnset,
  ensureObjectField,
  isJsonObject,
  type JsonObject,
} from "./json-fields.js";
import { applyPodTemplateDefaults } from "./pod-template-defaults.js";

/**
 * Returns a defaulted deep copy of an apps/v1 Deployment; the input is not modified.
 *
 * @remarks
 * `SetDefaults_Deployment`: `replicas: 1`, `strategy.type: RollingUpdate` and, for
 * `RollingUpdate`, `maxUnavailable: "25%"` and `maxSurge: "25%"` when unset,
 * `revisionHistoryLimit: 10`, `progressDeadlineSeconds: 600`, plus the pod template
 * defaults. On create the strategy resets `status` to `{}` and sets
 * `metadata.generation: 1`.
 */
export function defaultDeployment<T extends Deployment>(deployment: T, options?: DefaultingOptions): T {
  const copy = cloneJson(deployment);
  if (isJsonObject(copy)) applyDeploymentDefaults(copy, resolveDefaultingOptions(options));
  return copy;
}

/** {@link defaultDeployment} in place, on an already copied Deployment. */
export function applyDeploymentDefaults(deployment: JsonObject, options: ResolvedDefaultingOptions): void {
  const spec = ensureObjectField(deployment, "spec");
  if (spec !== undefined) {
    defaultUnset(spec, "replicas", 1);
    const strategy = ensureObjectField(spec, "strategy");
    if (strategy !== undefined) {
      defaultString(strategy, "type", "RollingUpdate");
      const rollingUpdate =
        strategy.type === "RollingUpdate" ? ensureObjectField(strategy, "rollingUpdate") : undefined;
      if (rollingUpdate !== undefined) {
        defaultUnset(rollingUpdate, "maxUnavailable", "25%");
        defaultUnset(rollingUpdate, "maxSurge", "25%");
      }
    }
    defaultUnset(spec, "revisionHistoryLimit", 10);
    defaultUnset(spec, "progressDeadlineSeconds", 600);
    applyPodTemplateDefaults(spec);
  }
  if (options.create) resetForCreate(deployment, {});
}

/**
 * Returns a defaulted deep copy of an apps/v1 ReplicaSet; the input is not modified.
 *
 * @remarks
 * `SetDefaults_ReplicaSet`: `replicas: 1`, plus the pod template defaults. On create the
 * strategy resets `status` to its zero value (`{replicas: 0}`, the one required field)
 * and sets `metadata.generation: 1`.
 */
export function defaultReplicaSet<T extends ReplicaSet>(replicaSet: T, options?: DefaultingOptions): T {
  const copy = cloneJson(replicaSet);
  if (isJsonObject(copy)) applyReplicaSetDefaults(copy, resolveDefaultingOptions(options));
  return copy;
}

/** {@link defaultReplicaSet} in place, on an already copied ReplicaSet. */
export function applyReplicaSetDefaults(replicaSet: JsonObject, options: ResolvedDefaultingOptions): void {
  const spec = ensureObjectField(replicaSet, "spec");
  if (spec !== undefined) {
    defaultUnset(spec, "replicas", 1);
    applyPodTemplateDefaults(spec);
  }
  if (options.create) resetForCreate(replicaSet, { replicas: 0 });
}

function resetForCreate(workload: JsonObject, zeroStatus: JsonObject): void {
  workload.status = zeroStatus;
  const metadata = ensureObjectField(workload, "metadata");
  if (metadata !== undefined) metadata.generation = 1;
}

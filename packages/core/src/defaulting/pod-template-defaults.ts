import { ensureObjectField, type JsonObject } from "./json-fields.js";
import { applyPodSpecSchemeDefaults, syncDeprecatedServiceAccount } from "./pod-spec-defaults.js";

/**
 * Defaults `spec.template` of a workload (DaemonSet, Deployment, ReplicaSet) in place:
 * the pod template's spec gets the template scheme defaults (no pod-only defaults, no
 * admission). Missing `template` and `template.spec` objects are created, as Go
 * allocates them (they are structs), so validation sees the defaults upstream sees.
 */
export function applyPodTemplateDefaults(workloadSpec: JsonObject): void {
  const template = ensureObjectField(workloadSpec, "template");
  const podSpec = template === undefined ? undefined : ensureObjectField(template, "spec");
  if (podSpec === undefined) return;
  applyPodSpecSchemeDefaults(podSpec, true);
  syncDeprecatedServiceAccount(podSpec);
}

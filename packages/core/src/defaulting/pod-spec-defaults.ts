import type { PodSpec } from "../types/index.js";
import { cloneJson } from "./clone-json.js";
import { defaultContainer } from "./container-defaults.js";
import { type DefaultingOptions, resolveDefaultingOptions } from "./defaulting-options.js";
import {
  defaultString,
  defaultUnset,
  forEachObjectIn,
  isEmptyString,
  isJsonObject,
  isUnset,
  isZeroNumber,
  type JsonObject,
  objectField,
  setOwnField,
} from "./json-fields.js";
import { admitPodSpec } from "./pod-admission.js";
import { canonicalizeResourceListField } from "./resource-list.js";
import { defaultVolume } from "./volume-defaults.js";

/**
 * Upstream's scheme defaults for a pod spec, in place (`SetDefaults_PodSpec` and the
 * generated container and volume defaults, plus `SetDefaults_Pod` unless `template`).
 *
 * @remarks
 * Every spec gets `dnsPolicy: ClusterFirst`, `restartPolicy: Always`,
 * `schedulerName: default-scheduler`, `terminationGracePeriodSeconds: 30`,
 * `securityContext: {}`, the container defaults of {@link defaultContainer} (regular,
 * init and ephemeral containers) and the volume defaults of {@link defaultVolume}. The
 * deprecated `serviceAccount` is read as an alias of `serviceAccountName` when the latter
 * is empty. Only pods (`template: false`) also get `enableServiceLinks: true`, requests
 * copied from limits for each resource without a request (regular and init containers),
 * and, under `hostNetwork: true`, `hostPort = containerPort` for ports without a host
 * port; upstream stopped writing those into templates in v1.28.
 */
export function applyPodSpecSchemeDefaults(spec: JsonObject, template: boolean): void {
  if (isEmptyString(spec.serviceAccountName) && typeof spec.serviceAccount === "string") {
    spec.serviceAccountName = spec.serviceAccount;
  }
  if (!template) applyPodOnlyDefaults(spec);
  defaultString(spec, "dnsPolicy", "ClusterFirst");
  defaultString(spec, "restartPolicy", "Always");
  defaultUnset(spec, "securityContext", {});
  defaultUnset(spec, "terminationGracePeriodSeconds", 30);
  defaultString(spec, "schedulerName", "default-scheduler");
  forEachObjectIn(spec, "volumes", defaultVolume);
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    forEachObjectIn(spec, key, defaultContainer);
  }
  canonicalizeResourceListField(spec, "overhead");
}

/**
 * Writes the deprecated `serviceAccount` alias from `serviceAccountName`, as the API
 * server does whenever it serializes a pod spec.
 */
export function syncDeprecatedServiceAccount(spec: JsonObject): void {
  const name = spec.serviceAccountName;
  if (typeof name === "string" && name !== "") {
    spec.serviceAccount = name;
  } else if (isEmptyString(name) && isEmptyString(spec.serviceAccount)) {
    delete spec.serviceAccount;
  }
}

/**
 * Returns a defaulted deep copy of a pod spec; the input is not modified.
 *
 * @remarks
 * With `template: true` the spec is defaulted as the API server defaults a pod template
 * (DaemonSet, Deployment, ...): scheme defaults only. With `template: false` it is
 * defaulted as the spec of a Pod: the pod-only defaults too (see
 * {@link applyPodSpecSchemeDefaults}) and, per `options`, the spec-level admission
 * plugins (see {@link admitPodSpec}) as for a pod that is not a mirror pod. What needs
 * the whole pod (matchLabelKeys merging, status) is done by `defaultPod` only.
 */
export function defaultPodSpec<T extends PodSpec>(
  spec: T,
  options: { readonly template: boolean } & DefaultingOptions,
): T {
  const copy = cloneJson(spec);
  if (!isJsonObject(copy)) return copy;
  applyPodSpecSchemeDefaults(copy, options.template);
  const resolved = resolveDefaultingOptions(options);
  if (!options.template && resolved.admission) admitPodSpec(copy, { ...resolved, isMirrorPod: false });
  syncDeprecatedServiceAccount(copy);
  return copy;
}

function applyPodOnlyDefaults(spec: JsonObject): void {
  for (const key of ["containers", "initContainers"]) {
    forEachObjectIn(spec, key, defaultRequestsFromLimits);
  }
  defaultUnset(spec, "enableServiceLinks", true);
  if (spec.hostNetwork === true) {
    for (const key of ["containers", "initContainers"]) {
      forEachObjectIn(spec, key, (container) => forEachObjectIn(container, "ports", defaultHostPort));
    }
  }
}

function defaultRequestsFromLimits(container: JsonObject): void {
  const resources = objectField(container, "resources");
  const limits = resources === undefined ? undefined : objectField(resources, "limits");
  if (resources === undefined || limits === undefined) return;
  const names = Object.keys(limits);
  // An empty map is dropped when the API server serializes the pod, so skip it.
  if (names.length === 0) return;
  if (isUnset(resources.requests)) resources.requests = {};
  const requests = resources.requests;
  if (!isJsonObject(requests)) return;
  for (const name of names) {
    if (!Object.hasOwn(requests, name)) setOwnField(requests, name, cloneJson(limits[name]));
  }
}

function defaultHostPort(port: JsonObject): void {
  const containerPort = port.containerPort;
  if (isZeroNumber(port.hostPort) && typeof containerPort === "number" && containerPort !== 0) {
    port.hostPort = containerPort;
  }
}

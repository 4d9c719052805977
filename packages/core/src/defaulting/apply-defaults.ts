import { cloneJson } from "./clone-json.js";
import { applyDaemonSetDefaults } from "./daemonset-defaults.js";
import {
  type DefaultingOptions,
  type ResolvedDefaultingOptions,
  resolveDefaultingOptions,
} from "./defaulting-options.js";
import { isJsonObject, isUnset, type JsonObject } from "./json-fields.js";
import { applyNamespaceDefaults } from "./namespace-defaults.js";
import { applyNodeDefaults } from "./node-defaults.js";
import { applyPodDefaults } from "./pod-defaults.js";
import { applyServiceDefaults } from "./service-defaults.js";
import { applyDeploymentDefaults, applyReplicaSetDefaults } from "./workload-defaults.js";

type Defaulter = (object: JsonObject, options: ResolvedDefaultingOptions) => void;

/** Per kind: the apiVersion it is served at and its defaulter. */
const defaulters: ReadonlyMap<string, { readonly apiVersion: string; readonly apply: Defaulter }> = new Map([
  ["Pod", { apiVersion: "v1", apply: applyPodDefaults }],
  ["Node", { apiVersion: "v1", apply: applyNodeDefaults }],
  ["Namespace", { apiVersion: "v1", apply: applyNamespaceDefaults }],
  ["Service", { apiVersion: "v1", apply: (object: JsonObject) => applyServiceDefaults(object) }],
  ["DaemonSet", { apiVersion: "apps/v1", apply: applyDaemonSetDefaults }],
  ["Deployment", { apiVersion: "apps/v1", apply: applyDeploymentDefaults }],
  ["ReplicaSet", { apiVersion: "apps/v1", apply: applyReplicaSetDefaults }],
]);

/**
 * Returns a new, deeply copied object with the defaults the API server applies when it
 * stores it (by default on create; see {@link DefaultingOptions}). The input is never
 * modified.
 *
 * @remarks
 * Dispatches on `kind` (and `apiVersion` when present): Pod, Node, Namespace, Service
 * (`v1`), DaemonSet, Deployment, ReplicaSet (`apps/v1`); see the per-kind functions for
 * what each gets. Upstream defines no defaults for Event and ControllerRevision, and any
 * other kind is returned as a plain copy too. Safe on untrusted input: fields of the
 * wrong type are left as they are for validation to report, unknown fields are kept,
 * and keys such as `__proto__` stay plain data in the copy.
 *
 * @throws KubesimError when the object contains a circular reference.
 */
export function applyDefaults<T extends object>(object: T, options?: DefaultingOptions): T {
  const copy = cloneJson(object);
  if (!isJsonObject(copy)) return copy;
  const kind = copy.kind;
  const defaulter = typeof kind === "string" ? defaulters.get(kind) : undefined;
  if (defaulter === undefined) return copy;
  if (!isUnset(copy.apiVersion) && copy.apiVersion !== defaulter.apiVersion) return copy;
  defaulter.apply(copy, resolveDefaultingOptions(options));
  return copy;
}

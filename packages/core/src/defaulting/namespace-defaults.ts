import type { Namespace } from "../types/index.js";
import { cloneJson } from "./clone-json.js";
import {
  type DefaultingOptions,
  type ResolvedDefaultingOptions,
  resolveDefaultingOptions,
} from "./defaulting-options.js";
import {
  defaultString,
  ensureObjectField,
  isJsonObject,
  isUnset,
  type JsonObject,
  objectField,
} from "./json-fields.js";

/** The label every namespace carries, whose value is the namespace's name. */
export const namespaceNameLabel = "kubernetes.io/metadata.name";
/** The finalizer the API server adds to every new namespace. */
const kubernetesFinalizer = "kubernetes";

/**
 * Returns a defaulted deep copy of a Namespace, as the API server stores it; the input
 * is not modified.
 *
 * @remarks
 * The label `kubernetes.io/metadata.name` is set to the name whenever the name is
 * non-empty, replacing any value the client sent (for a `generateName` namespace, call
 * this again once the name is known: upstream sets it again after naming). `status.phase`
 * defaults to `Active`. On create the strategy replaces `status` with
 * `{phase: Active}` and appends the `kubernetes` finalizer to `spec.finalizers` unless
 * it is already there.
 */
export function defaultNamespace<T extends Namespace>(namespace: T, options?: DefaultingOptions): T {
  const copy = cloneJson(namespace);
  if (isJsonObject(copy)) applyNamespaceDefaults(copy, resolveDefaultingOptions(options));
  return copy;
}

/** {@link defaultNamespace} in place, on an already copied Namespace. */
export function applyNamespaceDefaults(namespace: JsonObject, options: ResolvedDefaultingOptions): void {
  const metadata = objectField(namespace, "metadata");
  const name = metadata?.name;
  if (metadata !== undefined && typeof name === "string" && name !== "") {
    const labels = ensureObjectField(metadata, "labels");
    if (labels !== undefined) labels[namespaceNameLabel] = name;
  }
  if (options.create) {
    namespace.status = { phase: "Active" };
    addKubernetesFinalizer(namespace);
    return;
  }
  const status = ensureObjectField(namespace, "status");
  if (status !== undefined) defaultString(status, "phase", "Active");
}

function addKubernetesFinalizer(namespace: JsonObject): void {
  const spec = ensureObjectField(namespace, "spec");
  if (spec === undefined) return;
  const finalizers = spec.finalizers;
  if (isUnset(finalizers)) {
    spec.finalizers = [kubernetesFinalizer];
  } else if (Array.isArray(finalizers) && !finalizers.includes(kubernetesFinalizer)) {
    finalizers.push(kubernetesFinalizer);
  }
}

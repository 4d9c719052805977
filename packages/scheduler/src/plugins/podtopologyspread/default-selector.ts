import { labelSelectorAsSelector, type Selector, selectorFromSet } from "@kubesim/affinity";
import type { LabelSelector, OwnerReference, Pod } from "@kubesim/core";
import type { ClusterListers } from "../../framework/index.js";
import { namespaceOf } from "./spread-constraint.js";

type StringMap = Readonly<Record<string, string>>;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `spec.<field>` of an untrusted listed object. */
function specField(object: unknown, field: string): unknown {
  if (!isRecord(object)) return undefined;
  const spec = object.spec;
  return isRecord(spec) && Object.hasOwn(spec, field) ? spec[field] : undefined;
}

function nameOf(object: unknown): unknown {
  if (!isRecord(object)) return undefined;
  const metadata = object.metadata;
  return isRecord(metadata) ? metadata.name : undefined;
}

/** `labels.Merge`: a copy of `base` with every entry of `extra` set over it. */
function mergeLabels(base: StringMap, extra: StringMap): StringMap {
  const merged: Record<string, string> = Object.create(null);
  for (const key of Object.keys(base)) merged[key] = base[key] as string;
  for (const key of Object.keys(extra)) merged[key] = extra[key] as string;
  return merged;
}

/** The pod's controller reference (upstream's `GetControllerOfNoCopy`). */
function controllerOf(pod: Pod): OwnerReference | undefined {
  const references = pod.metadata?.ownerReferences;
  if (!Array.isArray(references)) return undefined;
  return references.find((reference) => reference?.controller === true);
}

/** Splits an apiVersion as `schema.ParseGroupVersion`: `undefined` when malformed. */
function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  if (apiVersion === "") return { group: "", version: "" };
  const parts = apiVersion.split("/");
  if (parts.length === 1) return { group: "", version: apiVersion };
  if (parts.length === 2) return { group: parts[0] as string, version: parts[1] as string };
  return undefined;
}

/** The object of a kind in the pod's namespace with the given name. */
function findByName(listers: ClusterListers, kind: string, namespace: string, name: string): unknown {
  return listers.list(kind, namespace).find((object) => nameOf(object) === name);
}

/**
 * The selector PodTopologySpread uses for default constraints (upstream's
 * `helper.DefaultSelector`): the merged `spec.selector` of every Service in the pod's
 * namespace that selects the pod, plus the selector of the ReplicationController,
 * ReplicaSet or StatefulSet that controls it. Without listers, nothing selects the pod
 * and the result is empty.
 */
export function defaultSelector(pod: Pod, listers: ClusterListers | undefined): Selector {
  if (listers === undefined) return selectorFromSet(undefined);
  const namespace = namespaceOf(pod);
  const podLabels = pod.metadata?.labels;
  let labelSet: StringMap = Object.create(null);
  for (const service of listers.list("Service", namespace)) {
    const selector = specField(service, "selector");
    // Services with a nil selector match nothing, not everything.
    if (!isRecord(selector)) continue;
    if (selectorFromSet(selector as StringMap).matches(podLabels)) {
      labelSet = mergeLabels(labelSet, selector as StringMap);
    }
  }
  let selector = selectorFromSet(labelSet);

  const owner = controllerOf(pod);
  if (owner === undefined) return selector;
  const groupVersion = parseGroupVersion(typeof owner.apiVersion === "string" ? owner.apiVersion : "");
  if (groupVersion === undefined) return selector;
  const { group, version } = groupVersion;
  const kind = owner.kind;
  const name = typeof owner.name === "string" ? owner.name : "";
  if (group === "" && version === "v1" && kind === "ReplicationController") {
    const controller = findByName(listers, "ReplicationController", namespace, name);
    if (controller !== undefined) {
      const rcSelector = specField(controller, "selector");
      if (isRecord(rcSelector)) labelSet = mergeLabels(labelSet, rcSelector as StringMap);
      selector = selectorFromSet(labelSet);
    }
  } else if (group === "apps" && version === "v1" && (kind === "ReplicaSet" || kind === "StatefulSet")) {
    const controller = findByName(listers, kind, namespace, name);
    if (controller !== undefined) {
      try {
        const other = labelSelectorAsSelector(specField(controller, "selector") as LabelSelector | undefined);
        selector = selector.add(...other.requirements());
      } catch {
        // An invalid controller selector adds nothing, as upstream.
      }
    }
  }
  return selector;
}

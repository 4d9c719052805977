import type { Node } from "../types/index.js";
import { cloneJson } from "./clone-json.js";
import {
  type DefaultingOptions,
  type ResolvedDefaultingOptions,
  resolveDefaultingOptions,
} from "./defaulting-options.js";
import { ensureObjectField, isJsonObject, isUnset, type JsonObject, objectField } from "./json-fields.js";
import { canonicalizeResourceListField } from "./resource-list.js";

/** The taint the TaintNodesByCondition admission plugin puts on every new node. */
const notReadyNoScheduleTaint = { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" } as const;

/**
 * Returns a defaulted deep copy of a Node, as the API server stores it; the input is not
 * modified.
 *
 * @remarks
 * Scheme defaults (`SetDefaults_NodeStatus`): `status.allocatable` is a copy of
 * `status.capacity` when unset; both lists are rounded to milli-units and written in
 * canonical form. `spec.podCIDR` and `spec.podCIDRs` are made consistent (the singular
 * value wins). On create, with admission on, the TaintNodesByCondition plugin appends
 * the taint `node.kubernetes.io/not-ready:NoSchedule` unless a taint with that key and
 * effect is already there; the node lifecycle controller removes it once the node
 * reports Ready, so until then only pods tolerating it (not even DaemonSet pods) land
 * there. Pass `admission: false` to store a node that a real cluster already admitted.
 * Nodes keep the status they are created with (kubelets register with one).
 */
export function defaultNode<T extends Node>(node: T, options?: DefaultingOptions): T {
  const copy = cloneJson(node);
  if (isJsonObject(copy)) applyNodeDefaults(copy, resolveDefaultingOptions(options));
  return copy;
}

/** {@link defaultNode} in place, on an already copied Node. */
export function applyNodeDefaults(node: JsonObject, options: ResolvedDefaultingOptions): void {
  const status = objectField(node, "status");
  if (status !== undefined) {
    const capacity = objectField(status, "capacity");
    if (capacity !== undefined && isUnset(status.allocatable)) status.allocatable = cloneJson(capacity);
    canonicalizeResourceListField(status, "capacity");
    canonicalizeResourceListField(status, "allocatable");
  }
  const spec = objectField(node, "spec");
  if (spec !== undefined) {
    syncPodCidrs(spec);
    dropEmptyOmitEmptySpec(spec);
  }
  if (options.create && options.admission) addNotReadyTaint(node);
}

/**
 * Drops what Go's JSON encoding omits when the API server re-encodes a stored Node:
 * empty `taints` / `podCIDRs` lists and `unschedulable: false` (all `omitempty`).
 */
function dropEmptyOmitEmptySpec(spec: JsonObject): void {
  for (const field of ["taints", "podCIDRs"]) {
    const value = spec[field];
    if (Object.hasOwn(spec, field) && Array.isArray(value) && value.length === 0) delete spec[field];
  }
  if (Object.hasOwn(spec, "unschedulable") && spec.unschedulable === false) delete spec.unschedulable;
}

/**
 * Makes `spec.podCIDR` and `spec.podCIDRs` agree as a v1 round trip does: the singular
 * value wins when both are set and differ, fills an empty list, and is always the
 * list's first entry.
 */
function syncPodCidrs(spec: JsonObject): void {
  const single = spec.podCIDR;
  const list = spec.podCIDRs;
  const hasSingle = typeof single === "string" && single !== "";
  const listIsEmpty = isUnset(list) || (Array.isArray(list) && list.length === 0);
  if (
    hasSingle &&
    (listIsEmpty || (Array.isArray(list) && typeof list[0] === "string" && list[0] !== single))
  ) {
    spec.podCIDRs = [single];
  } else if (Array.isArray(list) && typeof list[0] === "string" && list[0] !== "") {
    spec.podCIDR = list[0];
  }
}

function addNotReadyTaint(node: JsonObject): void {
  const spec = ensureObjectField(node, "spec");
  if (spec === undefined) return;
  const taints = spec.taints;
  if (isUnset(taints)) {
    spec.taints = [{ ...notReadyNoScheduleTaint }];
    return;
  }
  if (!Array.isArray(taints)) return;
  const present = taints.some(
    (taint) =>
      isJsonObject(taint) &&
      taint.key === notReadyNoScheduleTaint.key &&
      taint.effect === notReadyNoScheduleTaint.effect,
  );
  if (!present) taints.push({ ...notReadyNoScheduleTaint });
}

import type { Quantity } from "../quantity/index.js";
import type { Pod } from "../types/index.js";
import { getOwnField, isJsonObject, type JsonObject, objectField } from "./json-fields.js";
import { readQuantity } from "./resource-list.js";

/** A pod's quality-of-service class, as stored in `status.qosClass`. */
export type PodQosClass = "Guaranteed" | "Burstable" | "BestEffort";

const qosClasses: ReadonlySet<unknown> = new Set(["Guaranteed", "Burstable", "BestEffort"]);
/** Only these resources decide the QoS class. */
const qosResources = ["cpu", "memory"] as const;
type QosResource = (typeof qosResources)[number];

/**
 * A pod's QoS class as upstream's `GetPodQOS` computes it.
 *
 * @remarks
 * A valid `status.qosClass` is returned as is (upstream reads the stored class first).
 * Otherwise only `cpu` and `memory` of regular and init containers count (ephemeral
 * containers cannot set resources), and only positive amounts:
 * - `BestEffort` when no container requests or limits any of them;
 * - `Guaranteed` when every container has positive cpu and memory limits and, summed
 *   over all containers, requests equal limits for both resources;
 * - `Burstable` otherwise.
 * Pod-level `spec.resources` are ignored: that rule sits behind the PodLevelResources
 * gate, alpha and off in v1.32. Pods read as upstream stores them, so requests copied from
 * limits by defaulting count; run this on a defaulted pod. Quantities that do not parse
 * are treated as absent.
 */
export function podQosClass(pod: Pod): PodQosClass {
  const podObject: unknown = pod;
  if (!isJsonObject(podObject)) return "BestEffort";
  const status = objectField(podObject, "status");
  const stored = status?.qosClass;
  if (qosClasses.has(stored)) return stored as PodQosClass;
  const spec = objectField(podObject, "spec");
  return spec === undefined ? "BestEffort" : computeQosClass(spec);
}

function computeQosClass(spec: JsonObject): PodQosClass {
  const requests = new Map<QosResource, Quantity>();
  const limits = new Map<QosResource, Quantity>();
  let guaranteed = true;
  for (const key of ["containers", "initContainers"]) {
    const containers = spec[key];
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      const resources = isJsonObject(container) ? objectField(container, "resources") : undefined;
      addPositive(requests, resources === undefined ? undefined : objectField(resources, "requests"));
      const limitsFound = addPositive(
        limits,
        resources === undefined ? undefined : objectField(resources, "limits"),
      );
      if (!limitsFound.has("cpu") || !limitsFound.has("memory")) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, request] of requests) {
      const limit = limits.get(name);
      if (limit === undefined || limit.cmp(request) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

/** Adds the positive cpu/memory amounts of `list` into `totals`; returns which it saw. */
function addPositive(totals: Map<QosResource, Quantity>, list: JsonObject | undefined): Set<QosResource> {
  const found = new Set<QosResource>();
  if (list === undefined) return found;
  for (const name of qosResources) {
    const quantity = readQuantity(getOwnField(list, name));
    if (quantity === undefined || quantity.sign() <= 0) continue;
    const previous = totals.get(name);
    try {
      totals.set(name, previous === undefined ? quantity : quantity.add(previous));
    } catch {
      // Exponents too far apart to add exactly: no real pod gets here; skip the amount.
      continue;
    }
    found.add(name);
  }
  return found;
}

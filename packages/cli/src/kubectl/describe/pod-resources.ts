/**
 * A pod's effective requests and limits (kubectl's `resourcehelper.PodRequestsAndLimits`:
 * containers summed, init containers taken at their maximum, sidecars added, overhead
 * added) and its QoS class, for `describe node` and `describe pod`.
 */
import { type Pod, parseQuantity, type Quantity } from "@kubesim/core";

/** Resource name → quantity; insertion order is irrelevant to every reader. */
export type ResourceTotals = Map<string, Quantity>;

type Container = NonNullable<NonNullable<Pod["spec"]>["containers"]>[number];
type ResourceMap = Readonly<Record<string, unknown>> | null | undefined;
type ResourceRequirements = NonNullable<Container["resources"]>;

/** `spec.resources`, the pod-level requirements newer than the bundled API types. */
export function podLevelResources(pod: Pod): ResourceRequirements | undefined {
  const resources = (pod.spec as { resources?: ResourceRequirements | null } | undefined)?.resources;
  return resources === null ? undefined : resources;
}

/** Reads a resource list, skipping values that are not quantities (validation rejects those). */
export function readResourceList(list: ResourceMap): ResourceTotals {
  const totals: ResourceTotals = new Map();
  if (list === null || list === undefined || typeof list !== "object") return totals;
  for (const name of Object.keys(list)) {
    const value = list[name];
    if (typeof value !== "string" && typeof value !== "number") continue;
    try {
      totals.set(name, parseQuantity(value));
    } catch {
      // An unreadable quantity counts as absent.
    }
  }
  return totals;
}

function addInto(target: ResourceTotals, source: ResourceTotals): void {
  for (const [name, quantity] of source) {
    const existing = target.get(name);
    target.set(name, existing === undefined ? quantity : existing.add(quantity));
  }
}

function maxInto(target: ResourceTotals, source: ResourceTotals): void {
  for (const [name, quantity] of source) {
    const existing = target.get(name);
    if (existing === undefined || quantity.cmp(existing) > 0) target.set(name, quantity);
  }
}

/** Per resource, the larger of the two lists (a resource in one list only is kept). */
function maxOf(left: ResourceTotals, right: ResourceTotals): ResourceTotals {
  const result: ResourceTotals = new Map();
  for (const [name, quantity] of left) {
    const other = right.get(name);
    result.set(name, other !== undefined && quantity.cmp(other) <= 0 ? other : quantity);
  }
  for (const [name, quantity] of right) if (!result.has(name)) result.set(name, quantity);
  return result;
}

function isSidecar(container: Container): boolean {
  return container.restartPolicy === "Always";
}

/**
 * The pod's total requests: containers summed (the status's resources when a resize is
 * in progress), sidecars added, the largest init container step, plus overhead.
 */
export function podRequests(pod: Pod): ResourceTotals {
  const requests: ResourceTotals = new Map();
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((status) => [status.name, status]));
  for (const container of pod.spec?.containers ?? []) {
    let containerRequests = readResourceList(container.resources?.requests);
    const statusResources = statuses.get(container.name)?.resources;
    if (statusResources !== undefined && statusResources !== null) {
      const statusRequests = readResourceList(statusResources.requests);
      containerRequests =
        pod.status?.resize === "Infeasible" ? statusRequests : maxOf(containerRequests, statusRequests);
    }
    addInto(requests, containerRequests);
  }
  addInitContainers(requests, pod, (container) => container.resources?.requests);
  addInto(requests, readResourceList(pod.spec?.overhead));
  return requests;
}

/** The pod's total limits: containers summed, sidecars added, the largest init step, overhead on non-zero limits. */
export function podLimits(pod: Pod): ResourceTotals {
  const limits: ResourceTotals = new Map();
  for (const container of pod.spec?.containers ?? [])
    addInto(limits, readResourceList(container.resources?.limits));
  addInitContainers(limits, pod, (container) => container.resources?.limits);
  for (const [name, quantity] of readResourceList(pod.spec?.overhead)) {
    const existing = limits.get(name);
    if (existing !== undefined && !existing.isZero()) limits.set(name, existing.add(quantity));
  }
  return limits;
}

function addInitContainers(
  totals: ResourceTotals,
  pod: Pod,
  listOf: (container: Container) => ResourceMap,
): void {
  const sidecars: ResourceTotals = new Map();
  const initMaximum: ResourceTotals = new Map();
  for (const container of pod.spec?.initContainers ?? []) {
    const own = readResourceList(listOf(container));
    let step: ResourceTotals;
    if (isSidecar(container)) {
      addInto(totals, own);
      addInto(sidecars, own);
      step = sidecars;
    } else {
      step = new Map();
      addInto(step, own);
      addInto(step, sidecars);
    }
    maxInto(initMaximum, step);
  }
  maxInto(totals, initMaximum);
}

import { type Pod, type Quantity, QuantityFormat, quantityFromMilli, quantityFromValue } from "@kubesim/core";
import { addNamedQuantity, createResource, parseResourceQuantity, resourceNames } from "./resource.js";
import { sameJson } from "./same-json.js";
import type { PodInfo, Resource } from "./types.js";

/** The CPU a container that does not mention cpu counts for in scoring: 100m (upstream `DefaultMilliCPURequest`). */
export const defaultMilliCpuRequest = 100;

/** The memory a container that does not mention memory counts for in scoring: 200Mi (upstream `DefaultMemoryRequest`). */
export const defaultMemoryRequest = 200 * 1024 * 1024;

/** Options of {@link computePodRequests}. */
export interface PodRequestsOptions {
  /**
   * Treat init containers with `restartPolicy: Always` as sidecars (the 1.32 default,
   * `true`). When `false` every init container counts as a plain init container, as before
   * sidecars existed.
   */
  readonly enableSidecarContainers?: boolean;
}

type ResourceList = Map<string, Quantity>;

const zeroQuantity: Quantity = quantityFromValue(0, QuantityFormat.DecimalSI);
const defaultCpuQuantity: Quantity = quantityFromMilli(defaultMilliCpuRequest, QuantityFormat.DecimalSI);
const defaultMemoryQuantity: Quantity = quantityFromValue(defaultMemoryRequest, QuantityFormat.DecimalSI);

interface ContainerLike {
  readonly resources?:
    | { readonly requests?: Readonly<Record<string, string | number>> | undefined }
    | undefined;
  readonly restartPolicy?: string | undefined;
}

function sum(left: Quantity, right: Quantity): Quantity {
  try {
    return left.add(right);
  } catch {
    // Exponents too far apart to add exactly: such a pair is not a real request.
    return left.cmp(right) >= 0 ? left : right;
  }
}

/** The container's requests as quantities; unparsable values count as 0. */
function containerRequests(container: ContainerLike, nonMissingDefaults: boolean): ResourceList {
  const list: ResourceList = new Map();
  const requests = container.resources?.requests;
  if (requests !== undefined && requests !== null && typeof requests === "object") {
    for (const name of Object.keys(requests)) {
      list.set(name, parseResourceQuantity(requests[name]) ?? zeroQuantity);
    }
  }
  if (nonMissingDefaults) {
    // Only a *missing* request is defaulted: an explicit 0 stays 0.
    if (!list.has(resourceNames.cpu)) list.set(resourceNames.cpu, defaultCpuQuantity);
    if (!list.has(resourceNames.memory)) list.set(resourceNames.memory, defaultMemoryQuantity);
  }
  return list;
}

function addList(target: ResourceList, source: ResourceList): void {
  for (const [name, quantity] of source) {
    const current = target.get(name);
    target.set(name, current === undefined ? quantity : sum(current, quantity));
  }
}

function maxList(target: ResourceList, source: ResourceList): void {
  for (const [name, quantity] of source) {
    const current = target.get(name);
    if (current === undefined || quantity.cmp(current) > 0) target.set(name, quantity);
  }
}

function asArray<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The pod's requests as a resource list, following component-helpers `PodRequests`
 * (v1.32): regular containers summed; each init container's use is its request plus the
 * sidecars declared before it, a sidecar's use is the running sum of sidecars; sidecars also
 * add to the regular sum; the result is the per-resource max of the two; then overhead.
 */
function aggregatePodRequests(pod: Pod, nonMissingDefaults: boolean, enableSidecars: boolean): ResourceList {
  const spec = pod.spec;
  const requests: ResourceList = new Map();
  for (const container of asArray(spec?.containers)) {
    addList(requests, containerRequests(container, nonMissingDefaults));
  }
  const sidecarTotal: ResourceList = new Map();
  const initMaximum: ResourceList = new Map();
  for (const container of asArray(spec?.initContainers)) {
    const own = containerRequests(container, nonMissingDefaults);
    if (enableSidecars && container.restartPolicy === "Always") {
      addList(requests, own);
      addList(sidecarTotal, own);
      maxList(initMaximum, sidecarTotal);
    } else {
      addList(own, sidecarTotal);
      maxList(initMaximum, own);
    }
  }
  maxList(requests, initMaximum);
  const overhead = spec?.overhead;
  if (overhead !== undefined && overhead !== null && typeof overhead === "object") {
    const overheadList: ResourceList = new Map();
    for (const name of Object.keys(overhead)) {
      overheadList.set(name, parseResourceQuantity(overhead[name]) ?? zeroQuantity);
    }
    addList(requests, overheadList);
  }
  return requests;
}

function toResource(list: ResourceList): Resource {
  const resource = createResource();
  for (const [name, quantity] of list) addNamedQuantity(resource, name, quantity);
  return resource;
}

/**
 * What the pod requests as NodeResourcesFit and the node's `requested` count it:
 * component-helpers `PodRequests` (v1.32, pod-level resources off) converted with
 * upstream `Resource.Add`. Explicit zero scalar requests keep an entry (value 0).
 *
 * @example
 * // containers 1 + 2 cpu, init container 4 cpu, overhead 250m:
 * computePodRequests(pod).milliCpu; // => 4250
 */
export function computePodRequests(pod: Pod, options: PodRequestsOptions = {}): Resource {
  return toResource(aggregatePodRequests(pod, false, options.enableSidecarContainers ?? true));
}

/**
 * As {@link computePodRequests}, but every container (regular or init) that does not
 * mention cpu (memory) counts as requesting 100m (200Mi) — upstream's
 * `NonMissingContainerRequests`, used by NodeInfo's `NonZeroRequested` and by the
 * LeastAllocated/MostAllocated/RequestedToCapacityRatio scoring. A pod without containers
 * requests nothing (overhead aside).
 */
export function computeNonZeroPodRequests(pod: Pod, options: PodRequestsOptions = {}): Resource {
  return toResource(aggregatePodRequests(pod, true, options.enableSidecarContainers ?? true));
}

/** True when the pod has an init container with `restartPolicy: Always` (a sidecar). */
export function hasRestartableInitContainer(pod: Pod): boolean {
  for (const container of asArray(pod.spec?.initContainers)) {
    if (container.restartPolicy === "Always") return true;
  }
  return false;
}

/**
 * Whether two pods have the same inputs to {@link computePodRequests} and
 * {@link computeNonZeroPodRequests} (containers, init containers, overhead), so one's
 * requests are the other's.
 */
export function sameRequestInputs(first: Pod, second: Pod): boolean {
  const left = first.spec;
  const right = second.spec;
  return (
    sameJson(left?.containers, right?.containers) &&
    sameJson(left?.initContainers, right?.initContainers) &&
    sameJson(left?.overhead, right?.overhead)
  );
}

/**
 * A {@link PodInfo} for `pod` that takes the requests of `previous` (a PodInfo of an
 * earlier version of the pod) when {@link sameRequestInputs} says they cannot differ,
 * and computes them otherwise. Requests are read-only, so sharing them is safe.
 */
export function updatedPodInfo(pod: Pod, previous: PodInfo | undefined): PodInfo {
  if (previous === undefined) return podInfoOf(pod);
  if (!sameRequestInputs(previous.pod, pod)) return createPodInfo(pod);
  return { pod, requests: previous.requests, nonZeroRequests: previous.nonZeroRequests };
}

// A pod's requests are asked for by PreFilter, PreScore (twice) and the cache on assume:
// computed once per pod object. Pod objects are treated as immutable (an update arrives as
// a new object, with its own entry), and requests are read-only.
const podInfos = new WeakMap<Pod, PodInfo>();

/**
 * The {@link PodInfo} of `pod` ({@link createPodInfo}, default options), computed once per
 * pod object. The pod must not be mutated afterwards; its requests are read-only.
 */
export function podInfoOf(pod: Pod): PodInfo {
  let podInfo = podInfos.get(pod);
  if (podInfo === undefined) {
    podInfo = createPodInfo(pod);
    podInfos.set(pod, podInfo);
  }
  return podInfo;
}

/**
 * Remembers that `derived` has the requests of `source`: for a copy of `source` that
 * shares its containers, init containers and overhead (e.g. the assumed pod, which only
 * adds `spec.nodeName`), so they cannot differ.
 */
export function sharePodRequests(derived: Pod, source: Pod): void {
  if (podInfos.has(derived)) return;
  const { requests, nonZeroRequests } = podInfoOf(source);
  podInfos.set(derived, { pod: derived, requests, nonZeroRequests });
}

/**
 * A {@link PodInfo}: the pod with its requests and non-zero requests computed once.
 * The non-zero requests share the scalar map of the requests (both are read-only).
 */
export function createPodInfo(pod: Pod): PodInfo {
  const requests = computePodRequests(pod);
  const nonZero = computeNonZeroPodRequests(pod);
  const nonZeroRequests: Resource = {
    milliCpu: nonZero.milliCpu,
    memory: nonZero.memory,
    ephemeralStorage: requests.ephemeralStorage,
    allowedPodNumber: requests.allowedPodNumber,
    scalarResources: requests.scalarResources,
  };
  return { pod, requests, nonZeroRequests };
}

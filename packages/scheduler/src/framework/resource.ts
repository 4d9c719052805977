import { isQualifiedName, parseQuantity, type Quantity } from "@kubesim/core";
import type { Resource } from "./types.js";

/** Resource names with a field of their own in {@link Resource}. */
export const resourceNames = Object.freeze({
  cpu: "cpu",
  memory: "memory",
  ephemeralStorage: "ephemeral-storage",
  pods: "pods",
});

const defaultNamespacePrefix = "kubernetes.io/";
const requestsPrefix = "requests.";
const hugePagesPrefix = "hugepages-";
const attachableVolumesPrefix = "attachable-volumes-";

// Resource names are few per cluster; remember the answer of the qualified-name check,
// but bound the memo so untrusted manifests cannot grow it without limit.
const extendedNameMemo = new Map<string, boolean>();
const extendedNameMemoLimit = 4096;

/** An empty resource: every amount 0, no scalar resources. */
export function createResource(): Resource {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalarResources: new Map() };
}

/** A deep copy (the scalar map is copied too). */
export function cloneResource(resource: Resource): Resource {
  return {
    milliCpu: resource.milliCpu,
    memory: resource.memory,
    ephemeralStorage: resource.ephemeralStorage,
    allowedPodNumber: resource.allowedPodNumber,
    scalarResources: new Map(resource.scalarResources),
  };
}

/**
 * Adds `source` into `target` field by field. A zero scalar amount never creates an
 * entry, so a sum built in any order has the same keys.
 */
export function addResource(target: Resource, source: Resource): void {
  target.milliCpu += source.milliCpu;
  target.memory += source.memory;
  target.ephemeralStorage += source.ephemeralStorage;
  target.allowedPodNumber += source.allowedPodNumber;
  for (const [name, amount] of source.scalarResources) {
    const current = target.scalarResources.get(name);
    if (current === undefined) {
      if (amount !== 0) target.scalarResources.set(name, amount);
    } else {
      target.scalarResources.set(name, current + amount);
    }
  }
}

/**
 * Subtracts `source` from `target` field by field. A scalar that drops to exactly 0 is
 * removed, so adding then removing a pod leaves the same keys as never adding it.
 */
export function subtractResource(target: Resource, source: Resource): void {
  target.milliCpu -= source.milliCpu;
  target.memory -= source.memory;
  target.ephemeralStorage -= source.ephemeralStorage;
  target.allowedPodNumber -= source.allowedPodNumber;
  for (const [name, amount] of source.scalarResources) {
    const next = (target.scalarResources.get(name) ?? 0) - amount;
    if (next === 0) target.scalarResources.delete(name);
    else target.scalarResources.set(name, next);
  }
}

/** True when every amount is 0 and there are no scalar entries (upstream's "empty request" test). */
export function isZeroRequest(resource: Resource): boolean {
  return (
    resource.milliCpu === 0 &&
    resource.memory === 0 &&
    resource.ephemeralStorage === 0 &&
    resource.scalarResources.size === 0
  );
}

/**
 * Parses one quantity of a resource list; `undefined` when it is not a valid quantity
 * (manifests are untrusted: a bad value counts as nothing rather than failing a cycle).
 */
export function parseResourceQuantity(value: unknown): Quantity | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  try {
    return parseQuantity(value);
  } catch {
    return undefined;
  }
}

/** `quantity.milliValue()` as a number; 0 when it cannot be represented. */
export function quantityMilliNumber(quantity: Quantity): number {
  try {
    return Number(quantity.milliValue());
  } catch {
    return 0;
  }
}

/** `quantity.value()` (rounded away from zero) as a number; 0 when it cannot be represented. */
export function quantityNumber(quantity: Quantity): number {
  try {
    return Number(quantity.value());
  } catch {
    return 0;
  }
}

/**
 * Adds one named quantity to a resource with upstream `Resource.Add` semantics: `cpu` in
 * millicores, `memory`/`ephemeral-storage` in bytes, `pods` into `allowedPodNumber`, scalar
 * resource names (see {@link isScalarResourceName}) into `scalarResources`, anything else
 * ignored.
 */
export function addNamedQuantity(target: Resource, name: string, quantity: Quantity | undefined): void {
  switch (name) {
    case resourceNames.cpu:
      target.milliCpu += quantity === undefined ? 0 : quantityMilliNumber(quantity);
      return;
    case resourceNames.memory:
      target.memory += quantity === undefined ? 0 : quantityNumber(quantity);
      return;
    case resourceNames.ephemeralStorage:
      target.ephemeralStorage += quantity === undefined ? 0 : quantityNumber(quantity);
      return;
    case resourceNames.pods:
      target.allowedPodNumber += quantity === undefined ? 0 : quantityNumber(quantity);
      return;
    default:
      if (isScalarResourceName(name)) {
        const amount = quantity === undefined ? 0 : quantityNumber(quantity);
        target.scalarResources.set(name, (target.scalarResources.get(name) ?? 0) + amount);
      }
  }
}

/**
 * A resource list (`status.allocatable`, `resources.requests`, `overhead`) as a
 * {@link Resource}, as upstream's `framework.NewResource`. Unparsable quantities count as
 * 0; this never throws.
 *
 * @example
 * resourceFromList({ cpu: "1500m", memory: "1Gi", pods: "110", "nvidia.com/gpu": "2" });
 * // => { milliCpu: 1500, memory: 1073741824, ephemeralStorage: 0, allowedPodNumber: 110,
 * //      scalarResources: Map { "nvidia.com/gpu" => 2 } }
 */
export function resourceFromList(
  resourceList: Readonly<Record<string, string | number>> | undefined,
): Resource {
  const resource = createResource();
  if (resourceList === undefined || resourceList === null || typeof resourceList !== "object")
    return resource;
  for (const name of Object.keys(resourceList)) {
    addNamedQuantity(resource, name, parseResourceQuantity(resourceList[name]));
  }
  return resource;
}

/** Upstream `IsPrefixedNativeResource`: the name contains `kubernetes.io/`. */
export function isPrefixedNativeResource(name: string): boolean {
  return name.includes(defaultNamespacePrefix);
}

/** Upstream `IsNativeResource`: no `/` in the name, or in the `kubernetes.io/` namespace. */
export function isNativeResource(name: string): boolean {
  return !name.includes("/") || isPrefixedNativeResource(name);
}

/**
 * Upstream `IsExtendedResourceName`: not native, not `requests.`-prefixed, and
 * `requests.<name>` is a qualified name (e.g. `nvidia.com/gpu`, `example.com/foo`).
 */
export function isExtendedResourceName(name: string): boolean {
  const known = extendedNameMemo.get(name);
  if (known !== undefined) return known;
  const extended =
    !isNativeResource(name) &&
    !name.startsWith(requestsPrefix) &&
    isQualifiedName(`${requestsPrefix}${name}`).length === 0;
  if (extendedNameMemo.size >= extendedNameMemoLimit) extendedNameMemo.clear();
  extendedNameMemo.set(name, extended);
  return extended;
}

/** Upstream `IsHugePageResourceName`: `hugepages-*`. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith(hugePagesPrefix);
}

/** Upstream `IsAttachableVolumeResourceName`: `attachable-volumes-*`. */
export function isAttachableVolumeResourceName(name: string): boolean {
  return name.startsWith(attachableVolumesPrefix);
}

/**
 * Upstream `schedutil.IsScalarResourceName`: extended, hugepages, `kubernetes.io/`-prefixed
 * native, or attachable-volume resources — the names {@link Resource.scalarResources} holds.
 */
export function isScalarResourceName(name: string): boolean {
  return (
    isExtendedResourceName(name) ||
    isHugePageResourceName(name) ||
    isPrefixedNativeResource(name) ||
    isAttachableVolumeResourceName(name)
  );
}

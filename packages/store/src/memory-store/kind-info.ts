import {
  findResourceByKind,
  type GroupKind,
  type GroupResource,
  type ResourceInfo,
  StatusError,
  StatusReason,
} from "@kubesim/core";

/** What the store needs to know about a kind: its resource and upstream's registry strategy. */
export interface KindInfo {
  readonly kind: string;
  readonly resource: ResourceInfo;
  /** For NotFound, AlreadyExists and Conflict messages: `daemonsets.apps`. */
  readonly groupResource: GroupResource;
  /** For Invalid messages: `DaemonSet.apps`. */
  readonly groupKind: GroupKind;
  readonly namespaced: boolean;
  /** The kind has a `status` subresource: main updates keep the stored status. */
  readonly hasStatus: boolean;
  /** An update of a missing object creates it (upstream's `AllowCreateOnUpdate`). */
  readonly allowCreateOnUpdate: boolean;
  /** A spec change bumps `metadata.generation` (the strategy's PrepareForUpdate does so). */
  readonly generationTracksSpec: boolean;
  /** The etcd key prefix, for the storage errors upstream puts in some messages. */
  readonly storagePrefix: string;
}

// Upstream's etcd paths differ from the plural for two resources.
const storagePrefixes: ReadonlyMap<string, string> = new Map([
  ["nodes", "minions"],
  ["services", "services/specs"],
]);

const createOnUpdateKinds: ReadonlySet<string> = new Set(["Event", "Service", "Lease"]);
const generationKinds: ReadonlySet<string> = new Set(["DaemonSet", "Deployment", "ReplicaSet"]);

const cache = new Map<string, KindInfo>();

function describeKind(resource: ResourceInfo): KindInfo {
  return Object.freeze({
    kind: resource.kind,
    resource,
    groupResource: { group: resource.group, resource: resource.plural },
    groupKind: { group: resource.group, kind: resource.kind },
    namespaced: resource.namespaced,
    hasStatus: resource.subresources.includes("status"),
    allowCreateOnUpdate: createOnUpdateKinds.has(resource.kind),
    generationTracksSpec: generationKinds.has(resource.kind),
    storagePrefix: storagePrefixes.get(resource.plural) ?? resource.plural,
  });
}

/** The answer of the API server for a resource it does not serve (404, reason NotFound). */
export function createUnknownResourceError(): StatusError {
  return new StatusError({
    message: "the server could not find the requested resource",
    reason: StatusReason.NotFound,
    code: 404,
    details: {},
  });
}

/**
 * The store's description of a kind (`"Pod"`, `"DaemonSet"`).
 *
 * @throws StatusError 404 `the server could not find the requested resource` for a kind
 *   kubesim does not serve.
 */
export function resolveKind(kind: unknown): KindInfo {
  if (typeof kind !== "string") throw createUnknownResourceError();
  const known = cache.get(kind);
  if (known !== undefined) return known;
  const resource = findResourceByKind(kind);
  if (resource === undefined) throw createUnknownResourceError();
  const info = describeKind(resource);
  cache.set(kind, info);
  return info;
}

/** The etcd key upstream would use, e.g. `/registry/pods/default/web`. */
export function storageKey(info: KindInfo, namespace: string, name: string): string {
  return info.namespaced
    ? `/registry/${info.storagePrefix}/${namespace}/${name}`
    : `/registry/${info.storagePrefix}/${name}`;
}

/** The store's map key: `namespace/name` for namespaced kinds, `name` otherwise (etcd key order). */
export function objectKey(info: KindInfo, namespace: string, name: string): string {
  return info.namespaced ? `${namespace}/${name}` : name;
}

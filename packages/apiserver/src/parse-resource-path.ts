import { type ResourceInfo, resourceTable } from "@kubesim/core";

/** A request path resolved to a resource of core's table. */
export interface ResourcePath {
  readonly info: ResourceInfo;
  /** The namespace in the URL (`/namespaces/{ns}/...`); absent for cluster-wide paths. */
  readonly namespace?: string;
  /** The object name; absent for collections. */
  readonly name?: string;
  /** The subresource (`status`, `binding`, `eviction`, ...), only with a name. */
  readonly subresource?: string;
}

// One lookup per request: `${apiVersion}/${plural}` → resource.
const byGroupVersionResource = new Map(
  resourceTable.map((info) => [`${info.apiVersion}/${info.plural}`, info]),
);

/** The group-version a path prefix names: `["api","v1"]` → `v1`, `["apis","apps","v1"]` → `apps/v1`. */
export function groupVersionOf(
  segments: readonly string[],
): { groupVersion: string; rest: readonly string[] } | undefined {
  if (segments[0] === "api" && segments[1] !== undefined) {
    return { groupVersion: segments[1], rest: segments.slice(2) };
  }
  if (segments[0] === "apis" && segments[1] !== undefined && segments[2] !== undefined) {
    return { groupVersion: `${segments[1]}/${segments[2]}`, rest: segments.slice(3) };
  }
  return undefined;
}

/**
 * Resolves the segments after a group-version (`["namespaces","default","pods","web"]`)
 * to a resource path, or `undefined` when nothing kubesim serves lives there. Cluster-scoped
 * kinds are never addressed under a namespace; `namespaces/{name}/status` is the Namespace's
 * own subresource.
 */
export function parseResourcePath(groupVersion: string, rest: readonly string[]): ResourcePath | undefined {
  const [first, second, third, fourth, fifth, sixth] = rest;
  if (first === undefined || sixth !== undefined) return undefined;
  if (first === "namespaces" && second !== undefined && third !== undefined) {
    const namespaced = byGroupVersionResource.get(`${groupVersion}/${third}`);
    if (namespaced?.namespaced === true) {
      return withParts(namespaced, second, fourth, fifth);
    }
  }
  if (fifth !== undefined) return undefined;
  const info = byGroupVersionResource.get(`${groupVersion}/${first}`);
  if (info === undefined || fourth !== undefined) return undefined;
  if (second === undefined) return { info };
  // A namespaced object is only addressed under its namespace.
  if (info.namespaced) return undefined;
  return withParts(info, undefined, second, third);
}

function withParts(
  info: ResourceInfo,
  namespace: string | undefined,
  name: string | undefined,
  subresource: string | undefined,
): ResourcePath | undefined {
  if (subresource !== undefined && !info.subresources.includes(subresource)) return undefined;
  const path: { info: ResourceInfo; namespace?: string; name?: string; subresource?: string } = { info };
  if (namespace !== undefined) path.namespace = namespace;
  if (name !== undefined) path.name = name;
  if (subresource !== undefined) path.subresource = subresource;
  return path;
}

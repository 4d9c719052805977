import { type ResourceInfo, resourceTable } from "@kubesim/core";
import { describeSubresource, resourceVerbsOf } from "./discovery.js";

/** Which half of aggregated discovery: `/api` (the core group) or `/apis` (every named group). */
export type DiscoveryRoot = "api" | "apis";

function responseKind(group: string, version: string, kind: string): object {
  return { group, version, kind };
}

function resourceDiscovery(info: ResourceInfo): object {
  const entry: Record<string, unknown> = {
    resource: info.plural,
    responseKind: responseKind(info.group, info.version, info.kind),
    scope: info.namespaced ? "Namespaced" : "Cluster",
    singularResource: info.singular,
    verbs: resourceVerbsOf(info),
  };
  if (info.shortNames.length > 0) entry.shortNames = info.shortNames;
  if (info.categories.length > 0) entry.categories = info.categories;
  if (info.subresources.length > 0) {
    entry.subresources = info.subresources.map((subresource) => {
      const described = describeSubresource(info, subresource);
      return {
        subresource,
        responseKind: responseKind(described.group, described.version, described.kind),
        verbs: described.verbs,
      };
    });
  }
  return entry;
}

/** The groups of a discovery root with their versions and resources, in resource-table order. */
function groupsOf(root: DiscoveryRoot): Map<string, Map<string, ResourceInfo[]>> {
  const groups = new Map<string, Map<string, ResourceInfo[]>>();
  for (const info of resourceTable) {
    if ((root === "api") !== (info.group === "")) continue;
    const versions = groups.get(info.group) ?? new Map<string, ResourceInfo[]>();
    const resources = versions.get(info.version) ?? [];
    resources.push(info);
    versions.set(info.version, resources);
    groups.set(info.group, versions);
  }
  return groups;
}

/**
 * The aggregated discovery document (`APIGroupDiscoveryList`) of `/api` or `/apis`, built
 * from core's resource table: for each group its versions, for each version its
 * resources with `responseKind`, `scope`, `singularResource`, `verbs`, `shortNames`,
 * `categories` (`all`, which `kubectl get all` needs) and subresources. The core group
 * item has no name, as upstream serves it.
 *
 * @param apiVersion - `apidiscovery.k8s.io/v2` (or `v2beta1`, the same shape).
 */
export function aggregatedDiscoveryBody(root: DiscoveryRoot, apiVersion: string): object {
  const items = [...groupsOf(root)].map(([group, versions]) => ({
    metadata: group === "" ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
    versions: [...versions].map(([version, resources]) => ({
      version,
      resources: resources.map(resourceDiscovery),
      freshness: "Current",
    })),
  }));
  return { kind: "APIGroupDiscoveryList", apiVersion, metadata: {}, items };
}

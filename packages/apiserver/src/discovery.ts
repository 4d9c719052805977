import { type ResourceInfo, resourceTable } from "@kubesim/core";

/** The version `/version` reports: kubectl's dispatcher picks its binary from `minor`, so it must be 1.32. */
export const serverVersion = Object.freeze({
  major: "1",
  minor: "32",
  gitVersion: "v1.32.4",
  gitCommit: "0000000000000000000000000000000000000000",
  gitTreeState: "clean",
  buildDate: "2025-04-22T16:03:58Z",
  goVersion: "go1.23.8",
  compiler: "gc",
  platform: "linux/amd64",
});

const resourceVerbs: readonly string[] = [
  "create",
  "delete",
  "deletecollection",
  "get",
  "list",
  "patch",
  "update",
  "watch",
];
// Namespaces are the one served kind without `deletecollection`, as upstream.
const namespaceVerbs: readonly string[] = resourceVerbs.filter((verb) => verb !== "deletecollection");
const subresourceVerbs: readonly string[] = ["get", "patch", "update"];

/** The verbs discovery lists for a resource (as upstream: namespaces have no `deletecollection`). */
export function resourceVerbsOf(info: ResourceInfo): readonly string[] {
  return info.kind === "Namespace" ? namespaceVerbs : resourceVerbs;
}

/** What discovery says of a subresource: the kind it answers with and its verbs. */
export interface SubresourceDescription {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly verbs: readonly string[];
}

/**
 * The kind and verbs of a subresource: `eviction` answers `policy/v1` Eviction and
 * `binding` `v1` Binding (create only), `finalize` takes update only, the others
 * (`status`) are the resource's own kind with get, patch and update.
 */
export function describeSubresource(info: ResourceInfo, subresource: string): SubresourceDescription {
  if (subresource === "eviction")
    return { group: "policy", version: "v1", kind: "Eviction", verbs: ["create"] };
  if (subresource === "binding") return { group: "", version: "v1", kind: "Binding", verbs: ["create"] };
  const verbs = subresource === "finalize" ? ["update"] : subresourceVerbs;
  return { group: info.group, version: info.version, kind: info.kind, verbs };
}

/** The API groups served besides the core group, in table order. */
function servedGroups(): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const info of resourceTable) {
    if (info.group === "") continue;
    const versions = groups.get(info.group) ?? [];
    if (!versions.includes(info.version)) versions.push(info.version);
    groups.set(info.group, versions);
  }
  return groups;
}

/** The legacy `/api` answer (`APIVersions`); `serverAddress` is the address the client reached. */
export function apiVersionsBody(serverAddress: string): object {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

/** The legacy `/apis` answer (`APIGroupList`). */
export function apiGroupListBody(): object {
  const groups = [...servedGroups()].map(([name, versions]) => {
    const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
    return { name, versions: entries, preferredVersion: entries[0] };
  });
  return { kind: "APIGroupList", apiVersion: "v1", groups };
}

function resourceEntries(info: ResourceInfo): object[] {
  const main: Record<string, unknown> = {
    name: info.plural,
    singularName: info.singular,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: resourceVerbsOf(info),
  };
  if (info.shortNames.length > 0) main.shortNames = info.shortNames;
  if (info.categories.length > 0) main.categories = info.categories;
  const entries: object[] = [main];
  for (const subresource of info.subresources) {
    const described = describeSubresource(info, subresource);
    const entry: Record<string, unknown> = {
      name: `${info.plural}/${subresource}`,
      singularName: "",
      namespaced: info.namespaced,
    };
    // drain looks for the eviction entry, with its policy/v1 group and version, to decide it can evict.
    if (described.group !== info.group || described.version !== info.version) {
      entry.group = described.group;
      entry.version = described.version;
    }
    entry.kind = described.kind;
    entry.verbs = described.verbs;
    entries.push(entry);
  }
  return entries;
}

/**
 * The legacy `APIResourceList` of a group-version (`"v1"`, `"apps/v1"`), or `undefined`
 * when kubesim serves no resource there.
 */
export function apiResourceListBody(groupVersion: string): object | undefined {
  const infos = resourceTable.filter((info) => info.apiVersion === groupVersion);
  if (infos.length === 0) return undefined;
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion,
    resources: infos.flatMap(resourceEntries),
  };
}

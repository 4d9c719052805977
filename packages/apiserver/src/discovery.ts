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

const resourceVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const subresourceVerbs = ["get", "patch", "update"];

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
    verbs: resourceVerbs,
  };
  if (info.shortNames.length > 0) main.shortNames = info.shortNames;
  if (info.categories.length > 0) main.categories = info.categories;
  const entries: object[] = [main];
  for (const subresource of info.subresources) {
    if (subresource === "eviction") {
      // drain looks for this entry, with its policy/v1 group and version, to decide it can evict.
      entries.push({
        name: `${info.plural}/eviction`,
        singularName: "",
        namespaced: info.namespaced,
        group: "policy",
        version: "v1",
        kind: "Eviction",
        verbs: ["create"],
      });
    } else if (subresource === "binding") {
      entries.push({
        name: `${info.plural}/binding`,
        singularName: "",
        namespaced: info.namespaced,
        kind: "Binding",
        verbs: ["create"],
      });
    } else {
      const verbs = subresource === "finalize" ? ["update"] : subresourceVerbs;
      entries.push({
        name: `${info.plural}/${subresource}`,
        singularName: "",
        namespaced: info.namespaced,
        kind: info.kind,
        verbs,
      });
    }
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

/**
 * The kinds kubesim serves, described once. The CLI (`get ds`), the store and the API
 * server (discovery) all read this table.
 */

/** One API resource kubesim knows, with the names kubectl resolves. */
export interface ResourceInfo {
  /** `v1` for the core group, `apps/v1` for apps. */
  readonly apiVersion: string;
  /** `""` for the core group. */
  readonly group: string;
  readonly version: string;
  /** The kind as it appears in objects, e.g. `DaemonSet`. */
  readonly kind: string;
  /** The lower-case plural used in URLs, e.g. `daemonsets`. */
  readonly plural: string;
  /** The lower-case singular, e.g. `daemonset`. */
  readonly singular: string;
  /** Short names kubectl accepts, e.g. `["ds"]`. */
  readonly shortNames: readonly string[];
  /** True when objects live in a namespace. */
  readonly namespaced: boolean;
  /** Categories such as `all` (`kubectl get all`). */
  readonly categories: readonly string[];
  /**
   * True for kinds kubesim stores and lists but does not simulate (no controller acts
   * on them): deployments, replicasets, services, leases.
   */
  readonly listOnly: boolean;
  /** The subresources served besides the main resource. */
  readonly subresources: readonly string[];
}

function resource(
  entry: Omit<ResourceInfo, "apiVersion" | "listOnly" | "subresources"> &
    Partial<Pick<ResourceInfo, "listOnly" | "subresources">>,
): ResourceInfo {
  return Object.freeze({
    apiVersion: entry.group === "" ? entry.version : `${entry.group}/${entry.version}`,
    listOnly: false,
    subresources: [],
    ...entry,
  });
}

/** Every resource kubesim knows, in the order discovery lists them. */
export const resourceTable: readonly ResourceInfo[] = Object.freeze([
  resource({
    group: "",
    version: "v1",
    kind: "Namespace",
    plural: "namespaces",
    singular: "namespace",
    shortNames: ["ns"],
    namespaced: false,
    categories: [],
    subresources: ["status", "finalize"],
  }),
  resource({
    group: "",
    version: "v1",
    kind: "Node",
    plural: "nodes",
    singular: "node",
    shortNames: ["no"],
    namespaced: false,
    categories: [],
    subresources: ["status"],
  }),
  resource({
    group: "",
    version: "v1",
    kind: "Pod",
    plural: "pods",
    singular: "pod",
    shortNames: ["po"],
    namespaced: true,
    categories: ["all"],
    subresources: ["status", "binding", "eviction"],
  }),
  resource({
    group: "",
    version: "v1",
    kind: "Event",
    plural: "events",
    singular: "event",
    shortNames: ["ev"],
    namespaced: true,
    categories: [],
  }),
  resource({
    group: "",
    version: "v1",
    kind: "Service",
    plural: "services",
    singular: "service",
    shortNames: ["svc"],
    namespaced: true,
    categories: ["all"],
    listOnly: true,
    subresources: ["status"],
  }),
  resource({
    group: "apps",
    version: "v1",
    kind: "DaemonSet",
    plural: "daemonsets",
    singular: "daemonset",
    shortNames: ["ds"],
    namespaced: true,
    categories: ["all"],
    subresources: ["status"],
  }),
  resource({
    group: "apps",
    version: "v1",
    kind: "ControllerRevision",
    plural: "controllerrevisions",
    singular: "controllerrevision",
    shortNames: [],
    namespaced: true,
    categories: [],
  }),
  resource({
    group: "apps",
    version: "v1",
    kind: "Deployment",
    plural: "deployments",
    singular: "deployment",
    shortNames: ["deploy"],
    namespaced: true,
    categories: ["all"],
    listOnly: true,
    subresources: ["status"],
  }),
  resource({
    group: "apps",
    version: "v1",
    kind: "ReplicaSet",
    plural: "replicasets",
    singular: "replicaset",
    shortNames: ["rs"],
    namespaced: true,
    categories: ["all"],
    listOnly: true,
    subresources: ["status"],
  }),
  resource({
    group: "coordination.k8s.io",
    version: "v1",
    kind: "Lease",
    plural: "leases",
    singular: "lease",
    shortNames: [],
    namespaced: true,
    categories: [],
    listOnly: true,
  }),
]);

const byKind = new Map(resourceTable.map((info) => [info.kind, info]));
const byGroupVersionKind = new Map(resourceTable.map((info) => [`${info.apiVersion}/${info.kind}`, info]));

/** The resource of a kind (`"DaemonSet"`), or `undefined` when kubesim does not know it. */
export function findResourceByKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/**
 * The resource of an object's `apiVersion` + `kind` (`"apps/v1"`, `"DaemonSet"`), or
 * `undefined` when that pair is not served (for example `extensions/v1beta1` DaemonSets).
 */
export function findResourceByApiVersionKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return byGroupVersionKind.get(`${apiVersion}/${kind}`);
}

/**
 * Resolves what a user typed on the command line (`ds`, `daemonset`, `daemonsets`,
 * `daemonsets.apps`, `DaemonSet`) as kubectl's REST mapper does, case-insensitively.
 * Returns `undefined` when nothing matches.
 */
export function findResource(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf(".");
  const bare = dot === -1 ? lower : lower.slice(0, dot);
  const group = dot === -1 ? undefined : lower.slice(dot + 1);
  for (const info of resourceTable) {
    if (group !== undefined && info.group !== group && `${info.version}.${info.group}` !== group) continue;
    if (
      info.plural === bare ||
      info.singular === bare ||
      info.kind.toLowerCase() === bare ||
      info.shortNames.includes(bare)
    ) {
      return info;
    }
  }
  return undefined;
}

/** The resources in a category, e.g. `all` → pods, services, daemonsets, deployments, replicasets. */
export function findResourcesInCategory(category: string): readonly ResourceInfo[] {
  return resourceTable.filter((info) => info.categories.includes(category));
}

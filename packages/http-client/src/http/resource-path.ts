import {
  createBadRequestError,
  findResourceByKind,
  type GroupResource,
  type ResourceInfo,
  StatusError,
  StatusReason,
} from "@kubesim/core";

/** The namespace a namespaced request without one addresses, as the store and kubectl's default context do. */
export const defaultNamespace = "default";

/**
 * The answer for a kind that is not in core's resource table: the same 404 the API
 * server gives for a resource it does not serve (and the memory store for an unknown kind).
 */
export function createUnknownKindError(): StatusError {
  return new StatusError({
    message: "the server could not find the requested resource",
    reason: StatusReason.NotFound,
    code: 404,
    details: {},
  });
}

/** client-go's `IsValidPathSegmentName`: the reasons a name cannot be one URL path segment. */
function pathSegmentProblems(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  const problems: string[] = [];
  for (const illegal of ["/", "%"]) {
    if (name.includes(illegal)) problems.push(`may not contain '${illegal}'`);
  }
  return problems;
}

/**
 * Checks a name or namespace before it goes into a URL, as client-go's request builder
 * does (`invalid resource name "a/b": [may not contain '/']`).
 *
 * @throws StatusError BadRequest for a name that is not a single path segment.
 */
function checkSegment(what: "resource name" | "namespace", value: string): void {
  const problems = pathSegmentProblems(value);
  if (problems.length > 0) {
    throw createBadRequestError(`invalid ${what} ${JSON.stringify(value)}: [${problems.join(", ")}]`);
  }
}

/** One resource kind's URLs on an API server (`/apis/apps/v1/namespaces/ns/daemonsets/name`). */
export class ResourcePath {
  /** The resource table entry. */
  readonly info: ResourceInfo;
  /** For synthesised error messages: `{ group: "apps", resource: "daemonsets" }`. */
  readonly groupResource: GroupResource;
  readonly #prefix: string;

  constructor(info: ResourceInfo) {
    this.info = info;
    this.groupResource = { group: info.group, resource: info.plural };
    this.#prefix = info.group === "" ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
  }

  /**
   * The namespace a request addresses: the given one, `default` when a namespaced kind is
   * given none (as the memory store does), and none for cluster-scoped kinds.
   */
  namespaceFor(namespace: unknown): string | undefined {
    if (!this.info.namespaced) return undefined;
    return typeof namespace === "string" && namespace !== "" ? namespace : defaultNamespace;
  }

  /**
   * The collection URL: all namespaces when `namespace` is undefined (or the kind is
   * cluster-scoped).
   *
   * @throws StatusError BadRequest for a namespace that is not a single path segment.
   */
  collection(namespace: string | undefined): string {
    const plural = `/${this.info.plural}`;
    if (namespace === undefined || !this.info.namespaced) return this.#prefix + plural;
    checkSegment("namespace", namespace);
    return `${this.#prefix}/namespaces/${encodeURIComponent(namespace)}${plural}`;
  }

  /**
   * One object's URL, optionally a subresource of it (`status`, `binding`, `eviction`).
   *
   * @throws StatusError BadRequest `resource name may not be empty` (as client-go and the
   *   store) or for a name that is not a single path segment.
   */
  item(namespace: string | undefined, name: unknown, subresource?: string): string {
    if (typeof name !== "string" || name === "") {
      throw createBadRequestError("resource name may not be empty");
    }
    checkSegment("resource name", name);
    const base = `${this.collection(namespace)}/${encodeURIComponent(name)}`;
    return subresource === undefined ? base : `${base}/${subresource}`;
  }
}

const paths = new Map<string, ResourcePath>();

/**
 * The URLs of a kind (`"DaemonSet"`) from core's resource table.
 *
 * @throws StatusError 404 `the server could not find the requested resource` for a kind
 *   the table does not hold.
 */
export function resourcePathOf(kind: unknown): ResourcePath {
  if (typeof kind !== "string") throw createUnknownKindError();
  const known = paths.get(kind);
  if (known !== undefined) return known;
  const info = findResourceByKind(kind);
  if (info === undefined) throw createUnknownKindError();
  const path = new ResourcePath(info);
  paths.set(kind, path);
  return path;
}

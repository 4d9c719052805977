import { createBadRequestError, type KubeObject, type ListResult } from "@kubesim/core";
import { type ContinueToken, decodeContinueToken, encodeContinueToken } from "./list-continue-token.js";
import type { KeyedObject, ListSnapshots } from "./list-snapshots.js";
import type { ResourcePath } from "./parse-resource-path.js";
import { integerParameter } from "./query-parameters.js";

/** The paging a list request asks for (`limit`, `continue`). */
export interface ListPaging {
  /** At most this many items; `undefined` for the whole (rest of the) list. */
  readonly limit: number | undefined;
  /** Where the previous page ended; `undefined` for a first page. */
  readonly token: ContinueToken | undefined;
}

/** A list's `metadata` (`ListMeta`), in upstream's field order. */
export interface ListPageMetadata {
  readonly resourceVersion: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

/** One page of a list, with the metadata to answer it with. */
export interface ListPage<T> {
  readonly items: T[];
  readonly metadata: ListPageMetadata;
}

/**
 * Reads `limit`, `continue` and `resourceVersion` of a list request as kube-apiserver does:
 * a `limit` of 0 or less asks for everything; `resourceVersion=0` without `continue` is
 * served whole (upstream answers it from the watch cache, which does not page); a
 * `continue` token must decode, and comes with no `resourceVersion` but `0`.
 *
 * @throws StatusError 400 for a `limit` that is not an integer, a malformed token, or a
 *   token with a `resourceVersion`, with upstream's messages.
 */
export function parseListPaging(query: URLSearchParams): ListPaging {
  const limit = integerParameter(query, "limit");
  const continueValue = query.get("continue") ?? "";
  const resourceVersion = query.get("resourceVersion") ?? "";
  let token: ContinueToken | undefined;
  if (continueValue !== "") {
    token = decodeContinueToken(continueValue);
    if (resourceVersion !== "" && resourceVersion !== "0") {
      throw createBadRequestError("specifying resource version is not allowed when using continue");
    }
  }
  const paged = limit !== undefined && limit > 0 && (token !== undefined || resourceVersion !== "0");
  return { limit: paged ? limit : undefined, token };
}

/**
 * An object's key relative to the list's prefix, as upstream's tokens hold it: `name`, or
 * `namespace/name` when a namespaced kind is listed across namespaces.
 */
export function listKeyOf(path: ResourcePath, object: KubeObject): string {
  const metadata = object.metadata ?? {};
  const name = metadata.name ?? "";
  return path.info.namespaced && path.namespace === undefined ? `${metadata.namespace ?? ""}/${name}` : name;
}

/**
 * Cuts the page a request asked for out of a whole list (in etcd key order, as the memory
 * store lists; sorted here if a client's order differs): the items from the token's start
 * key on, at most `limit` of them, and `metadata.continue` when more remain.
 * `remainingItemCount` is only given when `unfiltered` (no label or field selector), as
 * upstream, which cannot count matches it has not read. With `snapshot` (the sorted list
 * the first page was cut from, see {@link ListSnapshots}) a continuation reads that
 * snapshot, as upstream reads etcd at the token's revision; without it, the current list.
 * Either way it reports, and passes on, the first page's resourceVersion, as upstream. The
 * answer's `keyed` is the sorted list used, for the caller to keep.
 */
export function pageOfList<T extends KubeObject>(
  path: ResourcePath,
  result: ListResult<T>,
  paging: ListPaging,
  unfiltered: boolean,
  snapshot?: readonly KeyedObject[],
): ListPage<T> & { readonly keyed?: readonly KeyedObject[] } {
  const { limit, token } = paging;
  const snapshotVersion =
    token !== undefined && token.resourceVersion > 0 ? token.resourceVersion : undefined;
  const resourceVersion = snapshotVersion === undefined ? result.resourceVersion : String(snapshotVersion);
  if (limit === undefined && token === undefined)
    return { items: result.items, metadata: { resourceVersion } };
  const keyed = snapshot ?? sortedByKey(path, result.items);
  const from = token === undefined ? 0 : firstAtOrAfter(keyed, token.startKey);
  const rest = keyed.length - from;
  if (limit === undefined || rest <= limit) {
    return {
      items: keyed.slice(from).map((entry) => entry.object as T),
      metadata: { resourceVersion },
      keyed,
    };
  }
  const page = keyed.slice(from, from + limit);
  const lastKey = (page[page.length - 1] as KeyedObject).key;
  const firstPageVersion = snapshotVersion ?? Number(result.resourceVersion);
  const next = encodeContinueToken({
    // -1 (upstream's "latest") if a client's resourceVersion is not a positive integer.
    resourceVersion: Number.isSafeInteger(firstPageVersion) && firstPageVersion > 0 ? firstPageVersion : -1,
    startKey: `${lastKey}\u0000`,
  });
  const metadata: ListPageMetadata = unfiltered
    ? { resourceVersion, continue: next, remainingItemCount: rest - limit }
    : { resourceVersion, continue: next };
  return { items: page.map((entry) => entry.object as T), metadata, keyed };
}

/** The objects with their list keys, in key order (the store's order already, as a rule). */
function sortedByKey(path: ResourcePath, items: readonly KubeObject[]): KeyedObject[] {
  const keyed = items.map((object) => ({ key: listKeyOf(path, object), object }));
  if (!keyed.every((entry, index) => index === 0 || (keyed[index - 1] as KeyedObject).key < entry.key)) {
    keyed.sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
  }
  return keyed;
}

/** The index of the first entry whose key is >= `start` (binary search). */
function firstAtOrAfter(keyed: readonly KeyedObject[], start: string): number {
  let low = 0;
  let high = keyed.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keyed[middle] as KeyedObject).key < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

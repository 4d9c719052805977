import {
  type ApiClient,
  type DeleteOptions,
  type KubeObject,
  type ListOptions,
  StatusError,
} from "@kubesim/core";
import { type ListPaging, pageOfList } from "./list-page.js";
import type { ResourcePath } from "./parse-resource-path.js";

/** What a collection DELETE needs besides the client: what to list and how to delete. */
export interface DeleteCollectionRequest {
  readonly path: ResourcePath;
  /** Namespace and selectors (the namespace of the path, never across namespaces). */
  readonly list: ListOptions;
  readonly paging: ListPaging;
  /** The DeleteOptions every object is deleted with. */
  readonly deleteOptions: DeleteOptions;
}

/**
 * kube-apiserver's `deletecollection`: lists what the selectors match (one page with
 * `limit`), deletes each object in list order through `client.delete` with the same
 * DeleteOptions (objects already gone are skipped, as upstream), and answers the list as
 * it was read — `<Kind>List`, with `metadata.continue` when a `limit` left some out.
 * Not atomic, as upstream: the first failure ends the request with its Status, the
 * objects before it stay deleted.
 */
export async function deleteCollection(client: ApiClient, request: DeleteCollectionRequest): Promise<object> {
  const { path, list, paging, deleteOptions } = request;
  const { info } = path;
  const result = await client.list(info.kind, { ...list, sharedObjects: true });
  const unfiltered = list.labelSelector === undefined && list.fieldSelector === undefined;
  const page = pageOfList(
    path,
    result as { items: KubeObject[]; resourceVersion: string },
    paging,
    unfiltered,
  );
  for (const object of page.items) {
    const metadata = object.metadata ?? {};
    const options: DeleteOptions =
      metadata.namespace === undefined ? deleteOptions : { ...deleteOptions, namespace: metadata.namespace };
    try {
      await client.delete(info.kind, metadata.name ?? "", options);
    } catch (error) {
      if (!(StatusError.isInstance(error) && error.status.code === 404)) throw error;
    }
  }
  return {
    kind: `${info.kind}List`,
    apiVersion: info.apiVersion,
    metadata: page.metadata,
    items: page.items,
  };
}

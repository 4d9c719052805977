import { type KubeObject, KubesimError, type ResourceInfo } from "@kubesim/core";
import type { KubectlContext } from "../kubectl-context.js";
import { continueOnErrorResult, newErrorList } from "./kubectl-errors.js";
import type { ObjectInfo } from "./object-info.js";
import type { ResourceRequest } from "./resource-arguments.js";

/** How {@link visitResourceRequest} reads the objects it visits. */
export interface VisitResourcesOptions {
  /** GET each named object first (kubectl's `Latest`/`RequireObject`); NotFound is then that object's error. */
  readonly fetch: boolean;
  /** `-A/--all-namespaces`: selectors list every namespace. */
  readonly allNamespaces?: boolean;
}

function metadataString(object: KubeObject, key: "name" | "namespace"): string {
  const value = object.metadata?.[key];
  return typeof value === "string" ? value : "";
}

function namedInfo(
  context: Pick<KubectlContext, "namespace">,
  resource: ResourceInfo,
  name: string,
  allNamespaces: boolean,
): ObjectInfo {
  if (resource.namespaced && allNamespaces) {
    throw new KubesimError("a resource cannot be retrieved by name across all namespaces");
  }
  return { resource, name, namespace: resource.namespaced ? context.namespace : "", source: "" };
}

/**
 * Visits what a {@link ResourceRequest} selects, as kubectl's builder with
 * `ContinueOnError` does: named objects in command-line order (fetched first when
 * `fetch`), or every object a selector matches, type by type. An error fetching or
 * visiting one object is kept and the others are still visited; a failed list is reported
 * after them. Returns the error to print, or `undefined`.
 */
export async function visitResourceRequest(
  context: Pick<KubectlContext, "client" | "namespace">,
  request: ResourceRequest,
  options: VisitResourcesOptions,
  visit: (info: ObjectInfo) => Promise<void>,
): Promise<unknown> {
  const allNamespaces = options.allNamespaces === true;
  const visitErrors: unknown[] = [];
  const listErrors: unknown[] = [];
  const visitOne = async (info: ObjectInfo): Promise<void> => {
    try {
      let full = info;
      if (options.fetch && info.object === undefined) {
        const object = await context.client.get(info.resource.kind, info.name, {
          namespace: info.namespace,
        });
        full = { ...info, object };
      }
      await visit(full);
    } catch (error) {
      visitErrors.push(error);
    }
  };

  if (request.type === "selector") {
    for (const resource of request.resources) {
      let items: KubeObject[];
      try {
        const listed = await context.client.list(resource.kind, {
          ...(resource.namespaced && !allNamespaces ? { namespace: context.namespace } : {}),
          ...(request.labelSelector === "" ? {} : { labelSelector: request.labelSelector }),
          ...(request.fieldSelector === "" ? {} : { fieldSelector: request.fieldSelector }),
        });
        items = listed.items;
      } catch (error) {
        listErrors.push(error);
        continue;
      }
      for (const object of items) {
        await visitOne({
          resource,
          name: metadataString(object, "name"),
          namespace: metadataString(object, "namespace"),
          source: "",
          object,
        });
      }
    }
  } else {
    let infos: ObjectInfo[];
    try {
      infos =
        request.type === "tuples"
          ? request.tuples.map((tuple) => namedInfo(context, tuple.resource, tuple.name, allNamespaces))
          : request.names.map((name) => namedInfo(context, request.resource, name, allNamespaces));
    } catch (error) {
      return error;
    }
    for (const info of infos) await visitOne(info);
  }
  const listList = newErrorList(listErrors);
  return continueOnErrorResult(listList === undefined ? visitErrors : [...visitErrors, listList]);
}

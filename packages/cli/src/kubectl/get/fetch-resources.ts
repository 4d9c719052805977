/**
 * Fetches what `get` asked for, going on after errors as kubectl does (`ContinueOnError`):
 * one list per resource type, or one get per name, in argument order.
 */
import {
  type ApiClient,
  goQuote,
  isNotFound,
  type KubeObject,
  type ResourceInfo,
  StatusError,
} from "@kubesim/core";
import { commandError } from "./command-errors.js";
import type { ResourceRequest } from "./resource-request.js";

/** The answer to one request: a list (any number of objects) or one named object. */
export interface FetchedResult {
  readonly resource: ResourceInfo;
  readonly objects: readonly KubeObject[];
  /** The list's resourceVersion, or the object's for a get by name. */
  readonly resourceVersion: string;
}

/** Everything fetched, and the errors met on the way (in order). */
export interface FetchOutcome {
  readonly results: readonly FetchedResult[];
  readonly errors: readonly unknown[];
}

/** Where and how to fetch. */
export interface FetchScope {
  /** The namespace for namespaced resources (ignored with `allNamespaces`). */
  readonly namespace: string;
  readonly allNamespaces: boolean;
  /** The label selector sent with lists (`""` selects everything). */
  readonly labelSelector: string;
  readonly fieldSelector: string;
  /** `--ignore-not-found`: NotFound errors are dropped. */
  readonly ignoreNotFound: boolean;
}

/**
 * kubectl's `EnhanceListError`: a BadRequest or NotFound answer to a list names the
 * resource (`"apps/v1, Resource=daemonsets"`) and the selectors that were sent.
 */
function enhanceListError(error: unknown, resource: ResourceInfo, scope: FetchScope): unknown {
  if (!StatusError.isInstance(error)) return error;
  const { reason, message, code, details } = error.status;
  if (reason !== "BadRequest" && reason !== "NotFound") return error;
  const subject = goQuote(`${resource.group}/${resource.version}, Resource=${resource.plural}`);
  const enhanced =
    scope.labelSelector === "" && scope.fieldSelector === ""
      ? `Unable to list ${subject}: ${message}`
      : `Unable to find ${subject} that match label selector ${goQuote(scope.labelSelector)}, field selector ${goQuote(scope.fieldSelector)}: ${message}`;
  return new StatusError({ reason, code, message: enhanced, ...(details === undefined ? {} : { details }) });
}

/** Objects as the API server sends them: every one carries its apiVersion and kind. */
function withTypeMeta(object: KubeObject, resource: ResourceInfo): KubeObject {
  if (object.apiVersion !== undefined && object.kind !== undefined) return object;
  return { ...object, apiVersion: resource.apiVersion, kind: resource.kind };
}

function namespaceFor(resource: ResourceInfo, scope: FetchScope): string | undefined {
  return resource.namespaced && !scope.allNamespaces ? scope.namespace : undefined;
}

/** Runs the request against the API and collects results and errors. */
export async function fetchResources(
  client: ApiClient,
  request: ResourceRequest,
  scope: FetchScope,
): Promise<FetchOutcome> {
  const results: FetchedResult[] = [];
  const errors: unknown[] = [];
  const keep = (error: unknown): void => {
    if (!(scope.ignoreNotFound && isNotFound(error))) errors.push(error);
  };
  if (request.mode === "list") {
    for (const resource of request.resources) {
      const namespace = namespaceFor(resource, scope);
      try {
        const list = await client.list(resource.kind, {
          ...(namespace === undefined ? {} : { namespace }),
          ...(scope.labelSelector === "" ? {} : { labelSelector: scope.labelSelector }),
          ...(scope.fieldSelector === "" ? {} : { fieldSelector: scope.fieldSelector }),
        });
        results.push({
          resource,
          objects: list.items.map((item) => withTypeMeta(item, resource)),
          resourceVersion: list.resourceVersion,
        });
      } catch (error) {
        keep(enhanceListError(error, resource, scope));
      }
    }
    return { results, errors };
  }
  for (const { resource, name } of request.targets) {
    if (name === "") {
      keep(commandError("resource name may not be empty"));
      continue;
    }
    const namespace = namespaceFor(resource, scope);
    try {
      const object = await client.get(resource.kind, name, namespace === undefined ? {} : { namespace });
      results.push({
        resource,
        objects: [withTypeMeta(object, resource)],
        resourceVersion: object.metadata?.resourceVersion ?? "",
      });
    } catch (error) {
      keep(error);
    }
  }
  return { results, errors };
}

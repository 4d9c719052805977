import {
  type ApiClient,
  createBadRequestError,
  type DeleteOptions,
  type KubeObject,
  type ListOptions,
  type PropagationPolicy,
} from "@kubesim/core";
import type { ResourcePath } from "./parse-resource-path.js";

/** What a resource handler answers: an HTTP code and a JSON body. */
export interface JsonReply {
  readonly code: number;
  readonly body: unknown;
}

/** The parts of a request a resource handler reads. */
export interface ResourceRequest {
  readonly method: string;
  readonly path: ResourcePath;
  readonly query: URLSearchParams;
  /** The parsed JSON body, `undefined` when empty. */
  readonly body: Record<string, unknown> | undefined;
}

const propagationPolicies: readonly string[] = ["Background", "Foreground", "Orphan"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks a body against the URL it was sent to, filling in what the URL implies
 * (`apiVersion`, `kind`, `metadata.namespace`), as kube-apiserver does.
 */
function objectForPath(request: ResourceRequest): KubeObject {
  const { body, path } = request;
  const { info } = path;
  if (body === undefined) throw createBadRequestError("the request body is empty: an object is required");
  const apiVersion = Object.hasOwn(body, "apiVersion") ? body.apiVersion : info.apiVersion;
  const kind = Object.hasOwn(body, "kind") ? body.kind : info.kind;
  if (apiVersion !== info.apiVersion || kind !== info.kind) {
    throw createBadRequestError(
      `the object provided is unrecognized (must be of type ${info.kind}): ${String(kind)} in version ${JSON.stringify(String(apiVersion))}`,
    );
  }
  const metadata = Object.hasOwn(body, "metadata") ? body.metadata : {};
  if (!isRecord(metadata)) throw createBadRequestError("metadata must be an object");
  const copy: Record<string, unknown> = { ...metadata };
  if (path.namespace !== undefined) {
    const namespace = Object.hasOwn(metadata, "namespace") ? metadata.namespace : undefined;
    if (namespace !== undefined && namespace !== "" && namespace !== path.namespace) {
      throw createBadRequestError(
        "the namespace of the provided object does not match the namespace sent on the request",
      );
    }
    copy.namespace = path.namespace;
  }
  if (path.name !== undefined) {
    const name = Object.hasOwn(metadata, "name") ? metadata.name : undefined;
    if (name !== path.name) {
      throw createBadRequestError(
        `the name of the object (${String(name ?? "")}) does not match the name on the URL (${path.name})`,
      );
    }
  }
  return { ...body, apiVersion: info.apiVersion, kind: info.kind, metadata: copy } as KubeObject;
}

function listOptions(path: ResourcePath, query: URLSearchParams): ListOptions {
  const options: { namespace?: string; labelSelector?: string; fieldSelector?: string } = {};
  if (path.namespace !== undefined) options.namespace = path.namespace;
  const labelSelector = query.get("labelSelector");
  if (labelSelector !== null && labelSelector !== "") options.labelSelector = labelSelector;
  const fieldSelector = query.get("fieldSelector");
  if (fieldSelector !== null && fieldSelector !== "") options.fieldSelector = fieldSelector;
  return options;
}

function parsePropagationPolicy(value: unknown): PropagationPolicy | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string" && propagationPolicies.includes(value)) return value as PropagationPolicy;
  throw createBadRequestError(
    `propagationPolicy: Unsupported value: ${JSON.stringify(String(value))}: supported values: "Foreground", "Background", "Orphan"`,
  );
}

function parseGracePeriod(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "string" ? Number(value) : value;
  if (typeof number === "number" && Number.isSafeInteger(number) && number >= 0) return number;
  throw createBadRequestError(`gracePeriodSeconds: Invalid value: ${JSON.stringify(value)}: must be >= 0`);
}

/** DeleteOptions from the body (kubectl sends `{"propagationPolicy":"Background"}`) and the query. */
function deleteOptions(request: ResourceRequest): DeleteOptions {
  const { body, path, query } = request;
  const fromBody = (key: string): unknown =>
    body !== undefined && Object.hasOwn(body, key) ? body[key] : undefined;
  const options: {
    namespace?: string;
    propagationPolicy?: PropagationPolicy;
    gracePeriodSeconds?: number;
    preconditions?: { uid?: string; resourceVersion?: string };
  } = {};
  if (path.namespace !== undefined) options.namespace = path.namespace;
  const policy = parsePropagationPolicy(query.get("propagationPolicy") ?? fromBody("propagationPolicy"));
  if (policy !== undefined) options.propagationPolicy = policy;
  const grace = parseGracePeriod(query.get("gracePeriodSeconds") ?? fromBody("gracePeriodSeconds"));
  if (grace !== undefined) options.gracePeriodSeconds = grace;
  const preconditions = fromBody("preconditions");
  if (isRecord(preconditions)) {
    const uid = Object.hasOwn(preconditions, "uid") ? preconditions.uid : undefined;
    const resourceVersion = Object.hasOwn(preconditions, "resourceVersion")
      ? preconditions.resourceVersion
      : undefined;
    const checks: { uid?: string; resourceVersion?: string } = {};
    if (typeof uid === "string") checks.uid = uid;
    if (typeof resourceVersion === "string") checks.resourceVersion = resourceVersion;
    options.preconditions = checks;
  }
  return options;
}

/**
 * The answer to a DELETE: pods, and objects whose deletion is still pending, come back as
 * the object; other kinds as a Success Status naming what was deleted (kube-apiserver's choice).
 */
function deleteReply(path: ResourcePath, deleted: KubeObject): JsonReply {
  const metadata = deleted.metadata ?? {};
  if (path.info.kind === "Pod" || metadata.deletionTimestamp !== undefined)
    return { code: 200, body: deleted };
  const details: Record<string, unknown> = { name: metadata.name ?? path.name };
  if (path.info.group !== "") details.group = path.info.group;
  details.kind = path.info.plural;
  if (metadata.uid !== undefined) details.uid = metadata.uid;
  return { code: 200, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details } };
}

/**
 * Serves one resource request over `client`, or returns `undefined` when the method does
 * not apply to the path (the caller answers 405). Rejects with the client's StatusErrors.
 */
export async function serveResource(
  client: ApiClient,
  request: ResourceRequest,
): Promise<JsonReply | undefined> {
  const { method, path, query } = request;
  const { info } = path;
  const scope = path.namespace === undefined ? {} : { namespace: path.namespace };
  if (path.name === undefined) {
    if (method === "GET") {
      // TODO(issue 10): watch=true, Table responses.
      if (query.get("watch") === "true" || query.get("watch") === "1") return undefined;
      const result = await client.list(info.kind, listOptions(path, query));
      const body = {
        kind: `${info.kind}List`,
        apiVersion: info.apiVersion,
        metadata: { resourceVersion: result.resourceVersion },
        items: result.items,
      };
      return { code: 200, body };
    }
    if (method === "POST") {
      if (info.namespaced && path.namespace === undefined) return undefined;
      return { code: 201, body: await client.create(objectForPath(request)) };
    }
    return undefined;
  }
  if (path.subresource === undefined) {
    if (method === "GET") return { code: 200, body: await client.get(info.kind, path.name, scope) };
    if (method === "PUT") return { code: 200, body: await client.update(objectForPath(request)) };
    if (method === "DELETE") {
      return deleteReply(path, await client.delete(info.kind, path.name, deleteOptions(request)));
    }
    return undefined;
  }
  if (path.subresource === "status") {
    if (method === "GET") return { code: 200, body: await client.get(info.kind, path.name, scope) };
    if (method === "PUT") return { code: 200, body: await client.updateStatus(objectForPath(request)) };
  }
  // TODO(issue 10): binding, eviction, finalize.
  return undefined;
}

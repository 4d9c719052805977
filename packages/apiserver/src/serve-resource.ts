import {
  type ApiClient,
  type Binding,
  type Clock,
  createBadRequestError,
  type DeleteOptions,
  type Eviction,
  type KubeObject,
  type ListOptions,
  type ListResult,
  type Namespace,
  type PatchOptions,
  type PatchType,
  type PropagationPolicy,
  type WriteOptions,
} from "@kubesim/core";
import {
  checkApplyFields,
  checkObjectFields,
  checkPatchFields,
  type FieldValidationDirective,
  parseFieldValidation,
  type WriteOptionsKind,
} from "./check-unknown-fields.js";
import { deleteCollection } from "./delete-collection.js";
import { managerOrUserAgent } from "./field-manager.js";
import { pageOfList, parseListPaging } from "./list-page.js";
import { type ListSnapshots, listSnapshotKey } from "./list-snapshots.js";
import type { ResourceRendering } from "./media-type.js";
import type { ResourcePath } from "./parse-resource-path.js";
import { decodePatchBody, patchTypeOf } from "./patch-request.js";
import { booleanParameter, dryRunParameter, dryRunValues } from "./query-parameters.js";
import { parseJsonObject } from "./read-body.js";
import { parseIncludeObject, tableBody } from "./table-response.js";

/** What a resource handler answers: an HTTP code, a JSON body and its extras. */
export interface JsonReply {
  readonly code: number;
  readonly body: unknown;
  /** The Content-Type when not `application/json` (Tables, aggregated discovery). */
  readonly contentType?: string;
  /** `Warning` header texts (unknown fields under `fieldValidation=Warn`). */
  readonly warnings?: readonly string[];
}

/** The parts of a request a resource handler reads. */
export interface ResourceRequest {
  readonly method: string;
  readonly path: ResourcePath;
  readonly query: URLSearchParams;
  /** The raw body, `undefined` for methods without one. */
  readonly body: Buffer | undefined;
  readonly rendering: ResourceRendering;
  readonly contentType: string | undefined;
  readonly userAgent: string | undefined;
}

/** What every handler works against. */
export interface ResourceContext {
  readonly client: ApiClient;
  readonly clock: Clock;
  /** The lists behind recent first pages, for their `continue` tokens. */
  readonly listSnapshots?: ListSnapshots;
}

const propagationPolicies: readonly string[] = ["Background", "Foreground", "Orphan"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownValue(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The request body as a JSON object (400 when it is not one; `undefined` when empty). */
function jsonBody(request: ResourceRequest): Record<string, unknown> | undefined {
  return request.body === undefined ? undefined : parseJsonObject(request.body);
}

/**
 * Checks a body against the URL it was sent to, filling in what the URL implies
 * (`apiVersion`, `kind`, `metadata.namespace`), as kube-apiserver does.
 */
function objectForPath(path: ResourcePath, body: Record<string, unknown> | undefined): KubeObject {
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
    const namespace = ownValue(metadata, "namespace");
    if (namespace !== undefined && namespace !== "" && namespace !== path.namespace) {
      throw createBadRequestError(
        "the namespace of the provided object does not match the namespace sent on the request",
      );
    }
    copy.namespace = path.namespace;
  }
  if (path.name !== undefined) {
    const name = ownValue(metadata, "name");
    if (name !== path.name) {
      throw createBadRequestError(
        `the name of the object (${String(name ?? "")}) does not match the name on the URL (${path.name})`,
      );
    }
  }
  return { ...body, apiVersion: info.apiVersion, kind: info.kind, metadata: copy } as KubeObject;
}

/** Namespace and selectors of a list or watch, from the path and query. */
export function listOptions(path: ResourcePath, query: URLSearchParams): ListOptions {
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

/**
 * Refuses `dryRun` where the client has no dry run (pods/binding: `ApiClient.bind` takes
 * no options). Create, update, patch and delete pass it on; evictions carry it in their
 * `deleteOptions`.
 */
function refuseDryRun(query: URLSearchParams): void {
  if (dryRunParameter(query)) {
    throw createBadRequestError("dryRun=All is not supported by kubesim: the request was not applied");
  }
}

/** DeleteOptions from the body (kubectl sends `{"propagationPolicy":"Background"}`) and the query. */
function deleteOptions(
  path: ResourcePath,
  query: URLSearchParams,
  body: Record<string, unknown> | undefined,
): { options: DeleteOptions; orphanDependents: boolean | undefined } {
  const options: {
    namespace?: string;
    propagationPolicy?: PropagationPolicy;
    gracePeriodSeconds?: number;
    preconditions?: { uid?: string; resourceVersion?: string };
    dryRun?: boolean;
  } = {};
  if (path.namespace !== undefined) options.namespace = path.namespace;
  const bodyDryRun = ownValue(body, "dryRun");
  if (dryRunParameter(query) || (Array.isArray(bodyDryRun) && dryRunValues(bodyDryRun)))
    options.dryRun = true;
  const policy = parsePropagationPolicy(
    query.get("propagationPolicy") ?? ownValue(body, "propagationPolicy"),
  );
  const orphanValue = ownValue(body, "orphanDependents") ?? booleanParameter(query, "orphanDependents");
  const orphanDependents = typeof orphanValue === "boolean" ? orphanValue : undefined;
  if (policy !== undefined && orphanDependents !== undefined) {
    throw createBadRequestError(
      `propagationPolicy: Invalid value: ${JSON.stringify(policy)}: orphanDependents and deletionPropagation cannot be both set`,
    );
  }
  // The deprecated orphanDependents maps onto the policies it predates.
  const effective =
    policy ?? (orphanDependents === undefined ? undefined : orphanDependents ? "Orphan" : "Background");
  if (effective !== undefined) options.propagationPolicy = effective;
  const grace = parseGracePeriod(query.get("gracePeriodSeconds") ?? ownValue(body, "gracePeriodSeconds"));
  if (grace !== undefined) options.gracePeriodSeconds = grace;
  const preconditions = ownValue(body, "preconditions");
  if (isRecord(preconditions)) {
    const uid = ownValue(preconditions, "uid");
    const resourceVersion = ownValue(preconditions, "resourceVersion");
    const checks: { uid?: string; resourceVersion?: string } = {};
    if (typeof uid === "string") checks.uid = uid;
    if (typeof resourceVersion === "string") checks.resourceVersion = resourceVersion;
    options.preconditions = checks;
  }
  return { options, orphanDependents };
}

/**
 * The answer to a DELETE: pods, and objects whose deletion is still pending, come back as
 * the object; other kinds as a Success Status naming what was deleted (kube-apiserver's
 * choice). 202 only where upstream sends it: deletion pending and `orphanDependents: false`.
 */
function deleteReply(
  path: ResourcePath,
  deleted: KubeObject,
  orphanDependents: boolean | undefined,
): JsonReply {
  const metadata = deleted.metadata ?? {};
  const pending = metadata.deletionTimestamp !== undefined;
  if (path.info.kind === "Pod" || pending) {
    return { code: pending && orphanDependents === false ? 202 : 200, body: deleted };
  }
  const details: Record<string, unknown> = { name: metadata.name ?? path.name };
  if (path.info.group !== "") details.group = path.info.group;
  details.kind = path.info.plural;
  if (metadata.uid !== undefined) details.uid = metadata.uid;
  return { code: 200, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details } };
}

/** The Success Status upstream answers a created `binding` or `eviction` with. */
const createdStatus = Object.freeze({
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Success",
  code: 201,
});

function tableReply(
  request: ResourceRequest,
  context: ResourceContext,
  objects: readonly KubeObject[],
  resourceVersion: string | undefined,
): JsonReply | undefined {
  const { rendering } = request;
  if (rendering.kind !== "table") return undefined;
  const body = tableBody(request.path.info.kind, objects, {
    apiVersion: rendering.apiVersion,
    includeObject: parseIncludeObject(request.query.get("includeObject")),
    now: new Date(context.clock.now()),
    resourceVersion,
  });
  return {
    code: 200,
    body,
    contentType: `application/json;as=Table;v=${rendering.apiVersion.split("/")[1]};g=meta.k8s.io`,
  };
}

/** fieldManager (or the User-Agent's) and fieldValidation of a POST or PUT. */
function writeParameters(
  request: ResourceRequest,
  optionsKind: WriteOptionsKind,
): { options: WriteOptions; directive: FieldValidationDirective } {
  const directive = parseFieldValidation(request.query.get("fieldValidation"), optionsKind);
  const dryRun = dryRunParameter(request.query);
  const manager = managerOrUserAgent(request.query.get("fieldManager"), request.userAgent);
  const options = manager === undefined ? {} : { fieldManager: manager };
  return { options: dryRun ? { ...options, dryRun } : options, directive };
}

async function serveCollection(
  request: ResourceRequest,
  context: ResourceContext,
): Promise<JsonReply | undefined> {
  const { method, path, query } = request;
  const { info } = path;
  if (method === "GET") {
    const paging = parseListPaging(query);
    const selection = listOptions(path, query);
    const unfiltered = selection.labelSelector === undefined && selection.fieldSelector === undefined;
    const { listSnapshots } = context;
    const now = context.clock.now();
    const token = paging.token;
    const snapshot =
      token === undefined || listSnapshots === undefined
        ? undefined
        : listSnapshots.get(listSnapshotKey(info.kind, selection, String(token.resourceVersion)), now);
    // A continuation of a kept list needs no new list. Otherwise the answer is only
    // serialized, never changed: shared frozen objects spare a deep copy each.
    const result =
      snapshot !== undefined && token !== undefined
        ? { items: [], resourceVersion: String(token.resourceVersion) }
        : await context.client.list(info.kind, { ...selection, sharedObjects: true });
    const page = pageOfList(path, result as ListResult<KubeObject>, paging, unfiltered, snapshot);
    if (listSnapshots !== undefined && page.metadata.continue !== undefined && page.keyed !== undefined) {
      listSnapshots.set(
        listSnapshotKey(info.kind, selection, page.metadata.resourceVersion),
        page.keyed,
        now,
      );
    }
    const table = tableReply(request, context, page.items, page.metadata.resourceVersion);
    if (table !== undefined)
      return { ...table, body: { ...(table.body as object), metadata: page.metadata } };
    const body = {
      kind: `${info.kind}List`,
      apiVersion: info.apiVersion,
      metadata: page.metadata,
      items: page.items,
    };
    return { code: 200, body };
  }
  if (method === "DELETE") {
    // deletecollection: only under a namespace for namespaced kinds, never for namespaces (as upstream).
    if ((info.namespaced && path.namespace === undefined) || info.kind === "Namespace") return undefined;
    const paging = parseListPaging(query);
    // Upstream reads a deletecollection's DeleteOptions from the body, and `dryRun` from the query too.
    const dryRunQuery = new URLSearchParams(
      query.getAll("dryRun").map((value): [string, string] => ["dryRun", value]),
    );
    const { options } = deleteOptions(path, dryRunQuery, jsonBody(request));
    const collection = { path, list: listOptions(path, query), paging, deleteOptions: options };
    return { code: 200, body: await deleteCollection(context.client, collection) };
  }
  if (method === "POST") {
    if (info.namespaced && path.namespace === undefined) return undefined;
    const { options, directive } = writeParameters(request, "CreateOptions");
    const { warnings, object } = checkObjectFields(info, jsonBody(request), directive);
    const created = await context.client.create(objectForPath(path, object), options);
    return { code: 201, body: created, warnings };
  }
  return undefined;
}

/** A client that can tell whether a server-side apply created the object (the memory store). */
interface PatchOutcomeClient {
  patchWithOutcome(
    kind: string,
    name: string,
    patch: unknown,
    options: PatchOptions,
  ): Promise<{ object: unknown; created: boolean }>;
}

function hasPatchOutcome(client: ApiClient): client is ApiClient & PatchOutcomeClient {
  return typeof (client as Partial<PatchOutcomeClient>).patchWithOutcome === "function";
}

async function servePatch(
  request: ResourceRequest,
  context: ResourceContext,
  name: string,
): Promise<JsonReply> {
  const { path, query } = request;
  const { info } = path;
  const type: PatchType = patchTypeOf(request.contentType);
  const directive = parseFieldValidation(query.get("fieldValidation"), "PatchOptions");
  const dryRun = dryRunParameter(query);
  const patch = decodePatchBody(type, request.body ?? Buffer.alloc(0));
  const options: {
    namespace?: string;
    type: PatchType;
    fieldManager?: string;
    force?: boolean;
    dryRun?: boolean;
  } = { type };
  if (dryRun) options.dryRun = true;
  if (path.namespace !== undefined) options.namespace = path.namespace;
  // Apply needs an explicit manager (422 from the client otherwise); other patches fall back on the User-Agent.
  const fieldManager =
    type === "apply"
      ? (query.get("fieldManager") ?? undefined)
      : managerOrUserAgent(query.get("fieldManager"), request.userAgent);
  if (fieldManager !== undefined && fieldManager !== "") options.fieldManager = fieldManager;
  const force = booleanParameter(query, "force");
  if (force !== undefined) options.force = force;
  let warnings: string[] = [];
  let checked = patch;
  if (type === "apply") checkApplyFields(info, patch);
  else ({ warnings, object: checked } = checkPatchFields(info, type, patch, directive));
  if (type === "apply" && hasPatchOutcome(context.client)) {
    const outcome = await context.client.patchWithOutcome(info.kind, name, checked, options);
    return { code: outcome.created ? 201 : 200, body: outcome.object, warnings };
  }
  return { code: 200, body: await context.client.patch(info.kind, name, checked, options), warnings };
}

async function serveObject(
  request: ResourceRequest,
  context: ResourceContext,
  name: string,
): Promise<JsonReply | undefined> {
  const { method, path, query } = request;
  const { info } = path;
  const scope = path.namespace === undefined ? {} : { namespace: path.namespace };
  if (method === "GET") {
    const object = (await context.client.get(info.kind, name, scope)) as KubeObject;
    return (
      tableReply(request, context, [object], object.metadata?.resourceVersion) ?? { code: 200, body: object }
    );
  }
  if (method === "PUT") {
    const { options, directive } = writeParameters(request, "UpdateOptions");
    const { warnings, object } = checkObjectFields(info, jsonBody(request), directive);
    return { code: 200, body: await context.client.update(objectForPath(path, object), options), warnings };
  }
  if (method === "PATCH") return servePatch(request, context, name);
  if (method === "DELETE") {
    const { options, orphanDependents } = deleteOptions(path, query, jsonBody(request));
    const deleted = (await context.client.delete(info.kind, name, options)) as KubeObject;
    return deleteReply(path, deleted, orphanDependents);
  }
  return undefined;
}

/** Checks a subresource body's kind and fills in the URL's namespace, as upstream decodes it. */
function subresourceBody(
  path: ResourcePath,
  name: string,
  kind: string,
  apiVersions: readonly string[],
  body: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (body === undefined) throw createBadRequestError("the request body is empty: an object is required");
  const bodyKind = ownValue(body, "kind") ?? kind;
  const apiVersion = ownValue(body, "apiVersion") ?? apiVersions[0];
  if (bodyKind !== kind || typeof apiVersion !== "string" || !apiVersions.includes(apiVersion)) {
    throw createBadRequestError(
      `the object provided is unrecognized (must be of type ${kind}): ${String(bodyKind)} in version ${JSON.stringify(String(apiVersion))}`,
    );
  }
  const metadata = ownValue(body, "metadata") ?? {};
  if (!isRecord(metadata)) throw createBadRequestError("metadata must be an object");
  const namespace = ownValue(metadata, "namespace");
  if (namespace !== undefined && namespace !== "" && namespace !== path.namespace) {
    throw createBadRequestError(
      "the namespace of the provided object does not match the namespace sent on the request",
    );
  }
  const bodyName = ownValue(metadata, "name");
  if (bodyName !== name) {
    throw createBadRequestError(`name in URL does not match name in ${kind} object`);
  }
  return { ...body, apiVersion, kind, metadata: { ...metadata, namespace: path.namespace } };
}

/** A client with the `namespaces/finalize` subresource (the memory store has one; ApiClient does not). */
interface FinalizeClient {
  finalizeNamespace(namespace: Namespace): Promise<Namespace>;
}

function hasFinalize(client: ApiClient): client is ApiClient & FinalizeClient {
  return typeof (client as Partial<FinalizeClient>).finalizeNamespace === "function";
}

async function serveSubresource(
  request: ResourceRequest,
  context: ResourceContext,
  name: string,
  subresource: string,
): Promise<JsonReply | undefined> {
  const { method, path } = request;
  const { info } = path;
  const { client } = context;
  if (subresource === "status") {
    if (method === "GET") {
      const scope = path.namespace === undefined ? {} : { namespace: path.namespace };
      const object = (await client.get(info.kind, name, scope)) as KubeObject;
      return (
        tableReply(request, context, [object], object.metadata?.resourceVersion) ?? {
          code: 200,
          body: object,
        }
      );
    }
    if (method === "PUT") {
      const { options, directive } = writeParameters(request, "UpdateOptions");
      const { warnings, object } = checkObjectFields(info, jsonBody(request), directive);
      return { code: 200, body: await client.updateStatus(objectForPath(path, object), options), warnings };
    }
    return undefined;
  }
  if (method === "POST" && subresource === "binding") {
    refuseDryRun(request.query);
    const binding = subresourceBody(path, name, "Binding", ["v1"], jsonBody(request));
    await client.bind(binding as unknown as Binding);
    return { code: 201, body: createdStatus };
  }
  if (method === "POST" && subresource === "eviction") {
    const eviction = subresourceBody(
      path,
      name,
      "Eviction",
      ["policy/v1", "policy/v1beta1"],
      jsonBody(request),
    );
    // `?dryRun=All` (CreateOptions) is a dry run too, like `deleteOptions.dryRun`.
    const dryRun = request.query.getAll("dryRun").includes("All");
    const options = ownValue(eviction, "deleteOptions");
    const deleteOptionsBody = isRecord(options) ? { ...options } : {};
    if (dryRun) deleteOptionsBody.dryRun = ["All"];
    await client.evict({ ...eviction, deleteOptions: deleteOptionsBody } as Eviction);
    return { code: 201, body: createdStatus };
  }
  if (method === "PUT" && subresource === "finalize" && hasFinalize(client)) {
    const namespace = objectForPath(path, jsonBody(request)) as Namespace;
    return { code: 200, body: await client.finalizeNamespace(namespace) };
  }
  return undefined;
}

/**
 * Serves one resource request over the context's client, or returns `undefined` when the
 * method does not apply to the path (the caller answers 405). Rejects with the client's
 * StatusErrors and with 400/415/422 Statuses for bad requests. Watches are served by
 * `serveWatch`, not here.
 */
export async function serveResource(
  request: ResourceRequest,
  context: ResourceContext,
): Promise<JsonReply | undefined> {
  const { path } = request;
  if (path.name === undefined) return serveCollection(request, context);
  if (path.subresource === undefined) return serveObject(request, context, path.name);
  return serveSubresource(request, context, path.name, path.subresource);
}

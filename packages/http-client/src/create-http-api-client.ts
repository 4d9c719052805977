import {
  type ApiClient,
  type Binding,
  createBadRequestError,
  type DeleteOptions,
  type Eviction,
  type GetOptions,
  isConflict,
  type KubeObject,
  KubesimError,
  type ListOptions,
  type ListResult,
  type ObjectOfKind,
  type PatchOptions,
  type PatchType,
  StatusError,
  StatusReason,
  type Watch,
  type WatchOptions,
  type WriteOptions,
} from "@kubesim/core";
import { HttpTransport, type JsonResponse, type TransportRequest } from "./http/http-transport.js";
import { type ResourcePath, resourcePathOf } from "./http/resource-path.js";
import {
  createMalformedResponseError,
  failureStatusOf,
  statusErrorFromStatus,
} from "./http/response-error.js";
import { defaultUserAgent } from "./version.js";
import { HttpWatch } from "./watch/http-watch.js";

/** Options of {@link createHttpApiClient}. Everything but `server` is optional. */
export interface HttpApiClientOptions {
  /**
   * The API server: `https://host:6443`, `http://127.0.0.1:8080`, or with a path prefix
   * (kept). Without a scheme, https when TLS material is given, else http (as client-go).
   */
  readonly server: string;
  /** A bearer token, sent as `Authorization: Bearer <token>`. */
  readonly token?: string | undefined;
  /** PEM certificate authorities to trust instead of Node's defaults. */
  readonly ca?: string | Buffer | undefined;
  /** PEM client certificate for mutual TLS, with `key`. */
  readonly cert?: string | Buffer | undefined;
  /** PEM private key of `cert`. */
  readonly key?: string | Buffer | undefined;
  /** Accept any server certificate (kubeconfig `insecure-skip-tls-verify`). */
  readonly insecureSkipTlsVerify?: boolean | undefined;
  /** The `User-Agent` header (default `kubesim/<version>`). */
  readonly userAgent?: string | undefined;
  /** The `fieldManager` of writes that do not name one in their options. */
  readonly fieldManager?: string | undefined;
  /** Fail a request with 504 Timeout after this many milliseconds (watches: until their headers arrive). */
  readonly timeoutMs?: number | undefined;
  /**
   * Sent as `timeoutSeconds` on watch requests, so the server ends each stream after that
   * long and the watch re-opens it transparently (client-go's informers use 5–10 minutes).
   * Omitted: the server's own limit.
   */
  readonly watchTimeoutSeconds?: number | undefined;
}

/** An {@link ApiClient} over HTTP, plus what a connection needs. */
export interface HttpApiClient extends ApiClient {
  /** The server's URL as requests use it. */
  readonly server: string;
  /** Closes the kept-alive sockets; requests and watches still open are aborted. */
  close(): void;
}

const patchContentTypes: Readonly<Record<PatchType, string>> = {
  json: "application/json-patch+json",
  merge: "application/merge-patch+json",
  strategic: "application/strategic-merge-patch+json",
  apply: "application/apply-patch+yaml",
};

/** A DELETE whose object may change between our GET and the DELETE is retried this often. */
const maxDeleteAttempts = 5;

/**
 * Kinds whose DELETE always answers with the object (kube-apiserver's `ReturnDeletedObject`
 * for pods; a Namespace delete is always pending), so no GET is needed first.
 */
const kindsAnsweringDeleteWithObject: ReadonlySet<string> = new Set(["Pod", "Namespace"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownRecord(record: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return isRecord(value) ? value : undefined;
}

function ownString(record: Record<string, unknown> | undefined, key: string): string | undefined {
  if (record === undefined || !Object.hasOwn(record, key)) return undefined;
  const value = record[key];
  return typeof value === "string" ? value : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function jsonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value === "object" ? "object" : typeof value;
}

function describeBody(input: unknown): string {
  try {
    return JSON.stringify(input) ?? String(input);
  } catch {
    return String(input);
  }
}

/**
 * The URL of an object a caller hands over (create, update): its kind picks the resource,
 * its metadata the namespace and name. Checks what the memory store checks first.
 */
function objectTarget(object: unknown): {
  path: ResourcePath;
  namespace: string | undefined;
  name: string | undefined;
  body: Record<string, unknown>;
} {
  if (!isRecord(object)) {
    throw createBadRequestError(`the object must be a JSON object, got ${jsonTypeName(object)}`);
  }
  const kind = ownString(object, "kind");
  if (kind === undefined || kind === "") {
    throw createBadRequestError(`Object 'Kind' is missing in '${describeBody(object)}'`);
  }
  const path = resourcePathOf(kind);
  const metadata = ownRecord(object, "metadata");
  return {
    path,
    namespace: path.namespaceFor(ownString(metadata, "namespace")),
    name: nonEmpty(ownString(metadata, "name")),
    body: object,
  };
}

/** `object` with `apiVersion` and `kind` filled in when the server left them out (list items do). */
function withTypeMeta(path: ResourcePath, object: Record<string, unknown>): Record<string, unknown> {
  if (Object.hasOwn(object, "apiVersion") && Object.hasOwn(object, "kind")) return object;
  return { apiVersion: path.info.apiVersion, kind: path.info.kind, ...object };
}

function isStatus(body: unknown): body is Record<string, unknown> {
  return isRecord(body) && ownString(body, "kind") === "Status";
}

class HttpApiClientImpl implements HttpApiClient {
  readonly #transport: HttpTransport;
  readonly #fieldManager: string | undefined;
  readonly #watchTimeoutSeconds: number | undefined;

  constructor(options: HttpApiClientOptions) {
    const watchTimeoutSeconds = options.watchTimeoutSeconds;
    if (
      watchTimeoutSeconds !== undefined &&
      !(Number.isSafeInteger(watchTimeoutSeconds) && watchTimeoutSeconds > 0)
    ) {
      throw new KubesimError(`watchTimeoutSeconds must be a positive integer, got ${watchTimeoutSeconds}`);
    }
    this.#watchTimeoutSeconds = watchTimeoutSeconds;
    this.#fieldManager = nonEmpty(options.fieldManager);
    this.#transport = new HttpTransport({
      server: options.server,
      token: options.token,
      ca: options.ca,
      cert: options.cert,
      key: options.key,
      insecureSkipTlsVerify: options.insecureSkipTlsVerify,
      userAgent: options.userAgent ?? defaultUserAgent,
      timeoutMs: options.timeoutMs,
    });
  }

  get server(): string {
    return this.#transport.origin;
  }

  close(): void {
    this.#transport.close();
  }

  async get<K extends string>(kind: K, name: string, options?: GetOptions): Promise<ObjectOfKind<K>> {
    const path = resourcePathOf(kind);
    const namespace = path.namespaceFor(options?.namespace);
    const request: TransportRequest = {
      method: "GET",
      path: path.item(namespace, name),
      describe: { method: "GET", groupResource: path.groupResource, name },
    };
    return this.#object(path, request, await this.#transport.send(request)) as unknown as ObjectOfKind<K>;
  }

  async list<K extends string>(kind: K, options?: ListOptions): Promise<ListResult<ObjectOfKind<K>>> {
    const path = resourcePathOf(kind);
    const query = new URLSearchParams();
    const labelSelector = nonEmpty(options?.labelSelector);
    if (labelSelector !== undefined) query.set("labelSelector", labelSelector);
    const fieldSelector = nonEmpty(options?.fieldSelector);
    if (fieldSelector !== undefined) query.set("fieldSelector", fieldSelector);
    const request: TransportRequest = {
      method: "GET",
      path: path.collection(path.info.namespaced ? nonEmpty(options?.namespace) : undefined),
      query,
      describe: { method: "GET", groupResource: path.groupResource },
    };
    const response = await this.#transport.send(request);
    const body = this.#object(path, request, response, false);
    const items = Object.hasOwn(body, "items") ? body.items : undefined;
    if (items !== null && items !== undefined && !Array.isArray(items)) {
      throw createMalformedResponseError(
        "GET",
        this.#transport.urlOf(request),
        "the list's items are not an array",
      );
    }
    const list: Array<ObjectOfKind<K>> = [];
    for (const item of items ?? []) {
      if (!isRecord(item)) {
        throw createMalformedResponseError(
          "GET",
          this.#transport.urlOf(request),
          "a list item is not an object",
        );
      }
      list.push(withTypeMeta(path, item) as unknown as ObjectOfKind<K>);
    }
    const resourceVersion = ownString(ownRecord(body, "metadata"), "resourceVersion") ?? "";
    return { items: list, resourceVersion };
  }

  async create<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T> {
    const target = objectTarget(object);
    const request: TransportRequest = {
      method: "POST",
      path: target.path.collection(target.namespace),
      query: this.#writeQuery(options),
      body: JSON.stringify(target.body),
      describe: { method: "POST", groupResource: target.path.groupResource },
    };
    return this.#object(target.path, request, await this.#transport.send(request)) as T;
  }

  async update<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T> {
    return this.#put(object, options, undefined);
  }

  async updateStatus<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T> {
    return this.#put(object, options, "status");
  }

  async patch<K extends string>(
    kind: K,
    name: string,
    patch: unknown,
    options: PatchOptions,
  ): Promise<ObjectOfKind<K>> {
    const type = options?.type;
    if (typeof type !== "string" || !Object.hasOwn(patchContentTypes, type)) {
      throw new StatusError({
        message: `the body of the request was in an unknown format - accepted media types include: ${Object.values(patchContentTypes).join(", ")}`,
        reason: StatusReason.UnsupportedMediaType,
        code: 415,
      });
    }
    const path = resourcePathOf(kind);
    const namespace = path.namespaceFor(options.namespace);
    const query = this.#writeQuery(options);
    if (typeof options.force === "boolean") query.set("force", String(options.force));
    const request: TransportRequest = {
      method: "PATCH",
      path: path.item(namespace, name),
      query,
      body: JSON.stringify(patch ?? null),
      contentType: patchContentTypes[type],
      describe: { method: "PATCH", groupResource: path.groupResource, name },
    };
    return this.#object(path, request, await this.#transport.send(request)) as unknown as ObjectOfKind<K>;
  }

  /**
   * Deletes and resolves with the object. kube-apiserver answers a finished delete of most
   * kinds with a `Success` Status, not the object, so for those this GETs the object first
   * and deletes with preconditions on that object's uid and resourceVersion: the object
   * returned is exactly the one deleted. When it changed in between, GET and DELETE are
   * retried (a few times; the last attempt carries only the caller's preconditions). Pods
   * and Namespaces (always answered with the object) need no GET. A server that answers a
   * Status where an object was expected yields `{apiVersion, kind, metadata: {name,
   * namespace, uid}}` from the Status details.
   */
  async delete<K extends string>(kind: K, name: string, options?: DeleteOptions): Promise<ObjectOfKind<K>> {
    const path = resourcePathOf(kind);
    const namespace = path.namespaceFor(options?.namespace);
    const url = path.item(namespace, name);
    const callerPreconditions = options?.preconditions ?? {};
    if (kindsAnsweringDeleteWithObject.has(path.info.kind)) {
      const answer = await this.#sendDelete(path, url, name, options, callerPreconditions);
      return this.#deleted(path, answer, undefined, namespace, name) as unknown as ObjectOfKind<K>;
    }
    for (let attempt = 1; ; attempt++) {
      const last = (await this.get(kind, name, namespace === undefined ? {} : { namespace })) as KubeObject;
      const uid = last.metadata?.uid ?? undefined;
      const resourceVersion = last.metadata?.resourceVersion ?? undefined;
      const callerUid = callerPreconditions.uid ?? undefined;
      const callerVersion = callerPreconditions.resourceVersion ?? undefined;
      const callerMatches =
        (callerUid === undefined || callerUid === uid) &&
        (callerVersion === undefined || callerVersion === resourceVersion);
      const pinned = callerMatches && attempt < maxDeleteAttempts;
      const preconditions: { uid?: string; resourceVersion?: string } = pinned
        ? {}
        : { ...callerPreconditions };
      if (pinned) {
        const pinnedUid = callerUid ?? uid;
        if (pinnedUid !== undefined) preconditions.uid = pinnedUid;
        const pinnedVersion = callerVersion ?? resourceVersion;
        if (pinnedVersion !== undefined) preconditions.resourceVersion = pinnedVersion;
      }
      let answer: JsonResponse;
      try {
        answer = await this.#sendDelete(path, url, name, options, preconditions);
      } catch (error) {
        // Our own preconditions failed: the object changed after the GET. Look again.
        if (pinned && callerVersion === undefined && isConflict(error)) continue;
        throw error;
      }
      return this.#deleted(path, answer, last, namespace, name) as unknown as ObjectOfKind<K>;
    }
  }

  async watch<K extends string>(kind: K, options?: WatchOptions): Promise<Watch<ObjectOfKind<K>>> {
    const path = resourcePathOf(kind);
    const collection = path.collection(path.info.namespaced ? nonEmpty(options?.namespace) : undefined);
    const labelSelector = nonEmpty(options?.labelSelector);
    const fieldSelector = nonEmpty(options?.fieldSelector);
    const bookmarks = options?.allowWatchBookmarks === true;
    const startVersion = nonEmpty(options?.resourceVersion);
    const requestFrom = (resourceVersion: string | undefined): TransportRequest => {
      const query = new URLSearchParams({ watch: "true" });
      if (labelSelector !== undefined) query.set("labelSelector", labelSelector);
      if (fieldSelector !== undefined) query.set("fieldSelector", fieldSelector);
      if (resourceVersion !== undefined) query.set("resourceVersion", resourceVersion);
      if (bookmarks) query.set("allowWatchBookmarks", "true");
      if (this.#watchTimeoutSeconds !== undefined) {
        query.set("timeoutSeconds", String(this.#watchTimeoutSeconds));
      }
      return {
        method: "GET",
        path: collection,
        query,
        describe: { method: "GET", groupResource: path.groupResource },
      };
    };
    const first = requestFrom(startVersion);
    const stream = await this.#transport.open(first);
    return new HttpWatch<ObjectOfKind<K>>(stream, {
      reopen: (resourceVersion) => this.#transport.open(requestFrom(resourceVersion ?? startVersion)),
      complete: (object) => withTypeMeta(path, object),
      url: this.#transport.urlOf(first),
    });
  }

  async bind(binding: Binding): Promise<void> {
    await this.#postSubresource(binding, "binding", { apiVersion: "v1", kind: "Binding" });
  }

  async evict(eviction: Eviction): Promise<void> {
    await this.#postSubresource(eviction, "eviction", { apiVersion: "policy/v1", kind: "Eviction" });
  }

  async #put<T extends KubeObject>(
    object: T,
    options: WriteOptions | undefined,
    subresource: "status" | undefined,
  ): Promise<T> {
    const target = objectTarget(object);
    const request: TransportRequest = {
      method: "PUT",
      path: target.path.item(target.namespace, target.name, subresource),
      query: this.#writeQuery(options),
      body: JSON.stringify(target.body),
      describe: { method: "PUT", groupResource: target.path.groupResource, name: target.name ?? "" },
    };
    return this.#object(target.path, request, await this.#transport.send(request)) as T;
  }

  /** POSTs a pods subresource (binding, eviction); its answer is a Success Status. */
  async #postSubresource(
    input: unknown,
    subresource: "binding" | "eviction",
    typeMeta: { apiVersion: string; kind: string },
  ): Promise<void> {
    if (!isRecord(input)) {
      throw createBadRequestError(`the ${subresource} must be a JSON object, got ${jsonTypeName(input)}`);
    }
    const path = resourcePathOf("Pod");
    const metadata = ownRecord(input, "metadata");
    const name = ownString(metadata, "name");
    const request: TransportRequest = {
      method: "POST",
      path: path.item(path.namespaceFor(ownString(metadata, "namespace")), name, subresource),
      body: JSON.stringify({ ...typeMeta, ...input }),
      describe: { method: "POST", groupResource: path.groupResource, name: name ?? "" },
    };
    const response = await this.#transport.send(request);
    this.#rejectFailureStatus(request, response);
  }

  async #sendDelete(
    path: ResourcePath,
    url: string,
    name: string,
    options: DeleteOptions | undefined,
    preconditions: { uid?: string | undefined; resourceVersion?: string | undefined },
  ): Promise<JsonResponse> {
    const body: Record<string, unknown> = { kind: "DeleteOptions", apiVersion: "v1" };
    if (options?.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = options.gracePeriodSeconds;
    if (preconditions.uid !== undefined || preconditions.resourceVersion !== undefined) {
      body.preconditions = preconditions;
    }
    if (options?.propagationPolicy !== undefined) body.propagationPolicy = options.propagationPolicy;
    if (options?.dryRun === true) body.dryRun = ["All"];
    return this.#transport.send({
      method: "DELETE",
      path: url,
      body: JSON.stringify(body),
      describe: { method: "DELETE", groupResource: path.groupResource, name },
    });
  }

  /** What a DELETE resolves with: the object answered, else the last one read, else one built from the Status. */
  #deleted(
    path: ResourcePath,
    answer: JsonResponse,
    last: KubeObject | undefined,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const request: TransportRequest = {
      method: "DELETE",
      path: path.item(namespace, name),
      describe: { method: "DELETE", groupResource: path.groupResource, name },
    };
    if (!isStatus(answer.body)) return this.#object(path, request, answer) as KubeObject;
    this.#rejectFailureStatus(request, answer);
    if (last !== undefined) return last;
    const details = ownRecord(answer.body, "details");
    const uid = ownString(details, "uid");
    return {
      apiVersion: path.info.apiVersion,
      kind: path.info.kind,
      metadata: {
        name,
        ...(namespace === undefined ? {} : { namespace }),
        ...(uid === undefined ? {} : { uid }),
      },
    };
  }

  /** A 2xx answer that is a failure Status is still a failure (client-go treats it so). */
  #rejectFailureStatus(request: TransportRequest, response: JsonResponse): void {
    const status = failureStatusOf(response.body);
    if (status !== undefined) throw statusErrorFromStatus(status, response.code, request.describe);
  }

  /** The object a 2xx answer holds (type meta filled in), or a 500 for anything else. */
  #object(
    path: ResourcePath,
    request: TransportRequest,
    response: JsonResponse,
    typed = true,
  ): Record<string, unknown> {
    this.#rejectFailureStatus(request, response);
    const body = response.body;
    if (!isRecord(body)) {
      const detail = response.text === "" ? "the answer has no body" : "the answer is not a JSON object";
      throw createMalformedResponseError(request.method, this.#transport.urlOf(request), detail);
    }
    return typed ? withTypeMeta(path, body) : body;
  }

  /** The query of a create, update or patch: its `fieldManager` (or the client's) and `dryRun=All`. */
  #writeQuery(
    options: { readonly fieldManager?: string; readonly dryRun?: boolean } | undefined,
  ): URLSearchParams {
    const query = new URLSearchParams();
    const manager = nonEmpty(options?.fieldManager) ?? this.#fieldManager;
    if (manager !== undefined) query.set("fieldManager", manager);
    if (options?.dryRun === true) query.set("dryRun", "All");
    return query;
  }
}

/**
 * Creates an {@link ApiClient} that talks to a Kubernetes API server over HTTP(S): kubesim's
 * (`kubesim serve`, `@kubesim/apiserver`) or a real one. Kinds map to URLs through core's
 * resource table; every failure rejects with a core `StatusError` (the server's Status,
 * or one synthesised from the HTTP code as client-go does; 503 when the server cannot be
 * reached); watches re-open transparently when the server ends their stream.
 *
 * @example
 * const client = createHttpApiClient({ server: "http://127.0.0.1:8080", fieldManager: "kubesim-scheduler" });
 * const { items } = await client.list("Node");
 * client.close();
 *
 * @throws KubesimError for an unusable `server` URL or a bad timeout option.
 */
export function createHttpApiClient(options: HttpApiClientOptions): HttpApiClient {
  if (!isRecord(options) || typeof options.server !== "string" || options.server === "") {
    throw new KubesimError("createHttpApiClient needs a server URL");
  }
  return new HttpApiClientImpl(options);
}

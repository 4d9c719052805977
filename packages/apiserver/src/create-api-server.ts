import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiClient, type Clock, RealClock } from "@kubesim/core";
import { aggregatedDiscoveryBody } from "./aggregated-discovery.js";
import { apiGroupListBody, apiResourceListBody, apiVersionsBody, serverVersion } from "./discovery.js";
import { goJsonText } from "./go-json.js";
import { ListSnapshots } from "./list-snapshots.js";
import { discoveryRendering, resourceRendering } from "./media-type.js";
import { openApiV3Document, openApiV3Index } from "./openapi/index.js";
import { groupVersionOf, parseResourcePath } from "./parse-resource-path.js";
import { decodeKubernetesProtobuf, isProtobufContentType, protobufBodyKind } from "./protobuf/index.js";
import { booleanParameter } from "./query-parameters.js";
import { BodyTooLargeError, readBody } from "./read-body.js";
import { type JsonReply, listOptions, serveResource } from "./serve-resource.js";
import { serveWatch } from "./serve-watch.js";
import {
  methodNotAllowedStatus,
  notFoundPathStatus,
  statusOfError,
  tooLargeStatus,
  unauthorizedStatus,
} from "./status-body.js";

/** kube-apiserver's default request body limit (3 MiB). */
export const defaultMaxBodyBytes = 3 * 1024 * 1024;

/** Options of {@link createApiServer}. */
export interface ApiServerOptions {
  /** The cluster state served: the memory store, or any other ApiClient. */
  readonly client: ApiClient;
  /**
   * The time Table cells (AGE) are computed against and watch `timeoutSeconds` run on
   * (default: the real clock). Give the cluster's clock so ages match `kubesim get`.
   */
  readonly clock?: Clock;
  /** When set, every request must carry `Authorization: Bearer <token>`, else 401. */
  readonly token?: string;
  /** Request bodies larger than this many bytes get 413 (default {@link defaultMaxBodyBytes}). */
  readonly maxBodyBytes?: number;
}

/** Where a started server listens. */
export interface ApiServerAddress {
  readonly port: number;
  /** `http://host:port`, for a kubeconfig's `server`. */
  readonly url: string;
}

/** A Kubernetes-compatible HTTP API server; see {@link createApiServer}. */
export interface ApiServer {
  /** Starts listening (port 0 picks a free port); binds 127.0.0.1 unless told otherwise. */
  listen(port?: number, host?: string): Promise<ApiServerAddress>;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

const bodyMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function tokenMatches(header: string | undefined, token: string): boolean {
  if (header === undefined || !header.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A `Warning` header value as upstream writes it: code 299, no agent, the text quoted. */
function warningHeader(text: string): string {
  return `299 - "${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function sendJson(response: ServerResponse, reply: JsonReply): void {
  const text = goJsonText(reply.body);
  const headers: Record<string, string | number | string[]> = {
    "Content-Type": reply.contentType ?? "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-cache, private",
  };
  if (reply.warnings !== undefined && reply.warnings.length > 0) {
    headers.Warning = reply.warnings.map(warningHeader);
  }
  response.writeHead(reply.code, headers);
  response.end(text);
}

function sendStatus(response: ServerResponse, status: { code: number }): void {
  sendJson(response, { code: status.code, body: status });
}

/** Splits a path into decoded segments; `undefined` for malformed percent-encoding. */
function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** Answers the discovery and version paths, or `undefined` for anything else. */
function discoveryReply(segments: readonly string[], request: IncomingMessage): JsonReply | undefined {
  const joined = segments.join("/");
  if (joined === "version") return { code: 200, body: serverVersion };
  if (joined === "api" || joined === "apis") {
    const rendering = discoveryRendering(request.headers.accept);
    if (rendering.kind === "aggregated") {
      return {
        code: 200,
        body: aggregatedDiscoveryBody(joined, rendering.apiVersion),
        contentType: rendering.contentType,
      };
    }
    const body = joined === "api" ? apiVersionsBody(request.headers.host ?? "127.0.0.1") : apiGroupListBody();
    return { code: 200, body };
  }
  const groupVersion = groupVersionOf(segments);
  if (groupVersion !== undefined && groupVersion.rest.length === 0) {
    const body = apiResourceListBody(groupVersion.groupVersion);
    return body === undefined ? undefined : { code: 200, body };
  }
  return undefined;
}

/**
 * The `/openapi/v3` index and its per-group-version documents (what kubectl reads before
 * sending `fieldValidation=Strict`); `undefined` (404) for anything else, `/openapi/v2` included.
 */
function openApiReply(segments: readonly string[]): JsonReply | undefined {
  if (segments[0] !== "openapi" || segments[1] !== "v3") return undefined;
  if (segments.length === 2) return { code: 200, body: openApiV3Index() };
  const document = openApiV3Document(segments.slice(2).join("/"));
  return document === undefined ? undefined : { code: 200, body: document };
}

/**
 * Creates a Kubernetes-compatible API server over `client`, speaking what kubectl v1.32 and
 * client libraries need: `/version` (v1.32), aggregated and legacy discovery, the
 * `/openapi/v3` documents, and for every kind in core's resource table list (plain or
 * `Table`), watch, get, create, update, patch (merge, JSON, strategic, server-side apply)
 * and delete, plus the `status`, `binding` and `eviction` subresources, with
 * `fieldManager` and `fieldValidation`. Every failure is a `Status` body with the
 * matching HTTP code; nothing a client sends crashes the server.
 *
 * @example
 * const server = createApiServer({ client: store });
 * const { url } = await server.listen();
 */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const { client, token } = options;
  const listSnapshots = new ListSnapshots();
  const clock = options.clock ?? new RealClock();
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? "GET";
    if (token !== undefined && !tokenMatches(request.headers.authorization, token)) {
      request.resume();
      sendStatus(response, unauthorizedStatus());
      return;
    }
    // Split by hand: `new URL` reads a path such as `//x` as a host and throws.
    const target = request.url ?? "/";
    const queryStart = target.indexOf("?");
    const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? "" : target.slice(queryStart + 1));
    const segments = pathSegments(pathname);
    if (segments === undefined) {
      request.resume();
      sendStatus(response, notFoundPathStatus());
      return;
    }
    if (method === "GET") {
      const fixed = discoveryReply(segments, request) ?? openApiReply(segments);
      if (fixed !== undefined) {
        request.resume();
        sendJson(response, fixed);
        return;
      }
    }
    const groupVersion = groupVersionOf(segments);
    const path =
      groupVersion === undefined
        ? undefined
        : parseResourcePath(groupVersion.groupVersion, groupVersion.rest);
    if (path === undefined) {
      request.resume();
      sendStatus(response, notFoundPathStatus());
      return;
    }
    const rendering = resourceRendering(request.headers.accept);
    if (method === "GET" && path.name === undefined && booleanParameter(query, "watch") === true) {
      request.resume();
      const watchRequest = {
        client,
        clock,
        info: path.info,
        listOptions: listOptions(path, query),
        query,
        rendering,
      };
      await serveWatch(watchRequest, response);
      return;
    }
    const declared = Number(request.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      request.resume();
      sendStatus(response, tooLargeStatus(maxBodyBytes));
      return;
    }
    let body: Buffer | undefined;
    if (bodyMethods.has(method)) {
      const raw = await readBody(request, maxBodyBytes);
      if (raw.length > 0) body = raw;
      // kubectl's typed clients send protobuf; decoded here, the body takes the JSON path.
      // Patches are never protobuf: their Content-Type is answered 415 further on.
      if (
        body !== undefined &&
        method !== "PATCH" &&
        isProtobufContentType(request.headers["content-type"])
      ) {
        body = Buffer.from(JSON.stringify(decodeKubernetesProtobuf(body, protobufBodyKind(method, path))));
      }
    } else request.resume();
    const reply = await serveResource(
      {
        method,
        path,
        query,
        body,
        rendering,
        contentType: request.headers["content-type"],
        userAgent: request.headers["user-agent"],
      },
      { client, clock, listSnapshots },
    );
    if (reply === undefined) sendStatus(response, methodNotAllowedStatus());
    else sendJson(response, reply);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      request.resume();
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendStatus(
        response,
        error instanceof BodyTooLargeError ? tooLargeStatus(error.limit) : statusOfError(error),
      );
    });
  });

  return {
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address() as AddressInfo;
          const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve({ port: address.port, url: `http://${urlHost}:${address.port}` });
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
    },
  };
}

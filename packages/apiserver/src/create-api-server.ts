import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiClient, Clock } from "@kubesim/core";
import { apiGroupListBody, apiResourceListBody, apiVersionsBody, serverVersion } from "./discovery.js";
import { groupVersionOf, parseResourcePath } from "./parse-resource-path.js";
import { BodyTooLargeError, parseJsonObject, readBody } from "./read-body.js";
import { type JsonReply, serveResource } from "./serve-resource.js";
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
  /** Reserved for time-based behaviour still to come (watch bookmarks); unused for now. */
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

function sendJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-cache, private",
  });
  response.end(text);
}

function sendStatus(response: ServerResponse, status: { code: number }): void {
  sendJson(response, status.code, status);
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
function discoveryReply(segments: readonly string[], host: string): JsonReply | undefined {
  const joined = segments.join("/");
  if (joined === "version") return { code: 200, body: serverVersion };
  if (joined === "api") return { code: 200, body: apiVersionsBody(host) };
  if (joined === "apis") return { code: 200, body: apiGroupListBody() };
  const groupVersion = groupVersionOf(segments);
  if (groupVersion !== undefined && groupVersion.rest.length === 0) {
    const body = apiResourceListBody(groupVersion.groupVersion);
    return body === undefined ? undefined : { code: 200, body };
  }
  return undefined;
}

/**
 * Creates a Kubernetes-compatible API server over `client`: `/version` (v1.32), legacy
 * discovery, and get/list/create/update/delete plus the `status` subresource for every kind
 * in core's resource table. Every failure is a `Status` body with the matching HTTP code.
 *
 * @example
 * const server = createApiServer({ client: store });
 * const { url } = await server.listen();
 */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const { client, token } = options;
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
    const discovery =
      method === "GET" ? discoveryReply(segments, request.headers.host ?? "127.0.0.1") : undefined;
    if (discovery !== undefined) {
      request.resume();
      sendJson(response, discovery.code, discovery.body);
      return;
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
    const declared = Number(request.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      request.resume();
      sendStatus(response, tooLargeStatus(maxBodyBytes));
      return;
    }
    let body: Record<string, unknown> | undefined;
    if (bodyMethods.has(method)) body = parseJsonObject(await readBody(request, maxBodyBytes));
    else request.resume();
    const reply = await serveResource(client, { method, path, query, body });
    if (reply === undefined) sendStatus(response, methodNotAllowedStatus());
    else sendJson(response, reply.code, reply.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
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

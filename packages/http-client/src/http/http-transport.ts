import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { KubesimError, StatusError } from "@kubesim/core";
import {
  createClientTimeoutError,
  createTransportError,
  type RequestDescription,
  statusErrorFromResponse,
} from "./response-error.js";

/** How to reach and authenticate to an API server. */
export interface TransportOptions {
  /** `https://host:6443`, `http://127.0.0.1:8080` (a path prefix is kept); no scheme means https when TLS material is given, else http. */
  readonly server: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string | undefined;
  /** PEM certificate authorities to trust instead of Node's defaults. */
  readonly ca?: string | Buffer | undefined;
  /** PEM client certificate (mutual TLS), with `key`. */
  readonly cert?: string | Buffer | undefined;
  /** PEM private key of `cert`. */
  readonly key?: string | Buffer | undefined;
  /** Accept any server certificate (kubeconfig `insecure-skip-tls-verify`). */
  readonly insecureSkipTlsVerify?: boolean | undefined;
  /** The `User-Agent` header. */
  readonly userAgent: string;
  /** Abort a request (not a watch stream once open) after this many milliseconds. */
  readonly timeoutMs?: number | undefined;
}

/** One request to send. */
export interface TransportRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path below the server's base path, e.g. `/api/v1/namespaces/default/pods`. */
  readonly path: string;
  readonly query?: URLSearchParams;
  /** A serialised body; sent with `contentType`. */
  readonly body?: string;
  readonly contentType?: string;
  /** For error messages synthesised from an HTTP code. */
  readonly describe: RequestDescription;
}

/** A 2xx answer with its body parsed as JSON (`undefined` for an empty body). */
export interface JsonResponse {
  readonly code: number;
  readonly body: unknown;
  /** The raw text, for errors about a body that is not what was expected. */
  readonly text: string;
}

/** An open 2xx streaming answer (a watch), and the request to destroy to stop it. */
export interface OpenStream {
  readonly response: IncomingMessage;
  readonly request: ClientRequest;
}

interface ParsedServer {
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: string;
  /** The server URL's path without its trailing slash (`""` for most servers). */
  readonly basePath: string;
  /** `scheme://host:port` + basePath, for messages. */
  readonly origin: string;
}

function parseServer(options: TransportOptions): ParsedServer {
  const tlsGiven =
    options.ca !== undefined || options.cert !== undefined || options.insecureSkipTlsVerify === true;
  const raw = options.server.includes("://")
    ? options.server
    : `${tlsGiven ? "https" : "http"}://${options.server}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new KubesimError(`server ${JSON.stringify(options.server)} is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new KubesimError(`server ${JSON.stringify(options.server)} must be an http:// or https:// URL`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new KubesimError(`server ${JSON.stringify(options.server)} must not have a query or fragment`);
  }
  const basePath = url.pathname.replace(/\/+$/, "");
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return {
    secure: url.protocol === "https:",
    hostname,
    port: url.port,
    basePath,
    origin: `${url.protocol}//${url.host}${basePath}`,
  };
}

/** Methods safe to resend when a kept-alive socket turned out to be closed by the server. */
const idempotentMethods: ReadonlySet<string> = new Set(["GET", "PUT", "DELETE"]);

function retryAfterHeader(response: IncomingMessage): string | undefined {
  const value = response.headers["retry-after"];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Sockets requests (not watches) may open to the server at once; more wait for one. Large
 * enough that a component's bursts rarely queue (queued writes can reach the server in
 * another order, and with it generated names), small enough to bound connection churn.
 */
const requestSockets = 128;

/**
 * Sends requests to one API server over `node:http` / `node:https` with a keep-alive
 * agent (requests run concurrently, sockets are reused). Every failure becomes a
 * StatusError: non-2xx answers through {@link statusErrorFromResponse}, network failures
 * as 503, timeouts as 504.
 */
export class HttpTransport {
  /** The keep-alive agent; TLS options (`ca`, `cert`, `key`, `rejectUnauthorized`) live on it. */
  readonly agent: HttpAgent;
  readonly #streamAgent: HttpAgent;
  readonly #server: ParsedServer;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #timeoutMs: number | undefined;

  constructor(options: TransportOptions) {
    this.#server = parseServer(options);
    if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
      throw new KubesimError(`timeoutMs must be a positive number, got ${options.timeoutMs}`);
    }
    this.#timeoutMs = options.timeoutMs;
    const headers: Record<string, string> = { "User-Agent": options.userAgent };
    if (options.token !== undefined && options.token !== "") {
      headers.Authorization = `Bearer ${options.token}`;
    }
    this.#headers = headers;
    // Requests share a bounded pool (extra ones queue for a socket instead of each opening
    // a connection); watches, which hold their socket for minutes, get a pool of their own.
    this.agent = this.#createAgent(options, requestSockets);
    this.#streamAgent = this.#createAgent(options, Number.POSITIVE_INFINITY);
  }

  /** The server's URL as requests use it (`http://127.0.0.1:8080`). */
  get origin(): string {
    return this.#server.origin;
  }

  #createAgent(options: TransportOptions, maxSockets: number): HttpAgent {
    return this.#server.secure
      ? new HttpsAgent({
          keepAlive: true,
          maxSockets,
          ...(options.ca === undefined ? {} : { ca: options.ca }),
          ...(options.cert === undefined ? {} : { cert: options.cert }),
          ...(options.key === undefined ? {} : { key: options.key }),
          rejectUnauthorized: options.insecureSkipTlsVerify !== true,
        })
      : new HttpAgent({ keepAlive: true, maxSockets });
  }

  /** The full URL of a request, for messages. */
  urlOf(request: TransportRequest): string {
    const query = request.query?.toString() ?? "";
    return `${this.#server.origin}${request.path}${query === "" ? "" : `?${query}`}`;
  }

  /**
   * Sends a request and reads the whole answer.
   *
   * @returns the 2xx answer, its body parsed as JSON when it is JSON.
   * @throws StatusError for a non-2xx answer, a network failure or a timeout.
   */
  async send(request: TransportRequest): Promise<JsonResponse> {
    try {
      return await this.#sendOnce(request);
    } catch (error) {
      if (isStaleSocketError(error) && idempotentMethods.has(request.method)) return this.#sendOnce(request);
      throw error;
    }
  }

  /**
   * Sends a request whose answer is a stream (a watch) and resolves once the 2xx headers
   * arrive; the caller reads and ends the stream. `timeoutMs` covers only the wait for headers.
   *
   * @throws StatusError for a non-2xx answer (its body read in full), a network failure or a timeout.
   */
  async open(request: TransportRequest): Promise<OpenStream> {
    const { response, request: clientRequest } = await this.#exchange(request, false, this.#streamAgent);
    if (response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300) {
      return { response, request: clientRequest };
    }
    const text = await this.#readText(request, response);
    throw this.#errorOf(request, response, text);
  }

  /** Closes kept-alive sockets; requests in flight are destroyed. */
  close(): void {
    this.agent.destroy();
    this.#streamAgent.destroy();
  }

  async #sendOnce(request: TransportRequest): Promise<JsonResponse> {
    const { response } = await this.#exchange(request, true);
    const text = await this.#readText(request, response);
    const code = response.statusCode ?? 0;
    if (code < 200 || code >= 300) throw this.#errorOf(request, response, text);
    return { code, body: parseJson(text), text };
  }

  #errorOf(request: TransportRequest, response: IncomingMessage, text: string): StatusError {
    return statusErrorFromResponse(
      {
        code: response.statusCode ?? 0,
        contentType: response.headers["content-type"],
        retryAfter: retryAfterHeader(response),
        text,
        json: parseJson(text),
      },
      request.describe,
    );
  }

  /**
   * Sends the request and waits for the answer's headers. With `wholeExchange`, the
   * timeout keeps running until the body has been read (the caller reads it at once).
   */
  #exchange(
    request: TransportRequest,
    wholeExchange = false,
    agent: HttpAgent = this.agent,
  ): Promise<{ response: IncomingMessage; request: ClientRequest }> {
    const url = this.urlOf(request);
    const query = request.query?.toString() ?? "";
    const headers: Record<string, string | number> = { ...this.#headers, Accept: "application/json" };
    if (request.body !== undefined) {
      headers["Content-Type"] = request.contentType ?? "application/json";
      headers["Content-Length"] = Buffer.byteLength(request.body);
    }
    const server = this.#server;
    const send = server.secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        if (StatusError.isInstance(error)) {
          reject(error);
          return;
        }
        const transportError = createTransportError(request.method, url, error);
        if (clientRequest.reusedSocket && (error as { code?: unknown }).code === "ECONNRESET") {
          staleSocketErrors.add(transportError);
        }
        reject(transportError);
      };
      const clientRequest = send(
        {
          hostname: server.hostname,
          ...(server.port === "" ? {} : { port: server.port }),
          method: request.method,
          path: `${server.basePath}${request.path}${query === "" ? "" : `?${query}`}`,
          headers,
          agent,
        },
        (response) => {
          if (settled) {
            response.resume();
            return;
          }
          settled = true;
          if (timer !== undefined && !wholeExchange) clearTimeout(timer);
          if (timer !== undefined && wholeExchange) {
            const pending = timer;
            response.once("close", () => clearTimeout(pending));
          }
          resolve({ response, request: clientRequest });
        },
      );
      clientRequest.on("error", fail);
      if (this.#timeoutMs !== undefined) {
        const timeoutMs = this.#timeoutMs;
        timer = setTimeout(() => {
          const error = createClientTimeoutError(request.method, url, timeoutMs);
          fail(error);
          clientRequest.destroy(error);
        }, timeoutMs);
      }
      clientRequest.end(request.body);
    });
  }

  /** Reads a whole answer body as UTF-8; a connection lost midway is a transport error. */
  #readText(request: TransportRequest, response: IncomingMessage): Promise<string> {
    const url = this.urlOf(request);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      response.once("error", (error) => reject(asStatusError(request.method, url, error)));
      response.once("close", () => {
        if (!response.complete) {
          reject(
            asStatusError(
              request.method,
              url,
              new Error("the connection closed before the answer was complete"),
            ),
          );
        }
      });
    });
  }
}

function asStatusError(method: string, url: string, error: unknown): StatusError {
  return StatusError.isInstance(error) ? error : createTransportError(method, url, error);
}

/** Errors of requests sent on a kept-alive socket the server had already closed (safe to resend once). */
const staleSocketErrors = new WeakSet<object>();

function isStaleSocketError(error: unknown): boolean {
  return typeof error === "object" && error !== null && staleSocketErrors.has(error);
}

/** The JSON a body holds, or `undefined` when it is empty or not JSON. */
function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

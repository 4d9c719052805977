import { Agent, request } from "node:http";

/** One answered GET: its status, body and wall time (request sent → last body byte). */
export interface TimedResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
  readonly elapsedMs: number;
}

/** A keep-alive agent with one socket, so sequential GETs reuse one connection (as kubectl). */
export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

/**
 * GETs `url` through `agent` with the given headers and reads the whole body, timing from
 * just before the request is sent to the end of the body.
 */
export function timedGet(
  agent: Agent,
  url: string,
  headers: Readonly<Record<string, string>>,
): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const outgoing = request(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers["content-type"] ?? "",
          body: Buffer.concat(chunks),
          elapsedMs: performance.now() - started,
        }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

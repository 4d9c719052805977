import type { IncomingMessage } from "node:http";
import { createBadRequestError } from "@kubesim/core";

/** Thrown by {@link readBody} when the body is over the limit (answered with 413). */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request entity too large: limit is ${limit}`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Reads a request body up to `limit` bytes. Past the limit the rest is drained and
 * discarded (so the client sees the 413 rather than a reset) and the promise rejects.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (tooLarge) reject(new BodyTooLargeError(limit));
      else resolve(Buffer.concat(chunks));
    });
    request.on("error", reject);
  });
}

/** An empty body is `undefined`; otherwise it must be a JSON object, else 400 BadRequest. */
export function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  let value: unknown;
  try {
    // JSON.parse makes `__proto__` an own property, so untrusted keys cannot touch prototypes.
    value = JSON.parse(body.toString("utf8"));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw createBadRequestError(`couldn't get version/kind; json parse error: ${detail}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw createBadRequestError("couldn't get version/kind; json parse error: the body is not a JSON object");
  }
  return value as Record<string, unknown>;
}

import type { IncomingMessage } from "node:http";
import { StatusError, StatusReason, type Watch, type WatchEvent, type WatchEventType } from "@kubesim/core";
import type { OpenStream } from "../http/http-transport.js";
import { createTransportError, failureStatusOf, statusErrorFromStatus } from "../http/response-error.js";
import { JsonStreamDecoder } from "./json-stream-decoder.js";

/** Opens (or re-opens) the watch request from a resourceVersion (`undefined`: the caller's original start). */
export type OpenWatchStream = (resourceVersion: string | undefined) => Promise<OpenStream>;

/** How an {@link HttpWatch} reads its streams. */
export interface HttpWatchOptions {
  /** Re-opens the stream after the server ended it cleanly. */
  readonly reopen: OpenWatchStream;
  /** Fills in what an event's object may lack (`apiVersion`, `kind`). */
  readonly complete: (object: Record<string, unknown>) => Record<string, unknown>;
  /** The URL, for error messages. */
  readonly url: string;
}

const eventTypes: ReadonlySet<string> = new Set(["ADDED", "MODIFIED", "DELETED", "BOOKMARK"]);

/** Pause reading the socket when this many events wait unread; resume below the low mark. */
const highWaterEvents = 1024;
const lowWaterEvents = 256;
/** A stream that ends at once with no event is re-opened after a growing pause, up to this. */
const maxReopenDelayMs = 1000;
const quickEndMs = 1000;

const done: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

type Waiter<T> = {
  resolve: (result: IteratorResult<WatchEvent<T>, undefined>) => void;
  reject: (error: unknown) => void;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resourceVersionOf(object: Record<string, unknown>): string | undefined {
  const metadata = Object.hasOwn(object, "metadata") ? object.metadata : undefined;
  if (!isRecord(metadata) || !Object.hasOwn(metadata, "resourceVersion")) return undefined;
  const value = metadata.resourceVersion;
  return typeof value === "string" && value !== "" ? value : undefined;
}

const decimal = /^[0-9]+$/;

/**
 * The resourceVersion to resume from after seeing `candidate`: resourceVersions are
 * opaque to clients, but when both are decimal (etcd's and kubesim's are) the larger is
 * kept, so the initial `ADDED` events of a watch started without a resourceVersion (which
 * come in key order, not revision order) cannot move the resume point backwards.
 */
function laterResourceVersion(current: string | undefined, candidate: string): string {
  if (current === undefined || !decimal.test(current) || !decimal.test(candidate)) return candidate;
  if (candidate.length !== current.length) return candidate.length > current.length ? candidate : current;
  return candidate > current ? candidate : current;
}

function malformedEventError(url: string, detail: string): StatusError {
  return new StatusError({
    message: `unable to decode an event from the watch stream of ${url}: ${detail}`,
    reason: StatusReason.InternalError,
    code: 500,
    details: { causes: [{ reason: "UnexpectedServerResponse", message: detail }] },
  });
}

/**
 * A watch over HTTP: reads `{"type":…,"object":…}` events from a streaming answer (see
 * {@link JsonStreamDecoder}) and hands them out through the `Watch` interface.
 *
 * As the memory store's watches, it ends only when closed or on an error:
 * - when the server ends the stream cleanly (its `timeoutSeconds`), the watch re-opens it
 *   from the last resourceVersion seen (events and bookmarks), so no change is lost or
 *   repeated;
 * - an `ERROR` event ends it: the next read rejects with the StatusError of its Status
 *   (410 `Expired`/`Gone` for a compacted resourceVersion), after the events before it;
 * - a connection lost mid-stream or a malformed event rejects with a 503/500 StatusError.
 *
 * Reading applies backpressure: when many events wait unread, the socket is paused.
 *
 * @remarks
 * A watch started without a resourceVersion (or with `"0"`) that must be re-opened before
 * any change resumes from the newest initial object: a deletion committed between that
 * object's revision and the start of the watch may then arrive as a `DELETED` for an
 * object never reported (client-go's RetryWatcher refuses such starts for this reason).
 */
export class HttpWatch<T> implements Watch<T>, AsyncIterator<WatchEvent<T>, undefined> {
  readonly #options: HttpWatchOptions;
  #queue: Array<WatchEvent<T>> = [];
  #head = 0;
  readonly #waiters: Array<Waiter<T>> = [];
  #closed = false;
  /** The error that ended the watch, until a read has reported it. */
  #failure: unknown;
  #failed = false;
  #stream: OpenStream | undefined;
  #paused = false;
  #resourceVersion: string | undefined;
  #reopenTimer: NodeJS.Timeout | undefined;
  #quickEnds = 0;

  /**
   * @param first - the stream the watch starts with (already answered 2xx).
   * @param options - how to re-open and complete events.
   */
  constructor(first: OpenStream, options: HttpWatchOptions) {
    this.#options = options;
    this.#attach(first);
  }

  /** The resourceVersion the watch would resume from (the last one seen), if any. */
  get resourceVersion(): string | undefined {
    return this.#resourceVersion;
  }

  /** The next event; rejects once with the error that ended the watch; done once closed. */
  next(): Promise<IteratorResult<WatchEvent<T>, undefined>> {
    if (this.#head < this.#queue.length) {
      const event = this.#queue[this.#head] as WatchEvent<T>;
      this.#head++;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
      if (this.#paused && this.#queue.length - this.#head < lowWaterEvents) {
        this.#paused = false;
        this.#stream?.response.resume();
      }
      return Promise.resolve({ done: false, value: event });
    }
    if (this.#failed) {
      this.#failed = false;
      const failure = this.#failure;
      this.#failure = undefined;
      return Promise.reject(failure);
    }
    if (this.#closed) return Promise.resolve(done);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Ends a `for await` loop early: closes the watch. */
  return(): Promise<IteratorResult<WatchEvent<T>, undefined>> {
    this.close();
    return Promise.resolve(done);
  }

  /** Stops the watch and aborts its request; pending reads resolve as done. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = [];
    this.#head = 0;
    this.#failed = false;
    this.#failure = undefined;
    this.#stop();
    for (const waiter of this.#waiters.splice(0)) waiter.resolve(done);
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent<T>, undefined> {
    return this;
  }

  /** Aborts the current request and any pending re-open. */
  #stop(): void {
    if (this.#reopenTimer !== undefined) clearTimeout(this.#reopenTimer);
    this.#reopenTimer = undefined;
    const stream = this.#stream;
    this.#stream = undefined;
    stream?.request.destroy();
  }

  #attach(stream: OpenStream): void {
    if (this.#closed) {
      stream.request.destroy();
      return;
    }
    this.#stream = stream;
    const openedAt = Date.now();
    let events = 0;
    let ended = false;
    const { response } = stream;
    const current = (): boolean => this.#stream === stream;
    const decoder = new JsonStreamDecoder((value) => {
      if (!current()) return;
      events++;
      this.#handle(value);
    });
    response.on("data", (chunk: Buffer) => {
      if (!current()) return;
      try {
        decoder.push(chunk);
      } catch (error) {
        this.#fail(
          malformedEventError(this.#options.url, error instanceof Error ? error.message : String(error)),
        );
      }
    });
    response.once("end", () => {
      ended = true;
      if (!current()) return;
      try {
        decoder.end();
      } catch (error) {
        this.#fail(
          malformedEventError(this.#options.url, error instanceof Error ? error.message : String(error)),
        );
        return;
      }
      this.#stream = undefined;
      this.#scheduleReopen(events === 0 && Date.now() - openedAt < quickEndMs);
    });
    const lost = (error: unknown): void => {
      if (ended || !current()) return;
      this.#fail(createTransportError("GET", this.#options.url, error));
    };
    response.on("error", lost);
    response.once("close", () => {
      if (!response.complete) lost(new Error("the watch stream was cut before it ended"));
    });
    this.#readPaused(response);
  }

  /** Keeps a stream that replaced a paused one paused. */
  #readPaused(response: IncomingMessage): void {
    if (this.#paused) response.pause();
  }

  #scheduleReopen(quick: boolean): void {
    this.#quickEnds = quick ? this.#quickEnds + 1 : 0;
    const delay = this.#quickEnds === 0 ? 0 : Math.min(maxReopenDelayMs, 25 * 2 ** this.#quickEnds);
    const reopen = (): void => {
      this.#reopenTimer = undefined;
      if (this.#closed) return;
      this.#options.reopen(this.#resourceVersion).then(
        (stream) => this.#attach(stream),
        (error: unknown) => {
          if (!this.#closed) this.#fail(error);
        },
      );
    };
    if (delay === 0) reopen();
    else this.#reopenTimer = setTimeout(reopen, delay);
  }

  #handle(value: unknown): void {
    const url = this.#options.url;
    if (!isRecord(value)) {
      this.#fail(malformedEventError(url, "an event is not a JSON object"));
      return;
    }
    const type = Object.hasOwn(value, "type") ? value.type : undefined;
    const object = Object.hasOwn(value, "object") ? value.object : undefined;
    if (type === "ERROR") {
      const status = failureStatusOf(object);
      this.#fail(
        status === undefined
          ? malformedEventError(url, "an ERROR event does not carry a failure Status")
          : statusErrorFromStatus(status, 500, { method: "GET" }),
      );
      return;
    }
    if (typeof type !== "string" || !eventTypes.has(type)) {
      this.#fail(malformedEventError(url, `got invalid watch event type: ${String(type)}`));
      return;
    }
    if (!isRecord(object)) {
      this.#fail(malformedEventError(url, `a ${type} event has no object`));
      return;
    }
    const resourceVersion = resourceVersionOf(object);
    if (resourceVersion !== undefined) {
      this.#resourceVersion = laterResourceVersion(this.#resourceVersion, resourceVersion);
    }
    this.#quickEnds = 0;
    const event: WatchEvent<T> = {
      type: type as WatchEventType,
      object: (type === "BOOKMARK" ? object : this.#options.complete(object)) as T,
    };
    const waiter = this.#waiters.shift();
    if (waiter !== undefined) {
      waiter.resolve({ done: false, value: event });
      return;
    }
    this.#queue.push(event);
    if (!this.#paused && this.#queue.length - this.#head >= highWaterEvents) {
      this.#paused = true;
      this.#stream?.response.pause();
    }
  }

  /** Ends the watch with an error, reported by the read after the queued events. */
  #fail(error: unknown): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stop();
    const waiters = this.#waiters.splice(0);
    const first = waiters.shift();
    for (const waiter of waiters) waiter.resolve(done);
    if (first !== undefined) {
      first.reject(error);
      return;
    }
    this.#failed = true;
    this.#failure = error;
  }
}

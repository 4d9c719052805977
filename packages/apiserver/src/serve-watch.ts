import type { ServerResponse } from "node:http";
import {
  type ApiClient,
  type Clock,
  type KubeObject,
  type ListOptions,
  type ResourceInfo,
  StatusError,
  StatusReason,
  type Watch,
  type WatchEvent,
  type WatchOptions,
} from "@kubesim/core";
import { goJsonText } from "./go-json.js";
import type { ResourceRendering } from "./media-type.js";
import { booleanParameter, integerParameter } from "./query-parameters.js";
import { type IncludeObject, parseIncludeObject, tableBody } from "./table-response.js";

/** What {@link serveWatch} needs of a watch request. */
export interface WatchRequest {
  readonly client: ApiClient;
  readonly clock: Clock;
  readonly info: ResourceInfo;
  /** Namespace and selectors, from the path and query. */
  readonly listOptions: ListOptions;
  readonly query: URLSearchParams;
  readonly rendering: ResourceRendering;
}

/** One event as written on the wire (`ERROR` carries a Status). */
interface WireEvent {
  readonly type: string;
  readonly object: unknown;
}

/** The client watch's options; events are only serialized, so shared frozen objects will do. */
function watchOptions(request: WatchRequest): WatchOptions {
  const { listOptions, query } = request;
  const options: {
    namespace?: string;
    labelSelector?: string;
    fieldSelector?: string;
    resourceVersion?: string;
    allowWatchBookmarks?: boolean;
    sharedObjects: boolean;
  } = { ...listOptions, sharedObjects: true };
  const resourceVersion = query.get("resourceVersion");
  if (resourceVersion !== null && resourceVersion !== "") options.resourceVersion = resourceVersion;
  if (booleanParameter(query, "allowWatchBookmarks") === true) options.allowWatchBookmarks = true;
  return options;
}

/** Turns store events into wire events, as a one-row Table each when the client asked for Tables. */
function createEventRenderer(request: WatchRequest, includeObject: IncludeObject) {
  const { rendering, info, clock } = request;
  if (rendering.kind !== "table") return (event: WatchEvent<KubeObject>): WireEvent => event;
  let first = true;
  return (event: WatchEvent<KubeObject>): WireEvent => {
    const object = event.object;
    const resourceVersion = object.metadata?.resourceVersion;
    // A BOOKMARK only carries a resourceVersion: its Table has no rows.
    const objects = event.type === "BOOKMARK" ? [] : [object];
    const table = tableBody(info.kind, objects, {
      apiVersion: rendering.apiVersion,
      includeObject,
      now: new Date(clock.now()),
      resourceVersion,
      // Upstream sends the columns with the first event only, `null` afterwards.
      withColumns: first,
    });
    first = false;
    return { type: event.type, object: table };
  };
}

/** Waits until the response can take more data, or is closed. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

/**
 * Serves a watch (`?watch=true`) over `client.watch`, as kube-apiserver streams one:
 * status 200 with `Transfer-Encoding: chunked` and `Content-Type: application/json`,
 * headers flushed at once (kubectl's informers hang otherwise), then one JSON event and
 * a newline per change. `resourceVersion` unset or `"0"` starts with a synthetic `ADDED`
 * per matching object, `N` replays every change after N; a version the store no longer
 * has ends the stream after an `ERROR` event carrying the 410 Expired Status. Selectors
 * filter, `allowWatchBookmarks` asks the client for `BOOKMARK`s (the memory store sends one
 * a minute on its clock), `timeoutSeconds` closes the stream after that long on `clock`,
 * and the store's watch is closed as soon as the client goes away.
 *
 * @throws StatusError for bad parameters and for every failure of `client.watch` other
 *   than 410 Expired, before anything is written (the caller answers with the Status).
 */
export async function serveWatch(request: WatchRequest, response: ServerResponse): Promise<void> {
  const { client, clock, info, query, rendering } = request;
  const includeObject =
    rendering.kind === "table" ? parseIncludeObject(query.get("includeObject")) : "Metadata";
  const timeoutSeconds = integerParameter(query, "timeoutSeconds");
  const options = watchOptions(request);

  let watch: Watch<KubeObject> | undefined;
  let expired: StatusError | undefined;
  try {
    watch = (await client.watch(info.kind, options)) as Watch<KubeObject>;
  } catch (error) {
    // Upstream answers a too old resourceVersion inside the stream, not with an error status.
    if (StatusError.isInstance(error) && error.reason === StatusReason.Expired) expired = error;
    else throw error;
  }
  if (response.destroyed) {
    watch?.close();
    return;
  }

  response.writeHead(200, {
    "Content-Type": "application/json",
    "Transfer-Encoding": "chunked",
    "Cache-Control": "no-cache, private",
  });
  response.flushHeaders();

  if (watch === undefined) {
    response.end(`${goJsonText({ type: "ERROR", object: expired?.status })}\n`);
    return;
  }
  const open = watch;
  const stop = (): void => open.close();
  response.on("close", stop);
  const timer =
    timeoutSeconds !== undefined && timeoutSeconds > 0
      ? clock.setTimer(stop, timeoutSeconds * 1000)
      : undefined;
  const render = createEventRenderer(request, includeObject);
  try {
    for await (const event of open) {
      if (response.destroyed) break;
      const written = response.write(`${goJsonText(render(event))}\n`);
      if (!written) await drained(response);
    }
  } finally {
    if (timer !== undefined) clock.clearTimer(timer);
    response.off("close", stop);
    open.close();
    if (!response.destroyed) response.end();
  }
}

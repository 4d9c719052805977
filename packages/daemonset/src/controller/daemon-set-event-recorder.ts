import {
  type ApiClient,
  type Clock,
  createEventNanosecondSequence,
  type DaemonSet,
  type Event,
  eventName,
  isNotFound,
} from "@kubesim/core";

/** The `source.component` (and `reportingComponent`) of every event the controller records. */
export const daemonSetControllerComponent = "daemonset-controller";

/** Event reasons the DaemonSet controller records, as upstream spells them. */
export const DaemonSetEventReason = {
  SelectingAll: "SelectingAll",
  FailedDaemonPod: "FailedDaemonPod",
  SucceededDaemonPod: "SucceededDaemonPod",
  SuccessfulCreate: "SuccessfulCreate",
  FailedCreate: "FailedCreate",
  SuccessfulDelete: "SuccessfulDelete",
  FailedDelete: "FailedDelete",
} as const;

/** One of the {@link DaemonSetEventReason} values. */
export type DaemonSetEventReason = (typeof DaemonSetEventReason)[keyof typeof DaemonSetEventReason];

/** `Normal` or `Warning`. */
export type EventType = "Normal" | "Warning";

/** Writes core/v1 Events about DaemonSets. */
export interface DaemonSetEventRecorder {
  /**
   * Creates the event through the client, or counts it on the existing Event when an
   * identical one was recorded within the last 10 minutes. The returned promise settles
   * when the write is done and never rejects: events are best effort, as upstream's broadcaster.
   */
  record(daemonSet: DaemonSet, type: EventType, reason: DaemonSetEventReason, message: string): Promise<void>;
}

// Events come in bursts within one (virtual) second: the last formatted second is kept.
let formattedSecond = Number.NaN;
let formattedText = "";

/** `metav1.Time` as Go marshals it: RFC 3339 in UTC, whole seconds. */
export function formatEventTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== formattedSecond) {
    formattedText = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
    formattedSecond = second;
  }
  return formattedText;
}

/**
 * Builds the Event client-go's (core/v1) event recorder writes for the DaemonSet
 * controller: name `<ds>.<unix nanoseconds in hex>`, the DaemonSet's namespace,
 * `involvedObject` = the DaemonSet (kind, namespace, name, uid, apiVersion,
 * resourceVersion), `source.component` and `reportingComponent` `daemonset-controller`,
 * `count: 1`, first and last timestamps = now.
 */
export function buildDaemonSetEvent(
  daemonSet: DaemonSet,
  type: EventType,
  reason: string,
  message: string,
  options: { readonly nowMs: number; readonly nanoseconds: bigint },
): Event {
  const metadata = daemonSet.metadata ?? {};
  const namespace = metadata.namespace || "default";
  const timestamp = formatEventTime(options.nowMs);
  const event = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: eventName(metadata.name ?? "", options.nanoseconds), namespace },
    involvedObject: {
      kind: "DaemonSet",
      namespace,
      name: metadata.name ?? "",
      ...(metadata.uid === undefined ? {} : { uid: metadata.uid }),
      apiVersion: "apps/v1",
      ...(metadata.resourceVersion === undefined ? {} : { resourceVersion: metadata.resourceVersion }),
    },
    reason,
    message,
    source: { component: daemonSetControllerComponent },
    firstTimestamp: timestamp,
    lastTimestamp: timestamp,
    count: 1,
    type,
    // Go writes the zero MicroTime as null.
    eventTime: null,
    reportingComponent: daemonSetControllerComponent,
  };
  return event as unknown as Event;
}

/** Upstream's event cache holds at most this many keys (least recently used evicted). */
const maxCachedEventKeys = 4096;

/** The last write of one identical-event key. */
interface EventObservation {
  name: string;
  readonly namespace: string;
  firstTimestamp: string;
  count: number;
  /** Writes of this key run one after another, as upstream's single sink goroutine does. */
  writes: Promise<void>;
}

/**
 * The identity of an event for aggregation, as client-go's event logger builds it:
 * source component and host, involved object (kind, namespace, name, field path, uid,
 * API version), type, reason and message. JSON keeps the parts unambiguous. Built from
 * the DaemonSet directly: it names the same parts {@link buildDaemonSetEvent} would write.
 */
function eventKey(daemonSet: DaemonSet, type: EventType, reason: string, message: string): string {
  const metadata = daemonSet.metadata ?? {};
  return JSON.stringify([
    daemonSetControllerComponent,
    "",
    "DaemonSet",
    metadata.namespace || "default",
    metadata.name ?? "",
    "",
    metadata.uid ?? "",
    "apps/v1",
    type,
    reason,
    message,
  ]);
}

/**
 * Creates the recorder. Event names must be unique and a virtual clock can give two
 * events the same instant, so each event gets at least one nanosecond more than the last.
 *
 * Identical events (see {@link eventKey}) are aggregated as client-go's core/v1 recorder
 * does: while the key is in the recorder's cache (4096 keys, least recently used
 * evicted), the existing Event is patched (`count` + 1, `lastTimestamp` = now; name and
 * `firstTimestamp` unchanged) instead of creating another. If that Event was deleted
 * meanwhile (the patch fails with `NotFound`), it is created again under the same name
 * with the increased count, as upstream's `recordEvent` does.
 */
export function createDaemonSetEventRecorder(client: ApiClient, clock: Clock): DaemonSetEventRecorder {
  const nextNanoseconds = createEventNanosecondSequence();
  const observations = new Map<string, EventObservation>();

  function remember(key: string, observation: EventObservation): void {
    // Re-inserting moves the key to the back, so the Map's first key is the least recently used.
    observations.delete(key);
    observations.set(key, observation);
    if (observations.size > maxCachedEventKeys) {
      const oldest = observations.keys().next();
      if (oldest.done !== true) observations.delete(oldest.value);
    }
  }

  async function createFresh(event: Event, observation: EventObservation): Promise<void> {
    await client.create(event);
    observation.name = event.metadata?.name ?? "";
    observation.firstTimestamp = event.firstTimestamp ?? "";
    observation.count = 1;
  }

  async function patchExisting(
    daemonSet: DaemonSet,
    type: EventType,
    reason: string,
    message: string,
    observation: EventObservation,
    nowMs: number,
  ): Promise<void> {
    const count = observation.count + 1;
    const lastTimestamp = formatEventTime(nowMs);
    // Counted before the write, as upstream's cache is: a failed write is not retried here.
    observation.count = count;
    try {
      await client.patch(
        "Event",
        observation.name,
        { count, lastTimestamp, message },
        { namespace: observation.namespace, type: "strategic" },
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
      const event = buildDaemonSetEvent(daemonSet, type, reason, message, { nowMs, nanoseconds: 0n });
      await client.create({
        ...event,
        metadata: { ...event.metadata, name: observation.name },
        count,
        firstTimestamp: observation.firstTimestamp,
        lastTimestamp,
      } as Event);
    }
  }

  return {
    record(daemonSet, type, reason, message) {
      const nowMs = clock.now();
      const key = eventKey(daemonSet, type, reason, message);
      const previous = observations.get(key);
      let write: Promise<void>;
      if (previous !== undefined) {
        remember(key, previous);
        write = previous.writes.then(() => patchExisting(daemonSet, type, reason, message, previous, nowMs));
        previous.writes = write.catch(() => undefined);
      } else {
        const event = buildDaemonSetEvent(daemonSet, type, reason, message, {
          nowMs,
          nanoseconds: nextNanoseconds(nowMs),
        });
        const observation: EventObservation = {
          name: event.metadata?.name ?? "",
          namespace: event.metadata?.namespace ?? "",
          firstTimestamp: event.firstTimestamp ?? "",
          count: 1,
          writes: Promise.resolve(),
        };
        remember(key, observation);
        write = createFresh(event, observation);
        observation.writes = write.catch(() => undefined);
      }
      return write.then(
        () => undefined,
        () => undefined,
      );
    },
  };
}

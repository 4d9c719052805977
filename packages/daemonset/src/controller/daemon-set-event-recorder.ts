import type { ApiClient, Clock, DaemonSet, Event } from "@kubesim/core";

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
   * Creates the event through the client. The returned promise settles when the write is
   * done and never rejects: events are best effort, as upstream's broadcaster.
   */
  record(daemonSet: DaemonSet, type: EventType, reason: DaemonSetEventReason, message: string): Promise<void>;
}

const nanosecondsPerMillisecond = 1_000_000n;

/** `metav1.Time` as Go marshals it: RFC 3339 in UTC, whole seconds. */
export function formatEventTime(epochMs: number): string {
  return `${new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
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
    metadata: { name: `${metadata.name ?? ""}.${options.nanoseconds.toString(16)}`, namespace },
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

/**
 * Creates the recorder. Event names must be unique and a virtual clock can give two
 * events the same instant, so each event gets at least one nanosecond more than the last.
 */
export function createDaemonSetEventRecorder(client: ApiClient, clock: Clock): DaemonSetEventRecorder {
  let lastNanoseconds = -1n;
  return {
    record(daemonSet, type, reason, message) {
      const nowMs = clock.now();
      let nanoseconds = BigInt(Math.floor(nowMs)) * nanosecondsPerMillisecond;
      if (nanoseconds <= lastNanoseconds) nanoseconds = lastNanoseconds + 1n;
      lastNanoseconds = nanoseconds;
      const event = buildDaemonSetEvent(daemonSet, type, reason, message, { nowMs, nanoseconds });
      return client.create(event).then(
        () => undefined,
        () => undefined,
      );
    },
  };
}

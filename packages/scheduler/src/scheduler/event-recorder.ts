import {
  type ApiClient,
  type Clock,
  createEventNanosecondSequence,
  type Event,
  eventName,
  type ObjectReference,
  type Pod,
} from "@kubesim/core";
import type { SchedulerEventInput } from "../runtime/framework-handle.js";
import { metaMicroTime } from "../runtime/pod-status-update.js";

/** Options of {@link createEventRecorder}. */
export interface EventRecorderOptions {
  readonly client: ApiClient;
  readonly clock: Clock;
  /** `reportingController` (shown as `reportingComponent` in core/v1): the profile's scheduler name. */
  readonly reportingController: string;
  /** `reportingInstance`: upstream uses `<controller>-<hostname>`. */
  readonly reportingInstance: string;
}

/** Records scheduler events; creation is asynchronous and best effort, as upstream's broadcaster. */
export interface EventRecorder {
  record(event: SchedulerEventInput): void;
  /** Resolves once every event recorded so far was written (or failed). */
  flush(): Promise<void>;
  /** How many event writes are still in flight. */
  pending(): number;
}

/** A reference to a pod as `reference.GetReference` builds it. */
export function podReference(pod: Pod): ObjectReference {
  const metadata = pod.metadata ?? {};
  return {
    kind: "Pod",
    ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
    ...(metadata.name === undefined ? {} : { name: metadata.name }),
    ...(metadata.uid === undefined ? {} : { uid: metadata.uid }),
    apiVersion: "v1",
    ...(metadata.resourceVersion === undefined ? {} : { resourceVersion: metadata.resourceVersion }),
  };
}

/**
 * Builds the core/v1 view of an event the events API (events.k8s.io/v1) recorder writes
 * for kube-scheduler: name `<object>.<unix nanoseconds in hex>`, `eventTime` with
 * microseconds, `action`, `reportingComponent`/`reportingInstance`, empty `source`, null
 * first/last timestamps and no count (singleton events).
 */
export function buildSchedulerEvent(
  input: SchedulerEventInput,
  options: {
    readonly nowMs: number;
    readonly nanoseconds: bigint;
    readonly reportingController: string;
    readonly reportingInstance: string;
  },
): Event {
  const regarding = input.regarding;
  const namespace = regarding.metadata?.namespace || "default";
  // Go serializes zero metav1.Time as null; the events API leaves them unset.
  const event = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: eventName(regarding.metadata?.name ?? "", options.nanoseconds), namespace },
    involvedObject: podReference(regarding),
    reason: input.reason,
    message: input.note,
    source: {},
    firstTimestamp: null,
    lastTimestamp: null,
    type: input.type,
    eventTime: metaMicroTime(options.nowMs),
    action: input.action,
    ...(input.related === undefined ? {} : { related: podReference(input.related) }),
    reportingComponent: options.reportingController,
    reportingInstance: options.reportingInstance,
  };
  return event as unknown as Event;
}

/** Isomorphic events within this long of the last one join its series (upstream `finishTime`). */
export const eventSeriesWindowMs = 6 * 60 * 1000;

interface SeriesEntry {
  /** The event as created (name, namespace and body). */
  readonly event: Event;
  count: number;
  lastObservedMs: number;
  /** Writes of this event run in order: create, then series updates. */
  write: Promise<unknown>;
}

function referenceKey(pod: Pod | undefined): unknown[] {
  if (pod === undefined) return [];
  const metadata = pod.metadata ?? {};
  return [metadata.namespace ?? "", metadata.name ?? "", metadata.uid ?? "", metadata.resourceVersion ?? ""];
}

/**
 * Creates the recorder the scheduler writes `Scheduled`, `FailedScheduling` and
 * `Preempted` events with, as the events API (events.k8s.io/v1) recorder: an event
 * isomorphic to one recorded less than {@link eventSeriesWindowMs} ago (same action,
 * reason, controller, regarding object — resourceVersion included — and related object)
 * joins that event's series instead of creating a new event. Event names must be unique,
 * and a virtual clock can give two events the same instant, so each event gets at least
 * one nanosecond more than the last.
 */
export function createEventRecorder(options: EventRecorderOptions): EventRecorder {
  const inFlight = new Set<Promise<unknown>>();
  const series = new Map<string, SeriesEntry>();
  const nextNanoseconds = createEventNanosecondSequence();
  let recordsSinceSweep = 0;
  const track = (work: Promise<unknown>): Promise<unknown> => {
    // Best effort, as upstream: a lost event never fails scheduling.
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
    return settled;
  };
  const sweep = (nowMs: number): void => {
    for (const [key, entry] of series) {
      if (nowMs - entry.lastObservedMs > eventSeriesWindowMs) series.delete(key);
    }
  };
  return {
    record(input) {
      const nowMs = options.clock.now();
      if (++recordsSinceSweep >= 1024) {
        recordsSinceSweep = 0;
        sweep(nowMs);
      }
      const key = JSON.stringify([
        input.action,
        input.reason,
        options.reportingController,
        referenceKey(input.regarding),
        referenceKey(input.related),
      ]);
      const existing = series.get(key);
      if (existing !== undefined && nowMs - existing.lastObservedMs <= eventSeriesWindowMs) {
        existing.count += 1;
        existing.lastObservedMs = nowMs;
        const update = {
          ...existing.event,
          series: { count: existing.count, lastObservedTime: metaMicroTime(nowMs) },
        } as Event;
        existing.write = track(existing.write.then(() => options.client.update(update)));
        return;
      }
      const event = buildSchedulerEvent(input, {
        nowMs,
        nanoseconds: nextNanoseconds(nowMs),
        reportingController: options.reportingController,
        reportingInstance: options.reportingInstance,
      });
      series.set(key, { event, count: 1, lastObservedMs: nowMs, write: track(options.client.create(event)) });
    },
    async flush() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    pending: () => inFlight.size,
  };
}

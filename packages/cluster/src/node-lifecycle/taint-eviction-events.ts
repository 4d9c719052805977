import {
  type ApiClient,
  type Clock,
  createEventNanosecondSequence,
  type Event,
  eventName,
} from "@kubesim/core";
import { formatKubernetesTime } from "./format-time.js";

/** The `source.component` (and `reportingComponent`) of the taint eviction controller's events. */
export const taintEvictionComponent = "taint-eviction-controller";

/** The reason of both events the taint eviction controller records. */
export const taintManagerEvictionReason = "TaintManagerEviction";

/** Which of the two taint eviction events: a pod marked for deletion, or a scheduled deletion cancelled. */
export type TaintEvictionEventAction = "markForDeletion" | "cancelDeletion";

/** The pod an event is about: upstream refers to it by namespace and name only. */
export interface TaintEvictionEventPod {
  readonly namespace: string;
  readonly name: string;
}

/** The event message upstream writes for each action. */
export function taintEvictionEventMessage(
  action: TaintEvictionEventAction,
  pod: TaintEvictionEventPod,
): string {
  const namespacedName = `${pod.namespace}/${pod.name}`;
  return action === "markForDeletion"
    ? `Marking for deletion Pod ${namespacedName}`
    : `Cancelling deletion of Pod ${namespacedName}`;
}

/**
 * Builds the core/v1 Event client-go's recorder writes for the taint eviction controller:
 * name `<pod>.<unix nanoseconds in hex>` in the pod's namespace, `involvedObject` the pod
 * (kind, namespace, name, apiVersion — upstream passes no uid), type Normal, reason
 * `TaintManagerEviction`, `count: 1`, first and last timestamps = now.
 */
export function buildTaintEvictionEvent(
  action: TaintEvictionEventAction,
  pod: TaintEvictionEventPod,
  options: { readonly nowMs: number; readonly nanoseconds: bigint },
): Event {
  const namespace = pod.namespace || "default";
  const timestamp = formatKubernetesTime(Math.floor(options.nowMs / 1000) * 1000);
  const event = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: eventName(pod.name, options.nanoseconds), namespace },
    involvedObject: { kind: "Pod", namespace: pod.namespace, name: pod.name, apiVersion: "v1" },
    reason: taintManagerEvictionReason,
    message: taintEvictionEventMessage(action, pod),
    source: { component: taintEvictionComponent },
    firstTimestamp: timestamp,
    lastTimestamp: timestamp,
    count: 1,
    type: "Normal",
    // Go writes the zero MicroTime as null.
    eventTime: null,
    reportingComponent: taintEvictionComponent,
  };
  return event as unknown as Event;
}

/** Writes the taint eviction controller's events. */
export interface TaintEvictionEventRecorder {
  /** Creates the event through the client; never rejects (events are best effort, as upstream's). */
  record(action: TaintEvictionEventAction, pod: TaintEvictionEventPod): Promise<void>;
}

/**
 * Creates the recorder. Event names must be unique and a virtual clock can give two events
 * the same instant, so each event gets at least one nanosecond more than the last.
 */
export function createTaintEvictionEventRecorder(
  client: ApiClient,
  clock: Clock,
): TaintEvictionEventRecorder {
  const nextNanoseconds = createEventNanosecondSequence();
  return {
    record(action, pod) {
      const nowMs = clock.now();
      const nanoseconds = nextNanoseconds(nowMs);
      return client.create(buildTaintEvictionEvent(action, pod, { nowMs, nanoseconds })).then(
        () => undefined,
        () => undefined,
      );
    },
  };
}

/**
 * The Events section of kubectl's describers: the events whose `involvedObject` is the
 * described object, oldest `lastTimestamp` first, with kubectl's AGE text
 * (`5s`, `2m (x3 over 5m)`).
 */
import type { ApiClient, Event } from "@kubesim/core";
import { goSorted } from "../get/index.js";
import { ageSince, timestampMilliseconds } from "./describe-time.js";
import type { PrefixWriter } from "./describe-writer.js";

/** Which object the events are about (upstream `ObjectReference`, as describe fills it). */
export interface EventReference {
  /** `""` for cluster-scoped objects: their events are searched in every namespace. */
  readonly namespace: string;
  readonly name: string;
  /** Left out of the search when empty (the pod describer searches without a kind). */
  readonly kind: string;
  /** Left out of the search when empty. */
  readonly uid: string;
}

/** Go's zero `time.Time` in epoch milliseconds: an unset `lastTimestamp` sorts first. */
const goZeroTimeMilliseconds = -62_135_596_800_000;
// Go's unicode.IsSpace set, for strings.TrimSpace.
const goSpaceAtEnds =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** The field selector client-go's `GetFieldSelector` builds for a reference. */
export function eventFieldSelector(reference: EventReference): string {
  const terms = [`involvedObject.name=${reference.name}`, `involvedObject.namespace=${reference.namespace}`];
  if (reference.kind !== "") terms.push(`involvedObject.kind=${reference.kind}`);
  if (reference.uid !== "") terms.push(`involvedObject.uid=${reference.uid}`);
  return terms.join(",");
}

/**
 * Lists the events about `reference` (upstream `searchEvents`). A failed list gives no
 * events: describe still prints the object, as kubectl ignores the error.
 */
export async function searchEvents(client: ApiClient, reference: EventReference): Promise<Event[]> {
  try {
    const listed = await client.list("Event", {
      ...(reference.namespace === "" ? {} : { namespace: reference.namespace }),
      fieldSelector: eventFieldSelector(reference),
    });
    return listed.items;
  } catch {
    return [];
  }
}

function lastTimestampMilliseconds(event: Event): number {
  return timestampMilliseconds(event.lastTimestamp) ?? goZeroTimeMilliseconds;
}

/**
 * The AGE cell: the age of `eventTime` (else `firstTimestamp`), or for repeated events
 * `<age of the last> (x<count> over <age of the first>)`.
 */
export function eventAge(event: Event, nowMilliseconds: number): string {
  const eventTime = timestampMilliseconds(event.eventTime);
  const first =
    eventTime === undefined || eventTime === goZeroTimeMilliseconds
      ? ageSince(event.firstTimestamp, nowMilliseconds)
      : ageSince(event.eventTime, nowMilliseconds);
  const series = event.series;
  if (series !== undefined && series !== null && typeof series === "object") {
    return `${ageSince(series.lastObservedTime, nowMilliseconds)} (x${Math.trunc(series.count ?? 0)} over ${first})`;
  }
  const count = Math.trunc(event.count ?? 0);
  if (count > 1) return `${ageSince(event.lastTimestamp, nowMilliseconds)} (x${count} over ${first})`;
  return first;
}

/**
 * Writes the Events section (upstream `DescribeEvents`): `Events:\t<none>` aligned with
 * the fields above it, or a table of its own sorted by `lastTimestamp` with Go's
 * (unstable) sort, so equal timestamps come out in kubectl's order.
 */
export function writeEvents(writer: PrefixWriter, events: readonly Event[], nowMilliseconds: number): void {
  if (events.length === 0) {
    writer.write(0, "Events:\t<none>\n");
    return;
  }
  writer.flush();
  const sorted = goSorted(
    events,
    (left, right) => lastTimestampMilliseconds(left) < lastTimestampMilliseconds(right),
  );
  writer.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  writer.write(1, "----\t------\t----\t----\t-------\n");
  for (const event of sorted) {
    const source = event.source?.component || event.reportingComponent || "";
    const message = (event.message ?? "").replace(goSpaceAtEnds, "");
    writer.write(
      1,
      `${event.type ?? ""}\t${event.reason ?? ""}\t${eventAge(event, nowMilliseconds)}\t${source}\t${message}\n`,
    );
  }
}

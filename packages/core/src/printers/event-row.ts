/** The cells of an event row (`kubectl get events`, all columns including the wide ones). */
import type { Event } from "kubernetes-types/core/v1";
import { goTrimSpace } from "./go-strings.js";
import { asRecord, integerAt, path, stringAt } from "./object-fields.js";
import { parseTimestamp, translateTimestampSince } from "./timestamp.js";

/** LAST SEEN, TYPE, REASON, OBJECT, SUBOBJECT, SOURCE, MESSAGE, FIRST SEEN, COUNT, NAME. */
export function eventCells(event: Event, now: Date): unknown[] {
  const firstTimestamp = path(event, "firstTimestamp");
  const firstSeen = translateTimestampSince(
    parseTimestamp(firstTimestamp) === undefined ? path(event, "eventTime") : firstTimestamp,
    now,
  );
  const lastTimestamp = path(event, "lastTimestamp");
  let lastSeen =
    parseTimestamp(lastTimestamp) === undefined ? firstSeen : translateTimestampSince(lastTimestamp, now);
  let count = integerAt(event, "count");
  const series = asRecord(path(event, "series"));
  if (series !== undefined) {
    lastSeen = translateTimestampSince(path(series, "lastObservedTime"), now);
    count = integerAt(series, "count");
  } else if (count === 0) {
    // Events of the events.k8s.io API (singletons) have no count.
    count = 1;
  }
  return [
    lastSeen,
    stringAt(event, "type"),
    stringAt(event, "reason"),
    involvedObject(event),
    stringAt(event, "involvedObject", "fieldPath"),
    eventSource(event),
    goTrimSpace(stringAt(event, "message")),
    firstSeen,
    count,
    stringAt(event, "metadata", "name"),
  ];
}

function involvedObject(event: Event): string {
  const kind = stringAt(event, "involvedObject", "kind").toLowerCase();
  const name = stringAt(event, "involvedObject", "name");
  return name === "" ? kind : `${kind}/${name}`;
}

function eventSource(event: Event): string {
  const component = stringAt(event, "source", "component") || stringAt(event, "reportingComponent");
  const host = stringAt(event, "source", "host") || stringAt(event, "reportingInstance");
  return host === "" ? component : `${component}, ${host}`;
}

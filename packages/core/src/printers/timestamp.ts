/**
 * Reading `metav1.Time` / `metav1.MicroTime` values (RFC 3339 strings) for the AGE-like
 * cells, keeping sub-millisecond precision so boundaries round as in Go.
 */
import { humanDuration } from "./duration.js";

const rfc3339 = /^(\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// 0001-01-01T00:00:00Z is Go's zero time.Time, which the API uses for "unset".
const goZeroTimeMilliseconds = -62_135_596_800_000;

/** A point in time: whole milliseconds since the epoch plus a sub-millisecond rest. */
export interface Instant {
  readonly milliseconds: number;
  readonly fraction: number;
}

/**
 * Reads a timestamp value (an RFC 3339 string or a `Date`). Returns `undefined` when it is
 * unset, Go's zero time, or not a timestamp at all.
 */
export function parseTimestamp(value: unknown): Instant | undefined {
  const instant = toInstant(value);
  if (instant === undefined) return undefined;
  if (instant.milliseconds === goZeroTimeMilliseconds && instant.fraction === 0) return undefined;
  return instant;
}

function toInstant(value: unknown): Instant | undefined {
  if (value instanceof Date) {
    const milliseconds = value.getTime();
    return Number.isNaN(milliseconds) ? undefined : { milliseconds, fraction: 0 };
  }
  if (typeof value !== "string" || value === "") return undefined;
  const match = rfc3339.exec(value);
  if (match === null) {
    const milliseconds = Date.parse(value);
    return Number.isNaN(milliseconds) ? undefined : { milliseconds, fraction: 0 };
  }
  const [, dateTime = "", fractionText = "", zone = ""] = match;
  const milliseconds = Date.parse(`${dateTime.toUpperCase()}${zone.toUpperCase()}`);
  if (Number.isNaN(milliseconds)) return undefined;
  const fraction = fractionText === "" ? 0 : Number(`0${fractionText}`) * 1000;
  return { milliseconds, fraction };
}

/** True when `left` is strictly before `right` (Go's `Time.Before`). */
export function isBefore(left: Instant, right: Instant): boolean {
  return (
    left.milliseconds < right.milliseconds ||
    (left.milliseconds === right.milliseconds && left.fraction < right.fraction)
  );
}

/** Milliseconds from `instant` to `now`, subtracting the parts separately to keep precision. */
export function millisecondsSince(instant: Instant, now: Date): number {
  return now.getTime() - instant.milliseconds - instant.fraction;
}

/**
 * The AGE text for a timestamp: `humanDuration(now - value)`, or `<unknown>` when the
 * timestamp is unset (upstream `translateTimestampSince`).
 */
export function translateTimestampSince(value: unknown, now: Date): string {
  const instant = parseTimestamp(value);
  return instant === undefined ? "<unknown>" : humanDuration(millisecondsSince(instant, now));
}

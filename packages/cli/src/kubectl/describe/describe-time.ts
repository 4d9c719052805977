/**
 * Timestamps as kubectl's describers print them: Go's `time.RFC1123Z` layout in the
 * local time zone (client-go turns every decoded `metav1.Time` into local time), and ages
 * against the cluster's clock.
 */
import { translateTimestampSince } from "@kubesim/core";

const dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Go's zero `time.Time` (what an unset timestamp decodes to) keeps UTC. */
const zeroTimeText = "Mon, 01 Jan 0001 00:00:00 +0000";

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}

/** Milliseconds since the epoch of an RFC 3339 timestamp, or `undefined` when unset or unreadable. */
export function timestampMilliseconds(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const milliseconds = Date.parse(value);
  return Number.isNaN(milliseconds) ? undefined : milliseconds;
}

/**
 * Formats a timestamp as `Thu, 01 Jan 2026 00:00:00 +0000` in the local time zone (Go's
 * `Format(time.RFC1123Z)` of a decoded `metav1.Time`); an unset timestamp prints as Go's
 * zero time, `Mon, 01 Jan 0001 00:00:00 +0000`.
 */
export function formatTimestamp(value: unknown): string {
  const milliseconds = timestampMilliseconds(value);
  if (milliseconds === undefined) return zeroTimeText;
  const date = new Date(milliseconds);
  // getTimezoneOffset can be fractional for historical zones; Go prints whole minutes.
  const offsetSeconds = Math.round(-date.getTimezoneOffset() * 60);
  const sign = offsetSeconds < 0 ? "-" : "+";
  const absolute = Math.abs(offsetSeconds);
  const offset = `${sign}${twoDigits(Math.trunc(absolute / 3600))}${twoDigits(Math.trunc((absolute % 3600) / 60))}`;
  const year = String(date.getFullYear()).padStart(4, "0");
  return (
    `${dayNames[date.getDay()]}, ${twoDigits(date.getDate())} ${monthNames[date.getMonth()]} ${year} ` +
    `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())} ${offset}`
  );
}

/** The age of a timestamp against `nowMilliseconds` (`2m5s`), or `<unknown>` when unset. */
export function ageSince(value: unknown, nowMilliseconds: number): string {
  return translateTimestampSince(value, new Date(nowMilliseconds));
}

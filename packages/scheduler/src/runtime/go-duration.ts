/**
 * Formats whole milliseconds as Go's `time.Duration.String()`: `500ms`, `1.5s`, `10s`,
 * `1m30s`, `15m0s`, `2h0m0s`; `0s` for zero. Used where upstream prints a duration
 * into a message (the Permit timeout rejection).
 */
export function goDurationString(milliseconds: number): string {
  const total = Math.trunc(milliseconds);
  if (total === 0) return "0s";
  const sign = total < 0 ? "-" : "";
  const absolute = Math.abs(total);
  if (absolute < 1000) return `${sign}${absolute}ms`;
  const hours = Math.trunc(absolute / 3_600_000);
  const minutes = Math.trunc((absolute % 3_600_000) / 60_000);
  const wholeSeconds = Math.trunc((absolute % 60_000) / 1000);
  const fraction = absolute % 1000;
  const fractionText = fraction === 0 ? "" : `.${String(fraction).padStart(3, "0").replace(/0+$/, "")}`;
  let text = `${wholeSeconds}${fractionText}s`;
  if (hours > 0 || minutes > 0) text = `${minutes}m${text}`;
  if (hours > 0) text = `${hours}h${text}`;
  return sign + text;
}

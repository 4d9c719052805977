import { formatGoDurationNanoseconds } from "../config/go-duration.js";

/**
 * Formats whole milliseconds as Go's `time.Duration.String()`: `500ms`, `1.5s`, `10s`,
 * `1m30s`, `15m0s`, `2h0m0s`; `0s` for zero. Used where upstream prints a duration
 * into a message (the Permit timeout rejection).
 *
 * @example
 * goDurationString(90_000); // => "1m30s"
 */
export function goDurationString(milliseconds: number): string {
  return formatGoDurationNanoseconds(BigInt(Math.trunc(milliseconds)) * 1_000_000n);
}

/**
 * Formats epoch milliseconds as the API server writes timestamps: RFC 3339 in UTC,
 * whole seconds, e.g. `2026-11-29T19:21:30Z`.
 */
export function formatTimestamp(epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  // Writes come in bursts at the same second (a virtual clock often stands still): reuse the text.
  if (seconds === lastFormattedSeconds) return lastFormattedText;
  const text = new Date(seconds).toISOString().replace(".000Z", "Z");
  lastFormattedSeconds = seconds;
  lastFormattedText = text;
  return text;
}

let lastFormattedSeconds = Number.NaN;
let lastFormattedText = "";

/** Parses an RFC 3339 timestamp to epoch milliseconds, or `undefined` when it is not one. */
export function parseTimestamp(text: unknown): number | undefined {
  if (typeof text !== "string" || text === "") return undefined;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

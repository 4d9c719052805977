import { KubesimError } from "@kubesim/core";

const unitMilliseconds: ReadonlyMap<string, number> = new Map([
  ["ms", 1],
  ["s", 1000],
  ["m", 60_000],
  ["h", 3_600_000],
]);

// One or more `<number><unit>` parts, as Go's time.ParseDuration reads them (`1m30s`).
const durationPattern = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const durationPart = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/**
 * Reads a duration for `cluster.advance()`: a number of milliseconds, or Go-style text
 * such as `"90s"`, `"5m"`, `"1m30s"`, `"250ms"`, `"2h"`.
 *
 * @throws KubesimError for a negative, non-finite or unreadable duration.
 */
export function parseClusterDuration(duration: string | number): number {
  if (typeof duration === "number") {
    if (!Number.isFinite(duration) || duration < 0) {
      throw new KubesimError(
        `invalid duration ${String(duration)}: must be a finite number of milliseconds >= 0`,
      );
    }
    return duration;
  }
  if (typeof duration !== "string" || !durationPattern.test(duration)) {
    throw new KubesimError(
      `invalid duration ${JSON.stringify(duration)}: expected milliseconds or text such as "90s", "5m" or "1m30s"`,
    );
  }
  let total = 0;
  for (const match of duration.matchAll(durationPart)) {
    total += Number(match[1]) * (unitMilliseconds.get(match[2] ?? "") ?? 0);
  }
  return Math.round(total);
}

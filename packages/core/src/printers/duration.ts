/**
 * The AGE-style durations of apimachinery's `util/duration` package. Go durations are
 * int64 nanoseconds, so both functions first turn the millisecond input into a
 * nanosecond count (truncated toward zero, saturated at the int64 limits like
 * `time.Time.Sub`) and then follow Go's integer and float arithmetic step by step.
 */
import { KubesimError } from "../errors/index.js";

const nanosecondsPerMillisecond = 1_000_000n;
const second = 1_000_000_000n;
const minute = 60n * second;
const hour = 60n * minute;
const maxDuration = (1n << 63n) - 1n;
const minDuration = -(1n << 63n);

/**
 * Formats a duration with two to three significant figures, as kubectl's AGE column
 * does: `45s`, `119s`, `2m5s`, `10m`, `3h20m`, `47h`, `2d3h`, `20d`, `2y300d`, `9y`.
 *
 * @param milliseconds - the duration; fractional values are allowed.
 * @returns `<invalid>` below -1 second, `0s` from -1 second up to 0.
 * @throws KubesimError when `milliseconds` is NaN.
 */
export function humanDuration(milliseconds: number): string {
  const duration = toNanoseconds(milliseconds);
  const seconds = truncatedUnits(duration, second);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Number(duration / minute);
  if (minutes < 10) {
    const remainingSeconds = Number(duration / second) % 60;
    return remainingSeconds === 0 ? `${minutes}m` : `${minutes}m${remainingSeconds}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Number(duration / hour);
  if (hours < 8) {
    const remainingMinutes = minutes % 60;
    return remainingMinutes === 0 ? `${hours}h` : `${hours}h${remainingMinutes}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const remainingHours = hours % 24;
    return remainingHours === 0 ? `${days}d` : `${days}d${remainingHours}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const remainingDays = days % 365;
    return remainingDays === 0 ? `${years}y` : `${years}y${remainingDays}d`;
  }
  return `${years}y`;
}

/**
 * Formats a duration with one unit only: `59s`, `59m`, `23h`, `364d`, `1y`.
 *
 * @param milliseconds - the duration; fractional values are allowed.
 * @returns `<invalid>` below -1 second, `0s` from -1 second up to 0.
 * @throws KubesimError when `milliseconds` is NaN.
 */
export function shortHumanDuration(milliseconds: number): string {
  const duration = toNanoseconds(milliseconds);
  const seconds = truncatedUnits(duration, second);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = truncatedUnits(duration, minute);
  if (minutes < 60) return `${minutes}m`;
  const hours = truncatedUnits(duration, hour);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(unitsAsFloat(duration, hour) / 24 / 365)}y`;
}

/** Go's `int(d.Seconds())` (and Minutes, Hours): a float sum truncated toward zero. */
function truncatedUnits(duration: bigint, unit: bigint): number {
  return Math.trunc(unitsAsFloat(duration, unit));
}

function unitsAsFloat(duration: bigint, unit: bigint): number {
  return Number(duration / unit) + Number(duration % unit) / Number(unit);
}

function toNanoseconds(milliseconds: number): bigint {
  if (Number.isNaN(milliseconds)) {
    throw new KubesimError("A duration must be a number of milliseconds, got NaN.");
  }
  if (milliseconds === Number.POSITIVE_INFINITY) return maxDuration;
  if (milliseconds === Number.NEGATIVE_INFINITY) return minDuration;
  let nanoseconds: bigint;
  if (Number.isInteger(milliseconds)) {
    nanoseconds = BigInt(milliseconds) * nanosecondsPerMillisecond;
  } else {
    // A fractional double is an exact dyadic rational: scale it to an integer so the
    // nanosecond count is computed without any rounding.
    let scaled = milliseconds;
    let power = 0n;
    while (!Number.isInteger(scaled)) {
      scaled *= 2;
      power++;
    }
    nanoseconds = (BigInt(scaled) * nanosecondsPerMillisecond) / (1n << power);
  }
  if (nanoseconds > maxDuration) return maxDuration;
  if (nanoseconds < minDuration) return minDuration;
  return nanoseconds;
}

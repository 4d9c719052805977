import { describe, expect, it } from "vitest";
import { KubesimError } from "../errors/index.js";
import { humanDuration, shortHumanDuration } from "./duration.js";

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const year = 365 * day;

describe("humanDuration", () => {
  it.each([
    {
      name: "more than one second in the future is invalid",
      milliseconds: -2 * second,
      expected: "<invalid>",
    },
    { name: "exactly -2s is invalid", milliseconds: -2000, expected: "<invalid>" },
    { name: "just above -2s truncates to -1s and reads 0s", milliseconds: -1999.999999, expected: "0s" },
    { name: "-1s reads 0s (clock skew tolerance)", milliseconds: -second, expected: "0s" },
    { name: "half a second in the future reads 0s", milliseconds: -500, expected: "0s" },
    { name: "zero reads 0s", milliseconds: 0, expected: "0s" },
    { name: "a fraction of a second truncates to 0s", milliseconds: 999.9999, expected: "0s" },
    { name: "one nanosecond less than a second is still 0s", milliseconds: 999.999999, expected: "0s" },
    { name: "exactly one second is 1s", milliseconds: 1000, expected: "1s" },
    { name: "seconds are shown up to 119s", milliseconds: 119.999 * second, expected: "119s" },
    { name: "two minutes switch to minutes", milliseconds: 2 * minute, expected: "2m" },
    { name: "minutes under ten show seconds", milliseconds: 2 * minute + 14 * second, expected: "2m14s" },
    { name: "minutes under ten without seconds drop them", milliseconds: 9 * minute, expected: "9m" },
    { name: "9m59s is the last value with seconds", milliseconds: 10 * minute - second, expected: "9m59s" },
    { name: "ten minutes drop the seconds", milliseconds: 10 * minute + 59 * second, expected: "10m" },
    { name: "179 minutes stay in minutes", milliseconds: 3 * hour - second, expected: "179m" },
    { name: "three hours show hours and minutes", milliseconds: 3 * hour + 20 * minute, expected: "3h20m" },
    {
      name: "whole hours under eight drop the minutes",
      milliseconds: 5 * hour + 59 * second,
      expected: "5h",
    },
    { name: "7h59m is the last value with minutes", milliseconds: 8 * hour - second, expected: "7h59m" },
    { name: "eight hours drop the minutes", milliseconds: 8 * hour + 30 * minute, expected: "8h" },
    { name: "47 hours stay in hours", milliseconds: 48 * hour - second, expected: "47h" },
    { name: "two days show days and hours", milliseconds: 2 * day + 3 * hour, expected: "2d3h" },
    { name: "whole days under eight drop the hours", milliseconds: 3 * day + 59 * minute, expected: "3d" },
    { name: "7d23h is the last value with hours", milliseconds: 8 * day - second, expected: "7d23h" },
    { name: "eight days drop the hours", milliseconds: 8 * day + 23 * hour, expected: "8d" },
    { name: "729 days stay in days", milliseconds: 2 * year - second, expected: "729d" },
    { name: "two years show years and days", milliseconds: 2 * year + 300 * day, expected: "2y300d" },
    { name: "whole years under eight drop the days", milliseconds: 3 * year + 5 * hour, expected: "3y" },
    { name: "eight years show years only", milliseconds: 8 * year + 200 * day, expected: "8y" },
    { name: "years use 365-day years", milliseconds: 20 * year - second, expected: "19y" },
    {
      name: "an infinite duration saturates at Go's maximum duration",
      milliseconds: Number.POSITIVE_INFINITY,
      expected: "292y",
    },
    {
      name: "an infinitely negative duration is invalid",
      milliseconds: Number.NEGATIVE_INFINITY,
      expected: "<invalid>",
    },
    { name: "a huge duration saturates at Go's maximum duration", milliseconds: 1e300, expected: "292y" },
  ])("$name", ({ milliseconds, expected }) => {
    expect(humanDuration(milliseconds)).toBe(expected);
  });

  it("rejects NaN with a KubesimError", () => {
    expect(() => humanDuration(Number.NaN)).toThrowError(KubesimError);
    expect(() => humanDuration(Number.NaN)).toThrowError(
      "A duration must be a number of milliseconds, got NaN.",
    );
  });
});

describe("shortHumanDuration", () => {
  it.each([
    { name: "more than one second in the future is invalid", milliseconds: -2001, expected: "<invalid>" },
    { name: "up to one second in the future reads 0s", milliseconds: -1999, expected: "0s" },
    { name: "seconds are shown below a minute", milliseconds: 59.9 * second, expected: "59s" },
    { name: "a minute switches to minutes", milliseconds: minute, expected: "1m" },
    { name: "minutes are shown below an hour", milliseconds: hour - 1, expected: "59m" },
    { name: "an hour switches to hours", milliseconds: hour, expected: "1h" },
    { name: "hours are shown below a day", milliseconds: day - 1, expected: "23h" },
    { name: "a day switches to days", milliseconds: day, expected: "1d" },
    { name: "days are shown below a year", milliseconds: year - 1, expected: "364d" },
    { name: "a year switches to years", milliseconds: year, expected: "1y" },
    { name: "years are truncated", milliseconds: 3 * year - 1, expected: "2y" },
  ])("$name", ({ milliseconds, expected }) => {
    expect(shortHumanDuration(milliseconds)).toBe(expected);
  });

  it("rejects NaN with a KubesimError", () => {
    expect(() => shortHumanDuration(Number.NaN)).toThrowError(KubesimError);
  });
});

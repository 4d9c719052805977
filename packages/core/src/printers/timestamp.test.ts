import { describe, expect, it } from "vitest";
import { parseTimestamp, translateTimestampSince } from "./timestamp.js";

const now = new Date("2026-11-29T19:21:30Z");

describe("translateTimestampSince", () => {
  it.each([
    { name: "an RFC 3339 UTC timestamp gives its age", value: "2026-11-29T19:19:16Z", expected: "2m14s" },
    {
      name: "a timestamp with an offset is converted to UTC",
      value: "2026-11-29T21:21:00+02:00",
      expected: "30s",
    },
    {
      name: "microseconds keep a just-under-two-minutes age at 119s",
      value: "2026-11-29T19:19:30.000001Z",
      expected: "119s",
    },
    { name: "a lower-case t and z are accepted", value: "2026-11-29t19:21:00z", expected: "30s" },
    { name: "a Date object is accepted", value: new Date("2026-11-29T19:20:30Z"), expected: "60s" },
    { name: "a missing timestamp is unknown", value: undefined, expected: "<unknown>" },
    { name: "a null timestamp is unknown", value: null, expected: "<unknown>" },
    { name: "an empty timestamp is unknown", value: "", expected: "<unknown>" },
    { name: "Go's zero time is unknown", value: "0001-01-01T00:00:00Z", expected: "<unknown>" },
    { name: "text that is no timestamp is unknown", value: "yesterday", expected: "<unknown>" },
    { name: "a number is not a timestamp", value: 1234, expected: "<unknown>" },
    {
      name: "a timestamp in the future by more than a second is invalid",
      value: "2026-11-29T19:21:33Z",
      expected: "<invalid>",
    },
  ])("$name", ({ value, expected }) => {
    expect(translateTimestampSince(value, now)).toBe(expected);
  });
});

describe("parseTimestamp", () => {
  it("keeps the sub-millisecond part separately", () => {
    expect(parseTimestamp("2026-11-29T19:21:30.123456Z")).toEqual({
      milliseconds: Date.parse("2026-11-29T19:21:30Z"),
      fraction: 123.456,
    });
  });
});

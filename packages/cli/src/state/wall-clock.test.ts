import { describe, expect, it } from "vitest";
import { formatRfc3339, resolveNow } from "./wall-clock.js";

describe("resolveNow", () => {
  it.each([
    {
      name: "An RFC 3339 time in UTC pins now",
      value: "2026-03-01T00:00:00Z",
      want: Date.parse("2026-03-01T00:00:00Z"),
    },
    {
      name: "An RFC 3339 time with an offset is read in UTC",
      value: "2026-03-01T02:00:00+02:00",
      want: Date.parse("2026-03-01T00:00:00Z"),
    },
    {
      name: "Fractional seconds are kept to the millisecond",
      value: "2026-03-01T00:00:00.250Z",
      want: Date.parse("2026-03-01T00:00:00Z") + 250,
    },
    { name: "Epoch milliseconds pin now", value: "1772323200000", want: 1772323200000 },
  ])("$name", ({ value, want }) => {
    expect(resolveNow({ KUBESIM_NOW: value })).toBe(want);
  });

  it("Without KUBESIM_NOW the wall clock is used", () => {
    const before = Date.now();
    const now = resolveNow({});
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    { name: "A date without a time is refused", value: "2026-03-01" },
    { name: "A time without a zone is refused", value: "2026-03-01T00:00:00" },
    { name: "A negative number is refused", value: "-5" },
    { name: "Words are refused", value: "yesterday" },
    { name: "An impossible date is refused", value: "2026-13-45T00:00:00Z" },
  ])("$name", ({ value }) => {
    expect(() => resolveNow({ KUBESIM_NOW: value })).toThrow(
      `invalid KUBESIM_NOW ${JSON.stringify(value)}: expected an RFC 3339 time such as "2026-01-01T00:00:00Z" or epoch milliseconds`,
    );
  });
});

describe("formatRfc3339", () => {
  it("Prints UTC with second precision, as metav1.Time", () => {
    expect(formatRfc3339(Date.parse("2026-03-01T00:00:00.999Z"))).toBe("2026-03-01T00:00:00Z");
  });
});

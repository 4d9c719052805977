import { describe, expect, it } from "vitest";
import { formatTimestamp } from "./timestamps.js";

describe("formatTimestamp", () => {
  it.each([
    {
      name: "drops milliseconds to whole seconds",
      epochMs: Date.parse("2026-01-01T00:00:00.999Z"),
      expected: "2026-01-01T00:00:00Z",
    },
    {
      name: "formats the next second after a cached one",
      epochMs: Date.parse("2026-01-01T00:00:01.000Z"),
      expected: "2026-01-01T00:00:01Z",
    },
    {
      name: "formats the same second again from the cache",
      epochMs: Date.parse("2026-01-01T00:00:01.500Z"),
      expected: "2026-01-01T00:00:01Z",
    },
    {
      name: "goes back in time correctly",
      epochMs: Date.parse("2025-12-31T23:59:59.000Z"),
      expected: "2025-12-31T23:59:59Z",
    },
  ])("$name", ({ epochMs, expected }) => {
    expect(formatTimestamp(epochMs)).toBe(expected);
  });
});

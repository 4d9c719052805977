import { describe, expect, it } from "vitest";
import { metaMicroTime, metaTime } from "./pod-status-update.js";

describe("metaMicroTime", () => {
  it.each([
    {
      name: "formats an instant with six fractional digits",
      epochMs: [Date.UTC(2026, 0, 1, 12, 30, 5, 42)],
      expected: ["2026-01-01T12:30:05.042000Z"],
    },
    {
      name: "gives each of alternating instants its own text",
      epochMs: [0, 1500, 0, 1500.9],
      expected: [
        "1970-01-01T00:00:00.000000Z",
        "1970-01-01T00:00:01.500000Z",
        "1970-01-01T00:00:00.000000Z",
        "1970-01-01T00:00:01.500000Z",
      ],
    },
  ])("$name", ({ epochMs, expected }) => {
    expect(epochMs.map(metaMicroTime)).toEqual(expected);
  });
});

describe("metaTime", () => {
  it("formats whole seconds", () => {
    expect(metaTime(Date.UTC(2026, 0, 1, 12, 30, 5, 999))).toBe("2026-01-01T12:30:05Z");
  });
});

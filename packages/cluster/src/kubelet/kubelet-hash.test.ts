import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kubeletHash, kubeletTimestamp } from "./kubelet-hash.js";

// The digest as first specified: lane after lane, each a seeded FNV-1a over the text.
function laneByLaneHash(text: string, hexLength: number): string {
  let result = "";
  for (let lane = 0; result.length < hexLength; lane++) {
    let hash = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    result += hash.toString(16).padStart(8, "0");
  }
  return result.slice(0, hexLength);
}

describe("kubeletHash", () => {
  it.each([
    { name: "The default length is 32 hex digits.", text: "machine:node-1", length: undefined, digits: 32 },
    { name: "A length of 64 gives 64 hex digits.", text: "image:nginx", length: 64, digits: 64 },
    { name: "A length that is not a multiple of 8 is cut.", text: "x", length: 12, digits: 12 },
    { name: "A length of 0 gives nothing.", text: "x", length: 0, digits: 0 },
  ])("$name", ({ text, length, digits }) => {
    const hash = length === undefined ? kubeletHash(text) : kubeletHash(text, length);
    expect(hash).toHaveLength(digits);
    expect(hash).toBe(laneByLaneHash(text, length ?? 32));
  });

  it("equals the lane-by-lane digest for any text and length", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.integer({ min: 0, max: 72 }), (text, length) => {
        expect(kubeletHash(text, length)).toBe(laneByLaneHash(text, length));
      }),
    );
  });
});

describe("kubeletTimestamp", () => {
  it("formats each instant anew when instants alternate", () => {
    const first = Date.parse("2026-01-01T00:00:00.250Z");
    const second = Date.parse("2026-01-01T00:02:03.999Z");
    expect([first, second, first, first, second].map(kubeletTimestamp)).toEqual([
      "2026-01-01T00:00:00Z",
      "2026-01-01T00:02:03Z",
      "2026-01-01T00:00:00Z",
      "2026-01-01T00:00:00Z",
      "2026-01-01T00:02:03Z",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";

describe("canonicalJson", () => {
  it.each([
    {
      name: "sorts object keys at every level",
      value: { b: 1, a: { d: [true, null], c: "x" } },
      expected: '{"a":{"c":"x","d":[true,null]},"b":1}',
    },
    { name: "keeps array order", value: [3, 1, 2], expected: "[3,1,2]" },
    {
      name: "skips undefined members and writes undefined items as null",
      value: { a: undefined, b: [undefined] },
      expected: '{"b":[null]}',
    },
    {
      name: "sorts integer-like keys as strings, as Go does",
      value: { "10": "x", "9": "y", a: "z" },
      expected: '{"10":"x","9":"y","a":"z"}',
    },
    {
      name: "keeps a __proto__ key as an ordinary key",
      value: JSON.parse('{"__proto__":{"x":1},"a":2}'),
      expected: '{"__proto__":{"x":1},"a":2}',
    },
    {
      name: "escapes strings as JSON does",
      value: { 'k"ey': "line\nbreak" },
      expected: '{"k\\"ey":"line\\nbreak"}',
    },
    { name: "writes non-finite numbers as null", value: [Number.NaN, 1.5], expected: "[null,1.5]" },
  ])("$name", ({ value, expected }) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("rejects a cyclic structure with a clear error", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow("cannot serialise a cyclic structure as JSON");
  });

  it("accepts the same object twice when it is not its own ancestor", () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}');
  });
});

import { describe, expect, it } from "vitest";
import { goJsonText } from "./go-json.js";

describe("goJsonText", () => {
  it.each([
    {
      name: "Plain values are JSON.stringify's text.",
      value: { a: [1, "x"], b: null },
      text: '{"a":[1,"x"],"b":null}',
    },
    {
      name: "Angle brackets and ampersands are escaped as Go's encoder escapes them.",
      value: { args: ["a && b <x>"] },
      text: '{"args":["a \\u0026\\u0026 b \\u003cx\\u003e"]}',
    },
    {
      name: "Line and paragraph separators are escaped as Go does.",
      value: "a\u2028b\u2029c",
      text: '"a\\u2028b\\u2029c"',
    },
    { name: "Escapes in keys are applied too.", value: { "<k>": 1 }, text: '{"\\u003ck\\u003e":1}' },
    { name: "Text already escaped by JSON stays as it is.", value: 'q"\\', text: '"q\\"\\\\"' },
  ])("$name", ({ value, text }) => {
    expect(goJsonText(value)).toBe(text);
    expect(JSON.parse(goJsonText(value))).toEqual(value);
  });
});

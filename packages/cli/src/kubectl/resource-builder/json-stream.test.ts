import { describe, expect, it } from "vitest";
import { splitJsonStream } from "./json-stream.js";

describe("splitJsonStream", () => {
  it.each([
    { name: "one object is one value", text: '{"a":1}', values: ['{"a":1}'] },
    {
      name: "concatenated objects are split",
      text: '{"a":1}{"b":[1,2]}\n {"c":"}"}',
      values: ['{"a":1}', '{"b":[1,2]}', '{"c":"}"}'],
    },
    { name: "whitespace only holds nothing", text: " \n\t", values: [] },
    {
      name: "scalars between objects are values too",
      text: '{"a":1} null 5',
      values: ['{"a":1}', "null", "5"],
    },
  ])("$name", ({ text, values }) => {
    expect(splitJsonStream(text)).toEqual({ values });
  });

  it.each([
    {
      name: "a missing colon",
      text: '{"a" 1}',
      error: "json: offset 6: invalid character '1' after object key",
    },
    {
      name: "a missing comma",
      text: '{"a":1 "b":2}',
      error: "json: offset 8: invalid character '\"' after object key:value pair",
    },
    {
      name: "an unquoted key",
      text: "{a:1}",
      error: "json: offset 2: invalid character 'a' looking for beginning of object key string",
    },
    {
      name: "a bad array separator",
      text: "[1 2]",
      error: "json: offset 4: invalid character '2' after array element",
    },
    {
      name: "a misspelt literal",
      text: '{"a":tru}',
      error: "json: offset 9: invalid character '}' in literal true (expecting 'e')",
    },
    { name: "a value cut short", text: '{"a":', error: "unexpected EOF" },
    {
      name: "a control character in a string",
      text: '{"a":"x\ny"}',
      error: "json: offset 8: invalid character '\\n' in string literal",
    },
  ])("reports $name with Go's message", ({ text, error }) => {
    expect(splitJsonStream(text).error).toBe(error);
  });

  it("keeps the values before a syntax error and counts the offset from the end of the previous value", () => {
    expect(splitJsonStream('{"a":1}\n{"b" 2}')).toEqual({
      values: ['{"a":1}'],
      error: "json: offset 7: invalid character '2' after object key",
    });
  });

  it("refuses nesting deeper than Go's limit instead of overflowing the stack", () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    expect(splitJsonStream(deep).error).toMatch(/exceeded max depth$/);
  });
});

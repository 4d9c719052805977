import { describe, expect, it } from "vitest";
import { unquoteExtend } from "./unquote-extend.js";

describe("unquoteExtend", () => {
  it.each([
    { name: "a plain double-quoted string", quoted: '"abc"', text: "abc" },
    { name: "a multi-character single-quoted string", quoted: "'abc'", text: "abc" },
    { name: "newline and tab escapes", quoted: '"a\\n\\tb"', text: "a\n\tb" },
    { name: "an escaped matching quote", quoted: "'it\\'s'", text: "it's" },
    { name: "hex, unicode and octal escapes", quoted: '"\\x41\\u00e9\\101"', text: "Aé A".replace(" ", "") },
  ])("unquotes $name", ({ quoted, text }) => {
    expect(unquoteExtend(quoted)).toBe(text);
  });

  it.each([
    { name: "an escaped quote of the other kind", quoted: '"\\\'"' },
    { name: "an unknown escape", quoted: '"\\q"' },
    { name: "a short hex escape", quoted: '"\\x4"' },
    { name: "an octal escape above 255", quoted: '"\\400"' },
    { name: "mismatched quotes", quoted: "\"abc'" },
    { name: "a surrogate in a unicode escape", quoted: '"\\ud800"' },
  ])("rejects $name", ({ quoted }) => {
    expect(unquoteExtend(quoted)).toBeUndefined();
  });
});

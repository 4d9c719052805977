import { describe, expect, it } from "vitest";
import { SelectorLexer, type SelectorTokenKind, scanSelectorTokens } from "./lexer.js";

describe("SelectorLexer (upstream TestLexer)", () => {
  const single: Array<{ name: string; text: string; kind: SelectorTokenKind }> = [
    { name: "the empty string is the end", text: "", kind: "EndOfStringToken" },
    { name: "a comma is a comma", text: ",", kind: "CommaToken" },
    { name: "notin is a keyword", text: "notin", kind: "NotInToken" },
    { name: "in is a keyword", text: "in", kind: "InToken" },
    { name: "= is equals", text: "=", kind: "EqualsToken" },
    { name: "== is double equals", text: "==", kind: "DoubleEqualsToken" },
    { name: "> is greater than", text: ">", kind: "GreaterThanToken" },
    { name: "< is less than", text: "<", kind: "LessThanToken" },
    { name: "! alone is does-not-exist", text: "!", kind: "DoesNotExistToken" },
    { name: "!= is the longest match over !", text: "!=", kind: "NotEqualsToken" },
    { name: "( opens", text: "(", kind: "OpenParToken" },
    { name: ") closes", text: ")", kind: "ClosedParToken" },
    { name: "a tilde is an identifier", text: "~", kind: "IdentifierToken" },
    { name: "a double pipe is an identifier", text: "||", kind: "IdentifierToken" },
  ];
  it.each(single)("$name", ({ text, kind }) => {
    expect(new SelectorLexer(text).next()).toEqual({ kind, literal: text });
  });
});

describe("scanSelectorTokens (upstream TestLexerSequence and TestParserLookahead)", () => {
  const sequences: Array<{ name: string; text: string; kinds: SelectorTokenKind[] }> = [
    {
      name: "a set-based requirement with spaces inside the parentheses",
      text: "key in ( value )",
      kinds: ["IdentifierToken", "InToken", "OpenParToken", "IdentifierToken", "ClosedParToken"],
    },
    {
      name: "a notin requirement",
      text: "key notin ( value )",
      kinds: ["IdentifierToken", "NotInToken", "OpenParToken", "IdentifierToken", "ClosedParToken"],
    },
    {
      name: "two values separated by a comma",
      text: "key in ( value1, value2 )",
      kinds: [
        "IdentifierToken",
        "InToken",
        "OpenParToken",
        "IdentifierToken",
        "CommaToken",
        "IdentifierToken",
        "ClosedParToken",
      ],
    },
    { name: "a bare key", text: "key", kinds: ["IdentifierToken"] },
    { name: "a negated key", text: "!key", kinds: ["DoesNotExistToken", "IdentifierToken"] },
    { name: "empty parentheses", text: "()", kinds: ["OpenParToken", "ClosedParToken"] },
    { name: "the empty input", text: "", kinds: [] },
    {
      name: "an empty set followed by another requirement",
      text: "x in (),y",
      kinds: [
        "IdentifierToken",
        "InToken",
        "OpenParToken",
        "ClosedParToken",
        "CommaToken",
        "IdentifierToken",
      ],
    },
    {
      name: "operators without identifiers",
      text: "== != (), = notin",
      kinds: [
        "DoubleEqualsToken",
        "NotEqualsToken",
        "OpenParToken",
        "ClosedParToken",
        "CommaToken",
        "EqualsToken",
        "NotInToken",
      ],
    },
    {
      name: "greater than between words",
      text: "key>2",
      kinds: ["IdentifierToken", "GreaterThanToken", "IdentifierToken"],
    },
    {
      name: "less than between words",
      text: "key<1",
      kinds: ["IdentifierToken", "LessThanToken", "IdentifierToken"],
    },
    {
      name: ">= is greater than followed by equals",
      text: "x>=1",
      kinds: ["IdentifierToken", "GreaterThanToken", "EqualsToken", "IdentifierToken"],
    },
    { name: "=== is double equals then equals", text: "===", kinds: ["DoubleEqualsToken", "EqualsToken"] },
    { name: "!!= is a bang then not-equals", text: "!!=", kinds: ["DoesNotExistToken", "NotEqualsToken"] },
    {
      name: "tabs, carriage returns and line feeds separate tokens",
      text: "\tx\r\nin\n(a)",
      kinds: ["IdentifierToken", "InToken", "OpenParToken", "IdentifierToken", "ClosedParToken"],
    },
    {
      name: "a NUL character ends an identifier and is skipped",
      text: "a\u0000b",
      kinds: ["IdentifierToken", "IdentifierToken"],
    },
    { name: "a NUL character between tokens ends the input", text: "a \u0000b", kinds: ["IdentifierToken"] },
  ];
  it.each(sequences)("$name", ({ text, kinds }) => {
    const tokens = scanSelectorTokens(text);
    expect(tokens.map((token) => token.kind)).toEqual([...kinds, "EndOfStringToken"]);
  });

  it("keeps literals as written and stops an identifier at a special character", () => {
    expect(scanSelectorTokens("a.b/c!=d e")).toEqual([
      { kind: "IdentifierToken", literal: "a.b/c" },
      { kind: "NotEqualsToken", literal: "!=" },
      { kind: "IdentifierToken", literal: "d" },
      { kind: "IdentifierToken", literal: "e" },
      { kind: "EndOfStringToken", literal: "" },
    ]);
    expect(scanSelectorTokens("a\u0000b").map((token) => token.literal)).toEqual(["a", "b", ""]);
  });

  it("returns the end token again once the input is exhausted", () => {
    const lexer = new SelectorLexer("x");
    expect(lexer.next()).toEqual({ kind: "IdentifierToken", literal: "x" });
    expect(lexer.next()).toEqual({ kind: "EndOfStringToken", literal: "" });
    expect(lexer.next()).toEqual({ kind: "EndOfStringToken", literal: "" });
  });
});

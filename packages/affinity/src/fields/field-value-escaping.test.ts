import { StatusError } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeFieldValue, unescapeFieldValue } from "./field-value-escaping.js";
import { parseFieldSelector } from "./parse-field-selector.js";

describe("escapeFieldValue and unescapeFieldValue", () => {
  // Ported from apimachinery pkg/fields selector_test.go TestEscapeValue.
  it.each([
    { name: "The empty value needs no escaping.", value: "", escaped: "" },
    { name: "A plain value needs no escaping.", value: "a", escaped: "a" },
    { name: "An equals sign is escaped.", value: "=", escaped: "\\=" },
    { name: "A comma is escaped.", value: ",", escaped: "\\," },
    { name: "A backslash is escaped.", value: "\\", escaped: "\\\\" },
    { name: "Mixed specials are each escaped.", value: "\\=\\,\\", escaped: "\\\\\\=\\\\\\,\\\\" },
  ])("$name", ({ value, escaped }) => {
    expect(escapeFieldValue(value)).toBe(escaped);
    expect(unescapeFieldValue(escaped)).toBe(value);
  });

  it.each([
    {
      name: "An orphan backslash is invalid.",
      text: "\\",
      message: "invalid field selector: invalid escape sequence: \\",
    },
    {
      name: "An orphan after an escaped backslash is invalid.",
      text: "\\\\\\",
      message: "invalid field selector: invalid escape sequence: \\",
    },
    {
      name: "An unknown escape sequence is invalid.",
      text: "\\a",
      message: "invalid field selector: invalid escape sequence: \\a",
    },
    {
      name: "An unescaped comma is reported as its code point.",
      text: "a,b",
      message: "invalid field selector: unescaped character in value: 44",
    },
  ])("$name", ({ text, message }) => {
    let thrown: unknown;
    try {
      unescapeFieldValue(text);
    } catch (error) {
      thrown = error;
    }
    expect(StatusError.isInstance(thrown)).toBe(true);
    expect((thrown as StatusError).message).toBe(message);
    expect((thrown as StatusError).code).toBe(400);
  });
});

describe("escaping properties", () => {
  it("Any value survives escaping, and a selector built from it matches exactly that value.", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite" }), fc.string(), (value, other) => {
        expect(unescapeFieldValue(escapeFieldValue(value))).toBe(value);
        const selector = parseFieldSelector(`k=${escapeFieldValue(value)}`);
        expect(selector.matches({ k: value })).toBe(true);
        expect(selector.matches({ k: other })).toBe(other === value);
      }),
    );
  });
});

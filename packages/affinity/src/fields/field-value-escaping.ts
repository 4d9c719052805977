import { createFieldSelectorError } from "./field-selector-error.js";

const specialCharacters = /[\\,=]/;
const specialCharactersGlobal = /[\\,=]/g;

/**
 * Escapes a literal value for a field selector (upstream's `fields.EscapeValue`).
 *
 * `\` becomes `\\`, `,` becomes `\,` and `=` becomes `\=`; any other text comes back
 * unchanged. Never throws. The results below are JavaScript string literals.
 *
 * @example
 * escapeFieldValue("a,b=c") // => "a\\,b\\=c"
 * escapeFieldValue("plain") // => "plain"
 */
export function escapeFieldValue(value: string): string {
  return specialCharacters.test(value) ? value.replace(specialCharactersGlobal, "\\$&") : value;
}

/** The unescaped value, or upstream's error message for an invalid one. */
export type UnescapeResult = { readonly value: string } | { readonly error: string };

/**
 * Unescapes a field selector value as upstream's `fields.UnescapeValue`: `\\`, `\,` and
 * `\=` stand for the character; any other escape, a trailing `\`, or an unescaped `,` or
 * `=` is an error (`invalid field selector: invalid escape sequence: \a`,
 * `invalid field selector: unescaped character in value: 61`, the code point in decimal
 * as Go prints a rune with `%v`).
 */
export function unescapeFieldValueResult(text: string): UnescapeResult {
  if (!specialCharacters.test(text)) return { value: text };
  let value = "";
  let inEscape = false;
  for (const character of text) {
    if (inEscape) {
      if (character !== "\\" && character !== "," && character !== "=") {
        return { error: `invalid field selector: invalid escape sequence: \\${character}` };
      }
      value += character;
      inEscape = false;
      continue;
    }
    if (character === "\\") inEscape = true;
    else if (character === "," || character === "=") {
      return { error: `invalid field selector: unescaped character in value: ${character.codePointAt(0)}` };
    } else value += character;
  }
  if (inEscape) return { error: "invalid field selector: invalid escape sequence: \\" };
  return { value };
}

/**
 * Unescapes a field selector value (upstream's `fields.UnescapeValue`).
 *
 * `\\`, `\,` and `\=` stand for the character. Any other escape, a trailing `\`, or an
 * unescaped `,` or `=` is an error. Values and messages below are JavaScript string literals.
 *
 * @throws StatusError (400 BadRequest, see {@link createFieldSelectorError}) with
 *   upstream's message: `invalid field selector: invalid escape sequence: \<char>` or
 *   `invalid field selector: unescaped character in value: <code point in decimal>` (Go
 *   prints the rune with `%v`).
 * @example
 * unescapeFieldValue("a\\,b\\=c") // => "a,b=c"
 * unescapeFieldValue("a=b") // throws StatusError: "invalid field selector: unescaped character in value: 61"
 * unescapeFieldValue("a\\b") // throws StatusError: "invalid field selector: invalid escape sequence: \\b"
 */
export function unescapeFieldValue(text: string): string {
  const result = unescapeFieldValueResult(text);
  if ("error" in result) throw createFieldSelectorError(text, result.error);
  return result.value;
}

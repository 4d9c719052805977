import { createFieldSelectorError } from "./field-selector-error.js";

const specialCharacters = /[\\,=]/;
const specialCharactersGlobal = /[\\,=]/g;

/**
 * Escapes a literal value for a field selector (upstream's `fields.EscapeValue`): `\`
 * becomes `\\`, `,` becomes `\,` and `=` becomes `\=`.
 *
 * @example
 * escapeFieldValue("a,b=c") // => "a\\,b\\=c"
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
 * {@link unescapeFieldValueResult} that throws: a 400 `BadRequest` StatusError with
 * upstream's message (see {@link createFieldSelectorError}).
 */
export function unescapeFieldValue(text: string): string {
  const result = unescapeFieldValueResult(text);
  if ("error" in result) throw createFieldSelectorError(text, result.error);
  return result.value;
}

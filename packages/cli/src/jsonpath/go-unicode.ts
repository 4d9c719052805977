/**
 * Go's Unicode character classes as client-go's JSONPath parser uses them, and the `%#U`
 * rendering its error messages print.
 */

const letterOrDigit = /^[\p{L}\p{Nd}]$/u;
const decimalDigit = /^\p{Nd}$/u;
// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** `unicode.IsDigit`: any decimal digit, not only ASCII. */
export function isGoDigit(codePoint: number): boolean {
  return codePoint >= 0 && decimalDigit.test(String.fromCodePoint(codePoint));
}

/** The parser's `isAlphaNumeric`: `_`, a letter or a decimal digit. */
export function isGoAlphaNumeric(codePoint: number): boolean {
  return codePoint === 0x5f || (codePoint >= 0 && letterOrDigit.test(String.fromCodePoint(codePoint)));
}

/** Go's `%#U`: `U+002A '*'`, without the quoted character when it is not printable. */
export function goUnicodeText(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  const character = String.fromCodePoint(codePoint);
  return printable.test(character) ? `${hex} '${character}'` : hex;
}

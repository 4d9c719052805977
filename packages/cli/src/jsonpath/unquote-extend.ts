/**
 * Go's `strconv.Unquote`, extended as client-go's JSONPath parser extends it: single-quoted
 * strings may hold several characters. Escapes follow Go: `\a \b \f \n \r \t \v \\`, the
 * escaped quote of the same kind, `\xHH`, `\uHHHH`, `\UHHHHHHHH` and octal `\NNN`.
 */

const simpleEscapes: ReadonlyMap<string, string> = new Map([
  ["a", "\u0007"],
  ["b", "\b"],
  ["f", "\f"],
  ["n", "\n"],
  ["r", "\r"],
  ["t", "\t"],
  ["v", "\v"],
  ["\\", "\\"],
]);

const hexDigits = /^[0-9a-fA-F]+$/;
const octalDigits = /^[0-7]{2}$/;
const hexLengths: ReadonlyMap<string, number> = new Map([
  ["x", 2],
  ["u", 4],
  ["U", 8],
]);

/**
 * Unquotes `quoted` (quotes included). Returns `undefined` where Go returns `ErrSyntax`
 * (`invalid syntax`).
 *
 * @remarks
 * `\xHH` and octal escapes above 0x7f stand for raw bytes in Go; JavaScript strings cannot
 * hold bytes, so they become the character with that code.
 */
export function unquoteExtend(quoted: string): string | undefined {
  if (quoted.length < 2) return undefined;
  const quote = quoted[0];
  if ((quote !== '"' && quote !== "'") || quoted[quoted.length - 1] !== quote) return undefined;
  let rest = quoted.slice(1, -1);
  if (!rest.includes("\\") && !rest.includes(quote)) return rest;
  let out = "";
  while (rest.length > 0) {
    const character = String.fromCodePoint(rest.codePointAt(0) ?? 0);
    if (character === quote) return undefined;
    if (character !== "\\") {
      out += character;
      rest = rest.slice(character.length);
      continue;
    }
    if (rest.length <= 1) return undefined;
    const escapeLetter = rest[1] as string;
    rest = rest.slice(2);
    const simple = simpleEscapes.get(escapeLetter);
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (escapeLetter === "'" || escapeLetter === '"') {
      if (escapeLetter !== quote) return undefined;
      out += escapeLetter;
      continue;
    }
    const hexLength = hexLengths.get(escapeLetter);
    if (hexLength !== undefined) {
      const digits = rest.slice(0, hexLength);
      if (digits.length < hexLength || !hexDigits.test(digits)) return undefined;
      const code = Number.parseInt(digits, 16);
      rest = rest.slice(hexLength);
      if (escapeLetter !== "x" && (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))) return undefined;
      out += String.fromCodePoint(code);
      continue;
    }
    if (escapeLetter >= "0" && escapeLetter <= "7") {
      const digits = rest.slice(0, 2);
      if (!octalDigits.test(digits)) return undefined;
      const code = Number.parseInt(`${escapeLetter}${digits}`, 8);
      rest = rest.slice(2);
      if (code > 255) return undefined;
      out += String.fromCharCode(code);
      continue;
    }
    return undefined;
  }
  return out;
}

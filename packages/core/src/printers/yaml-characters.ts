/** Character classes of libyaml's emitter (go-yaml v2 `yamlprivateh.go`), by code point. */

/** Printable without escaping: LF, ASCII 0x20..0x7E, U+00A0..U+D7FF, U+E000..U+FFFD except U+FEFF. */
export function isPrintable(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd && codePoint !== 0xfeff)
  );
}

/** A line break: CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
export function isBreak(codePoint: number): boolean {
  return (
    codePoint === 0x0d ||
    codePoint === 0x0a ||
    codePoint === 0x85 ||
    codePoint === 0x2028 ||
    codePoint === 0x2029
  );
}

/** A space or tab. */
export function isBlank(codePoint: number): boolean {
  return codePoint === 0x20 || codePoint === 0x09;
}

/** A space, tab, line break or NUL. */
export function isBlankOrBreakOrNul(codePoint: number): boolean {
  return isBlank(codePoint) || isBreak(codePoint) || codePoint === 0;
}

/** The code points of `text`. */
export function codePointsOf(text: string): number[] {
  const codePoints: number[] = [];
  for (const character of text) codePoints.push(character.codePointAt(0) ?? 0);
  return codePoints;
}

/**
 * String helpers that behave like Go's standard library, so sorted lists, trimmed text
 * and column widths match what kube-apiserver and kubectl produce.
 */

/**
 * Orders two strings as Go compares them (byte order of their UTF-8 encoding, which is
 * code-point order). Returns a negative number, zero or a positive number.
 *
 * @remarks
 * JavaScript's default order compares UTF-16 code units; it differs from code-point order
 * only when a surrogate meets a code unit in U+E000..U+FFFF, which this corrects.
 */
export function compareGoStrings(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const leftUnit = left.charCodeAt(index);
    const rightUnit = right.charCodeAt(index);
    if (leftUnit !== rightUnit) return codePointRank(leftUnit) - codePointRank(rightUnit);
  }
  return left.length - right.length;
}

function codePointRank(unit: number): number {
  // Surrogates start supplementary code points, which sort after every BMP character.
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2800 : unit;
}

/** The number of Unicode code points in `text` (Go's `utf8.RuneCountInString`). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        index++;
      }
    }
  }
  return length;
}

// Go's unicode.IsSpace set: JavaScript's trim() also strips U+FEFF and keeps U+0085.
const goSpaceAtEnds =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** Removes leading and trailing white space exactly as Go's `strings.TrimSpace` does. */
export function goTrimSpace(text: string): string {
  return text.replace(goSpaceAtEnds, "");
}

/** Sorts a copy of `values` in Go string order (`sort.Strings`). */
export function sortedGoStrings(values: Iterable<string>): string[] {
  return [...values].sort(compareGoStrings);
}

/**
 * The order go-yaml v2 gives map keys (`keyList.Less` in `sorter.go`): a "natural" order in
 * which digit runs compare as numbers (`a2` < `a10`) and non-letters sort before letters.
 */

import { codePointsOf } from "./yaml-characters.js";

const letter = /\p{L}/u;
const decimalDigit = /\p{Nd}/u;

function isLetter(codePoint: number): boolean {
  if (codePoint < 0x80)
    return (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);
  return letter.test(String.fromCodePoint(codePoint));
}

function isDigit(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x30 && codePoint <= 0x39;
  return decimalDigit.test(String.fromCodePoint(codePoint));
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > 0x7f) return false;
  }
  return true;
}

/** Sorts map keys as go-yaml v2 does. */
export function sortYamlKeys(keys: readonly string[]): string[] {
  if (keys.length < 2) return [...keys];
  const entries = keys.map((key) => ({ key, codePoints: isAscii(key) ? key : codePointsOf(key) }));
  entries.sort((left, right) =>
    isYamlKeyLess(left.codePoints, right.codePoints)
      ? -1
      : isYamlKeyLess(right.codePoints, left.codePoints)
        ? 1
        : 0,
  );
  return entries.map((entry) => entry.key);
}

/** A key as code points: an ASCII string stands for its own char codes. */
export type KeyCodePoints = string | readonly number[];

function at(key: KeyCodePoints, index: number): number {
  return typeof key === "string" ? key.charCodeAt(index) : (key[index] ?? 0);
}

/** True when key `left` sorts before key `right` (go-yaml's `keyList.Less`). */
export function isYamlKeyLess(left: KeyCodePoints, right: KeyCodePoints): boolean {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const leftPoint = at(left, index);
    const rightPoint = at(right, index);
    if (leftPoint === rightPoint) continue;
    const leftIsLetter = isLetter(leftPoint);
    const rightIsLetter = isLetter(rightPoint);
    if (leftIsLetter && rightIsLetter) return leftPoint < rightPoint;
    if (leftIsLetter || rightIsLetter) return rightIsLetter;
    // Go accumulates digit runs in an int64, which wraps around on overflow.
    let leftNumber = 0n;
    let rightNumber = 0n;
    if (leftPoint === 0x30 || rightPoint === 0x30) {
      // Inside a number with a non-zero digit before, zeros are not leading zeros.
      for (let back = index - 1; back >= 0 && isDigit(at(left, back)); back--) {
        if (at(left, back) !== 0x30) {
          leftNumber = 1n;
          rightNumber = 1n;
          break;
        }
      }
    }
    let leftEnd = index;
    for (; leftEnd < left.length && isDigit(at(left, leftEnd)); leftEnd++) {
      leftNumber = BigInt.asIntN(64, leftNumber * 10n + BigInt(at(left, leftEnd) - 0x30));
    }
    let rightEnd = index;
    for (; rightEnd < right.length && isDigit(at(right, rightEnd)); rightEnd++) {
      rightNumber = BigInt.asIntN(64, rightNumber * 10n + BigInt(at(right, rightEnd) - 0x30));
    }
    if (leftNumber !== rightNumber) return leftNumber < rightNumber;
    if (leftEnd !== rightEnd) return leftEnd < rightEnd;
    return leftPoint < rightPoint;
  }
  return left.length < right.length;
}

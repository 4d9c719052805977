/**
 * libyaml's scalar analysis (go-yaml v2 `yaml_emitter_analyze_scalar`): which styles can
 * write a string so that it reads back unchanged.
 */
import { codePointsOf, isBlank, isBlankOrBreakOrNul, isBreak, isPrintable } from "./yaml-characters.js";

/** The styles a scalar may use. */
export interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly flowPlainAllowed: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

const emptyScalar: ScalarAnalysis = Object.freeze({
  multiline: false,
  flowPlainAllowed: false,
  blockPlainAllowed: true,
  singleQuotedAllowed: true,
  blockAllowed: false,
});

// Starts alphanumeric and holds no indicator, space or break: every style is allowed.
const ordinaryText = /^[A-Za-z0-9][A-Za-z0-9._/=+-]*$/;
const ordinaryScalar: ScalarAnalysis = Object.freeze({
  multiline: false,
  flowPlainAllowed: true,
  blockPlainAllowed: true,
  singleQuotedAllowed: true,
  blockAllowed: true,
});

const leadingIndicators = new Set([..."#,[]{}&*!|>'\"%@`"].map((character) => character.codePointAt(0)));
const flowIndicators = new Set([..."?,[]{}"].map((character) => character.codePointAt(0)));
const hash = 0x23;
const colon = 0x3a;
const question = 0x3f;
const dash = 0x2d;
const space = 0x20;

/** Analyses `value` the way the emitter does before choosing a style. */
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value.length === 0) return emptyScalar;
  if (ordinaryText.test(value)) return ordinaryScalar;
  const codePoints = codePointsOf(value);
  const last = codePoints.length - 1;
  let blockIndicator = value.startsWith("---") || value.startsWith("...");
  let flowIndicator = blockIndicator;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  for (const [index, codePoint] of codePoints.entries()) {
    const next = codePoints[index + 1];
    const followedByWhitespace = next === undefined || isBlank(next);
    if (index === 0) {
      if (leadingIndicators.has(codePoint)) {
        flowIndicator = true;
        blockIndicator = true;
      } else if (codePoint === question || codePoint === colon) {
        flowIndicator = true;
        if (followedByWhitespace) blockIndicator = true;
      } else if (codePoint === dash && followedByWhitespace) {
        flowIndicator = true;
        blockIndicator = true;
      }
    } else if (flowIndicators.has(codePoint)) {
      flowIndicator = true;
    } else if (codePoint === colon) {
      flowIndicator = true;
      if (followedByWhitespace) blockIndicator = true;
    } else if (codePoint === hash && precededByWhitespace) {
      flowIndicator = true;
      blockIndicator = true;
    }
    if (!isPrintable(codePoint)) specialCharacters = true;
    if (codePoint === space) {
      if (index === 0) leadingSpace = true;
      if (index === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(codePoint)) {
      lineBreaks = true;
      if (index === 0) leadingBreak = true;
      if (index === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreakOrNul(codePoint);
  }
  const plainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace);
  const unrestricted = !(spaceBreak || specialCharacters);
  return {
    multiline: lineBreaks,
    flowPlainAllowed: plainAllowed && unrestricted && !lineBreaks && !flowIndicator,
    blockPlainAllowed: plainAllowed && unrestricted && !lineBreaks && !blockIndicator,
    singleQuotedAllowed: !breakSpace && unrestricted,
    blockAllowed: !trailingSpace && unrestricted,
  };
}

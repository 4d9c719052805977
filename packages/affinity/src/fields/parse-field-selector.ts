import { compareGoStrings } from "@kubesim/core";
import {
  type FieldSelector,
  type FieldSelectorOperator,
  type FieldSelectorRequirement,
  fieldSelectorFromRequirements,
} from "./field-selector.js";
import { createFieldSelectorError } from "./field-selector-error.js";
import { unescapeFieldValueResult } from "./field-value-escaping.js";

const backslash = 0x5c;
const comma = 0x2c;
const equals = 0x3d;
const bang = 0x21;

/**
 * Splits a selector at commas that are not escaped (upstream's `splitTerms`); escapes stay
 * in the terms, and `""` gives no terms.
 */
export function splitTerms(text: string): string[] {
  if (text === "") return [];
  const terms: string[] = [];
  let start = 0;
  let inEscape = false;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (inEscape) inEscape = false;
    else if (unit === backslash) inEscape = true;
    else if (unit === comma) {
      terms.push(text.slice(start, index));
      start = index + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** A term cut at its operator; the value is still escaped. */
export interface SplitTerm {
  readonly field: string;
  readonly operator: FieldSelectorOperator;
  readonly rawValue: string;
}

/**
 * Splits a term at its first operator (upstream's `splitTerm`); at one position `!=` and
 * `==` win over `=`. `undefined` when the term has no operator.
 */
export function splitTerm(term: string): SplitTerm | undefined {
  for (let index = 0; index < term.length; index++) {
    const unit = term.charCodeAt(index);
    const next = term.charCodeAt(index + 1);
    if (unit === bang && next === equals) {
      return { field: term.slice(0, index), operator: "!=", rawValue: term.slice(index + 2) };
    }
    if (unit === equals) {
      const width = next === equals ? 2 : 1;
      return { field: term.slice(0, index), operator: "=", rawValue: term.slice(index + width) };
    }
  }
  return undefined;
}

/**
 * Parses a field selector as the API server does (apimachinery's `fields.ParseSelector`).
 *
 * The text is comma-separated `field=value`, `field==value` or `field!=value` terms,
 * ANDed. Values may escape `\`, `,` and `=` with a backslash; the field name is not
 * unescaped. Terms are sorted (Go string order), so the canonical text is deterministic;
 * empty terms and terms with both field and value empty (`=`) are dropped, and `""` gives
 * the empty selector that matches everything. Field names are not checked against a kind:
 * see `checkFieldSelectorSupported`.
 *
 * @throws StatusError (400 BadRequest, see {@link createFieldSelectorError}) with
 *   upstream's exact message: `invalid selector: '<text>'; can't understand '<term>'` for
 *   a term without operator, or the unescape errors (`invalid field selector: ...`) of
 *   `unescapeFieldValue`. The first bad term in sorted order is reported.
 * @example
 * parseFieldSelector("status.phase!=Failed,spec.nodeName==node-2").toString()
 * // => "spec.nodeName=node-2,status.phase!=Failed"
 * parseFieldSelector("").isEmpty() // => true
 * parseFieldSelector("spec.nodeName")
 * // throws StatusError: "invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'"
 */
export function parseFieldSelector(text: string): FieldSelector {
  const source = typeof text === "string" ? text : text === undefined || text === null ? "" : String(text);
  const parts = splitTerms(source).sort(compareGoStrings);
  const terms: FieldSelectorRequirement[] = [];
  for (const part of parts) {
    if (part === "") continue;
    const split = splitTerm(part);
    if (split === undefined) {
      throw createFieldSelectorError(source, `invalid selector: '${source}'; can't understand '${part}'`);
    }
    const unescaped = unescapeFieldValueResult(split.rawValue);
    if ("error" in unescaped) throw createFieldSelectorError(source, unescaped.error);
    // Upstream runs every parsed term through an identity transform, which drops a term
    // whose field and value are both empty.
    if (split.field === "" && unescaped.value === "") continue;
    terms.push({ field: split.field, operator: split.operator, value: unescaped.value });
  }
  return fieldSelectorFromRequirements(terms);
}

import { escapeFieldValue } from "./field-value-escaping.js";

/** A field selector operator: `=` (also written `==`) or `!=`. */
export type FieldSelectorOperator = "=" | "!=";

/** One term of a field selector (upstream's `fields.Requirement`). */
export interface FieldSelectorRequirement {
  /** The field label, e.g. `spec.nodeName`. */
  readonly field: string;
  /** `=` or `!=`. */
  readonly operator: FieldSelectorOperator;
  /** The literal value (unescaped). */
  readonly value: string;
}

/**
 * A parsed field selector: an AND of `field=value` and `field!=value` terms.
 *
 * Build one with `parseFieldSelector`, {@link fieldSelectorFromRequirements} or
 * {@link everythingFields}. It is immutable; matching is pure, never throws and allocates
 * nothing.
 *
 * @example
 * const selector = parseFieldSelector("metadata.name=web,status.phase!=Failed");
 * selector.matches({ "metadata.name": "web", "status.phase": "Running" }) // => true
 * selector.matches({ "metadata.name": "web", "status.phase": "Failed" }) // => false
 * selector.matches({}) // => false (a missing field reads as "", and "" is not "web")
 * selector.requiresExactMatch("metadata.name") // => "web"
 * selector.requiresExactMatch("status.phase") // => undefined
 * selector.requirements()
 * // => [{ field: "metadata.name", operator: "=", value: "web" }, { field: "status.phase", operator: "!=", value: "Failed" }]
 */
export interface FieldSelector {
  /**
   * Whether `fields` satisfies every term. A field missing from `fields` counts as `""`
   * (upstream's `fields.Set.Get`), so `a=` matches an object without `a` and `a!=x` does too.
   */
  matches(fields: Readonly<Record<string, string>>): boolean;
  /** True when the selector has no terms, so it matches everything. */
  isEmpty(): boolean;
  /** The terms, in selector order. */
  requirements(): readonly FieldSelectorRequirement[];
  /**
   * The value an `=` term requires for `field`, or `undefined` when no such term exists
   * (upstream's `RequiresExactMatch`, used to serve `metadata.name=x` as a single get).
   */
  requiresExactMatch(field: string): string | undefined;
  /** The canonical text: terms joined by `,`, `=` for `==`, values escaped. */
  toString(): string;
}

class AndFieldSelector implements FieldSelector {
  readonly #terms: readonly FieldSelectorRequirement[];
  readonly #text: string;

  constructor(terms: readonly FieldSelectorRequirement[]) {
    this.#terms = Object.freeze(
      terms.map((term) => Object.freeze({ field: term.field, operator: term.operator, value: term.value })),
    );
    this.#text = this.#terms
      .map((term) => `${term.field}${term.operator}${escapeFieldValue(term.value)}`)
      .join(",");
  }

  matches(fields: Readonly<Record<string, string>>): boolean {
    const source: Readonly<Record<string, unknown>> = fields ?? {};
    for (const term of this.#terms) {
      const actual = Object.hasOwn(source, term.field) ? source[term.field] : "";
      if ((actual === term.value) !== (term.operator === "=")) return false;
    }
    return true;
  }

  isEmpty(): boolean {
    return this.#terms.length === 0;
  }

  requirements(): readonly FieldSelectorRequirement[] {
    return this.#terms;
  }

  requiresExactMatch(field: string): string | undefined {
    for (const term of this.#terms) {
      if (term.operator === "=" && term.field === field) return term.value;
    }
    return undefined;
  }

  toString(): string {
    return this.#text;
  }
}

/**
 * Builds a field selector from the given terms, kept in the given order.
 *
 * Upstream's `AndSelectors` of one-term selectors. Nothing is validated and nothing
 * throws; the terms are copied, and an empty list gives the shared {@link everythingFields}
 * selector.
 *
 * @example
 * fieldSelectorFromRequirements([{ field: "metadata.name", operator: "=", value: "nginx" }]).toString()
 * // => "metadata.name=nginx"
 */
export function fieldSelectorFromRequirements(
  requirements: readonly FieldSelectorRequirement[],
): FieldSelector {
  return requirements.length === 0 ? everything : new AndFieldSelector(requirements);
}

const everything: FieldSelector = new AndFieldSelector([]);

/**
 * The empty field selector, which matches every object (upstream's `fields.Everything()`).
 *
 * Always the same shared instance; its string form is `""`.
 *
 * @example
 * everythingFields().matches({ "metadata.name": "web" }) // => true
 * everythingFields().isEmpty() // => true
 * everythingFields().toString() // => ""
 */
export function everythingFields(): FieldSelector {
  return everything;
}

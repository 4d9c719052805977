import {
  aggregateFieldErrors,
  compareGoStrings,
  type FieldError,
  fieldErrorMessage,
  fieldErrors,
} from "@kubesim/core";
import { type SelectorToken, type SelectorTokenKind, scanSelectorTokens } from "./lexer.js";
import {
  collectRequirementErrors,
  createSelectorError,
  labelKeyError,
  Requirement,
  type SelectorOperator,
} from "./requirement.js";
import { type Selector, selectorFromSortedRequirements, sortRequirementsByKey } from "./selector.js";

/** The binary operators as the "expected" list of an operator error prints them. */
const binaryOperatorList = "in, notin, =, ==, !=, gt, lt";

/**
 * Where the parser is: after a key the words `in`/`notin` are operators, in every other
 * place (keys, values) they are ordinary identifiers (upstream's `ParserContext`).
 */
enum Context {
  KeyAndOperator = 0,
  Values = 1,
}

/**
 * A parse failure before it becomes a StatusError: upstream's error text, the field errors
 * behind it (none for purely syntactic errors) and the text without the prefix upstream adds
 * to failures inside a requirement.
 */
class ParseFailure {
  constructor(
    readonly message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** The message without the `unable to parse requirement: ` prefix. */
    readonly detail: string = message,
  ) {}
}

/** Options of {@link parseSelector}. */
export interface ParseSelectorOptions {
  /**
   * The path of the selector being parsed (upstream's `field.WithPath`): prefixes the field
   * of requirement errors. Without it, an invalid key is reported at upstream's nil path,
   * which prints as `<nil>`.
   */
  readonly path?: string;
}

/**
 * Parses the string form of a label selector (upstream's `labels.Parse`).
 *
 * The empty string gives an empty selector that matches everything.
 * Grammar: requirements separated by `,`; each is `key` (exists), `!key` (does not exist),
 * `key=v`, `key==v`, `key!=v`, `key>n`, `key<n`, `key in (v1,v2)` or `key notin (v1,v2)`.
 * Whitespace (space, tab, CR, LF) may separate tokens. Every requirement is validated as by
 * {@link createRequirement}; the result's requirements are sorted by key as upstream does.
 *
 * @throws StatusError (BadRequest, 400) with upstream's message, e.g.
 *   `found 'c', expected: ',' or 'end of string'` or
 *   `unable to parse requirement: found '', expected: identifier`. Its `errors` hold the
 *   requirement's field errors, or for a syntax error one FieldValueInvalid with field `""`,
 *   the selector text as bad value and the unprefixed message as detail.
 * @example
 * const selector = parseSelector("env in (prod, staging),!canary");
 * selector.toString() // => "!canary,env in (prod,staging)"
 * selector.matches({ env: "prod" }) // => true
 * selector.matches({ env: "prod", canary: "true" }) // => false
 * parseSelector("a=b c") // throws StatusError: "found 'c', expected: ',' or 'end of string'"
 * parseSelector("!") // throws StatusError: "unable to parse requirement: found '', expected: identifier"
 */
export function parseSelector(text: string, options?: ParseSelectorOptions): Selector {
  return selectorFromSortedRequirements(parseSelectorRequirements(text, options));
}

/**
 * Parses a selector into its requirements, sorted by key (upstream's `ParseToRequirements`).
 *
 * Same grammar and validation as {@link parseSelector}; returns a new array (empty for
 * `""`).
 *
 * @throws StatusError (BadRequest, 400) exactly as {@link parseSelector}.
 * @example
 * parseSelectorRequirements("zone=a,app").map(String) // => ["app", "zone=a"]
 */
export function parseSelectorRequirements(text: string, options?: ParseSelectorOptions): Requirement[] {
  const parser = new SelectorParser(scanSelectorTokens(text), options?.path);
  try {
    return parser.parse();
  } catch (failure) {
    if (!(failure instanceof ParseFailure)) throw failure;
    const errors =
      failure.fieldErrors.length > 0 ? failure.fieldErrors : [fieldErrors.invalid("", text, failure.detail)];
    throw createSelectorError(failure.message, errors);
  }
}

class SelectorParser {
  private position = 0;

  constructor(
    private readonly tokens: readonly SelectorToken[],
    private readonly path: string | undefined,
  ) {}

  private lookahead(context: Context): SelectorToken {
    return this.asIn(context, this.tokens[this.position] as SelectorToken);
  }

  private consume(context: Context): SelectorToken {
    const token = this.tokens[this.position] as SelectorToken;
    this.position++;
    return this.asIn(context, token);
  }

  /** In value context the keywords `in`/`notin` read as identifiers. */
  private asIn(context: Context, token: SelectorToken): SelectorToken {
    if (context === Context.Values && (token.kind === "InToken" || token.kind === "NotInToken")) {
      return { kind: "IdentifierToken", literal: token.literal };
    }
    return token;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const token = this.lookahead(Context.Values);
      switch (token.kind) {
        case "IdentifierToken":
        case "DoesNotExistToken": {
          requirements.push(this.parseRequirementWrapped());
          const after = this.consume(Context.Values);
          if (after.kind === "EndOfStringToken") return sortRequirementsByKey(requirements);
          if (after.kind !== "CommaToken") {
            throw new ParseFailure(`found '${after.literal}', expected: ',' or 'end of string'`);
          }
          const next = this.lookahead(Context.Values);
          if (next.kind !== "IdentifierToken" && next.kind !== "DoesNotExistToken") {
            throw new ParseFailure(`found '${next.literal}', expected: identifier after ','`);
          }
          break;
        }
        case "EndOfStringToken":
          return sortRequirementsByKey(requirements);
        default:
          throw new ParseFailure(`found '${token.literal}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  /** One requirement; any failure is prefixed `unable to parse requirement: `. */
  private parseRequirementWrapped(): Requirement {
    try {
      return this.parseRequirement();
    } catch (failure) {
      if (!(failure instanceof ParseFailure)) throw failure;
      throw new ParseFailure(
        `unable to parse requirement: ${failure.message}`,
        failure.fieldErrors,
        failure.detail,
      );
    }
  }

  private parseRequirement(): Requirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred !== undefined) return this.newRequirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === "in" || operator === "notin" ? this.parseValues() : this.parseExactValue();
    return this.newRequirement(key, operator, [...values].sort(compareGoStrings));
  }

  private newRequirement(key: string, operator: SelectorOperator, values: readonly string[]): Requirement {
    const errors = collectRequirementErrors(key, operator, values, this.path);
    if (errors.length > 0) throw new ParseFailure(aggregateFieldErrors(errors), errors);
    return new Requirement(key, operator, values);
  }

  /**
   * Reads `[!]key`. Returns the operator when it is already known: `!` after `!key`
   * (whatever follows), `exists` when the key is followed by `,` or the end.
   */
  private parseKeyAndInferOperator(): [string, SelectorOperator | undefined] {
    let operator: SelectorOperator | undefined;
    let token = this.consume(Context.Values);
    if (token.kind === "DoesNotExistToken") {
      operator = "!";
      token = this.consume(Context.Values);
    }
    if (token.kind !== "IdentifierToken") {
      throw new ParseFailure(`found '${token.literal}', expected: identifier`);
    }
    // Upstream validates the key at the parser's own path, which prints "<nil>" when unset.
    const keyError = labelKeyError(
      token.literal,
      this.path === undefined || this.path === "" ? "<nil>" : this.path,
    );
    if (keyError !== undefined) throw new ParseFailure(fieldErrorMessage(keyError), [keyError]);
    const next = this.lookahead(Context.Values).kind;
    if (operator === undefined && (next === "EndOfStringToken" || next === "CommaToken")) operator = "exists";
    return [token.literal, operator];
  }

  private parseOperator(): SelectorOperator {
    const token = this.consume(Context.KeyAndOperator);
    const operator = binaryOperatorTokens.get(token.kind);
    if (operator === undefined) {
      throw new ParseFailure(`found '${token.literal}', expected: ${binaryOperatorList}`);
    }
    return operator;
  }

  /** `( v1, v2, ... )`: a set; `()`, leading, trailing and doubled commas add the empty value. */
  private parseValues(): Set<string> {
    const open = this.consume(Context.Values);
    if (open.kind !== "OpenParToken") throw new ParseFailure(`found '${open.literal}' expected: '('`);
    const first = this.lookahead(Context.Values);
    switch (first.kind) {
      case "IdentifierToken":
      case "CommaToken": {
        const values = this.parseIdentifierList();
        if (this.consume(Context.Values).kind !== "ClosedParToken") {
          throw new ParseFailure(`found '${first.literal}', expected: ')'`);
        }
        return values;
      }
      case "ClosedParToken":
        this.consume(Context.Values);
        return new Set([""]);
      default:
        throw new ParseFailure(`found '${first.literal}', expected: ',', ')' or identifier`);
    }
  }

  /** Identifiers and commas up to (not including) `)`. */
  private parseIdentifierList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const token = this.consume(Context.Values);
      switch (token.kind) {
        case "IdentifierToken": {
          values.add(token.literal);
          const next = this.lookahead(Context.Values);
          if (next.kind === "CommaToken") continue;
          if (next.kind === "ClosedParToken") return values;
          throw new ParseFailure(`found '${next.literal}', expected: ',' or ')'`);
        }
        case "CommaToken": {
          if (values.size === 0) values.add(""); // "(," starts with the empty value
          const next = this.lookahead(Context.Values).kind;
          if (next === "ClosedParToken") {
            values.add(""); // ",)" ends with the empty value
            return values;
          }
          if (next === "CommaToken") {
            this.consume(Context.Values);
            values.add(""); // ",," holds the empty value
          }
          break;
        }
        default:
          throw new ParseFailure(`found '${token.literal}', expected: ',', or identifier`);
      }
    }
  }

  /** The single value after `=`, `==`, `!=`, `>` or `<`; nothing before `,` or the end is the empty value. */
  private parseExactValue(): Set<string> {
    const next = this.lookahead(Context.Values).kind;
    if (next === "EndOfStringToken" || next === "CommaToken") return new Set([""]);
    const token = this.consume(Context.Values);
    if (token.kind === "IdentifierToken") return new Set([token.literal]);
    throw new ParseFailure(`found '${token.literal}', expected: identifier`);
  }
}

const binaryOperatorTokens: ReadonlyMap<SelectorTokenKind, SelectorOperator> = new Map<
  SelectorTokenKind,
  SelectorOperator
>([
  ["InToken", "in"],
  ["EqualsToken", "="],
  ["DoubleEqualsToken", "=="],
  ["GreaterThanToken", "gt"],
  ["LessThanToken", "lt"],
  ["NotInToken", "notin"],
  ["NotEqualsToken", "!="],
]);

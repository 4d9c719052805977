/**
 * The label selector lexer (upstream's `labels.Lexer`). It works on UTF-16 code units where
 * Go works on bytes; every character it treats specially is ASCII, so the tokens are the
 * same. Like Go's, it treats a NUL character as the end of the input.
 */

/** Token kinds, named as upstream's `labels.Token` constants. */
export type SelectorTokenKind =
  | "ErrorToken"
  | "EndOfStringToken"
  | "ClosedParToken"
  | "CommaToken"
  | "DoesNotExistToken"
  | "DoubleEqualsToken"
  | "EqualsToken"
  | "GreaterThanToken"
  | "IdentifierToken"
  | "InToken"
  | "LessThanToken"
  | "NotEqualsToken"
  | "NotInToken"
  | "OpenParToken";

/** One token and the text it was read from (upstream's `ScannedItem`). */
export interface SelectorToken {
  readonly kind: SelectorTokenKind;
  readonly literal: string;
}

/** Literal spellings of the non-identifier tokens (upstream's `string2token`). */
const literalTokens: ReadonlyMap<string, SelectorTokenKind> = new Map<string, SelectorTokenKind>([
  [")", "ClosedParToken"],
  [",", "CommaToken"],
  ["!", "DoesNotExistToken"],
  ["==", "DoubleEqualsToken"],
  ["=", "EqualsToken"],
  [">", "GreaterThanToken"],
  ["in", "InToken"],
  ["<", "LessThanToken"],
  ["!=", "NotEqualsToken"],
  ["notin", "NotInToken"],
  ["(", "OpenParToken"],
]);

const endOfInput = 0;

/** Space, tab, carriage return and line feed separate tokens. */
function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

/** The characters that start operators: `= ! ( ) , > <`. */
function isSpecialSymbol(code: number): boolean {
  switch (code) {
    case 0x3d: // =
    case 0x21: // !
    case 0x28: // (
    case 0x29: // )
    case 0x2c: // ,
    case 0x3e: // >
    case 0x3c: // <
      return true;
    default:
      return false;
  }
}

/**
 * Splits a selector into tokens one at a time. `next()` returns `EndOfStringToken` at the
 * end (and forever after).
 */
export class SelectorLexer {
  private position = 0;

  constructor(private readonly text: string) {}

  /** The next character code, or 0 at the end; moves past it unless at the end (as Go's `read`). */
  private read(): number {
    if (this.position < this.text.length) {
      const code = this.text.charCodeAt(this.position);
      this.position++;
      return code;
    }
    return endOfInput;
  }

  private unread(): void {
    this.position--;
  }

  /** The next token (upstream's `Lex`). */
  next(): SelectorToken {
    let code = this.read();
    while (isWhitespace(code)) code = this.read();
    if (code === endOfInput) return { kind: "EndOfStringToken", literal: "" };
    this.unread();
    return isSpecialSymbol(code) ? this.scanSpecialSymbol() : this.scanIdentifierOrKeyword();
  }

  /** An identifier runs up to whitespace, a special character or the end; `in`/`notin` are keywords. */
  private scanIdentifierOrKeyword(): SelectorToken {
    const start = this.position;
    let end: number;
    for (;;) {
      end = this.position;
      const code = this.read();
      // The end of the input, or a NUL character (consumed, as in Go, but not part of the literal).
      if (code === endOfInput) break;
      if (isSpecialSymbol(code) || isWhitespace(code)) {
        this.unread();
        break;
      }
    }
    const literal = this.text.slice(start, end);
    const keyword = literalTokens.get(literal);
    return { kind: keyword ?? "IdentifierToken", literal };
  }

  /** The longest run of special characters that spells a token (`!=` over `!`, `==` over `=`). */
  private scanSpecialSymbol(): SelectorToken {
    let buffer = "";
    let last: SelectorToken | undefined;
    for (;;) {
      const code = this.read();
      if (code === endOfInput) break;
      if (!isSpecialSymbol(code)) {
        this.unread();
        break;
      }
      buffer += String.fromCharCode(code);
      const kind = literalTokens.get(buffer);
      if (kind !== undefined) {
        last = { kind, literal: buffer };
      } else if (last !== undefined) {
        this.unread();
        break;
      }
    }
    return last ?? { kind: "ErrorToken", literal: `error expected: keyword found '${buffer}'` };
  }
}

/** All tokens of `text`, ending with (and including) the first `EndOfStringToken` (upstream's `Parser.scan`). */
export function scanSelectorTokens(text: string): SelectorToken[] {
  const lexer = new SelectorLexer(text);
  const tokens: SelectorToken[] = [];
  for (;;) {
    const token = lexer.next();
    tokens.push(token);
    if (token.kind === "EndOfStringToken") return tokens;
  }
}

/** The values of a JSON stream, and the error that stopped it (Go's message) if any. */
export interface JsonStream {
  /** The text of each top-level value, in order. */
  readonly values: readonly string[];
  /** Go's decoder error text, e.g. `json: offset 12: invalid character '}' after object key`. */
  readonly error?: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly index: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

class UnexpectedEnd extends Error {}

/** Go's `quoteChar`: `'x'`, `'\n'`, `'\''`, `'"'`. */
function quoteCharacter(character: string): string {
  if (character === "'") return `'\\''`;
  if (character === '"') return `'"'`;
  const quoted = JSON.stringify(character);
  return `'${quoted.slice(1, -1)}'`;
}

const whitespace = new Set([" ", "\t", "\n", "\r"]);
const digits = "0123456789";
const hexDigits = "0123456789abcdefABCDEF";
const maxNestingDepth = 10_000;

/**
 * A recursive-descent reader of one JSON value that fails with the messages of Go's
 * `encoding/json` scanner (`invalid character 'x' looking for beginning of value`).
 */
class JsonValueReader {
  index: number;
  private depth = 0;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.index = start;
  }

  private peek(): string {
    if (this.index >= this.text.length) throw new UnexpectedEnd();
    return this.text.charAt(this.index);
  }

  private fail(context: string): never {
    throw new JsonSyntaxError(this.index, `invalid character ${quoteCharacter(this.peek())} ${context}`);
  }

  private skipWhitespace(): void {
    while (this.index < this.text.length && whitespace.has(this.text.charAt(this.index))) this.index++;
  }

  readValue(): void {
    this.skipWhitespace();
    const character = this.peek();
    if (character === "{" || character === "[") {
      // Go's scanner allows 10000 levels; deeper input fails instead of exhausting the stack.
      if (this.depth >= maxNestingDepth) this.fail("exceeded max depth");
      this.depth++;
      if (character === "{") this.readObject();
      else this.readArray();
      this.depth--;
      return;
    }
    if (character === '"') this.readString();
    else if (character === "-" || digits.includes(character)) this.readNumber();
    else if (character === "t") this.readLiteral("true");
    else if (character === "f") this.readLiteral("false");
    else if (character === "n") this.readLiteral("null");
    else this.fail("looking for beginning of value");
  }

  private readObject(): void {
    this.index++;
    this.skipWhitespace();
    if (this.peek() === "}") {
      this.index++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() !== '"') this.fail("looking for beginning of object key string");
      this.readString();
      this.skipWhitespace();
      if (this.peek() !== ":") this.fail("after object key");
      this.index++;
      this.readValue();
      this.skipWhitespace();
      const next = this.peek();
      if (next === "}") {
        this.index++;
        return;
      }
      if (next !== ",") this.fail("after object key:value pair");
      this.index++;
    }
  }

  private readArray(): void {
    this.index++;
    this.skipWhitespace();
    if (this.peek() === "]") {
      this.index++;
      return;
    }
    for (;;) {
      this.readValue();
      this.skipWhitespace();
      const next = this.peek();
      if (next === "]") {
        this.index++;
        return;
      }
      if (next !== ",") this.fail("after array element");
      this.index++;
    }
  }

  private readString(): void {
    this.index++;
    for (;;) {
      const character = this.peek();
      if (character === '"') {
        this.index++;
        return;
      }
      if (character === "\\") {
        this.index++;
        const escaped = this.peek();
        if (escaped === "u") {
          for (let count = 0; count < 4; count++) {
            this.index++;
            if (!hexDigits.includes(this.peek())) this.fail("in \\u hexadecimal character escape");
          }
        } else if (!'"\\/bfnrt'.includes(escaped)) {
          this.fail("in string escape code");
        }
        this.index++;
        continue;
      }
      if (character.charCodeAt(0) < 0x20) this.fail("in string literal");
      this.index++;
    }
  }

  private readDigits(context: string): void {
    if (!digits.includes(this.peek())) this.fail(context);
    while (this.index < this.text.length && digits.includes(this.text.charAt(this.index))) this.index++;
  }

  private readNumber(): void {
    if (this.peek() === "-") {
      this.index++;
      this.readDigits("in numeric literal");
    } else if (this.peek() === "0") {
      this.index++;
    } else {
      this.readDigits("in numeric literal");
    }
    if (this.index < this.text.length && this.text.charAt(this.index) === ".") {
      this.index++;
      this.readDigits("after decimal point in numeric literal");
    }
    if (this.index < this.text.length && "eE".includes(this.text.charAt(this.index))) {
      this.index++;
      if ("+-".includes(this.peek())) this.index++;
      this.readDigits("in exponent of numeric literal");
    }
  }

  private readLiteral(word: string): void {
    for (let offset = 0; offset < word.length; offset++) {
      if (this.peek() !== word.charAt(offset)) {
        this.fail(`in literal ${word} (expecting ${quoteCharacter(word.charAt(offset))})`);
      }
      this.index++;
    }
  }
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * Splits a JSON stream (one or more concatenated JSON values, as `kubectl create -f
 * x.json` reads it) into its values. A syntax error stops the stream and is reported as
 * Go's decoder reports it: `json: offset N: invalid character ...` (N counts the bytes of
 * the failing value read so far, the bad one included), or `unexpected EOF` for a value
 * cut short.
 */
export function splitJsonStream(text: string): JsonStream {
  const values: string[] = [];
  let start = 0;
  while (start < text.length) {
    let valueStart = start;
    while (valueStart < text.length && whitespace.has(text.charAt(valueStart))) valueStart++;
    if (valueStart >= text.length) break;
    const reader = new JsonValueReader(text, valueStart);
    try {
      reader.readValue();
    } catch (error) {
      if (error instanceof JsonSyntaxError) {
        const offset = byteLength(text.slice(start, error.index + 1));
        return { values, error: `json: offset ${offset}: ${error.detail}` };
      }
      if (error instanceof UnexpectedEnd) return { values, error: "unexpected EOF" };
      if (error instanceof RangeError) {
        return { values, error: `json: offset ${byteLength(text.slice(start))}: exceeded max depth` };
      }
      throw error;
    }
    values.push(text.slice(valueStart, reader.index));
    start = reader.index;
  }
  return { values };
}

/**
 * The JSONPath template parser of client-go (`k8s.io/client-go/util/jsonpath`), which kubectl's
 * `-o jsonpath=`, `--sort-by` and custom columns use: text with `{...}` actions holding fields
 * (`.a.b`, `['a']`), array selections (`[0]`, `[1:3]`, `[::2]`, `[*]`), unions (`[0,2]`),
 * filters (`[?(@.x == "y")]`), recursive descent (`..name`), quoted text (`{"\n"}`), numbers,
 * booleans and the `range`/`end` identifiers. Error messages are client-go's.
 */
import { goUnicodeText, isGoAlphaNumeric, isGoDigit } from "./go-unicode.js";
import { JsonPathError } from "./jsonpath-error.js";
import type { ArrayBound, JsonPathListNode, JsonPathNode, JsonPathTemplate } from "./jsonpath-node.js";
import { unquoteExtend } from "./unquote-extend.js";

const endOfInput = -1;
// Nested actions (union members, filter sides) parse a new template each; bound how deep.
const maxNesting = 64;

const dictKey = /^'([^']*)'$/;
const sliceOperator = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const filterExpression = /^([^!<>=]+)([!<>=]+)(.+?)$/;
const integerText = /^[+-]?\d+$/;
const floatText = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const maxInt64 = 2n ** 63n - 1n;
const minInt64 = -(2n ** 63n);

const codeOf = (character: string): number => character.codePointAt(0) ?? endOfInput;
const space = codeOf(" ");
const tab = codeOf("\t");
const carriageReturn = codeOf("\r");
const newline = codeOf("\n");
const backslash = codeOf("\\");
const terminators = new Set([".", ",", "[", "]", "$", "@", "{", "}"].map(codeOf));

function isEndOfLine(codePoint: number): boolean {
  return codePoint === carriageReturn || codePoint === newline;
}

function isTerminator(codePoint: number): boolean {
  return (
    codePoint === endOfInput ||
    codePoint === space ||
    codePoint === tab ||
    isEndOfLine(codePoint) ||
    terminators.has(codePoint)
  );
}

function parseInt64(text: string): number | undefined {
  if (!integerText.test(text)) return undefined;
  const value = BigInt(text);
  return value > maxInt64 || value < minInt64 ? undefined : Number(value);
}

function list(): JsonPathListNode {
  return { type: "list", nodes: [] };
}

/** One pass over a template: Go's lexer state (position, start of the pending token, last rune width). */
class TemplateParser {
  private position = 0;
  private start = 0;
  private width = 0;

  constructor(
    private readonly input: string,
    private readonly nesting: number,
  ) {}

  parse(): JsonPathNode[] {
    const root: JsonPathNode[] = [];
    for (;;) {
      const brace = this.input.indexOf("{", this.position);
      if (brace === -1) {
        this.position = this.input.length;
        if (this.position > this.start) root.push({ type: "text", text: this.consumeText() });
        return root;
      }
      this.position = brace;
      if (this.position > this.start) root.push({ type: "text", text: this.consumeText() });
      this.position += 1;
      this.consumeText();
      const action = list();
      root.push(action);
      this.parseInsideAction(action);
    }
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.position);
    this.start = this.position;
    return value;
  }

  private next(): number {
    if (this.position >= this.input.length) {
      this.width = 0;
      return endOfInput;
    }
    const codePoint = this.input.codePointAt(this.position) ?? endOfInput;
    this.width = codePoint > 0xffff ? 2 : 1;
    this.position += this.width;
    return codePoint;
  }

  private peek(): number {
    const codePoint = this.next();
    this.backup();
    return codePoint;
  }

  private backup(): void {
    this.position -= this.width;
  }

  private atPrefix(prefix: string): boolean {
    return this.input.startsWith(prefix, this.position);
  }

  /** Whether the character before the one just read is a backslash (an escaped quote). */
  private escaped(): boolean {
    return this.input[this.position - 2] === "\\";
  }

  /** Parses one action up to and including its closing `}`. */
  private parseInsideAction(action: JsonPathListNode): void {
    for (;;) {
      if (this.atPrefix("}")) {
        this.position += 1;
        this.consumeText();
        return;
      }
      if (this.atPrefix("[?(")) {
        this.parseFilter(action);
        continue;
      }
      if (this.atPrefix("..")) {
        this.parseRecursive(action);
        continue;
      }
      const codePoint = this.next();
      const character = codePoint === endOfInput ? "" : String.fromCodePoint(codePoint);
      if (codePoint === endOfInput || isEndOfLine(codePoint)) throw new JsonPathError("unclosed action");
      if (character === " " || character === "@" || character === "$") {
        this.consumeText();
      } else if (character === "[") {
        this.parseArray(action);
      } else if (character === '"' || character === "'") {
        this.parseQuote(action, character);
      } else if (character === ".") {
        this.parseField(action);
      } else if (character === "+" || character === "-" || isGoDigit(codePoint)) {
        this.backup();
        this.parseNumber(action);
      } else if (isGoAlphaNumeric(codePoint)) {
        this.backup();
        this.parseIdentifier(action);
      } else {
        throw new JsonPathError(`unrecognized character in action: ${goUnicodeText(codePoint)}`);
      }
    }
  }

  private parseIdentifier(action: JsonPathListNode): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consumeText();
    action.nodes.push(
      value === "true" || value === "false"
        ? { type: "bool", value: value === "true" }
        : { type: "identifier", name: value },
    );
  }

  private parseRecursive(action: JsonPathListNode): void {
    if (action.nodes[action.nodes.length - 1]?.type === "recursive") {
      throw new JsonPathError("invalid multiple recursive descent");
    }
    this.position += 2;
    this.consumeText();
    action.nodes.push({ type: "recursive" });
    if (isGoAlphaNumeric(this.peek())) this.parseField(action);
  }

  private parseNumber(action: JsonPathListNode): void {
    const sign = this.peek();
    if (sign === codeOf("+") || sign === codeOf("-")) this.next();
    for (;;) {
      const codePoint = this.next();
      if (codePoint !== codeOf(".") && !isGoDigit(codePoint)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const integer = parseInt64(value);
    if (integer !== undefined) {
      action.nodes.push({ type: "int", value: integer });
      return;
    }
    const float = floatText.test(value) ? Number(value) : Number.NaN;
    if (Number.isFinite(float)) {
      action.nodes.push({ type: "float", value: float });
      return;
    }
    throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(action: JsonPathListNode): void {
    for (;;) {
      const codePoint = this.next();
      if (codePoint === endOfInput || codePoint === newline) throw new JsonPathError("unterminated array");
      if (codePoint === codeOf("]")) break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === "*") text = ":";

    const members = text.split(",");
    if (members.length > 1) {
      action.nodes.push({
        type: "union",
        members: members.map((member) => this.parseAction(`[${trimSpaces(member)}]`)),
      });
      return;
    }

    const key = dictKey.exec(text);
    if (key !== null) {
      action.nodes.push(...this.parseAction(`.${key[1] ?? ""}`).nodes);
      return;
    }

    const slice = sliceOperator.exec(text);
    if (slice === null) throw new JsonPathError(`invalid array index ${text}`);
    const bounds: ArrayBound[] = [];
    for (let index = 0; index < 3; index++) {
      let value = slice[index + 1] ?? "";
      if (value !== "") {
        if (index > 0) value = value.slice(1);
        if (index > 0 && value === "") {
          bounds.push({ value: 0, known: false, derived: false });
          continue;
        }
        const number = parseInt64(value);
        if (number === undefined) throw new JsonPathError(`array index ${value} is not a number`);
        bounds.push({ value: number, known: true, derived: false });
      } else if (index === 1) {
        bounds.push({ value: (bounds[0]?.value ?? 0) + 1, known: true, derived: true });
      } else {
        bounds.push({ value: 0, known: false, derived: false });
      }
    }
    const [start, end, step] = bounds as [ArrayBound, ArrayBound, ArrayBound];
    action.nodes.push({ type: "array", bounds: [start, end, step] });
  }

  private parseFilter(action: JsonPathListNode): void {
    this.position += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const codePoint = this.next();
      if (codePoint === endOfInput || codePoint === newline) throw new JsonPathError("unterminated filter");
      const character = String.fromCodePoint(codePoint);
      if (character === '"' || character === "'") {
        if (!begin) {
          begin = true;
          pair = character;
          continue;
        }
        if (!this.escaped() && character === pair) end = true;
      } else if (character === ")" && begin === end) {
        break;
      }
    }
    if (this.next() !== codeOf("]")) throw new JsonPathError("unclosed array expect ]");
    const text = this.consumeText().slice(0, -2);
    const parts = filterExpression.exec(text);
    if (parts === null) {
      action.nodes.push({ type: "filter", left: this.parseAction(text), right: list(), operator: "exists" });
      return;
    }
    action.nodes.push({
      type: "filter",
      left: this.parseAction(parts[1] ?? ""),
      right: this.parseAction(parts[3] ?? ""),
      operator: parts[2] ?? "",
    });
  }

  private parseQuote(action: JsonPathListNode, quote: string): void {
    for (;;) {
      const codePoint = this.next();
      if (codePoint === endOfInput || codePoint === newline) {
        throw new JsonPathError("unterminated quoted string");
      }
      if (String.fromCodePoint(codePoint) === quote && !this.escaped()) break;
    }
    const value = this.consumeText();
    const text = unquoteExtend(value);
    if (text === undefined) throw new JsonPathError(`unquote string ${value} error invalid syntax`);
    action.nodes.push({ type: "text", text });
  }

  private parseField(action: JsonPathListNode): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    action.nodes.push(
      value === "*" ? { type: "wildcard" } : { type: "field", name: value.replaceAll("\\", "") },
    );
  }

  /** Reads one character of a field name, skipping escaped ones; false at a terminator. */
  private advance(): boolean {
    const codePoint = this.next();
    if (codePoint === backslash) {
      this.next();
    } else if (isTerminator(codePoint)) {
      this.backup();
      return false;
    }
    return true;
  }

  /** Parses `text` as the inside of an action (client-go's `parseAction`). */
  private parseAction(text: string): JsonPathListNode {
    if (this.nesting >= maxNesting) throw new JsonPathError("the template nests actions too deeply");
    const nodes = new TemplateParser(`{${text}}`, this.nesting + 1).parse();
    return nodes[0] as JsonPathListNode;
  }
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === " ") start++;
  while (end > start && text[end - 1] === " ") end--;
  return text.slice(start, end);
}

/**
 * Parses a JSONPath template as client-go does.
 *
 * @example
 * parseJsonPath("{range .items[*]}{.metadata.name}{\"\\n\"}{end}");
 * @throws JsonPathError with client-go's message (`unclosed action`, `unterminated array`,
 *   `unrecognized character in action: U+002A '*'`, ...).
 */
export function parseJsonPath(template: string): JsonPathTemplate {
  return { source: template, nodes: new TemplateParser(template, 0).parse() };
}

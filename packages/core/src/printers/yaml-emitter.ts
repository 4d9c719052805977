/**
 * A YAML writer that reproduces the bytes of go-yaml v2's libyaml emitter (what
 * `kubectl -o yaml` uses through sigs.k8s.io/yaml): block style, two-space indentation,
 * sequences not indented under their key, empty collections as `{}` / `[]`, and long
 * scalars folded at spaces once a line passes 80 columns.
 */

import type { JsonValue } from "./output-document.js";
import { codePointsOf, isBreak, isPrintable } from "./yaml-characters.js";
import { sortYamlKeys } from "./yaml-key-order.js";
import { analyzeScalar } from "./yaml-scalar-analysis.js";
import { numberText, type RequestedScalarStyle, requestedStringStyle } from "./yaml-scalar-style.js";

type ScalarStyle = "plain" | "single" | "double" | "literal";

interface NodeContext {
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

const bestIndent = 2;
const bestWidth = 80;
const maxSimpleKeyBytes = 128;
// Printable ASCII without backslash or double quote: written unescaped in every style.
const simpleText = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;
const utf8 = new TextEncoder();
const escapes: ReadonlyMap<number, string> = new Map([
  [0x00, "0"],
  [0x07, "a"],
  [0x08, "b"],
  [0x09, "t"],
  [0x0a, "n"],
  [0x0b, "v"],
  [0x0c, "f"],
  [0x0d, "r"],
  [0x1b, "e"],
  [0x22, '"'],
  [0x5c, "\\"],
  [0x85, "N"],
  [0xa0, "_"],
  [0x2028, "L"],
  [0x2029, "P"],
]);

/** Writes a JSON value as one YAML document, as go-yaml v2 would. */
export function emitYamlDocument(root: JsonValue): string {
  const emitter = new Emitter();
  emitter.node(root, { mapping: false, simpleKey: false });
  // Document end: finish the last line.
  emitter.writeIndent();
  return emitter.text();
}

class Emitter {
  private output = "";
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private mappingContext = false;
  private simpleKeyContext = false;

  text(): string {
    return this.output;
  }

  node(value: JsonValue, context: NodeContext): void {
    this.mappingContext = context.mapping;
    this.simpleKeyContext = context.simpleKey;
    if (value === null) {
      this.scalar("null", "plain");
    } else if (typeof value === "string") {
      this.scalar(value, requestedStringStyle(value));
    } else if (typeof value === "number") {
      this.scalar(numberText(value), "plain");
    } else if (typeof value === "boolean") {
      this.scalar(String(value), "plain");
    } else if (Array.isArray(value)) {
      if (value.length === 0) this.emptyCollection("[", "]");
      else this.blockSequence(value);
    } else {
      const keys = Object.keys(value);
      if (keys.length === 0) this.emptyCollection("{", "}");
      else this.blockMapping(value, sortYamlKeys(keys));
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private emptyCollection(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: readonly JsonValue[]): void {
    // A sequence that is a mapping value starts at its key's column ("indentless").
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private blockMapping(mapping: { readonly [key: string]: JsonValue }, keys: readonly string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      if (isSimpleKey(key)) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(mapping[key] ?? null, { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(text: string, requested: RequestedScalarStyle): void {
    const style = this.selectStyle(text, requested);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (this.writeShortScalar(text, style, allowBreaks)) {
      this.popIndent();
      return;
    }
    switch (style) {
      case "plain":
        this.writePlain(codePointsOf(text), allowBreaks);
        break;
      case "single":
        this.writeSingleQuoted(codePointsOf(text), allowBreaks);
        break;
      case "double":
        this.writeDoubleQuoted(codePointsOf(text), allowBreaks);
        break;
      case "literal":
        this.writeLiteral(codePointsOf(text));
        break;
    }
    this.popIndent();
  }

  /**
   * Writes a scalar in one piece when the character-by-character writers could not fold
   * it: no folding space can pass column 80, and nothing needs escaping. Returns false
   * when the general writer is needed.
   */
  private writeShortScalar(text: string, style: ScalarStyle, allowBreaks: boolean): boolean {
    if (style === "literal" || !simpleText.test(text)) return false;
    const quoted =
      style === "single" ? `'${text.replaceAll("'", "''")}'` : style === "double" ? `"${text}"` : text;
    const start = this.column + (this.whitespace ? 0 : 1);
    // A fold happens only at a space reached beyond column 80.
    if (allowBreaks && text.includes(" ") && start + quoted.length > bestWidth + 1) return false;
    if (style === "plain") {
      if (!this.whitespace) this.put(" ");
      this.writeRun(text, text.length);
    } else {
      this.writeIndicator(quoted[0] ?? "", true, false, false);
      this.writeRun(quoted.slice(1), quoted.length - 1);
    }
    this.whitespace = false;
    this.indention = false;
    return true;
  }

  private selectStyle(text: string, requested: RequestedScalarStyle): ScalarStyle {
    const analysis = analyzeScalar(text);
    let style: ScalarStyle = requested;
    if (this.simpleKeyContext && analysis.multiline) style = "double";
    if (style === "plain") {
      if (!analysis.blockPlainAllowed) style = "single";
      if (text.length === 0 && this.simpleKeyContext) style = "single";
    }
    if (style === "single" && !analysis.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!analysis.blockAllowed || this.simpleKeyContext)) style = "double";
    return style;
  }

  private writePlain(codePoints: readonly number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    let breaks = false;
    for (const [index, codePoint] of codePoints.entries()) {
      if (codePoint === 0x20) {
        if (allowBreaks && !spaces && this.column > bestWidth && codePoints[index + 1] !== 0x20) {
          this.writeIndent();
        } else {
          this.write(codePoint);
        }
        spaces = true;
      } else if (isBreak(codePoint)) {
        if (!breaks && codePoint === 0x0a) this.putBreak();
        this.writeBreak(codePoint);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(codePoint);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(codePoints: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const last = codePoints.length - 1;
    for (const [index, codePoint] of codePoints.entries()) {
      if (codePoint === 0x20) {
        const fold =
          allowBreaks &&
          !spaces &&
          this.column > bestWidth &&
          index > 0 &&
          index < last &&
          codePoints[index + 1] !== 0x20;
        if (fold) this.writeIndent();
        else this.write(codePoint);
        spaces = true;
      } else if (isBreak(codePoint)) {
        if (!breaks && codePoint === 0x0a) this.putBreak();
        this.writeBreak(codePoint);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (codePoint === 0x27) this.put("'");
        this.write(codePoint);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(codePoints: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // libyaml's BOM test looks at the start of the string, so a leading BOM escapes everything.
    const startsWithBom = codePoints[0] === 0xfeff;
    let spaces = false;
    const last = codePoints.length - 1;
    for (const [index, codePoint] of codePoints.entries()) {
      if (
        !isPrintable(codePoint) ||
        startsWithBom ||
        isBreak(codePoint) ||
        codePoint === 0x22 ||
        codePoint === 0x5c
      ) {
        this.put("\\");
        const escapeLetter = escapes.get(codePoint);
        if (escapeLetter !== undefined) {
          this.put(escapeLetter);
        } else {
          const [marker, digits] = codePoint <= 0xff ? ["x", 2] : codePoint <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(marker);
          for (const digit of codePoint.toString(16).toUpperCase().padStart(digits, "0")) this.put(digit);
        }
        spaces = false;
      } else if (codePoint === 0x20) {
        if (allowBreaks && !spaces && this.column > bestWidth && index > 0 && index < last) {
          this.writeIndent();
          if (codePoints[index + 1] === 0x20) this.put("\\");
        } else {
          this.write(codePoint);
        }
        spaces = true;
      } else {
        this.write(codePoint);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(codePoints: readonly number[]): void {
    this.writeIndicator("|", true, false, false);
    const first = codePoints[0];
    if (first !== undefined && (first === 0x20 || isBreak(first))) {
      this.writeIndicator(String(bestIndent), false, false, false);
    }
    const chomp = chompIndicator(codePoints);
    if (chomp !== "") this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const codePoint of codePoints) {
      if (isBreak(codePoint)) {
        this.writeBreak(codePoint);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(codePoint);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const character of indicator) this.put(character);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? bestIndent : 0;
    else if (!indentless) this.indent += bestIndent;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private put(character: string): void {
    this.output += character;
    this.column++;
  }

  private write(codePoint: number): void {
    this.output += String.fromCodePoint(codePoint);
    this.column++;
  }

  /** Writes text of `width` characters that holds no line break. */
  private writeRun(text: string, width: number): void {
    this.output += text;
    this.column += width;
  }

  private putBreak(): void {
    this.output += "\n";
    this.column = 0;
  }

  private writeBreak(codePoint: number): void {
    if (codePoint === 0x0a) {
      this.putBreak();
    } else {
      this.output += String.fromCodePoint(codePoint);
      this.column = 0;
    }
  }
}

function chompIndicator(codePoints: readonly number[]): string {
  const last = codePoints[codePoints.length - 1];
  if (last === undefined || !isBreak(last)) return "-";
  if (codePoints.length === 1) return "+";
  const beforeLast = codePoints[codePoints.length - 2] ?? 0;
  return isBreak(beforeLast) ? "+" : "";
}

function isSimpleKey(key: string): boolean {
  if (analyzeScalar(key).multiline) return false;
  // A UTF-16 code unit takes at most three UTF-8 bytes.
  return key.length * 3 <= maxSimpleKeyBytes || utf8.encode(key).length <= maxSimpleKeyBytes;
}

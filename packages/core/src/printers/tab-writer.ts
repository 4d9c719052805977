/**
 * An elastic-tabstop writer with the semantics of Go's `text/tabwriter` as kubectl
 * configures it (`github.com/liggitt/tabwriter`, minwidth 6, padding 3, pad character
 * space, flag `RememberWidths`): tab-terminated cells are aligned in column blocks, the
 * last cell of a line is never padded, and column widths never shrink across flushes.
 */
import { codePointLength } from "./go-strings.js";

interface Cell {
  readonly text: string;
  /** Width in code points. */
  readonly width: number;
  /** True when a horizontal tab (not `\v`) terminated the cell. */
  readonly htab: boolean;
}

/** Options of {@link TabWriter}; the defaults are kubectl's settings. */
export interface TabWriterOptions {
  /** Minimal cell width, padding included. */
  readonly minWidth?: number | undefined;
  /** Padding added to the widest cell of a column. */
  readonly padding?: number | undefined;
  /** Keep the widest width seen per column across flushes. */
  readonly rememberWidths?: boolean | undefined;
}

const cellTerminator = /[\t\v\n\f]/g;

/**
 * Aligns tab-separated text. Write text with {@link TabWriter.write}; {@link TabWriter.flush}
 * returns everything laid out so far.
 */
export class TabWriter {
  private readonly minWidth: number;
  private readonly padding: number;
  private readonly rememberWidths: boolean;
  private lines: Cell[][] = [[]];
  private pendingText = "";
  private widths: number[] = [];
  private maxWidths: number[] = [];
  private output: string[] = [];

  constructor(options: TabWriterOptions = {}) {
    this.minWidth = options.minWidth ?? 6;
    this.padding = options.padding ?? 3;
    this.rememberWidths = options.rememberWidths ?? true;
  }

  /** Adds text; a line with a single cell or a form feed ends the current column block. */
  write(text: string): void {
    let start = 0;
    cellTerminator.lastIndex = 0;
    for (let match = cellTerminator.exec(text); match !== null; match = cellTerminator.exec(text)) {
      const terminator = match[0];
      this.pendingText += text.slice(start, match.index);
      start = match.index + 1;
      const cellCount = this.terminateCell(terminator === "\t");
      if (terminator === "\n" || terminator === "\f") {
        this.lines.push([]);
        // A one-cell line cannot influence later alignment, so Go flushes there.
        if (terminator === "\f" || cellCount === 1) this.format();
      }
    }
    this.pendingText += text.slice(start);
  }

  /** Lays out everything written so far and returns the text produced since the last flush. */
  flush(): string {
    if (this.pendingText.length > 0) this.terminateCell(false);
    this.format();
    const text = this.output.join("");
    this.output = [];
    return text;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1] ?? [];
    line.push({ text: this.pendingText, width: codePointLength(this.pendingText), htab });
    this.pendingText = "";
    return line.length;
  }

  private format(): void {
    this.formatBlock(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private formatBlock(firstLine: number, endLine: number): void {
    let line0 = firstLine;
    const column = this.widths.length;
    for (let current = line0; current < endLine; current++) {
      if (column >= this.cellsOf(current).length - 1) continue;
      // This line starts a block of lines that all have a cell in this column.
      this.writeLines(line0, current);
      line0 = current;
      let width = this.minWidth;
      for (; current < endLine; current++) {
        const cells = this.cellsOf(current);
        if (column >= cells.length - 1) break;
        width = Math.max(width, (cells[column]?.width ?? 0) + this.padding);
      }
      width = this.rememberedWidth(width);
      this.widths.push(width);
      this.formatBlock(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, endLine);
  }

  private rememberedWidth(width: number): number {
    if (!this.rememberWidths) return width;
    const column = this.widths.length;
    if (this.maxWidths.length < column) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
    const remembered = this.maxWidths[column];
    if (remembered === undefined) {
      this.maxWidths.push(width);
      return width;
    }
    if (remembered > width) return remembered;
    this.maxWidths[column] = width;
    return width;
  }

  private writeLines(firstLine: number, endLine: number): void {
    for (let index = firstLine; index < endLine; index++) {
      for (const [column, cell] of this.cellsOf(index).entries()) {
        this.output.push(cell.text);
        const width = this.widths[column];
        if (width !== undefined) this.output.push(" ".repeat(width - cell.width));
      }
      // The last buffered line has no newline yet; its text is still pending.
      if (index + 1 < this.lines.length) this.output.push("\n");
    }
  }

  private cellsOf(line: number): readonly Cell[] {
    return this.lines[line] ?? [];
  }
}

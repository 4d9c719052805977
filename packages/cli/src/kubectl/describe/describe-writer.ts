/**
 * The text writer of kubectl's describers: indentation levels of two spaces, terminal
 * escaping, and elastic tab stops as Go's `text/tabwriter` lays them out with describe's
 * settings (minimum width 0, padding 2, spaces).
 */
import { TabWriter } from "@kubesim/core";

/** What every describer writes through (upstream `PrefixWriter`). */
export interface PrefixWriter {
  /** Writes `text` after `level` two-space indents; tabs separate aligned cells. */
  write(level: number, text: string): void;
  /** Writes `text` and a newline, without indentation. */
  writeLine(text: string): void;
  /** Ends the current column block: later lines no longer align with earlier ones. */
  flush(): void;
}

const levelIndent = "  ";
const escapeCharacter = String.fromCharCode(0x1b);

/**
 * Replaces the terminal's ESC and CR with visible text (`^[`, `\\r`), as kubectl's
 * `WriteEscaped` does: they could otherwise rewrite what the terminal shows.
 */
export function escapeTerminal(text: string): string {
  if (!text.includes(escapeCharacter) && !text.includes("\r")) return text;
  return text.replaceAll(escapeCharacter, "^[").replaceAll("\r", "\\r");
}

/** A {@link PrefixWriter} that collects the laid-out text of one description. */
export class DescribeWriter implements PrefixWriter {
  private readonly tabWriter = new TabWriter({ minWidth: 0, padding: 2, rememberWidths: false });
  private readonly chunks: string[] = [];

  write(level: number, text: string): void {
    this.tabWriter.write(escapeTerminal(levelIndent.repeat(level) + text));
  }

  writeLine(text: string): void {
    this.tabWriter.write(escapeTerminal(`${text}\n`));
  }

  flush(): void {
    this.chunks.push(this.tabWriter.flush());
  }

  /** Everything written, laid out (flushes first). */
  text(): string {
    this.flush();
    return this.chunks.join("");
  }
}

/**
 * A writer that adds `indent` levels to everything it passes on (upstream
 * `NewNestedPrefixWriter`); its `writeLine` is indented too, a quirk kubectl shows.
 */
export function nestedWriter(parent: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => parent.write(level + indent, text),
    writeLine: (text) => parent.write(indent, `${text}\n`),
    flush: () => parent.flush(),
  };
}

/** Runs `body` against a fresh {@link DescribeWriter} and returns the laid-out text. */
export async function tabbedString(body: (writer: PrefixWriter) => Promise<void> | void): Promise<string> {
  const writer = new DescribeWriter();
  await body(writer);
  return writer.text();
}

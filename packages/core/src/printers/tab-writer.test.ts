import { describe, expect, it } from "vitest";
import { TabWriter } from "./tab-writer.js";

function layout(text: string, rememberWidths = true): string {
  const writer = new TabWriter({ rememberWidths });
  writer.write(text);
  return writer.flush();
}

describe("TabWriter", () => {
  it.each([
    {
      name: "pads every cell but the last of a line to minwidth 6",
      text: "a\tb\tc\n",
      expected: "a     b     c\n",
    },
    {
      name: "pads to the widest cell plus 3",
      text: "name\tx\nlonger-name\ty\n",
      expected: "name          x\nlonger-name   y\n",
    },
    { name: "pads empty cells too", text: "\tb\n", expected: "      b\n" },
    {
      name: "aligns a column only over consecutive lines that have it",
      text: "a\tb\tc\naa\tbb\n",
      expected: "a     b     c\naa    bb\n",
    },
    {
      name: "a line with a single cell ends the column block",
      text: "a\tb\nx\nlonger\tc\n",
      expected: "a     b\nx\nlonger   c\n",
    },
    {
      name: "a form feed ends the block and prints as a newline",
      text: "longer\tb\fa\tc\n",
      expected: "longer   b\na        c\n",
    },
    { name: "a vertical tab also ends a cell", text: "a\vb\n", expected: "a     b\n" },
    { name: "text after the last newline is kept", text: "a\tb\nc", expected: "a     b\nc" },
  ])("$name", ({ text, expected }) => {
    expect(layout(text)).toBe(expected);
  });

  it("keeps the widest widths across blocks and flushes when remembering widths", () => {
    expect(layout("longer\tb\nx\na\tc\n")).toBe("longer   b\nx\na        c\n");
    expect(layout("longer\tb\nx\na\tc\n", false)).toBe("longer   b\nx\na     c\n");
    const writer = new TabWriter();
    writer.write("longer\tb\n");
    expect(writer.flush()).toBe("longer   b\n");
    writer.write("a\tc\n");
    expect(writer.flush()).toBe("a        c\n");
  });
});

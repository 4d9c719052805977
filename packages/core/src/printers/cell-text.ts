/** How kubectl turns a table cell into text (cli-runtime `printTable`). */

import { formatGoFloat } from "./go-float.js";
import { compareGoStrings } from "./go-strings.js";

const lineBreak = /[\f\n\r]/;
const int64Limit = 2 ** 63;

/**
 * The text kubectl prints for a cell: strings are cut at the first line break (with `...`
 * appended), other values are printed as Go's `fmt.Sprint` would, `null`/`undefined`
 * print nothing; ESC and CR are escaped (`^[`, `\r`) against terminal injection.
 */
export function formatCellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") {
    const breakAt = cell.search(lineBreak);
    return breakAt < 0 ? escapeTerminal(cell) : `${escapeTerminal(cell.slice(0, breakAt))}...`;
  }
  return escapeTerminal(goSprint(cell));
}

function escapeTerminal(text: string): string {
  return text.replaceAll("\u001b", "^[").replaceAll("\r", "\\r");
}

/** An approximation of Go's `fmt.Sprint` for JSON-shaped values. */
function goSprint(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      // JSON integers are int64 in Go; everything else is a float64.
      return Number.isInteger(value) && Math.abs(value) < int64Limit
        ? BigInt(value).toString()
        : formatGoFloat(value);
    case "boolean":
    case "bigint":
      return String(value);
    case "object": {
      if (value === null) return "<nil>";
      if (Array.isArray(value)) return `[${value.map(goSprint).join(" ")}]`;
      const record = value as Readonly<Record<string, unknown>>;
      const entries = Object.keys(record)
        .sort(compareGoStrings)
        .map((key) => `${key}:${goSprint(record[key])}`);
      return `map[${entries.join(" ")}]`;
    }
    default:
      return "<nil>";
  }
}

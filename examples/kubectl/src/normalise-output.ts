/**
 * What legitimately differs between two runs of the same kubectl command against a
 * cluster that follows the wall clock: ages, timestamps and the server's port. Everything
 * else is compared byte for byte.
 */

/** The placeholder an age becomes. */
export const agePlaceholder = "<age>";

/** kubectl's `get` tabwriter: cells padded by 3 spaces, at least 6 wide; the last cell is not padded. */
const tablePadding = 3;
const tableMinimumWidth = 6;

/** A `get` header line: upper-case column names (single spaces inside a name), at least 3 spaces apart. */
const headerLine =
  /^[A-Z][A-Z0-9()_./:-]*(?: [A-Z0-9()_./:-]+)*(?: {3,}[A-Z][A-Z0-9()_./:-]*(?: [A-Z0-9()_./:-]+)*)*$/;

/** Where each column of a header line starts. */
function columnStarts(header: string): number[] {
  const starts = [0];
  for (const match of header.matchAll(/ {3,}/g)) starts.push(match.index + match[0].length);
  return starts;
}

function renderTable(rows: readonly (readonly string[])[]): string[] {
  const columnCount = Math.max(...rows.map((row) => row.length));
  const widths: number[] = [];
  for (let column = 0; column < columnCount - 1; column++) {
    const longest = Math.max(...rows.map((row) => row[column]?.length ?? 0));
    widths.push(Math.max(longest + tablePadding, tableMinimumWidth));
  }
  return rows.map((row) =>
    row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column] ?? 0) : cell)).join(""),
  );
}

/**
 * Replaces every cell of the `AGE` columns of `kubectl get` tables with {@link agePlaceholder}
 * and lays the table out again as kubectl's tabwriter does, so outputs taken at different
 * instants compare equal. Several tables (`get all`) are separated by blank lines; lines
 * that are not part of a table are kept as they are.
 */
export function normaliseTableAges(text: string): string {
  const lines = text.split("\n");
  const output: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const header = lines[index] ?? "";
    const ageColumns = headerLine.test(header)
      ? header.split(/ {3,}/).flatMap((name, column) => (name === "AGE" ? [column] : []))
      : [];
    if (ageColumns.length === 0) {
      output.push(header);
      index++;
      continue;
    }
    const starts = columnStarts(header);
    const rows: string[][] = [];
    let end = index;
    while (end < lines.length && (lines[end] ?? "") !== "") {
      const line = lines[end] ?? "";
      const cells = starts.map((start, column) => line.slice(start, starts[column + 1]).trimEnd());
      if (end > index) for (const column of ageColumns) cells[column] = agePlaceholder;
      rows.push(cells);
      end++;
    }
    output.push(...renderTable(rows).map((line) => line.trimEnd()));
    index = end;
  }
  return output.join("\n");
}

/** An age as kubectl prints it (`5s`, `119s`, `2m3s`, `10m`, `3h`, `3d4h`, `274d`). */
const ageToken = /^\d+[smhd](?:\d+[smh])?$/;

/** A `describe` time (RFC 1123 with a numeric zone), always 31 characters. */
const describeTime = /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g;

/**
 * Normalises `kubectl describe` output: times become `Mon, 01 Jan 2000 00:00:00 +0000` (same
 * width), and the last cell of an event line (`Normal  Reason  AGE  From  Message`) and of a
 * pod line of `Non-terminated Pods` becomes {@link agePlaceholder}, padded to the width the
 * age and its trailing spaces had, so the alignment of what follows is kept.
 */
export function normaliseDescribeAges(text: string): string {
  const lines = text.replace(describeTime, "Mon, 01 Jan 2000 00:00:00 +0000").split("\n");
  let inPodTable = false;
  return lines
    .map((line) => {
      if (line.startsWith("Non-terminated Pods:")) inPodTable = true;
      else if (!line.startsWith(" ")) inPodTable = false;
      if (inPodTable && !line.startsWith("Non-terminated") && !/^ +(Namespace|-)/.test(line)) {
        return line.replace(/ (\S+)$/, (whole, age: string) =>
          ageToken.test(age) ? ` ${agePlaceholder}` : whole,
        );
      }
      const event = /^( {2}(?:Normal|Warning) +\S+ +)(\S+)( +)(.*)$/.exec(line);
      if (event !== null && ageToken.test(event[2] ?? "")) {
        const width = (event[2] ?? "").length + (event[3] ?? "").length;
        return `${event[1]}${agePlaceholder.padEnd(Math.max(width, agePlaceholder.length + 1))}${event[4]}`;
      }
      return line;
    })
    .join("\n");
}

/** Replaces the server's port in `http://127.0.0.1:PORT` with the word `PORT`. */
export function normalisePort(text: string): string {
  return text.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT");
}

/**
 * Replaces what the server generates per object in `-o yaml` / `-o json` output (`uid`,
 * `creationTimestamp`, `resourceVersion`, managedFields `time`) with fixed words.
 */
export function normaliseObjectMetadata(text: string): string {
  return text
    .replace(/("?uid"?: )"?[0-9a-f-]{36}"?/g, "$1UID")
    .replace(/("?(?:creationTimestamp|time|deletionTimestamp)"?: )"[0-9TZ:.-]+"/g, '$1"TIME"')
    .replace(/("?resourceVersion"?: )"\d+"/g, '$1"RV"');
}

/** Replaces RFC 3339 times (`2026-11-30T01:27:01Z`) with the word `TIME`. */
export function normaliseTimestamps(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g, "TIME");
}

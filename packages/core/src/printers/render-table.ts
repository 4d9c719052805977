/**
 * kubectl's human-readable table output (`kubectl get`): upper-cased headers, the
 * NAMESPACE, label and LABELS decorations, and tabwriter alignment, byte for byte.
 */
import { formatCellText } from "./cell-text.js";
import { formatLabelMap } from "./label-format.js";
import { path, stringAt, stringMapAt } from "./object-fields.js";
import { TabWriter } from "./tab-writer.js";
import type { PrintedTable, TableColumnDefinition } from "./table-types.js";

/** Options of {@link renderTable}, mirroring `kubectl get` flags. */
export interface RenderTableOptions {
  /** `--no-headers`. */
  readonly noHeaders?: boolean | undefined;
  /** `-A` / `--all-namespaces`: a NAMESPACE first column read from each row's object. */
  readonly withNamespace?: boolean | undefined;
  /** `--show-labels`: a LABELS last column (`k=v,...` sorted, `<none>` when empty). */
  readonly showLabels?: boolean | undefined;
  /** `-L key`: one column per label key, headed by the upper-cased last path segment. */
  readonly labelColumns?: readonly string[] | undefined;
  /**
   * Prefixes the name column, as `kubectl get all` does: `daemonset.apps` turns `nginx`
   * into `daemonset.apps/nginx`.
   */
  readonly withKind?: string | undefined;
  /**
   * `-o wide`. When `false`, priority-1 columns are hidden (needed for tables that carry
   * every column, like the API server's); when omitted, every column of the table prints.
   */
  readonly wide?: boolean | undefined;
}

/** kubectl's tabwriter settings: minimal width 6, padding 3, widths kept across flushes. */
function createKubectlTabWriter(): TabWriter {
  return new TabWriter({ minWidth: 6, padding: 3, rememberWidths: true });
}

/**
 * Renders a table exactly as `kubectl get` prints it. Returns `""` for a table without
 * rows (the "No resources found" message is the caller's job).
 */
export function renderTable(table: PrintedTable, options: RenderTableOptions = {}): string {
  const writer = createKubectlTabWriter();
  writer.write(tableText(table, options, options.noHeaders === true));
  return writer.flush();
}

/** A table renderer for `kubectl get --watch`: one header, column widths that only grow. */
export interface TableWriter {
  /** Renders the next table (usually one row per watch event). */
  write(table: PrintedTable, options?: RenderTableOptions): string;
}

/**
 * Creates a {@link TableWriter}. Like kubectl's printer it prints the header once (again
 * only when the columns change) and keeps the widest column widths seen so far, so
 * later rows stay aligned with earlier ones.
 */
export function createTableWriter(): TableWriter {
  const writer = createKubectlTabWriter();
  let lastColumns: readonly TableColumnDefinition[] = [];
  let printedHeaders = false;
  return {
    write(table, options = {}) {
      const sameColumns = table.columns.length === 0 || equalColumns(table.columns, lastColumns);
      const noHeaders = options.noHeaders === true || (printedHeaders && sameColumns);
      let columns = table.columns;
      if (table.columns.length === 0) {
        columns = [...lastColumns];
      } else if (!sameColumns) {
        lastColumns = table.columns;
        printedHeaders = false;
      }
      if (table.rows.length > 0) printedHeaders = true;
      writer.write(tableText({ columns, rows: table.rows }, options, noHeaders));
      return writer.flush();
    },
  };
}

function equalColumns(
  left: readonly TableColumnDefinition[],
  right: readonly TableColumnDefinition[],
): boolean {
  return (
    left.length === right.length &&
    left.every((column, index) => {
      const other = right[index];
      return (
        other !== undefined &&
        column.name === other.name &&
        column.type === other.type &&
        column.format === other.format &&
        column.description === other.description &&
        column.priority === other.priority
      );
    })
  );
}

function tableText(table: PrintedTable, options: RenderTableOptions, noHeaders: boolean): string {
  if (table.rows.length === 0) return "";
  const shown = table.columns.map((column) => options.wide !== false || column.priority === 0);
  const labelColumns = options.labelColumns ?? [];
  const nameColumn =
    options.withKind === undefined || options.withKind === ""
      ? -1
      : table.columns.findIndex((column) => column.format === "name" && column.type === "string");
  const lines: string[] = [];
  if (!noHeaders) {
    const headers: string[] = [];
    if (options.withNamespace === true) headers.push("NAMESPACE");
    table.columns.forEach((column, index) => {
      if (shown[index] === true) headers.push(column.name.toUpperCase());
    });
    for (const key of labelColumns) headers.push((key.split("/").pop() ?? "").toUpperCase());
    if (options.showLabels === true) headers.push("LABELS");
    lines.push(headers.join("\t"));
  }
  for (const row of table.rows) {
    const cells: string[] = [];
    if (options.withNamespace === true)
      cells.push(formatCellText(stringAt(row.object, "metadata", "namespace")));
    // Cells beyond the column definitions are dropped, as kubectl does for bad server output.
    const count = Math.min(row.cells.length, table.columns.length);
    for (let index = 0; index < count; index++) {
      if (shown[index] !== true) continue;
      const cell = row.cells[index];
      cells.push(
        index === nameColumn
          ? formatCellText(`${options.withKind}/${typeof cell === "string" ? cell : formatCellText(cell)}`)
          : formatCellText(cell),
      );
    }
    if (labelColumns.length > 0 || options.showLabels === true) {
      const labels = stringMapAt(path(row.object, "metadata"), "labels");
      for (const key of labelColumns) cells.push(formatCellText(labels.get(key) ?? ""));
      if (options.showLabels === true) cells.push(formatCellText(formatLabelMap(labels)));
    }
    lines.push(cells.join("\t"));
  }
  return `${lines.join("\n")}\n`;
}

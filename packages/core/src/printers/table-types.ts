/**
 * The shape of a printed table: meta/v1 `Table` column definitions and rows, as
 * kube-apiserver serves them for `kubectl get` and as `renderTable` lays them out.
 */

/** One column of a table (meta/v1 `TableColumnDefinition`). */
export interface TableColumnDefinition {
  /** Upstream's column name, e.g. `Up-to-date`; kubectl upper-cases it for the header. */
  readonly name: string;
  /** The OpenAPI type of the cells: `string`, `integer`, `number`, `boolean` or `date`. */
  readonly type: string;
  /** `name` for the column holding the object name, otherwise `""`. */
  readonly format: string;
  /** What the column shows, from the API field documentation. */
  readonly description: string;
  /** `0` for columns always shown, `1` for columns shown only with `-o wide`. */
  readonly priority: number;
}

/** A condition attached to a row (meta/v1 `TableRowCondition`); only `Completed` exists. */
export interface TableRowCondition {
  readonly type: "Completed";
  readonly status: "True";
  readonly reason: string;
  readonly message: string;
}

/** One table row: a cell per column, and the object it describes. */
export interface PrintedTableRow {
  /** Cell values in column order: strings, and numbers for integer columns. */
  cells: unknown[];
  /** The object the row was printed from. */
  object: object;
  /** Set only where upstream sets it: Succeeded and Failed pods carry `Completed`. */
  conditions?: TableRowCondition[];
}

/** A printed table: column definitions and one row per object. */
export interface PrintedTable {
  columns: TableColumnDefinition[];
  rows: PrintedTableRow[];
}

/**
 * Server-side table printing: the meta/v1 Table columns and rows kube-apiserver returns
 * to `kubectl get`, shared by `kubesim get` and the API server.
 */
import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import type { Lease } from "kubernetes-types/coordination/v1";
import type { Event, Namespace, Node, Pod, Service } from "kubernetes-types/core/v1";
import { KubesimError } from "../errors/index.js";
import { controllerRevisionCells } from "./controller-revision-row.js";
import { daemonSetCells } from "./daemon-set-row.js";
import { deploymentCells } from "./deployment-row.js";
import { eventCells } from "./event-row.js";
import { leaseCells } from "./lease-row.js";
import { namespaceCells } from "./namespace-row.js";
import { nodeCells } from "./node-row.js";
import { podCells, podRowConditions } from "./pod-row.js";
import { replicaSetCells } from "./replica-set-row.js";
import { serviceCells } from "./service-row.js";
import { isPrintableKind, type PrintableKind, tableColumns, unknownKindError } from "./table-columns.js";
import type { PrintedTable, PrintedTableRow, TableColumnDefinition } from "./table-types.js";

/** Options of {@link printTable}. */
export interface PrintTableOptions {
  /** Include the wide-only (priority 1) columns, as `-o wide` shows them. */
  readonly wide?: boolean | undefined;
  /** The current time, for AGE and the other relative times. */
  readonly now: Date;
}

type CellPrinter = (object: never, now: Date) => unknown[];

const cellPrinters: Readonly<Record<PrintableKind, CellPrinter>> = {
  DaemonSet: (object: DaemonSet, now) => daemonSetCells(object, now),
  Pod: (object: Pod, now) => podCells(object, now),
  Node: (object: Node, now) => nodeCells(object, now),
  Namespace: (object: Namespace, now) => namespaceCells(object, now),
  ControllerRevision: (object: ControllerRevision, now) => controllerRevisionCells(object, now),
  Event: (object: Event, now) => eventCells(object, now),
  Service: (object: Service, now) => serviceCells(object, now),
  Deployment: (object: Deployment, now) => deploymentCells(object, now),
  ReplicaSet: (object: ReplicaSet, now) => replicaSetCells(object, now),
  Lease: (object: Lease, now) => leaseCells(object, now),
};

/**
 * Prints objects of one kind as a table, with upstream's column names, types and
 * descriptions and one row per object, in the given order.
 *
 * @remarks
 * kube-apiserver always computes every column and kubectl hides priority-1 columns unless
 * `-o wide`. Here `wide: true` returns every column and cell (what the API server serves);
 * `wide: false` (the default) returns only the priority-0 columns and their cells, which
 * is what `kubectl get` without `-o wide` shows. Integer columns hold numbers
 * (e.g. DaemonSet `Desired`), every other cell is a string.
 *
 * @param kind - the object kind, e.g. `DaemonSet`, `Pod`, `Node`, `Namespace`,
 *   `ControllerRevision`, `Event`, `Service`, `Deployment`, `ReplicaSet`, `Lease`.
 * @throws KubesimError when the kind has no printer, an entry is not an object, or
 *   `now` is not a valid date.
 */
export function printTable(
  kind: string,
  objects: readonly object[],
  options: PrintTableOptions,
): PrintedTable {
  if (!isPrintableKind(kind)) throw unknownKindError(kind);
  const now = options.now;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new KubesimError("printTable needs `now` to be a valid Date.");
  }
  const allColumns = tableColumns[kind];
  const shownIndexes: number[] = [];
  const columns: TableColumnDefinition[] = [];
  for (const [index, column] of allColumns.entries()) {
    if (options.wide === true || column.priority === 0) {
      shownIndexes.push(index);
      columns.push({ ...column });
    }
  }
  const printCells = cellPrinters[kind] as (object: object, now: Date) => unknown[];
  const rows = objects.map((object, index): PrintedTableRow => {
    if (typeof object !== "object" || object === null || Array.isArray(object)) {
      throw new KubesimError(
        `printTable expects ${kind} objects, but item ${index} is ${describeValue(object)}.`,
      );
    }
    const cells = printCells(object, now);
    const row: PrintedTableRow = {
      cells: shownIndexes.length === cells.length ? cells : shownIndexes.map((shown) => cells[shown]),
      object,
    };
    const conditions = kind === "Pod" ? podRowConditions(object as Pod) : undefined;
    if (conditions !== undefined) row.conditions = conditions;
    return row;
  });
  return { columns, rows };
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

import {
  createBadRequestError,
  fieldErrorMessage,
  fieldErrors,
  isPrintableKind,
  type KubeObject,
  printTable,
  type TableColumnDefinition,
  tableColumns,
} from "@kubesim/core";

/** What each Table row carries in `object` (`includeObject`; upstream's default is `Metadata`). */
export type IncludeObject = "Metadata" | "Object" | "None";

const includeObjectValues: readonly string[] = ["Metadata", "None", "Object"];

/**
 * Reads the `includeObject` query parameter; absent or empty is `Metadata`.
 *
 * @throws StatusError 400 `Unable to convert to Table as requested: includeObject: Unsupported value: …`.
 */
export function parseIncludeObject(value: string | null): IncludeObject {
  if (value === null || value === "") return "Metadata";
  if (includeObjectValues.includes(value)) return value as IncludeObject;
  const error = fieldErrors.notSupported("includeObject", value, includeObjectValues);
  throw createBadRequestError(`Unable to convert to Table as requested: ${fieldErrorMessage(error)}`);
}

/** Options of {@link tableBody}. */
export interface TableBodyOptions {
  /** `meta.k8s.io/v1` (or `v1beta1`): the Table's apiVersion, as the client asked. */
  readonly apiVersion: string;
  readonly includeObject: IncludeObject;
  /** The current time (AGE cells). */
  readonly now: Date;
  /** The Table's `metadata.resourceVersion`: the list's, or the single object's. */
  readonly resourceVersion: string | undefined;
  /** False in watch events after the first: `columnDefinitions` is then `null`, as upstream. */
  readonly withColumns?: boolean;
}

// The fallback columns of upstream's default table convertor, for kinds without a printer;
// the descriptions are ObjectMeta's, as every printer's Name and Age columns carry them.
const nameColumn = tableColumns.Pod[0] as TableColumnDefinition;
const ageColumn = tableColumns.Pod.find((column) => column.name === "Age") as TableColumnDefinition;
const fallbackColumns: readonly TableColumnDefinition[] = [
  { ...nameColumn },
  { name: "Created At", type: "date", format: "", description: ageColumn.description, priority: 0 },
];

/** Go's zero time in RFC 3339, what upstream prints for an object without a creationTimestamp. */
const zeroTime = "0001-01-01T00:00:00Z";

function fallbackCells(object: KubeObject): unknown[] {
  const metadata = object.metadata ?? {};
  const created = typeof metadata.creationTimestamp === "string" ? metadata.creationTimestamp : zeroTime;
  return [metadata.name ?? "", created];
}

function rowObject(object: KubeObject, includeObject: IncludeObject, apiVersion: string): object | undefined {
  if (includeObject === "Object") return object;
  if (includeObject === "None") return undefined;
  return { kind: "PartialObjectMetadata", apiVersion, metadata: object.metadata ?? {} };
}

/**
 * Renders objects of one kind as the `Table` kube-apiserver returns to `kubectl get`: the
 * columns and cells of core's printers (every column, wide ones with priority 1, which
 * kubectl hides without `-o wide`), and for kinds without a printer upstream's default
 * `Name` / `Created At`. Each row's `object` is a `PartialObjectMetadata` (what kubectl
 * reads for the NAMESPACE column and `--show-labels`), the whole object
 * (`includeObject=Object`, for `--sort-by`) or absent (`None`).
 */
export function tableBody(kind: string, objects: readonly KubeObject[], options: TableBodyOptions): object {
  let columns: readonly TableColumnDefinition[];
  let rows: Array<{ cells: unknown[]; conditions?: unknown; object: object }>;
  if (isPrintableKind(kind)) {
    const printed = printTable(kind, objects, { wide: true, now: options.now });
    columns = printed.columns;
    rows = printed.rows;
  } else {
    columns = fallbackColumns;
    rows = objects.map((object) => ({ cells: fallbackCells(object), object }));
  }
  const body: Record<string, unknown> = {
    kind: "Table",
    apiVersion: options.apiVersion,
    metadata: options.resourceVersion === undefined ? {} : { resourceVersion: options.resourceVersion },
    columnDefinitions: options.withColumns === false ? null : columns,
    rows: rows.map((row) => {
      const rendered: Record<string, unknown> = { cells: row.cells };
      if (row.conditions !== undefined) rendered.conditions = row.conditions;
      const object = rowObject(row.object as KubeObject, options.includeObject, options.apiVersion);
      if (object !== undefined) rendered.object = object;
      return rendered;
    }),
  };
  return body;
}

export { humanDuration, shortHumanDuration } from "./duration.js";
export { compareGoStrings, sortedGoStrings } from "./go-strings.js";
export { escapeJsonLikeGo, goJsonString, renderJson } from "./json-output.js";
export { formatLabelSelector, formatLabels } from "./label-format.js";
export { renderName } from "./name-output.js";
export { formatNodeRoles, nodeRoles, nodeStatus } from "./node-row.js";
export type { ObjectOutputOptions } from "./output-document.js";
export { formatPodRestarts, type PodSummary, podStatusReason, summarizePod } from "./pod-summary.js";
export { type PrintTableOptions, printTable } from "./print-table.js";
export { createTableWriter, type RenderTableOptions, renderTable, type TableWriter } from "./render-table.js";
export { TabWriter, type TabWriterOptions } from "./tab-writer.js";
export { columnsFor, isPrintableKind, type PrintableKind, tableColumns } from "./table-columns.js";
export type {
  PrintedTable,
  PrintedTableRow,
  TableColumnDefinition,
  TableRowCondition,
} from "./table-types.js";
export { translateTimestampSince } from "./timestamp.js";
export { renderYaml } from "./yaml-output.js";

/**
 * `get`'s human-readable output (no `-o`, or `-o wide`): one table per run of results of
 * the same resource type, kubectl's blank line between tables, `kind.group/name` names when
 * several types were asked for (or `--show-kind`), a NAMESPACE column with `-A`.
 */
import { printTable, type ResourceInfo, renderTable } from "@kubesim/core";
import type { CommandIo } from "../../io.js";
import type { FetchedResult } from "./fetch-resources.js";
import { sortTableRows } from "./sort-by.js";

/** What shapes the tables. */
export interface TableOutputOptions {
  readonly wide: boolean;
  readonly noHeaders: boolean;
  readonly showLabels: boolean;
  readonly showKind: boolean;
  readonly labelColumns: readonly string[];
  readonly allNamespaces: boolean;
  /** `--sort-by`, `""` when not sorting. */
  readonly sortBy: string;
  /** The time AGE columns count from. */
  readonly now: Date;
}

/** kubectl prints `kind.group/` before names when results hold more than one kind. */
function multipleKindsRequested(results: readonly FetchedResult[]): boolean {
  const first = results[0];
  return first !== undefined && results.some((result) => result.resource !== first.resource);
}

/** `strings.ToLower(GroupKind.String())`: `daemonset.apps`, `pod`. */
function kindPrefix(resource: ResourceInfo): string {
  const kind = resource.kind.toLowerCase();
  return resource.group === "" ? kind : `${kind}.${resource.group}`;
}

/**
 * Prints the results as tables and returns how many characters went to stdout (kubectl says
 * "No resources found" when none did).
 *
 * @throws KubectlExit when `--sort-by` meets values it cannot compare.
 */
export function printTables(
  results: readonly FetchedResult[],
  options: TableOutputOptions,
  io: CommandIo,
): number {
  const withKind = options.showKind || multipleKindsRequested(results);
  let written = 0;
  let separatorPending = false;
  let lastResource: ResourceInfo | undefined;
  let index = 0;
  while (index < results.length) {
    const resource = (results[index] as FetchedResult).resource;
    const objects: object[] = [];
    // Consecutive results of one type share kubectl's printer: one header, one alignment.
    while (index < results.length && (results[index] as FetchedResult).resource === resource) {
      const result = results[index] as FetchedResult;
      const rows =
        options.sortBy === "" ? [...result.objects] : sortTableRows(result.objects, options.sortBy);
      // A loop, not push(...rows): spreading a huge list overflows the call stack.
      for (const row of rows ?? []) objects.push(row);
      index++;
    }
    if (lastResource !== undefined && !options.noHeaders && written > 0) separatorPending = true;
    lastResource = resource;
    const text = renderTable(printTable(resource.kind, objects, { wide: options.wide, now: options.now }), {
      noHeaders: options.noHeaders,
      withNamespace: options.allNamespaces && resource.namespaced,
      showLabels: options.showLabels,
      labelColumns: options.labelColumns,
      withKind: withKind ? kindPrefix(resource) : undefined,
    });
    if (text === "") continue;
    if (separatorPending) {
      io.stdout("\n");
      written += 1;
      separatorPending = false;
    }
    io.stdout(text);
    written += text.length;
  }
  return written;
}

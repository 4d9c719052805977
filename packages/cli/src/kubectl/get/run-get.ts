/**
 * `kubesim get`: kubectl v1.32's `get` over the simulated cluster, with its output bytes,
 * messages and exit codes.
 */
import type { KubeObject } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import { commandError, formatCommandErrors, KubectlExit } from "./command-errors.js";
import { type FetchedResult, fetchResources } from "./fetch-resources.js";
import type { GetFlags } from "./get-flags.js";
import { isTableOutput, resolveOutputFormat } from "./output-format.js";
import { printObjects } from "./print-objects.js";
import { printTables } from "./print-tables.js";
import { type ResourceRequest, resolveResourceRequest } from "./resource-request.js";
import { sortObjects } from "./sort-by.js";

const commandName = "kubesim";

const missingTypeMessage =
  `You must specify the type of resource to get. Use "${commandName} api-resources" for a complete list of supported resources.\n\n` +
  "error: Required resource not specified.\n" +
  `Use "${commandName} explain <resource>" for a detailed description of that resource (e.g. ${commandName} explain pods).\n` +
  `See '${commandName} get -h' for help and examples\n`;

function watchRefusal(flag: string): string {
  return `error: ${flag} is not supported by kubesim: every command settles the simulated cluster before it prints, so there are no further changes to watch\n`;
}

/** A selector flag as kubectl's builder takes it: trimmed, and empty means not given. */
function selectorFlag(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? undefined : trimmed;
}

/** `-L a,b -L c` → `a`, `b`, `c` (pflag's string slice). */
function labelColumns(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => (value === "" ? [] : value.split(",")));
}

/** A Table as the API server serves it to `get` with several results, for `--sort-by`'s sake. */
function tableDocument(result: FetchedResult): object {
  return {
    apiVersion: "meta.k8s.io/v1",
    kind: "Table",
    metadata: { resourceVersion: result.resourceVersion },
    rows: result.objects.map((object) => ({ object })),
  };
}

interface GetRun {
  readonly context: KubectlContext;
  readonly flags: GetFlags;
  readonly request: ResourceRequest;
  readonly results: readonly FetchedResult[];
  readonly errors: readonly unknown[];
}

function finish(context: KubectlContext, errors: readonly unknown[]): ExitCode {
  context.io.stderr(formatCommandErrors(errors));
  return errors.length > 0 ? 1 : 0;
}

function printAsTables(run: GetRun): ExitCode {
  const { context, flags } = run;
  const sortBy = flags.sortBy ?? "";
  let results = run.results;
  if (sortBy !== "" && results.length > 1) {
    // kubectl sorts several answers by the field of each whole Table first, which fails for
    // fields of the objects themselves.
    const tables = results.map((result) => ({ result, table: tableDocument(result) }));
    const sorted = sortObjects(
      tables.map((entry) => entry.table),
      sortBy,
    );
    if ("error" in sorted) return finish(context, [commandError(sorted.error)]);
    results = sorted.sorted.map(
      (table) => tables.find((entry) => entry.table === table)?.result as FetchedResult,
    );
  }
  const allNamespaces = flags.allNamespaces === true;
  const written = printTables(
    results,
    {
      wide: flags.output === "wide",
      noHeaders: flags.noHeaders === true,
      showLabels: flags.showLabels === true,
      showKind: flags.showKind === true,
      labelColumns: labelColumns(flags.labelColumns),
      allNamespaces,
      sortBy,
      now: new Date(context.clock.now()),
    },
    context.io,
  );
  if (written === 0 && flags.ignoreNotFound !== true && run.errors.length === 0) {
    const namespaced = !allNamespaces && results.every((result) => result.resource.namespaced);
    context.io.stderr(
      namespaced ? `No resources found in ${context.namespace} namespace.\n` : "No resources found\n",
    );
  }
  return finish(context, run.errors);
}

function printAsObjects(run: GetRun): ExitCode {
  const { context, flags, request } = run;
  const single = request.mode === "names" && request.singleItemImplied;
  if (single && run.errors.length > 0) return finish(context, run.errors);
  const objects: KubeObject[] = run.results.flatMap((result) => result.objects);
  if (objects.length === 0 && flags.ignoreNotFound === true) return finish(context, run.errors);
  const resolved = resolveOutputFormat(flags.output ?? "", flags.template ?? "", context.cwd);
  if (resolved.error !== undefined) return finish(context, [commandError(resolved.error)]);
  if (resolved.format.kind === "table") return finish(context, run.errors);
  const output = printObjects(objects, {
    format: resolved.format,
    single,
    showManagedFields: flags.showManagedFields === true,
    allowMissingTemplateKeys: flags.allowMissingTemplateKeys !== false,
    sortBy: flags.sortBy ?? "",
  });
  context.io.stdout(output.text);
  return finish(context, [...run.errors, ...output.errors]);
}

async function get(context: KubectlContext, args: readonly string[], flags: GetFlags): Promise<ExitCode> {
  const output = flags.output ?? "";
  if (flags.watch === true || flags.watchOnly === true) {
    context.io.stderr(watchRefusal(flags.watch === true ? "--watch" : "--watch-only"));
    return 1;
  }
  if (args.length === 0) {
    context.io.stderr(missingTypeMessage);
    return 1;
  }
  if (flags.showLabels === true && output !== "" && output !== "wide") {
    context.io.stderr(`error: --show-labels option cannot be used with ${output} printer\n`);
    return 1;
  }
  const labelSelector = selectorFlag(flags.selector);
  const fieldSelector = selectorFlag(flags.fieldSelector);
  const allNamespaces = flags.allNamespaces === true;
  const resolved = resolveResourceRequest(args, { labelSelector, fieldSelector, allNamespaces, commandName });
  if (resolved.error !== undefined) return finish(context, [commandError(resolved.error)]);
  const outcome = await fetchResources(context.client, resolved.request, {
    namespace: context.namespace,
    allNamespaces,
    labelSelector: labelSelector ?? "",
    fieldSelector: fieldSelector ?? "",
    ignoreNotFound: flags.ignoreNotFound === true,
  });
  const run: GetRun = { context, flags, request: resolved.request, ...outcome };
  return isTableOutput(output, flags.template ?? "") ? printAsTables(run) : printAsObjects(run);
}

/**
 * Runs `kubesim get` with kubectl's behaviour: `TYPE[,TYPE...] [NAME...]`, `TYPE/NAME...`,
 * `all`, `-n`/`-A`, `-l`, `--field-selector`, `-o wide|yaml|json|name|jsonpath=...|
 * jsonpath-file=...|jsonpath-as-json=...`, `--sort-by`, `--show-labels`, `-L`,
 * `--show-kind`, `--no-headers`, `--ignore-not-found`. Prints through `context.io` and
 * returns kubectl's exit code (1 when any error was printed). `--watch` is refused.
 */
export async function runGet(
  context: KubectlContext,
  args: readonly string[],
  flags: GetFlags = {},
): Promise<ExitCode> {
  try {
    return await get(context, args, flags);
  } catch (error) {
    if (!(error instanceof KubectlExit)) throw error;
    context.io.stderr(`${error.message}\n`);
    return error.exitCode;
  }
}

/** The commander declaration of `kubesim get`, with kubectl's flags. */
import { goQuote } from "@kubesim/core";
import { type Command, InvalidArgumentError } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import type { GetFlags } from "./get-flags.js";
import { runGet } from "./run-get.js";

/** The option values commander collects for `get`. */
interface GetOptionValues {
  readonly output?: string;
  /** False when `--no-headers` was given (commander's negatable form). */
  readonly headers?: boolean;
  readonly showLabels?: boolean;
  readonly showKind?: boolean;
  readonly labelColumns?: string[];
  readonly sortBy?: string;
  readonly selector?: string;
  readonly fieldSelector?: string;
  readonly allNamespaces?: boolean;
  readonly ignoreNotFound?: boolean;
  readonly template?: string;
  readonly allowMissingTemplateKeys?: boolean;
  readonly showManagedFields?: boolean;
  readonly watch?: boolean;
  readonly watchOnly?: boolean;
}

const goTrue = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const goFalse = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** pflag's boolean values (`strconv.ParseBool`). */
function parseGoBool(value: string): boolean {
  if (goTrue.has(value)) return true;
  if (goFalse.has(value)) return false;
  throw new InvalidArgumentError(`strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * pflag reads `-o=yaml` as `yaml`; commander hands short options the `=` too. Values of
 * these flags never start with `=`, so one is dropped.
 */
function shortFlagValue(value: string | undefined): string | undefined {
  return value?.startsWith("=") === true ? value.slice(1) : value;
}

function toGetFlags(options: GetOptionValues): GetFlags {
  return {
    output: shortFlagValue(options.output),
    noHeaders: options.headers === false,
    showLabels: options.showLabels,
    showKind: options.showKind,
    labelColumns: options.labelColumns?.map((value) => shortFlagValue(value) ?? ""),
    sortBy: options.sortBy,
    selector: shortFlagValue(options.selector),
    fieldSelector: options.fieldSelector,
    allNamespaces: options.allNamespaces,
    ignoreNotFound: options.ignoreNotFound,
    template: options.template,
    allowMissingTemplateKeys: options.allowMissingTemplateKeys,
    showManagedFields: options.showManagedFields,
    watch: options.watch,
    watchOnly: options.watchOnly,
  };
}

/**
 * Declares `get [TYPE[,TYPE...] [NAME...] | TYPE/NAME...]` on `program` with kubectl's
 * flags; its action runs {@link runGet} in the current cluster through `run`.
 */
export function registerGetCommand(program: Command, run: RunInCluster): Command {
  return program
    .command("get")
    .summary("Display one or many resources")
    .description(
      "Display one or many resources.\n\nPrints a table of the most important information about the specified resources. " +
        "You can filter the list using a label selector and the --selector flag. If the desired resource type is " +
        "namespaced you will only see results in the current namespace unless you pass --all-namespaces.",
    )
    .argument("[args...]", "TYPE[.GROUP][,TYPE...] [NAME...] or TYPE/NAME...")
    .option(
      "-o, --output <format>",
      "Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file, wide).",
    )
    .option(
      "--no-headers",
      "When using the default output format, don't print headers (default print headers).",
    )
    .option(
      "--show-labels",
      "When printing, show all labels as the last column (default hide labels column).",
    )
    .option("--show-kind", "If present, list the resource type for the requested object(s).")
    .option(
      "-L, --label-columns <labels>",
      "Accepts a comma separated list of labels that are going to be presented as columns.",
      collect,
      [],
    )
    .option(
      "--sort-by <field>",
      "If non-empty, sort list types using this field specification (a JSONPath expression).",
    )
    .option(
      "-l, --selector <selector>",
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      "--field-selector <selector>",
      "Selector (field query) to filter on, supports '=', '==', and '!='.",
    )
    .option("-A, --all-namespaces", "If present, list the requested object(s) across all namespaces.")
    .option(
      "--ignore-not-found",
      "If set to true, suppresses NotFound error for specific objects that do not exist.",
    )
    .option(
      "--template <template>",
      "Template string or path to template file to use when -o=jsonpath, -o=jsonpath-file.",
    )
    .option(
      "--allow-missing-template-keys [value]",
      "If true, ignore any errors in templates when a field or map key is missing in the template.",
      parseGoBool,
      true,
    )
    .option(
      "--show-managed-fields",
      "If true, keep the managedFields when printing objects in JSON or YAML format.",
    )
    .option("-w, --watch", "Not supported: kubesim settles the cluster before printing.")
    .option("--watch-only", "Not supported: kubesim settles the cluster before printing.")
    .option("--chunk-size <size>", "Accepted for compatibility; kubesim lists in one piece.")
    .action(async (args: string[], options: GetOptionValues, command: Command) => {
      await run(command, (context) => runGet(context, args, toGetFlags(options)));
    });
}

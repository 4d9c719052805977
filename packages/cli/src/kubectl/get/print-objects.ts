/**
 * `get -o yaml|json|name|jsonpath=...`: one object as it is when exactly one was asked
 * for by name, otherwise a `List` of every object found (kubectl's `printGeneric`).
 */
import { goQuote, type KubeObject, renderJson, renderName, renderYaml } from "@kubesim/core";
import { executeJsonPath, goSyntaxText, JsonPathError } from "../../jsonpath/index.js";
import { commandError } from "./command-errors.js";
import type { OutputFormat } from "./output-format.js";
import { sortObjects } from "./sort-by.js";

/** How the objects are printed. */
export interface ObjectOutputSettings {
  readonly format: Exclude<OutputFormat, { kind: "table" }>;
  /** Print the one object itself rather than a `List`. */
  readonly single: boolean;
  readonly showManagedFields: boolean;
  readonly allowMissingTemplateKeys: boolean;
  /** `--sort-by`, `""` when not sorting. */
  readonly sortBy: string;
}

/** What {@link printObjects} produced: stdout text and the errors kubectl reports after it. */
export interface ObjectOutput {
  readonly text: string;
  readonly errors: readonly unknown[];
}

/** The `List` kubectl builds around several objects, as its jsonpath printer sees it. */
function listDocument(items: readonly KubeObject[]): object {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}

function renderJsonPath(
  format: Extract<OutputFormat, { kind: "jsonpath" }>,
  data: object,
  allowMissingKeys: boolean,
): ObjectOutput {
  try {
    return {
      text: executeJsonPath(format.template, data, { allowMissingKeys, outputJson: format.outputJson }),
      errors: [],
    };
  } catch (error) {
    if (!(error instanceof JsonPathError)) throw error;
    const source = format.template.source;
    const details =
      `Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${source}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntaxText(data)}\n\n`;
    return { text: "", errors: [commandError(`error executing jsonpath ${goQuote(source)}: ${details}\n`)] };
  }
}

function render(settings: ObjectOutputSettings, input: KubeObject | readonly KubeObject[]): ObjectOutput {
  const options = { showManagedFields: settings.showManagedFields };
  switch (settings.format.kind) {
    case "yaml":
      return { text: renderYaml(input, options), errors: [] };
    case "json":
      return { text: renderJson(input, options), errors: [] };
    case "name":
      return { text: renderName(input), errors: [] };
    case "jsonpath":
      return renderJsonPath(
        settings.format,
        Array.isArray(input) ? listDocument(input) : (input as KubeObject),
        settings.allowMissingTemplateKeys,
      );
  }
}

/**
 * Prints the objects found. With `--sort-by`, a list is sorted first; a sort error is
 * reported instead of the list, as kubectl does.
 *
 * @throws KubectlExit when `--sort-by` meets values it cannot compare.
 */
export function printObjects(objects: readonly KubeObject[], settings: ObjectOutputSettings): ObjectOutput {
  const only = objects[0];
  if (settings.single && objects.length === 1 && only !== undefined) return render(settings, only);
  let items = objects;
  if (settings.sortBy !== "" && items.length > 0) {
    const sorted = sortObjects(items, settings.sortBy);
    if ("error" in sorted) return { text: "", errors: [commandError(sorted.error)] };
    items = sorted.sorted;
  }
  return render(settings, items);
}

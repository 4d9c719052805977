/**
 * Prints JSONPath results as client-go's `JSONPath.Execute` does: within a group, values are
 * joined by a space; maps and slices print as compact JSON; strings print raw; null prints
 * `null`. With JSON output (kubectl's `-o jsonpath-as-json`) each group prints as an indented
 * JSON array.
 */

import { findJsonPathResults, type JsonPathRunOptions } from "./evaluate-jsonpath.js";
import { goFloatText, goIntegerText, goJson } from "./go-value-text.js";
import type { JsonPathTemplate } from "./jsonpath-node.js";
import { kindOf, numberOf } from "./jsonpath-value.js";

/** Options of {@link executeJsonPath}. */
export interface JsonPathExecuteOptions extends JsonPathRunOptions {
  /** Print each group as an indented JSON array (`-o jsonpath-as-json`). */
  readonly outputJson?: boolean | undefined;
}

function valueText(value: unknown): string {
  switch (kindOf(value)) {
    case "invalid":
      return "<no value>";
    case "nil":
      return "null";
    case "bool":
      return value ? "true" : "false";
    case "string":
      return value as string;
    case "int":
      return goIntegerText(value as number);
    case "float":
      return goFloatText(numberOf(value));
    default:
      return goJson(value);
  }
}

function printGroup(values: readonly unknown[], outputJson: boolean): string {
  if (outputJson) return `${goJson(values, "    ")}\n`;
  return values.map(valueText).join(" ");
}

/**
 * Runs `template` over `data` and returns what kubectl prints for it.
 *
 * @example
 * executeJsonPath(parseJsonPath("{.items[*].metadata.name}"), list, { allowMissingKeys: true });
 * // => "nginx-6kzjs nginx-mwjc4"
 * @throws JsonPathError when the template fails on the data (nothing is printed then, as in kubectl).
 */
export function executeJsonPath(
  template: JsonPathTemplate,
  data: unknown,
  options: JsonPathExecuteOptions = {},
): string {
  const outputJson = options.outputJson === true;
  return findJsonPathResults(template, data, options)
    .map((group) => printGroup(group, outputJson))
    .join("");
}

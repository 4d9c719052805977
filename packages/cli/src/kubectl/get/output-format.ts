/**
 * Picks `get`'s printer from `-o/--output` and `--template` the way kubectl's print flags
 * do, with kubectl's errors: `template format specified but no template given`,
 * `error parsing jsonpath ...`, `unable to match a printer suitable for the output format ...`.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { goQuote } from "@kubesim/core";
import { type JsonPathTemplate, parseJsonPath } from "../../jsonpath/index.js";

/** A printer `get` can use. */
export type OutputFormat =
  | { readonly kind: "table"; readonly wide: boolean }
  | { readonly kind: "json" }
  | { readonly kind: "yaml" }
  | { readonly kind: "name" }
  | { readonly kind: "jsonpath"; readonly template: JsonPathTemplate; readonly outputJson: boolean };

/** A printer, or the error kubectl stops with. */
export type OutputFormatResult =
  | { readonly format: OutputFormat; readonly error?: undefined }
  | { readonly format?: undefined; readonly error: string };

const jsonPathFormats = ["jsonpath", "jsonpath-as-json", "jsonpath-file"] as const;
const goTemplateFormats = ["go-template", "go-template-file", "template", "templatefile"] as const;
const customColumnFormats = ["custom-columns", "custom-columns-file"] as const;

/** Every format kubectl's `get` accepts, sorted as kubectl lists them. */
const allowedFormats = [
  ...customColumnFormats,
  ...goTemplateFormats,
  "json",
  ...jsonPathFormats,
  "name",
  "wide",
  "yaml",
].sort();

/** True when `get` prints tables: no output format and no template, or `-o wide`. */
export function isTableOutput(output: string, template: string): boolean {
  return (output === "" && template === "") || output === "wide";
}

/**
 * kubectl's template flags: the format is `name` or `name=<template>`, or the template
 * comes from `--template`. `undefined` when the format is not one of `names`.
 */
function matchTemplateFormat(
  format: string,
  template: string,
  names: readonly string[],
): { readonly name: string; readonly value: string } | undefined {
  if (template === "" && format === "") return undefined;
  let name = format;
  let value = template;
  if (template === "") {
    const prefixed = names.find((candidate) => format.startsWith(`${candidate}=`));
    if (prefixed !== undefined) {
      name = prefixed;
      value = format.slice(prefixed.length + 1);
    }
  }
  return names.includes(name) ? { name, value } : undefined;
}

/** The text of Go's `os.ReadFile` error for a Node.js file error. */
function readFileError(path: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return `open ${path}: no such file or directory`;
  if (code === "EACCES") return `open ${path}: permission denied`;
  if (code === "ENOTDIR") return `open ${path}: not a directory`;
  if (code === "EISDIR") return `read ${path}: is a directory`;
  return error instanceof Error ? error.message : String(error);
}

function jsonPathOutput(name: string, value: string, cwd: string): OutputFormatResult {
  if (value === "") return { error: "template format specified but no template given" };
  let text = value;
  if (name === "jsonpath-file") {
    try {
      text = readFileSync(resolve(cwd, value), "utf8");
    } catch (error) {
      return { error: `error reading --template ${value}, ${readFileError(value, error)}` };
    }
  }
  try {
    return {
      format: { kind: "jsonpath", template: parseJsonPath(text), outputJson: name === "jsonpath-as-json" },
    };
  } catch (error) {
    return {
      error: `error parsing jsonpath ${text}, ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Resolves the printer for `-o <output>` and `--template <template>`.
 *
 * @param cwd - the directory `jsonpath-file=` paths are read from.
 */
export function resolveOutputFormat(output: string, template: string, cwd: string): OutputFormatResult {
  const format = template !== "" && output === "" ? "go-template" : output;
  const jsonPath = matchTemplateFormat(format, template, jsonPathFormats);
  if (jsonPath !== undefined) return jsonPathOutput(jsonPath.name, jsonPath.value, cwd);
  const goTemplate = matchTemplateFormat(format, template, goTemplateFormats);
  if (goTemplate !== undefined) {
    if (goTemplate.value === "") return { error: "template format specified but no template given" };
    return { error: `kubesim does not support the ${goQuote(goTemplate.name)} output format` };
  }
  const lower = format.toLowerCase();
  if (lower === "json" || lower === "yaml") return { format: { kind: lower } };
  if (format === "" || format === "wide") return { format: { kind: "table", wide: format === "wide" } };
  const columns = matchTemplateFormat(format, template, customColumnFormats);
  if (columns !== undefined) {
    if (columns.value === "") return { error: "custom-columns format specified but no custom columns given" };
    return { error: `kubesim does not support the ${goQuote(columns.name)} output format` };
  }
  if (lower === "name") return { format: { kind: "name" } };
  return {
    error: `unable to match a printer suitable for the output format ${goQuote(format)}, allowed formats are: ${allowedFormats.join(",")}`,
  };
}

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isTableOutput, type OutputFormatResult, resolveOutputFormat } from "./output-format.js";

function summary(result: OutputFormatResult): string {
  if (result.error !== undefined) return `error: ${result.error}`;
  const format = result.format;
  switch (format.kind) {
    case "table":
      return format.wide ? "table (wide)" : "table";
    case "jsonpath":
      return `${format.outputJson ? "jsonpath-as-json" : "jsonpath"} ${format.template.source}`;
    default:
      return format.kind;
  }
}

const allowed =
  "allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

describe("resolveOutputFormat", () => {
  it.each([
    { name: "no output is a table", output: "", template: "", expected: "table" },
    { name: "wide", output: "wide", template: "", expected: "table (wide)" },
    { name: "yaml in any case", output: "YAML", template: "", expected: "yaml" },
    { name: "json", output: "json", template: "", expected: "json" },
    { name: "name in any case", output: "Name", template: "", expected: "name" },
    { name: "jsonpath with its template", output: "jsonpath={.a}", template: "", expected: "jsonpath {.a}" },
    {
      name: "jsonpath-as-json",
      output: "jsonpath-as-json={.a}",
      template: "",
      expected: "jsonpath-as-json {.a}",
    },
    { name: "jsonpath with --template", output: "jsonpath", template: "{.b}", expected: "jsonpath {.b}" },
    {
      name: "a template that holds an equals sign",
      output: "jsonpath={.a}={.b}",
      template: "",
      expected: "jsonpath {.a}={.b}",
    },
    { name: "json with a --template it ignores", output: "json", template: "{.b}", expected: "json" },
    {
      name: "jsonpath without a template",
      output: "jsonpath",
      template: "",
      expected: "error: template format specified but no template given",
    },
    {
      name: "a jsonpath that does not parse",
      output: "jsonpath={",
      template: "",
      expected: "error: error parsing jsonpath {, unclosed action",
    },
    {
      name: "a template without -o, which kubectl reads as go-template",
      output: "",
      template: "{{.a}}",
      expected: 'error: kubesim does not support the "go-template" output format',
    },
    {
      name: "custom columns",
      output: "custom-columns=NAME:.metadata.name",
      template: "",
      expected: 'error: kubesim does not support the "custom-columns" output format',
    },
    {
      name: "custom columns without columns",
      output: "custom-columns",
      template: "",
      expected: "error: custom-columns format specified but no custom columns given",
    },
    {
      name: "an unknown format",
      output: "foo",
      template: "",
      expected: `error: unable to match a printer suitable for the output format "foo", ${allowed}`,
    },
    {
      name: "wide in capitals",
      output: "WIDE",
      template: "",
      expected: `error: unable to match a printer suitable for the output format "WIDE", ${allowed}`,
    },
  ])("resolves $name", ({ output, template, expected }) => {
    expect(summary(resolveOutputFormat(output, template, "/"))).toBe(expected);
  });

  it("reads a jsonpath-file and reports a missing one as Go's os.ReadFile does", () => {
    const directory = mkdtempSync(join(tmpdir(), "kubesim-output-"));
    writeFileSync(join(directory, "t.jsonpath"), "{.kind}");
    expect(summary(resolveOutputFormat("jsonpath-file=t.jsonpath", "", directory))).toBe("jsonpath {.kind}");
    expect(summary(resolveOutputFormat("jsonpath-file=nope", "", directory))).toBe(
      "error: error reading --template nope, open nope: no such file or directory",
    );
  });

  it.each([
    { output: "", template: "", table: true },
    { output: "wide", template: "", table: true },
    { output: "", template: "{.a}", table: false },
    { output: "yaml", template: "", table: false },
  ])("decides -o $output with template '$template' prints tables: $table", ({ output, template, table }) => {
    expect(isTableOutput(output, template)).toBe(table);
  });
});

import { describe, expect, it } from "vitest";
import { fieldPath } from "./field-error.js";
import { goNumber, goQuote, goStringSlice } from "./go-format.js";

describe("goQuote", () => {
  it.each`
    input            | want
    ${"plain"}       | ${'"plain"'}
    ${'a"b'}         | ${'"a\\"b"'}
    ${"back\\slash"} | ${'"back\\\\slash"'}
    ${"tab\there"}   | ${'"tab\\there"'}
    ${"\u0000"}      | ${'"\\x00"'}
    ${"\u007f"}      | ${'"\\x7f"'}
    ${"héllo"}       | ${'"héllo"'}
    ${"\u2028"}      | ${'"\\u2028"'}
    ${""}            | ${'""'}
  `("quotes $input as Go's strconv.Quote does", ({ input, want }) => {
    expect(goQuote(input)).toBe(want);
  });
});

describe("goNumber", () => {
  it.each`
    input     | want
    ${0}      | ${"0"}
    ${-1}     | ${"-1"}
    ${1.5}    | ${"1.5"}
    ${1e21}   | ${"1e+21"}
    ${0.0001} | ${"0.0001"}
    ${1e-5}   | ${"1e-05"}
  `("formats $input as Go's %v does", ({ input, want }) => {
    expect(goNumber(input)).toBe(want);
  });
});

describe("fieldPath and slices", () => {
  it.each([
    {
      name: "names are joined with dots",
      segments: ["spec", "template", "spec"],
      want: "spec.template.spec",
    },
    {
      name: "indexes are bracketed",
      segments: ["spec", "containers", 0, "image"],
      want: "spec.containers[0].image",
    },
    {
      name: "map keys are bracketed",
      segments: ["metadata", "labels", ["app"]],
      want: "metadata.labels[app]",
    },
  ] as const)("$name", ({ segments, want }) => {
    expect(fieldPath(...segments)).toBe(want);
  });

  it("renders string slices as Go literals", () => {
    expect(goStringSlice(["a", "b"]).rendered).toBe('[]string{"a", "b"}');
    expect(goStringSlice(undefined).rendered).toBe("[]string(nil)");
  });
});

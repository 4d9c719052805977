import { type FieldError, goStringSlice, type NodeSelectorRequirement } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { parseMatchExpressions } from "./match-expressions.js";

// Ported from upstream TestNodeSelectorRequirementsAsSelector, which parses under the path "root".
describe("parseMatchExpressions (upstream TestNodeSelectorRequirementsAsSelector)", () => {
  it.each<{ name: string; input: NodeSelectorRequirement[]; want: string[] }>([
    { name: "An empty list gives no requirements.", input: [], want: [] },
    {
      name: "In maps to the label selector's in operator.",
      input: [{ key: "foo", operator: "In", values: ["bar", "baz"] }],
      want: ["foo in (bar,baz)"],
    },
    {
      name: "Gt maps to the label selector's > operator.",
      input: [{ key: "foo", operator: "Gt", values: ["1"] }],
      want: ["foo>1"],
    },
    {
      name: "Lt maps to the label selector's < operator.",
      input: [{ key: "bar", operator: "Lt", values: ["7"] }],
      want: ["bar<7"],
    },
    {
      name: "NotIn, Exists and DoesNotExist map to notin, exists and !.",
      input: [
        { key: "a", operator: "NotIn", values: ["x"] },
        { key: "b", operator: "Exists" },
        { key: "c", operator: "DoesNotExist", values: [] },
      ],
      want: ["a notin (x)", "b", "!c"],
    },
  ])("$name", ({ input, want }) => {
    const parsed = parseMatchExpressions(input, "root");
    expect(parsed.errors).toBeUndefined();
    expect(parsed.requirements?.map(String)).toEqual(want);
  });

  it.each<{ name: string; input: NodeSelectorRequirement[]; errors: FieldError[] }>([
    {
      name: "Exists with values is invalid at the requirement's values path.",
      input: [{ key: "foo", operator: "Exists", values: ["bar", "baz"] }],
      errors: [
        {
          type: "FieldValueInvalid",
          field: "root[0].values",
          badValue: goStringSlice(["bar", "baz"]),
          detail: "values set must be empty for exists and does not exist",
        },
      ],
    },
    {
      name: "An unknown operator is not supported, with the node selector operators listed.",
      input: [{ key: "baz", operator: "invalid", values: ["5"] }],
      errors: [
        {
          type: "FieldValueNotSupported",
          field: "root[0].operator",
          badValue: "invalid",
          detail: 'supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
        },
      ],
    },
    {
      name: "A missing operator is not supported and reports the empty string.",
      input: [{ key: "baz" } as NodeSelectorRequirement],
      errors: [
        {
          type: "FieldValueNotSupported",
          field: "root[0].operator",
          badValue: "",
          detail: 'supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
        },
      ],
    },
    {
      name: "A lowercase label-selector operator is not a node selector operator.",
      input: [{ key: "baz", operator: "in", values: ["5"] }],
      errors: [
        {
          type: "FieldValueNotSupported",
          field: "root[0].operator",
          badValue: "in",
          detail: 'supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
        },
      ],
    },
    {
      name: "Errors of every requirement are collected, in order.",
      input: [
        { key: "ok", operator: "In", values: ["a"] },
        { key: "-bad", operator: "In", values: ["a"] },
        { key: "cpu", operator: "Gt", values: ["x1"] },
      ],
      errors: [
        {
          type: "FieldValueInvalid",
          field: "root[1].key",
          badValue: "-bad",
          detail:
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        },
        {
          type: "FieldValueInvalid",
          field: "root[2].values[0]",
          badValue: "x1",
          detail: "for 'Gt', 'Lt' operators, the value must be an integer",
        },
      ],
    },
  ])("$name", ({ input, errors }) => {
    const parsed = parseMatchExpressions(input, "root");
    expect(parsed.requirements).toBeUndefined();
    expect(parsed.errors).toEqual(errors);
  });

  it("The operator table is not fooled by inherited property names such as constructor.", () => {
    const parsed = parseMatchExpressions([{ key: "a", operator: "constructor" }], "root");
    expect(parsed.errors?.map((error) => error.type)).toEqual(["FieldValueNotSupported"]);
  });
});

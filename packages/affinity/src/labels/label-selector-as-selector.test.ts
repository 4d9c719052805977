import { type LabelSelector, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { labelSelectorAsSelector } from "./label-selector-as-selector.js";
import { everything, nothing } from "./selector.js";
import { namePartRegexMessage } from "./test-messages.js";

function thrownBy(action: () => unknown): StatusError {
  try {
    action();
  } catch (error) {
    if (StatusError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a StatusError");
}

const matchLabels = { foo: "bar" };
const matchExpressions = [{ key: "baz", operator: "In", values: ["qux", "norf"] }];

describe("labelSelectorAsSelector (upstream TestLabelSelectorAsSelector)", () => {
  it("turns a missing selector into nothing", () => {
    expect(labelSelectorAsSelector(undefined)).toBe(nothing());
    expect(labelSelectorAsSelector(null)).toBe(nothing());
  });

  it("turns an empty selector into everything", () => {
    expect(labelSelectorAsSelector({})).toBe(everything());
    expect(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] })).toBe(everything());
  });

  const cases: Array<{ name: string; selector: LabelSelector; text: string }> = [
    { name: "match labels become equality requirements", selector: { matchLabels }, text: "foo=bar" },
    {
      name: "an In expression becomes a sorted set",
      selector: { matchExpressions },
      text: "baz in (norf,qux)",
    },
    {
      name: "labels and expressions combine sorted by key",
      selector: { matchLabels, matchExpressions },
      text: "baz in (norf,qux),foo=bar",
    },
    {
      name: "NotIn, Exists and DoesNotExist map to their operators",
      selector: {
        matchExpressions: [
          { key: "c", operator: "DoesNotExist" },
          { key: "b", operator: "Exists", values: [] },
          { key: "a", operator: "NotIn", values: ["z", "y", "z"] },
        ],
      },
      text: "a notin (y,z,z),b,!c",
    },
    {
      name: "a label and an expression on the same key keep the label first",
      selector: { matchLabels: { a: "1" }, matchExpressions: [{ key: "a", operator: "Exists" }] },
      text: "a=1,a",
    },
  ];
  it.each(cases)("$name", ({ selector, text }) => {
    expect(labelSelectorAsSelector(selector).toString()).toBe(text);
  });

  it("does not modify its input", () => {
    const selector: LabelSelector = {
      matchLabels: { b: "1", a: "2" },
      matchExpressions: [{ key: "k", operator: "In", values: ["y", "x"] }],
    };
    const copy = structuredClone(selector);
    labelSelectorAsSelector(selector);
    expect(selector).toEqual(copy);
  });

  it("matches as the parsed selector does", () => {
    const selector = labelSelectorAsSelector({ matchLabels, matchExpressions });
    expect(selector.matches({ foo: "bar", baz: "qux" })).toBe(true);
    expect(selector.matches({ foo: "bar", baz: "other" })).toBe(false);
    expect(selector.matches({ baz: "norf" })).toBe(false);
  });

  const errors: Array<{
    name: string;
    selector: LabelSelector;
    message: string;
    errors: Array<{ type: string; field: string; detail: string }>;
  }> = [
    {
      name: "Exists with values is rejected",
      selector: { matchExpressions: [{ key: "baz", operator: "Exists", values: ["qux", "norf"] }] },
      message:
        'values: Invalid value: []string{"qux", "norf"}: values set must be empty for exists and does not exist',
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values",
          detail: "values set must be empty for exists and does not exist",
        },
      ],
    },
    {
      name: "In without values reports Go's nil slice",
      selector: { matchExpressions: [{ key: "baz", operator: "In", values: [] }] },
      message: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values",
          detail: "for 'in', 'notin' operators, values set can't be empty",
        },
      ],
    },
    {
      name: "Gt is not a label selector operator",
      selector: { matchExpressions: [{ key: "baz", operator: "Gt", values: ["1"] }] },
      message: '"Gt" is not a valid label selector operator',
      errors: [
        { type: "FieldValueInvalid", field: "", detail: '"Gt" is not a valid label selector operator' },
      ],
    },
    {
      name: "a lower-case operator is not accepted",
      selector: { matchExpressions: [{ key: "baz", operator: "in", values: ["1"] }] },
      message: '"in" is not a valid label selector operator',
      errors: [
        { type: "FieldValueInvalid", field: "", detail: '"in" is not a valid label selector operator' },
      ],
    },
    {
      name: "an invalid match-labels key is reported at key",
      selector: { matchLabels: { "-bad": "x" } },
      message: `key: Invalid value: "-bad": ${namePartRegexMessage}`,
      errors: [{ type: "FieldValueInvalid", field: "key", detail: namePartRegexMessage }],
    },
    {
      name: "match labels are checked before expressions",
      selector: { matchLabels: { "-bad": "x" }, matchExpressions: [{ key: "k", operator: "Gt" }] },
      message: `key: Invalid value: "-bad": ${namePartRegexMessage}`,
      errors: [{ type: "FieldValueInvalid", field: "key", detail: namePartRegexMessage }],
    },
  ];
  it.each(errors)("$name", ({ selector, message, errors: expected }) => {
    const error = thrownBy(() => labelSelectorAsSelector(selector));
    expect(error.message).toBe(message);
    expect(error.reason).toBe("BadRequest");
    expect(error.errors.map(({ type, field, detail }) => ({ type, field, detail }))).toEqual(expected);
  });

  it("reads hostile keys as ordinary labels", () => {
    const selector = JSON.parse('{"matchLabels": {"__proto__": "x"}}') as LabelSelector;
    const error = thrownBy(() => labelSelectorAsSelector(selector));
    expect(error.errors[0]?.field).toBe("key");
    expect(labelSelectorAsSelector(JSON.parse('{"matchLabels": {"constructor": "x"}}')).toString()).toBe(
      "constructor=x",
    );
  });
});

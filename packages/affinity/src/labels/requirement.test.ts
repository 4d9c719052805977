import { type FieldError, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  collectRequirementErrors,
  createRequirement,
  type LabelMap,
  Requirement,
  type SelectorOperator,
} from "./requirement.js";
import { labelValueRegexMessage, namePartRegexMessage, supportedOperatorsDetail } from "./test-messages.js";

/** The thrown StatusError, or a failure when nothing was thrown. */
function thrownBy(action: () => unknown): StatusError {
  try {
    action();
  } catch (error) {
    if (StatusError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a StatusError");
}

function summary(errors: readonly FieldError[]) {
  return errors.map(({ type, field, detail }) => ({ type, field, detail }));
}

const longName = "a".repeat(254);

describe("createRequirement (upstream TestRequirementConstructor)", () => {
  const valid: Array<{ name: string; key: string; operator: SelectorOperator; values: string[] }> = [
    { name: "in with one value is valid", key: "x3", operator: "in", values: ["foo"] },
    { name: "notin with one value is valid", key: "x4", operator: "notin", values: ["foo"] },
    { name: "exists without values is valid", key: "x6", operator: "exists", values: [] },
    { name: "does-not-exist without values is valid", key: "x7", operator: "!", values: [] },
    { name: "gt with an integer is valid", key: "x11", operator: "gt", values: ["1"] },
    { name: "lt with an integer is valid", key: "x12", operator: "lt", values: ["6"] },
    { name: "a prefixed key is valid", key: "example.com/x", operator: "=", values: [""] },
    { name: "the empty value is valid", key: "x", operator: "in", values: ["", "a"] },
    { name: "gt accepts the int64 maximum", key: "x", operator: "gt", values: ["9223372036854775807"] },
    { name: "lt accepts leading zeros", key: "x", operator: "lt", values: ["007"] },
  ];
  it.each(valid)("$name", ({ key, operator, values }) => {
    const requirement = createRequirement(key, operator, values);
    expect(requirement.key).toBe(key);
    expect(requirement.operator).toBe(operator);
    expect(requirement.values).toEqual([...values].sort());
  });

  const invalid: Array<{
    name: string;
    key: string;
    operator: string;
    values: string[] | undefined;
    message: string;
    errors: Array<{ type: string; field: string; detail: string }>;
  }> = [
    {
      name: "in without values reports the empty values set",
      key: "x1",
      operator: "in",
      values: [],
      message: "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values",
          detail: "for 'in', 'notin' operators, values set can't be empty",
        },
      ],
    },
    {
      name: "notin with nil values prints Go's nil slice",
      key: "x2",
      operator: "notin",
      values: undefined,
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
      name: "equals with two values requires one single value",
      key: "x5",
      operator: "=",
      values: ["bar", "foo"],
      message:
        'values: Invalid value: []string{"bar", "foo"}: exact-match compatibility requires one single value',
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values",
          detail: "exact-match compatibility requires one single value",
        },
      ],
    },
    {
      name: "exists with a value requires an empty values set",
      key: "x8",
      operator: "exists",
      values: ["foo"],
      message:
        'values: Invalid value: []string{"foo"}: values set must be empty for exists and does not exist',
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values",
          detail: "values set must be empty for exists and does not exist",
        },
      ],
    },
    {
      name: "gt without values requires exactly one value",
      key: "x13",
      operator: "gt",
      values: [],
      message: "values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required",
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values",
          detail: "for 'Gt', 'Lt' operators, exactly one value is required",
        },
      ],
    },
    {
      name: "gt with a word requires an integer",
      key: "x14",
      operator: "gt",
      values: ["bar"],
      message: "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer",
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values[0]",
          detail: "for 'Gt', 'Lt' operators, the value must be an integer",
        },
      ],
    },
    {
      name: "lt with an out-of-range integer requires an int64",
      key: "x15",
      operator: "lt",
      values: ["9223372036854775808"],
      message:
        "values[0]: Invalid value: \"9223372036854775808\": for 'Gt', 'Lt' operators, the value must be an integer",
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values[0]",
          detail: "for 'Gt', 'Lt' operators, the value must be an integer",
        },
      ],
    },
    {
      name: "a negative gt operand parses but is not a label value",
      key: "x",
      operator: "gt",
      values: ["-1"],
      message: `values[0][x]: Invalid value: "-1": ${labelValueRegexMessage}`,
      errors: [{ type: "FieldValueInvalid", field: "values[0][x]", detail: labelValueRegexMessage }],
    },
    {
      name: "a key longer than 63 characters is rejected",
      key: longName,
      operator: "exists",
      values: [],
      message: `key: Invalid value: "${longName}": name part must be no more than 63 characters`,
      errors: [
        { type: "FieldValueInvalid", field: "key", detail: "name part must be no more than 63 characters" },
      ],
    },
    {
      name: "a value longer than 63 characters is reported under its key",
      key: "x16",
      operator: "=",
      values: [longName],
      message: `values[0][x16]: Invalid value: "${longName}": must be no more than 63 characters`,
      errors: [
        { type: "FieldValueInvalid", field: "values[0][x16]", detail: "must be no more than 63 characters" },
      ],
    },
    {
      name: "a value with a space is not a label value",
      key: "x17",
      operator: "=",
      values: ["a b"],
      message: `values[0][x17]: Invalid value: "a b": ${labelValueRegexMessage}`,
      errors: [{ type: "FieldValueInvalid", field: "values[0][x17]", detail: labelValueRegexMessage }],
    },
    {
      name: "an unknown operator lists the supported ones",
      key: "x18",
      operator: "unsupportedOp",
      values: [],
      message: `operator: Unsupported value: "unsupportedOp": ${supportedOperatorsDetail}`,
      errors: [{ type: "FieldValueNotSupported", field: "operator", detail: supportedOperatorsDetail }],
    },
    {
      name: "several problems are aggregated in upstream's order",
      key: "-x",
      operator: "gt",
      values: ["a", "b_"],
      message: `[key: Invalid value: "-x": ${namePartRegexMessage}, values: Invalid value: []string{"a", "b_"}: for 'Gt', 'Lt' operators, exactly one value is required, values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer, values[1]: Invalid value: "b_": for 'Gt', 'Lt' operators, the value must be an integer, values[1][-x]: Invalid value: "b_": ${labelValueRegexMessage}]`,
      errors: [
        { type: "FieldValueInvalid", field: "key", detail: namePartRegexMessage },
        {
          type: "FieldValueInvalid",
          field: "values",
          detail: "for 'Gt', 'Lt' operators, exactly one value is required",
        },
        {
          type: "FieldValueInvalid",
          field: "values[0]",
          detail: "for 'Gt', 'Lt' operators, the value must be an integer",
        },
        {
          type: "FieldValueInvalid",
          field: "values[1]",
          detail: "for 'Gt', 'Lt' operators, the value must be an integer",
        },
        { type: "FieldValueInvalid", field: "values[1][-x]", detail: labelValueRegexMessage },
      ],
    },
    {
      name: "an empty key reports both name-part problems in one error",
      key: "",
      operator: "exists",
      values: [],
      message: `key: Invalid value: "": name part must be non-empty; ${namePartRegexMessage}`,
      errors: [
        {
          type: "FieldValueInvalid",
          field: "key",
          detail: `name part must be non-empty; ${namePartRegexMessage}`,
        },
      ],
    },
  ];
  it.each(invalid)("$name", ({ key, operator, values, message, errors }) => {
    const error = thrownBy(() => createRequirement(key, operator as SelectorOperator, values));
    expect(error.message).toBe(message);
    expect(error.reason).toBe("BadRequest");
    expect(error.code).toBe(400);
    expect(summary(error.errors)).toEqual(errors);
  });

  it("prefixes every error field with the requirement path, as component-helpers passes it", () => {
    const path = "nodeSelectorTerms[0].matchExpressions[1]";
    const error = thrownBy(() => createRequirement("a/b/c", "gt", ["x"], { path }));
    expect(summary(error.errors)).toEqual([
      {
        type: "FieldValueInvalid",
        field: `${path}.key`,
        detail:
          "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      },
      {
        type: "FieldValueInvalid",
        field: `${path}.values[0]`,
        detail: "for 'Gt', 'Lt' operators, the value must be an integer",
      },
    ]);
    expect(summary(collectRequirementErrors("k", "Bogus", ["v"], path))).toEqual([
      { type: "FieldValueNotSupported", field: `${path}.operator`, detail: supportedOperatorsDetail },
    ]);
    expect(summary(collectRequirementErrors("k", "in", ["v", "w x"], path))).toEqual([
      { type: "FieldValueInvalid", field: `${path}.values[1][k]`, detail: labelValueRegexMessage },
    ]);
  });

  it("collects nothing for a valid requirement and keeps the bad values of field errors", () => {
    expect(collectRequirementErrors("k", "in", ["v"], undefined)).toEqual([]);
    const [error] = collectRequirementErrors("k", "gt", ["x"], "");
    expect(error?.badValue).toBe("x");
  });

  it("drops errors whose message repeats, as upstream's ToAggregate", () => {
    const errors = collectRequirementErrors("k", "in", ["a b", "a b"], undefined);
    expect(summary(errors)).toEqual([
      { type: "FieldValueInvalid", field: "values[0][k]", detail: labelValueRegexMessage },
      { type: "FieldValueInvalid", field: "values[1][k]", detail: labelValueRegexMessage },
    ]);
  });
});

describe("Requirement", () => {
  it("keeps sorted, deduplicated values but prints duplicates as upstream's String", () => {
    const requirement = createRequirement("k", "in", ["b", "a", "b"]);
    expect(requirement.values).toEqual(["a", "b"]);
    expect(requirement.toString()).toBe("k in (a,b,b)");
  });

  const printed: Array<{ name: string; requirement: Requirement; text: string }> = [
    { name: "exists prints the bare key", requirement: createRequirement("z", "exists", []), text: "z" },
    { name: "does-not-exist prints a bang", requirement: createRequirement("z", "!", []), text: "!z" },
    { name: "equals prints key=value", requirement: createRequirement("x", "=", ["abc"]), text: "x=abc" },
    { name: "double equals is kept", requirement: createRequirement("y", "==", ["jkl"]), text: "y==jkl" },
    { name: "not equals prints !=", requirement: createRequirement("z", "!=", ["a"]), text: "z!=a" },
    { name: "gt prints >", requirement: createRequirement("x", "gt", ["2"]), text: "x>2" },
    { name: "lt prints <", requirement: createRequirement("y", "lt", ["8"]), text: "y<8" },
    {
      name: "in sorts its values",
      requirement: createRequirement("x", "in", ["def", "abc"]),
      text: "x in (abc,def)",
    },
    {
      name: "notin with the empty value prints ()",
      requirement: createRequirement("z", "notin", [""]),
      text: "z notin ()",
    },
    {
      name: "an empty unvalidated requirement prints nothing",
      requirement: new Requirement("", "" as SelectorOperator, []),
      text: "",
    },
  ];
  it.each(printed)("$name", ({ requirement, text }) => {
    expect(requirement.toString()).toBe(text);
  });

  const matching: Array<{
    name: string;
    requirement: Requirement;
    labels: LabelMap | undefined;
    matches: boolean;
  }> = [
    {
      name: "in matches a listed value",
      requirement: createRequirement("x", "in", ["foo", "bar"]),
      labels: { x: "foo" },
      matches: true,
    },
    {
      name: "in does not match another value",
      requirement: createRequirement("x", "in", ["foo", "bar"]),
      labels: { x: "baz" },
      matches: false,
    },
    {
      name: "in does not match a missing key",
      requirement: createRequirement("x", "in", [""]),
      labels: { y: "baz" },
      matches: false,
    },
    {
      name: "in with the empty value matches an empty label",
      requirement: createRequirement("x", "in", [""]),
      labels: { x: "" },
      matches: true,
    },
    {
      name: "notin matches a missing key",
      requirement: createRequirement("x", "notin", [""]),
      labels: { y: "" },
      matches: true,
    },
    {
      name: "notin does not match a listed value",
      requirement: createRequirement("x", "notin", ["a", "b"]),
      labels: { x: "b" },
      matches: false,
    },
    {
      name: "notin matches another value",
      requirement: createRequirement("x", "notin", ["a", "b"]),
      labels: { x: "c" },
      matches: true,
    },
    {
      name: "not equals matches a missing key",
      requirement: createRequirement("x", "!=", ["a"]),
      labels: {},
      matches: true,
    },
    {
      name: "not equals rejects the value",
      requirement: createRequirement("x", "!=", ["a"]),
      labels: { x: "a" },
      matches: false,
    },
    {
      name: "exists matches an empty value",
      requirement: createRequirement("y", "exists", []),
      labels: { y: "" },
      matches: true,
    },
    {
      name: "does-not-exist rejects a present key",
      requirement: createRequirement("y", "!", []),
      labels: { y: "" },
      matches: false,
    },
    {
      name: "does-not-exist matches undefined labels",
      requirement: createRequirement("y", "!", []),
      labels: undefined,
      matches: true,
    },
    {
      name: "gt compares integers",
      requirement: createRequirement("z", "gt", ["1"]),
      labels: { z: "2" },
      matches: true,
    },
    {
      name: "gt is strict",
      requirement: createRequirement("z", "gt", ["1"]),
      labels: { z: "1" },
      matches: false,
    },
    {
      name: "gt rejects a non-integer label",
      requirement: createRequirement("z", "gt", ["1"]),
      labels: { z: "v2" },
      matches: false,
    },
    {
      name: "gt rejects a decimal label",
      requirement: createRequirement("z", "gt", ["1"]),
      labels: { z: "1.5" },
      matches: false,
    },
    {
      name: "gt rejects a missing label",
      requirement: createRequirement("z", "gt", ["5"]),
      labels: {},
      matches: false,
    },
    {
      name: "gt accepts leading zeros",
      requirement: createRequirement("z", "gt", ["0204"]),
      labels: { z: "0206" },
      matches: true,
    },
    {
      name: "lt accepts a signed label",
      requirement: createRequirement("z", "lt", ["0"]),
      labels: { z: "-1" },
      matches: true,
    },
    {
      name: "an unvalidated signed operand still compares",
      requirement: new Requirement("z", "lt", ["+0"]),
      labels: { z: "-0" },
      matches: false,
    },
    {
      name: "lt compares beyond the safe-integer range exactly",
      requirement: createRequirement("z", "lt", ["9223372036854775807"]),
      labels: { z: "9223372036854775806" },
      matches: true,
    },
    {
      name: "gt compares a large operand with a small label",
      requirement: new Requirement("z", "gt", ["-9223372036854775808"]),
      labels: { z: "7" },
      matches: true,
    },
    {
      name: "gt rejects a label beyond int64",
      requirement: createRequirement("z", "gt", ["1"]),
      labels: { z: "9223372036854775808" },
      matches: false,
    },
    {
      name: "gt distinguishes neighbours above 2^53",
      requirement: createRequirement("z", "gt", ["9007199254740993"]),
      labels: { z: "9007199254740992" },
      matches: false,
    },
    {
      name: "an unvalidated gt requirement with a word never matches",
      requirement: new Requirement("z", "gt", ["one"]),
      labels: { z: "2" },
      matches: false,
    },
    {
      name: "an unknown operator never matches",
      requirement: new Requirement("x", "~" as SelectorOperator, []),
      labels: { x: "" },
      matches: false,
    },
  ];
  it.each(matching)("$name", ({ requirement, labels, matches }) => {
    expect(requirement.matches(labels)).toBe(matches);
  });

  it("treats __proto__ and constructor as ordinary keys", () => {
    const hostile = JSON.parse('{"__proto__": "a", "constructor": "b"}') as LabelMap;
    expect(createRequirement("constructor", "exists", []).matches({})).toBe(false);
    expect(createRequirement("constructor", "!", []).matches({})).toBe(true);
    expect(createRequirement("constructor", "notin", ["x"]).matches({})).toBe(true);
    expect(createRequirement("constructor", "=", ["b"]).matches(hostile)).toBe(true);
    expect(new Requirement("__proto__", "exists", []).matches({})).toBe(false);
    expect(new Requirement("__proto__", "!", []).matches(hostile)).toBe(false);
    expect(new Requirement("__proto__", "=", ["a"]).matches(hostile)).toBe(true);
    expect(new Requirement("__proto__", "in", ["a", "c"]).matches(hostile)).toBe(true);
    expect(createRequirement("toString", "exists", []).matches({})).toBe(false);
  });
});

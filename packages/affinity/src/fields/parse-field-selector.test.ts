import { StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { everythingFields } from "./field-selector.js";
import { parseFieldSelector, splitTerm, splitTerms } from "./parse-field-selector.js";

describe("splitTerms", () => {
  // Ported from apimachinery pkg/fields selector_test.go TestSplitTerms.
  it.each([
    { name: "A bare word is one term.", selector: "a", terms: ["a"] },
    { name: "One term with a value is one term.", selector: "a=avalue", terms: ["a=avalue"] },
    { name: "Two terms split at the comma.", selector: "a=avalue,b=bvalue", terms: ["a=avalue", "b=bvalue"] },
    {
      name: "All three operators split alike.",
      selector: "a=avalue,b==bvalue,c!=cvalue",
      terms: ["a=avalue", "b==bvalue", "c!=cvalue"],
    },
    { name: "An empty selector has no terms.", selector: "", terms: [] },
    { name: "A trailing comma leaves an empty last term.", selector: "a=a,", terms: ["a=a", ""] },
    { name: "A leading comma leaves an empty first term.", selector: ",a=a", terms: ["", "a=a"] },
    { name: "An escaped comma stays in the value.", selector: "k=\\,,k2=v2", terms: ["k=\\,", "k2=v2"] },
    {
      name: "An escaped backslash does not escape the comma.",
      selector: "k=\\\\,k2=v2",
      terms: ["k=\\\\", "k2=v2"],
    },
    {
      name: "An escaped backslash then an escaped comma stay together.",
      selector: "k=\\\\\\,,k2=v2",
      terms: ["k=\\\\\\,", "k2=v2"],
    },
    { name: "Unknown escapes are kept as they are.", selector: "k=\\a\\b\\", terms: ["k=\\a\\b\\"] },
    { name: "An orphan backslash is kept.", selector: "k=\\", terms: ["k=\\"] },
    { name: "Multi-byte text splits at commas.", selector: "함=수,목=록", terms: ["함=수", "목=록"] },
  ])("$name", ({ selector, terms }) => {
    expect(splitTerms(selector)).toStrictEqual(terms);
  });
});

describe("splitTerm", () => {
  // Ported from TestSplitTerm.
  it.each([
    {
      name: "A single equals sign splits.",
      term: "a=value",
      split: { field: "a", operator: "=", rawValue: "value" },
    },
    {
      name: "A double equals sign is the same operator.",
      term: "b==value",
      split: { field: "b", operator: "=", rawValue: "value" },
    },
    {
      name: "Not-equals splits.",
      term: "c!=value",
      split: { field: "c", operator: "!=", rawValue: "value" },
    },
    { name: "An empty term has no operator.", term: "", split: undefined },
    { name: "A bare word has no operator.", term: "a", split: undefined },
    {
      name: "An escaped comma stays in the raw value.",
      term: "k=\\,",
      split: { field: "k", operator: "=", rawValue: "\\," },
    },
    {
      name: "An escaped equals sign stays in the raw value.",
      term: "k=\\=",
      split: { field: "k", operator: "=", rawValue: "\\=" },
    },
    {
      name: "Everything after the first operator is the raw value.",
      term: "k=\\\\\\a\\b\\=\\,\\",
      split: { field: "k", operator: "=", rawValue: "\\\\\\a\\b\\=\\,\\" },
    },
    { name: "Multi-byte text splits.", term: "함=수", split: { field: "함", operator: "=", rawValue: "수" } },
    {
      name: "A lone bang is part of the field.",
      term: "a!b=c",
      split: { field: "a!b", operator: "=", rawValue: "c" },
    },
  ])("$name", ({ term, split }) => {
    expect(splitTerm(term)).toStrictEqual(split);
  });
});

describe("parseFieldSelector round trip", () => {
  // TestSelectorParse good strings, which print back unchanged.
  it.each([
    { name: "Three equality terms round-trip.", selector: "x=a,y=b,z=c" },
    { name: "The empty selector round-trips.", selector: "" },
    { name: "A not-equals term round-trips.", selector: "x!=a,y=b" },
    { name: "An escaped equals sign after pipes round-trips.", selector: "x=a||y\\=b" },
    { name: "Two escaped equals signs round-trip.", selector: "x=a\\=\\=b" },
  ])("$name", ({ selector }) => {
    expect(parseFieldSelector(selector).toString()).toBe(selector);
  });

  it.each([
    { name: "Terms are sorted, so order does not matter.", selector: "x=a,a=x", text: "a=x,x=a" },
    { name: "Double equals prints as a single equals sign.", selector: "b==c", text: "b=c" },
    { name: "Empty terms are dropped.", selector: ",a=b,,", text: "a=b" },
    { name: "A term with empty field and value is dropped.", selector: "a=b,=", text: "a=b" },
    { name: "A lone equals sign is the empty selector.", selector: "=", text: "" },
    { name: "A lone not-equals is the empty selector too.", selector: "!=", text: "" },
    { name: "An empty field with a value is kept.", selector: "=x", text: "=x" },
    {
      name: "An empty value is kept.",
      selector: "involvedObject.namespace=",
      text: "involvedObject.namespace=",
    },
    { name: "Escaped commas and backslashes print escaped.", selector: "k=a\\,b\\\\", text: "k=a\\,b\\\\" },
    {
      name: "Sorting is by code point, as Go sorts bytes.",
      selector: "\u{1F600}=1,\uFF21=2",
      text: "\uFF21=2,\u{1F600}=1",
    },
  ])("$name", ({ selector, text }) => {
    expect(parseFieldSelector(selector).toString()).toBe(text);
  });

  it("The requirements list each term with its operator and unescaped value.", () => {
    expect(
      parseFieldSelector("spec.nodeName=node-2,status.phase!=Succeeded,k==a\\,b").requirements(),
    ).toStrictEqual([
      { field: "k", operator: "=", value: "a,b" },
      { field: "spec.nodeName", operator: "=", value: "node-2" },
      { field: "status.phase", operator: "!=", value: "Succeeded" },
    ]);
  });
});

describe("parseFieldSelector errors", () => {
  // TestSelectorParse bad strings, with the exact messages.
  it.each([
    {
      name: "An unescaped equals sign in a value is rejected.",
      selector: "x=a||y=b",
      message: "invalid field selector: unescaped character in value: 61",
    },
    {
      name: "A second operator in the value is rejected.",
      selector: "x==a==b",
      message: "invalid field selector: unescaped character in value: 61",
    },
    {
      name: "A term without operator is not understood.",
      selector: "x=a,b",
      message: "invalid selector: 'x=a,b'; can't understand 'b'",
    },
    {
      name: "Set syntax is not understood.",
      selector: "x in (a)",
      message: "invalid selector: 'x in (a)'; can't understand 'x in (a)'",
    },
    {
      name: "The first bad term in sorted order is reported.",
      selector: "x in (a,b,c)",
      message: "invalid selector: 'x in (a,b,c)'; can't understand 'b'",
    },
    {
      name: "A bare word is not understood.",
      selector: "x",
      message: "invalid selector: 'x'; can't understand 'x'",
    },
    {
      name: "An unknown escape is rejected.",
      selector: "k=\\a",
      message: "invalid field selector: invalid escape sequence: \\a",
    },
    {
      name: "A trailing backslash is rejected.",
      selector: "k=a\\",
      message: "invalid field selector: invalid escape sequence: \\",
    },
    {
      name: "An escaped backslash before a trailing backslash is still an orphan.",
      selector: "k=\\\\\\",
      message: "invalid field selector: invalid escape sequence: \\",
    },
    {
      name: "A hostile key without operator is plain text in the message.",
      selector: "__proto__",
      message: "invalid selector: '__proto__'; can't understand '__proto__'",
    },
  ])("$name", ({ selector, message }) => {
    let thrown: unknown;
    try {
      parseFieldSelector(selector);
    } catch (error) {
      thrown = error;
    }
    expect(StatusError.isInstance(thrown)).toBe(true);
    const error = thrown as StatusError;
    expect(error.message).toBe(message);
    expect(error.reason).toBe("BadRequest");
    expect(error.code).toBe(400);
    expect(error.errors).toStrictEqual([
      { type: "FieldValueInvalid", field: "", badValue: selector, detail: message },
    ]);
  });
});

describe("FieldSelector.matches", () => {
  // Ported from TestSelectorMatches.
  const fieldset = { foo: "bar", baz: "blah", complex: "=value\\,\\" };
  it.each([
    { name: "The empty selector matches anything.", selector: "", fields: { x: "y" }, matches: true },
    { name: "An equal value matches.", selector: "x=y", fields: { x: "y" }, matches: true },
    { name: "Two equal values match.", selector: "x=y,z=w", fields: { x: "y", z: "w" }, matches: true },
    {
      name: "Two different values match not-equals terms.",
      selector: "x!=y,z!=w",
      fields: { x: "z", z: "a" },
      matches: true,
    },
    {
      name: "Words like in and notin are plain text.",
      selector: "notin=in",
      fields: { notin: "in" },
      matches: true,
    },
    { name: "Another value does not match.", selector: "x=y", fields: { x: "z" }, matches: false },
    {
      name: "One failing term fails the AND.",
      selector: "x=y,z=w",
      fields: { x: "w", z: "w" },
      matches: false,
    },
    {
      name: "An equal value fails a not-equals term.",
      selector: "x!=y,z!=w",
      fields: { x: "z", z: "w" },
      matches: false,
    },
    { name: "foo=bar matches the field set.", selector: "foo=bar", fields: fieldset, matches: true },
    { name: "baz=blah matches the field set.", selector: "baz=blah", fields: fieldset, matches: true },
    {
      name: "Both terms match the field set.",
      selector: "foo=bar,baz=blah",
      fields: fieldset,
      matches: true,
    },
    {
      name: "An escaped value matches the literal text.",
      selector: "foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\",
      fields: fieldset,
      matches: true,
    },
    {
      name: "foo=blah does not match the field set.",
      selector: "foo=blah",
      fields: fieldset,
      matches: false,
    },
    { name: "baz=bar does not match the field set.", selector: "baz=bar", fields: fieldset, matches: false },
    {
      name: "A missing field fails an equality with a value.",
      selector: "foo=bar,foobar=bar,baz=blah",
      fields: fieldset,
      matches: false,
    },
    // Missing fields read as "".
    {
      name: "A missing field matches an empty value.",
      selector: "involvedObject.namespace=",
      fields: {},
      matches: true,
    },
    {
      name: "A missing field matches a not-equals term.",
      selector: "status.phase!=Failed",
      fields: {},
      matches: true,
    },
    {
      name: "__proto__ is not inherited from Object.prototype.",
      selector: "__proto__!=",
      fields: {},
      matches: false,
    },
    {
      name: "constructor is read only as an own field.",
      selector: "constructor=",
      fields: {},
      matches: true,
    },
    {
      name: "An own __proto__ field is matched as data.",
      selector: "__proto__=x",
      fields: JSON.parse('{"__proto__":"x"}') as Record<string, string>,
      matches: true,
    },
  ])("$name", ({ selector, fields, matches }) => {
    expect(parseFieldSelector(selector).matches(fields)).toBe(matches);
  });
});

describe("FieldSelector queries", () => {
  it.each([
    { name: "The empty selector is empty.", selector: "", empty: true },
    { name: "A lone equals sign parses to the empty selector.", selector: "=", empty: true },
    { name: "A selector with a term is not empty.", selector: "a=b", empty: false },
    { name: "A selector with an empty value is not empty.", selector: "a=", empty: false },
  ])("$name", ({ selector, empty }) => {
    expect(parseFieldSelector(selector).isEmpty()).toBe(empty);
  });

  it.each([
    {
      name: "An equality on the field gives its value.",
      selector: "metadata.name=nginx",
      field: "metadata.name",
      value: "nginx",
    },
    { name: "An empty required value is still found.", selector: "test=", field: "test", value: "" },
    { name: "A not-equals term requires nothing.", selector: "test!=b", field: "test", value: undefined },
    { name: "Another field requires nothing.", selector: "a=b", field: "test", value: undefined },
    { name: "The empty selector requires nothing.", selector: "", field: "test", value: undefined },
  ])("$name", ({ selector, field, value }) => {
    expect(parseFieldSelector(selector).requiresExactMatch(field)).toBe(value);
  });

  it("everythingFields matches anything and is empty.", () => {
    expect(everythingFields().matches({ x: "y" })).toBe(true);
    expect(everythingFields().isEmpty()).toBe(true);
    expect(everythingFields().toString()).toBe("");
  });
});

import { StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { parseSelector } from "./parser.js";
import { createRequirement, type LabelMap, Requirement } from "./requirement.js";
import {
  everything,
  nothing,
  selectorFromRequirements,
  selectorFromSet,
  sortRequirementsByKey,
  validatedSelectorFromSet,
} from "./selector.js";

describe("everything and nothing (upstream TestEverything)", () => {
  it("everything matches any labels, is empty and prints nothing", () => {
    expect(everything().matches({ x: "y" })).toBe(true);
    expect(everything().matches(undefined)).toBe(true);
    expect(everything().isEmpty()).toBe(true);
    expect(everything().toString()).toBe("");
    expect(everything().isSelectable()).toBe(true);
  });

  it("nothing matches no labels, is not empty, prints nothing and ignores additions", () => {
    expect(nothing().matches({})).toBe(false);
    expect(nothing().matches(undefined)).toBe(false);
    expect(nothing().isEmpty()).toBe(false);
    expect(nothing().toString()).toBe("");
    expect(nothing().isSelectable()).toBe(false);
    expect(nothing().requirements()).toEqual([]);
    expect(nothing().add(createRequirement("x", "exists", []))).toBe(nothing());
  });
});

describe("Selector.matches (upstream TestSelectorMatches)", () => {
  const labelSet = { foo: "bar", baz: "blah" };
  const cases: Array<{ name: string; selector: string; labels: LabelMap; matches: boolean }> = [
    { name: "the empty selector matches", selector: "", labels: { x: "y" }, matches: true },
    { name: "equals matches the value", selector: "x=y", labels: { x: "y" }, matches: true },
    { name: "two equalities both hold", selector: "x=y,z=w", labels: { x: "y", z: "w" }, matches: true },
    { name: "two inequalities both hold", selector: "x!=y,z!=w", labels: { x: "z", z: "a" }, matches: true },
    {
      name: "in and notin are plain words in exact matches",
      selector: "notin=in",
      labels: { notin: "in" },
      matches: true,
    },
    { name: "exists matches a present key", selector: "x", labels: { x: "z" }, matches: true },
    { name: "does-not-exist matches an absent key", selector: "!x", labels: { y: "z" }, matches: true },
    { name: "greater than matches a larger integer", selector: "x>1", labels: { x: "2" }, matches: true },
    { name: "less than matches a smaller integer", selector: "x<1", labels: { x: "0" }, matches: true },
    { name: "equals needs the key", selector: "x=z", labels: {}, matches: false },
    { name: "equals needs the value", selector: "x=y", labels: { x: "z" }, matches: false },
    {
      name: "one failing equality fails the selector",
      selector: "x=y,z=w",
      labels: { x: "w", z: "w" },
      matches: false,
    },
    {
      name: "one failing inequality fails the selector",
      selector: "x!=y,z!=w",
      labels: { x: "z", z: "w" },
      matches: false,
    },
    { name: "exists fails on an absent key", selector: "x", labels: { y: "z" }, matches: false },
    { name: "does-not-exist fails on a present key", selector: "!x", labels: { x: "z" }, matches: false },
    { name: "greater than fails on a smaller integer", selector: "x>1", labels: { x: "0" }, matches: false },
    { name: "less than fails on a larger integer", selector: "x<1", labels: { x: "2" }, matches: false },
    { name: "foo=bar matches the label set", selector: "foo=bar", labels: labelSet, matches: true },
    { name: "baz=blah matches the label set", selector: "baz=blah", labels: labelSet, matches: true },
    {
      name: "both labels match the label set",
      selector: "foo=bar,baz=blah",
      labels: labelSet,
      matches: true,
    },
    { name: "a wrong foo value fails", selector: "foo=blah", labels: labelSet, matches: false },
    { name: "a wrong baz value fails", selector: "baz=bar", labels: labelSet, matches: false },
    {
      name: "an extra required key fails",
      selector: "foo=bar,foobar=bar,baz=blah",
      labels: labelSet,
      matches: false,
    },
    {
      name: "in with the empty value matches an empty label",
      selector: "x in ()",
      labels: { x: "" },
      matches: true,
    },
    {
      name: "notin with the empty value matches an absent key",
      selector: "x notin (),y",
      labels: { y: "" },
      matches: true,
    },
    {
      name: "notin with the empty value and does-not-exist conflict",
      selector: "x notin (),!y",
      labels: { y: "" },
      matches: false,
    },
  ];
  it.each(cases)("$name", ({ selector, labels, matches }) => {
    expect(parseSelector(selector).matches(labels)).toBe(matches);
  });
});

describe("selectorFromSet (upstream TestSetMatches, TestNilMapIsValid, TestSetIsEmpty)", () => {
  const labelSet = { foo: "bar", baz: "blah" };
  const cases: Array<{ name: string; set: LabelMap; matches: boolean }> = [
    { name: "the empty set matches", set: {}, matches: true },
    { name: "a subset matches", set: { foo: "bar" }, matches: true },
    { name: "another subset matches", set: { baz: "blah" }, matches: true },
    { name: "the whole set matches", set: { foo: "bar", baz: "blah" }, matches: true },
    { name: "a different value does not match", set: { foo: "blah" }, matches: false },
    { name: "a value with an equals sign is taken verbatim", set: { foo: "=blah" }, matches: false },
  ];
  it.each(cases)("$name", ({ set, matches }) => {
    expect(selectorFromSet(set).matches(labelSet)).toBe(matches);
  });

  it("treats undefined and empty sets as empty selectors that match everything", () => {
    expect(selectorFromSet(undefined).isEmpty()).toBe(true);
    expect(selectorFromSet({}).isEmpty()).toBe(true);
    expect(selectorFromSet(undefined).matches({ a: "b" })).toBe(true);
  });

  it("sorts keys and prints key=value pairs", () => {
    expect(selectorFromSet({ app: "foo", a: "b" }).toString()).toBe("a=b,app=foo");
    expect(
      selectorFromSet({ app: "foo", a: "b" })
        .requirements()
        .map((requirement) => requirement.operator),
    ).toEqual(["=", "="]);
  });

  it("does not validate keys or values, as upstream 1.32", () => {
    const selector = selectorFromSet({ "bad key": "a value!", "-x": "" });
    expect(selector.toString()).toBe("-x=,bad key=a value!");
    expect(selector.matches({ "bad key": "a value!", "-x": "" })).toBe(true);
  });

  it("sorts keys in Go byte order, not UTF-16 order", () => {
    expect(selectorFromSet({ "\uffff": "a", "\u{1f600}": "b" }).toString()).toBe("\uffff=a,\u{1f600}=b");
  });

  it("treats hostile keys as ordinary labels", () => {
    const set = JSON.parse('{"__proto__": "x", "constructor": "y"}') as LabelMap;
    const selector = selectorFromSet(set);
    expect(selector.toString()).toBe("__proto__=x,constructor=y");
    expect(selector.matches(set)).toBe(true);
    expect(selector.matches({})).toBe(false);
    expect(selector.matches({ constructor: "y" } as LabelMap)).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("validatedSelectorFromSet (upstream TestValidatedSelectorFromSet)", () => {
  it("builds the same selector as selectorFromSet for a valid set", () => {
    expect(validatedSelectorFromSet({ key: "val" }).toString()).toBe("key=val");
  });

  it("rejects a value that is too long, reporting it under its key", () => {
    const value = "axahm2EJ8Phiephe2eixohbee9eGeiyees1thuozi1xoh0GiuH3diewi8iem7Nui";
    let caught: unknown;
    try {
      validatedSelectorFromSet({ Key: value });
    } catch (error) {
      caught = error;
    }
    expect(StatusError.isInstance(caught)).toBe(true);
    const error = caught as StatusError;
    expect(error.message).toBe(
      `values[0][Key]: Invalid value: "${value}": must be no more than 63 characters`,
    );
    expect(error.errors.map(({ type, field }) => ({ type, field }))).toEqual([
      { type: "FieldValueInvalid", field: "values[0][Key]" },
    ]);
  });
});

describe("Selector.toString (upstream TestToString)", () => {
  const cases: Array<{ name: string; requirements: Requirement[]; text: string }> = [
    {
      name: "in, notin and exists print as sets and a bare key",
      requirements: [
        createRequirement("x", "in", ["abc", "def"]),
        createRequirement("y", "notin", ["jkl"]),
        createRequirement("z", "exists", []),
      ],
      text: "x in (abc,def),y notin (jkl),z",
    },
    {
      name: "notin, not-equals and does-not-exist",
      requirements: [
        createRequirement("x", "notin", ["abc", "def"]),
        createRequirement("y", "!=", ["jkl"]),
        createRequirement("z", "!", []),
      ],
      text: "x notin (abc,def),y!=jkl,!z",
    },
    {
      name: "an empty requirement leaves a trailing comma",
      requirements: [createRequirement("x", "in", ["abc", "def"]), new Requirement("", "" as "in", [])],
      text: ",x in (abc,def)",
    },
    {
      name: "the empty value prints as empty parentheses",
      requirements: [
        createRequirement("x", "notin", ["abc"]),
        createRequirement("y", "in", ["jkl", "mno"]),
        createRequirement("z", "notin", [""]),
      ],
      text: "x notin (abc),y in (jkl,mno),z notin ()",
    },
    {
      name: "all exact-match operators and an exists on the same key",
      requirements: [
        createRequirement("x", "=", ["abc"]),
        createRequirement("y", "==", ["jkl"]),
        createRequirement("z", "!=", ["a"]),
        createRequirement("z", "exists", []),
      ],
      text: "x=abc,y==jkl,z!=a,z",
    },
    {
      name: "greater and less than",
      requirements: [
        createRequirement("x", "gt", ["2"]),
        createRequirement("y", "lt", ["8"]),
        createRequirement("z", "exists", []),
      ],
      text: "x>2,y<8,z",
    },
  ];
  it.each(cases)("$name", ({ requirements, text }) => {
    expect(selectorFromRequirements(requirements).toString()).toBe(text);
  });
});

describe("Selector.add and requiresExactMatch (upstream TestAdd, TestRequiresExactMatch)", () => {
  it("adds requirements to a copy and keeps the original", () => {
    const original = everything();
    const one = original.add(createRequirement("key", "in", ["value"]));
    const two = one.add(createRequirement("key2", "=", ["value2"]));
    expect(original.toString()).toBe("");
    expect(one.toString()).toBe("key in (value)");
    expect(two.toString()).toBe("key in (value),key2=value2");
  });

  it("re-sorts by key after adding", () => {
    expect(
      parseSelector("b")
        .add(createRequirement("a", "exists", []))
        .toString(),
    ).toBe("a,b");
  });

  const cases: Array<{ name: string; selector: string; label: string; value: string | undefined }> = [
    { name: "in with one value requires it", selector: "key in (value)", label: "key", value: "value" },
    {
      name: "in with two values requires neither",
      selector: "key in (value,value2)",
      label: "key",
      value: undefined,
    },
    {
      name: "the requirement on another key is found",
      selector: "key in (value,value1),key2 in (value2)",
      label: "key2",
      value: "value2",
    },
    { name: "equals requires its value", selector: "key=value", label: "key", value: "value" },
    { name: "double equals requires its value", selector: "key==value", label: "key", value: "value" },
    { name: "not-equals requires nothing", selector: "key!=value", label: "key", value: undefined },
    {
      name: "the first requirement on a key decides",
      selector: "key in (value),key2 in (value2)",
      label: "key",
      value: "value",
    },
    { name: "an absent key requires nothing", selector: "key=value", label: "other", value: undefined },
  ];
  it.each(cases)("$name", ({ selector, label, value }) => {
    expect(parseSelector(selector).requiresExactMatch(label)).toBe(value);
  });
});

describe("sortRequirementsByKey", () => {
  it("keeps equal keys in input order for up to twelve requirements, as Go's insertion sort", () => {
    const requirements = [
      createRequirement("b", "exists", []),
      createRequirement("a", "=", ["2"]),
      createRequirement("a", "=", ["1"]),
    ];
    expect(sortRequirementsByKey(requirements).map(String)).toEqual(["a=2", "a=1", "b"]);
  });
});

import { describe, expect, it } from "vitest";
import { FieldSet } from "./field-set.js";
import { FieldsV1Error } from "./path-element.js";

function setOf(...paths: string[][]): FieldSet {
  const set = new FieldSet();
  for (const path of paths) set.insert(path);
  return set;
}

describe("FieldSet", () => {
  it.each`
    name                                               | fieldsV1                                                                                | expected
    ${"a leaf"}                                        | ${{ "f:a": {} }}                                                                        | ${{ "f:a": {} }}
    ${"an element that is a member and has children"}  | ${{ "f:a": { "f:b": {}, ".": {} } }}                                                    | ${{ "f:a": { ".": {}, "f:b": {} } }}
    ${"keys, values and indexes, in upstream's order"} | ${{ "i:1": {}, 'v:"x"': {}, 'k:{"protocol":"TCP","containerPort":80}': {}, "f:z": {} }} | ${{ "f:z": {}, 'k:{"containerPort":80,"protocol":"TCP"}': {}, 'v:"x"': {}, "i:1": {} }}
    ${"numeric keys by value, not text"}               | ${{ 'k:{"port":10}': {}, 'k:{"port":9}': {} }}                                          | ${{ 'k:{"port":9}': {}, 'k:{"port":10}': {} }}
  `("parses and serialises $name", ({ fieldsV1, expected }) => {
    expect(JSON.stringify(FieldSet.fromFieldsV1(fieldsV1).toFieldsV1())).toBe(JSON.stringify(expected));
  });

  it.each`
    name                               | fieldsV1
    ${"a key without a prefix"}        | ${{ name: {} }}
    ${"an unknown prefix"}             | ${{ "x:a": {} }}
    ${"a value that is not an object"} | ${{ "f:a": 1 }}
    ${"a key element that is no map"}  | ${{ "k:[1]": {} }}
    ${"a list at the top"}             | ${[]}
  `("rejects $name", ({ fieldsV1 }) => {
    expect(() => FieldSet.fromFieldsV1(fieldsV1)).toThrow(FieldsV1Error);
  });

  it("keeps set operations exact-path and drops emptied branches", () => {
    const left = setOf(["f:a"], ["f:a", "f:b"], ["f:c", "f:d"]);
    const right = setOf(["f:a", "f:b"], ["f:c", "f:d"]);
    expect(left.difference(right).toFieldsV1()).toEqual({ "f:a": {} });
    expect(left.intersection(right).toFieldsV1()).toEqual({ "f:a": { "f:b": {} }, "f:c": { "f:d": {} } });
    expect(right.union(setOf(["f:e"])).paths()).toEqual([["f:e"], ["f:a", "f:b"], ["f:c", "f:d"]]);
    expect(left.has(["f:a"])).toBe(true);
    expect(right.has(["f:a"])).toBe(false);
  });
});

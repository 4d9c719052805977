import { describe, expect, it } from "vitest";
import { fieldSchemaForKind } from "./field-schema.js";
import { mergeValues } from "./merge-values.js";
import { toFieldSet } from "./to-field-set.js";

const pod = fieldSchemaForKind("Pod");
const containers = (...names: string[]) => ({ spec: { containers: names.map((name) => ({ name })) } });

describe("mergeValues", () => {
  it.each`
    name                                                     | live                                         | applied                                      | expected
    ${"keeps live-only items in place and appends new ones"} | ${containers("a", "b")}                      | ${containers("b", "c")}                      | ${containers("a", "b", "c")}
    ${"follows the applied order of shared items"}           | ${containers("a", "b")}                      | ${containers("b", "a")}                      | ${containers("b", "a")}
    ${"replaces atomic lists whole"}                         | ${{ spec: { tolerations: [{ key: "a" }] } }} | ${{ spec: { tolerations: [{ key: "b" }] } }} | ${{ spec: { tolerations: [{ key: "b" }] } }}
    ${"merges sets by value"}                                | ${{ metadata: { finalizers: ["x"] } }}       | ${{ metadata: { finalizers: ["y"] } }}       | ${{ metadata: { finalizers: ["x", "y"] } }}
  `("$name", ({ live, applied, expected }) => {
    expect(mergeValues(live, applied, pod)).toEqual(expected);
  });

  it("rejects an applied list with the same key twice", () => {
    expect(() => mergeValues({}, containers("a", "a"), pod)).toThrow(
      'duplicate entries for key k:{"name":"a"}',
    );
  });
});

describe("toFieldSet", () => {
  it("owns set items by value, atomic lists whole and keyed items with their fields", () => {
    const set = toFieldSet(
      {
        metadata: { finalizers: ["x"] },
        spec: { tolerations: [{ key: "a" }], containers: [{ name: "a", args: ["1"] }] },
      },
      pod,
    );
    expect(set.toFieldsV1()).toEqual({
      "f:metadata": { "f:finalizers": { 'v:"x"': {} } },
      "f:spec": {
        "f:containers": { 'k:{"name":"a"}': { ".": {}, "f:args": {}, "f:name": {} } },
        "f:tolerations": {},
      },
    });
  });
});

import { describe, expect, it } from "vitest";
import { goFloatText, goJson, goSyntaxText, goValueText } from "./go-value-text.js";
import { JsonPathFloat } from "./jsonpath-value.js";

describe("goFloatText", () => {
  it.each([
    { name: "a short fraction", value: 2.5, text: "2.5" },
    { name: "a large fraction switches to exponent form at 1e6", value: 1234567.5, text: "1.2345675e+06" },
    { name: "just below 1e6 stays fixed", value: 999999.5, text: "999999.5" },
    { name: "1e-4 stays fixed", value: 0.0001, text: "0.0001" },
    { name: "1e-5 uses a two-digit exponent", value: 0.00001, text: "1e-05" },
    { name: "a negative number", value: -0.5, text: "-0.5" },
    { name: "a three-digit exponent", value: 1.5e300, text: "1.5e+300" },
    { name: "negative zero", value: -0, text: "-0" },
    { name: "infinity", value: Number.POSITIVE_INFINITY, text: "+Inf" },
  ])("prints $name as Go does", ({ value, text }) => {
    expect(goFloatText(value)).toBe(text);
  });
});

describe("goValueText", () => {
  it.each([
    { name: "a nested map", value: { b: [1, "x"], a: { c: null } }, text: "map[a:map[c:<nil>] b:[1 x]]" },
    { name: "a float literal", value: new JsonPathFloat(3), text: "3" },
    { name: "a missing value", value: undefined, text: "<invalid reflect.Value>" },
    { name: "a boolean", value: false, text: "false" },
  ])("prints $name as fmt's %v", ({ value, text }) => {
    expect(goValueText(value)).toBe(text);
  });
});

describe("goSyntaxText", () => {
  it("prints decoded JSON as Go's %#v of map[string]interface{}", () => {
    const value = { kind: "List", items: [{ n: 1, f: 1.5, ok: true, none: null, s: 'a"b' }], metadata: {} };
    expect(goSyntaxText(value)).toBe(
      'map[string]interface {}{"items":[]interface {}{map[string]interface {}{"f":1.5, "n":1, "none":interface {}(nil), "ok":true, "s":"a\\"b"}}, "kind":"List", "metadata":map[string]interface {}{}}',
    );
  });
});

describe("goJson", () => {
  it("writes compact JSON with sorted keys", () => {
    expect(goJson({ b: 1, a: [true, null, "\u2028"], "10": {}, "9": [] })).toBe(
      '{"10":{},"9":[],"a":[true,null,"\\u2028"],"b":1}',
    );
  });

  it("indents with the given unit as MarshalIndent does", () => {
    expect(goJson({ a: [1, { b: "c" }], d: {} }, "    ")).toBe(
      '{\n    "a": [\n        1,\n        {\n            "b": "c"\n        }\n    ],\n    "d": {}\n}',
    );
  });
});

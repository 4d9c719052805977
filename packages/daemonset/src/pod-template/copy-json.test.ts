import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyJsonData } from "./copy-json.js";

describe("copyJsonData", () => {
  it("equals structuredClone for any JSON value and shares no object with the input", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyJsonData(value);
        expect(copy).toEqual(structuredClone(value));
        if (value !== null && typeof value === "object") expect(copy).not.toBe(value);
      }),
    );
  });

  it.each`
    name                                                        | make
    ${"an own __proto__ key stays a data key, not a prototype"} | ${() => JSON.parse('{"__proto__": {"polluted": true}, "a": [1]}')}
    ${"a Date is copied as structuredClone copies it"}          | ${() => ({ when: new Date(0) })}
    ${"a cycle is copied as structuredClone copies it"} | ${() => {
  const value: Record<string, unknown> = { name: "loop" };
  value.self = value;
  return value;
}}
  `("$name", ({ make }: { make: () => unknown }) => {
    const value = make();
    const copy = copyJsonData(value) as Record<string, unknown>;
    expect(copy).toEqual(structuredClone(value));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

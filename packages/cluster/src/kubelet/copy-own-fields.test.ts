import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyOwnFields } from "./copy-own-fields.js";

describe("copyOwnFields", () => {
  it.each([
    { name: "undefined gives an empty object.", source: undefined, expected: {} },
    { name: "fields keep their order.", source: { b: 1, a: 2 }, expected: { b: 1, a: 2 } },
    {
      name: "a field holding undefined is copied, as a spread copies it.",
      source: { a: undefined },
      expected: { a: undefined },
    },
  ])("$name", ({ source, expected }) => {
    const copy = copyOwnFields<Record<string, unknown>>(source);
    expect(Object.keys(copy)).toEqual(Object.keys(expected));
    expect(copy).toEqual(expected);
  });

  it("copies a __proto__ field as an own field and never sets the prototype", () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = copyOwnFields(source);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect((copy as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("then adding fields gives the same object, with the same field order, as a spread literal", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.tuple(fc.string(), fc.jsonValue())),
        (source, additions) => {
          const copy: Record<string, unknown> = copyOwnFields(source);
          let spread: Record<string, unknown> = { ...source };
          for (const [key, value] of additions) {
            if (key === "__proto__") continue;
            copy[key] = value;
            spread = { ...spread, [key]: value };
          }
          expect(JSON.stringify(copy)).toBe(JSON.stringify(spread));
        },
      ),
    );
  });
});

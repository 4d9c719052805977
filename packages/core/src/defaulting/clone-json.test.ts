import { describe, expect, it } from "vitest";
import { KubesimError } from "../errors/index.js";
import { cloneJson } from "./clone-json.js";

describe("cloneJson", () => {
  it.each([
    { name: "Primitives are returned as they are.", input: "text", expected: "text" },
    {
      name: "Nested objects and arrays are copied with their key order.",
      input: { b: [1, { c: true }], a: null },
      expected: { b: [1, { c: true }], a: null },
    },
    {
      name: "Undefined properties are dropped as JSON drops them.",
      input: { a: undefined, b: 1 },
      expected: { b: 1 },
    },
    {
      name: "Undefined and function array entries become null as in JSON.",
      input: [undefined, () => 1, 2],
      expected: [null, null, 2],
    },
    {
      name: "Non-finite numbers become null as in JSON.",
      input: { a: Number.NaN, b: Number.POSITIVE_INFINITY },
      expected: { a: null, b: null },
    },
    {
      name: "Dates become their ISO text through toJSON.",
      input: { at: new Date("2026-11-29T19:21:30Z") },
      expected: { at: "2026-11-29T19:21:30.000Z" },
    },
    {
      name: "Shared references are copied twice, as JSON does.",
      input: (() => {
        const shared = { x: 1 };
        return { a: shared, b: shared };
      })(),
      expected: { a: { x: 1 }, b: { x: 1 } },
    },
  ])("$name", ({ input, expected }) => {
    expect(cloneJson(input)).toStrictEqual(expected);
  });

  it("returns copies that share nothing with the input", () => {
    const input = { spec: { containers: [{ name: "a" }] } };
    const copy = cloneJson(input);
    const [container] = copy.spec.containers;
    if (container !== undefined) container.name = "b";
    expect(copy.spec.containers[0]?.name).toBe("b");
    expect(input.spec.containers[0]?.name).toBe("a");
  });

  it("keeps a __proto__ key as an own data property", () => {
    const copy = cloneJson(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toStrictEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("copies a very deeply nested value without overflowing the stack", () => {
    let nested: unknown = "leaf";
    for (let depth = 0; depth < 100_000; depth++) nested = [nested];
    let copy = cloneJson(nested);
    for (let depth = 0; depth < 100_000; depth++) copy = (copy as unknown[])[0];
    expect(copy).toBe("leaf");
  });

  it.each([
    { name: "A value a few levels deep takes the recursive walk", depth: 3 },
    { name: "A value deeper than the recursive walk takes the iterative one", depth: 200 },
  ])("$name and keeps __proto__ keys and key order at the bottom", ({ depth }) => {
    let nested: unknown = JSON.parse('{"b": 1, "__proto__": {"polluted": true}, "a": [null, 2]}');
    for (let level = 0; level < depth; level++) nested = { child: nested };
    let copy = cloneJson(nested) as Record<string, unknown>;
    for (let level = 0; level < depth; level++) copy = copy.child as Record<string, unknown>;
    expect(Object.keys(copy)).toStrictEqual(["b", "__proto__", "a"]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.a).toStrictEqual([null, 2]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    { name: "A circular reference near the top is reported", depth: 2 },
    { name: "A circular reference deeper than the recursive walk is reported", depth: 150 },
  ])("$name", ({ depth }) => {
    const top: Record<string, unknown> = {};
    let bottom = top;
    for (let level = 0; level < depth; level++) {
      const child: Record<string, unknown> = {};
      bottom.child = child;
      bottom = child;
    }
    bottom.loop = top;
    expect(() => cloneJson(top)).toThrow("cannot copy an API object that contains a circular reference");
  });

  it("throws a KubesimError on a circular reference", () => {
    const circular: Record<string, unknown> = { name: "loop" };
    circular.self = circular;
    expect(() => cloneJson(circular)).toThrow(KubesimError);
    expect(() => cloneJson(circular)).toThrow("cannot copy an API object that contains a circular reference");
  });
});

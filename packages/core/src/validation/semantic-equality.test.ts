import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isGoZeroValue, semanticallyEqual } from "./semantic-equality.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The reference: drop Go zero values into sorted objects, then compare the JSON texts. */
function normalized(value: unknown): unknown {
  if (Array.isArray(value))
    return value.length === 0 ? undefined : value.map((item) => normalized(item) ?? null);
  if (isRecord(value)) {
    const result: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const item = normalized(value[key]);
      if (item !== undefined) result[key] = item;
    }
    return Object.keys(result).length === 0 ? undefined : result;
  }
  if (value === null || value === "" || value === 0 || value === false) return undefined;
  return value;
}

function referenceEqual(left: unknown, right: unknown): boolean {
  return JSON.stringify(normalized(left) ?? null) === JSON.stringify(normalized(right) ?? null);
}

function withoutKey(value: unknown, key: string): unknown {
  if (!isRecord(value)) return value;
  const { [key]: _removed, ...rest } = value;
  return rest;
}

/** JSON values over a few keys and scalars, zero values included, so that collisions are common. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, "", 0, false, true, 1, 2, "a", "b"),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("a", "b", "c", "__proto__", "constructor"), tie("value"), {
      maxKeys: 3,
    }),
  ),
})).value;

interface EqualityCase {
  readonly name: string;
  readonly left: unknown;
  readonly right: unknown;
  readonly want: boolean;
}

describe("semanticallyEqual", () => {
  it.each<EqualityCase>([
    {
      name: "Absent, null, empty and zero fields are all the Go zero value",
      left: { a: 1, b: "", c: null, d: 0, e: false, f: [], g: {} },
      right: { a: 1 },
      want: true,
    },
    { name: "Key order does not matter", left: { a: 1, b: 2 }, right: { b: 2, a: 1 }, want: true },
    { name: "List order matters", left: [1, 2], right: [2, 1], want: false },
    { name: "A list of one zero element is not an empty list", left: [0], right: [], want: false },
    { name: "Zero elements of a list are alike", left: [0, ""], right: [null, false], want: true },
    { name: "An object of zero fields equals an empty list", left: { a: "" }, right: [], want: true },
    { name: "A number is not the same string", left: 1, right: "1", want: false },
    {
      name: "A changed nested field is a difference",
      left: { a: { b: [1] } },
      right: { a: { b: [2] } },
      want: false,
    },
    {
      name: "A field only on the right with a value is a difference",
      left: {},
      right: { constructor: "x" },
      want: false,
    },
    {
      name: "A zero field named like an inherited property equals no field",
      left: { constructor: "" },
      right: {},
      want: true,
    },
  ])("$name", ({ left, right, want }) => {
    expect(semanticallyEqual(left, right)).toBe(want);
    expect(semanticallyEqual(right, left)).toBe(want);
  });

  it.each<EqualityCase>([
    {
      name: "The ignored field of two objects is left out",
      left: { key: "k", tolerationSeconds: 5 },
      right: { key: "k" },
      want: true,
    },
    {
      name: "The ignored field is left out of a zero check too",
      left: { tolerationSeconds: 5 },
      right: null,
      want: true,
    },
    {
      name: "Only the top level ignores the field",
      left: { nested: { tolerationSeconds: 5 } },
      right: { nested: {} },
      want: false,
    },
  ])("$name", ({ left, right, want }) => {
    expect(semanticallyEqual(left, right, "tolerationSeconds")).toBe(want);
  });

  it("agrees with comparing the normalised JSON texts", () => {
    fc.assert(
      fc.property(jsonValue, jsonValue, (left, right) => {
        expect(semanticallyEqual(left, right)).toBe(referenceEqual(left, right));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with comparing the normalised JSON texts without an ignored key", () => {
    fc.assert(
      fc.property(jsonValue, jsonValue, (left, right) => {
        expect(semanticallyEqual(left, right, "a")).toBe(
          referenceEqual(withoutKey(left, "a"), withoutKey(right, "a")),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isGoZeroValue", () => {
  it.each<{ readonly name: string; readonly value: unknown; readonly want: boolean }>([
    { name: "An absent value is zero", value: undefined, want: true },
    { name: "An object whose fields are all zero is zero", value: { a: { b: [] } }, want: true },
    { name: "A list with a zero element is not zero", value: [null], want: false },
    { name: "true is not zero", value: true, want: false },
    { name: "A non-empty string is not zero", value: " ", want: false },
  ])("$name", ({ value, want }) => {
    expect(isGoZeroValue(value)).toBe(want);
  });
});

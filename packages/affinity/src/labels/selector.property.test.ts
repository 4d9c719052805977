import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSelector } from "./parser.js";
import { createRequirement, type LabelMap, type Requirement, type SelectorOperator } from "./requirement.js";
import { selectorFromRequirements, selectorFromSet } from "./selector.js";

// Small pools so that keys collide and values hit; they include the words the grammar
// treats specially and keys that name Object.prototype members.
const keyPool = [
  "a",
  "b",
  "in",
  "notin",
  "constructor",
  "toString",
  "hasOwnProperty",
  "example.com/zone",
  "x.y-z_1",
];
const valuePool = ["", "a", "b", "in", "notin", "x.y", "v-1", "A_b"];
const integerPool = ["0", "1", "2", "007", "10", "9007199254740993", "9223372036854775807"];

const keyArbitrary = fc.constantFrom(...keyPool);
const valueArbitrary = fc.constantFrom(...valuePool, ...integerPool);

interface RequirementSpec {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

const requirementArbitrary: fc.Arbitrary<RequirementSpec> = fc.oneof(
  fc.record({
    key: keyArbitrary,
    operator: fc.constantFrom<SelectorOperator>("in", "notin"),
    values: fc.uniqueArray(valueArbitrary, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    key: keyArbitrary,
    operator: fc.constantFrom<SelectorOperator>("=", "==", "!="),
    values: valueArbitrary.map((value) => [value]),
  }),
  fc.record({
    key: keyArbitrary,
    operator: fc.constantFrom<SelectorOperator>("exists", "!"),
    values: fc.constant([]),
  }),
  fc.record({
    key: keyArbitrary,
    operator: fc.constantFrom<SelectorOperator>("gt", "lt"),
    values: fc.constantFrom(...integerPool).map((value) => [value]),
  }),
);

const labelsArbitrary: fc.Arbitrary<LabelMap> = fc
  .array(
    fc.tuple(
      keyArbitrary,
      fc.oneof(valueArbitrary, fc.constantFrom("-1", "+3", "1.5", "99999999999999999999")),
    ),
    {
      maxLength: 6,
    },
  )
  .map((entries) => Object.fromEntries(entries));

/** An independent model of upstream's Requirement.Matches over a Map. */
function modelMatches(spec: RequirementSpec, labels: ReadonlyMap<string, string>): boolean {
  const present = labels.has(spec.key);
  const value = labels.get(spec.key) ?? "";
  switch (spec.operator) {
    case "in":
    case "=":
    case "==":
      return present && spec.values.includes(value);
    case "notin":
    case "!=":
      return !present || !spec.values.includes(value);
    case "exists":
      return present;
    case "!":
      return !present;
    default: {
      if (!present || !/^[+-]?[0-9]+$/.test(value)) return false;
      const label = BigInt(value);
      if (label >= 1n << 63n || label < -(1n << 63n)) return false;
      const operand = BigInt(spec.values[0] ?? "");
      return spec.operator === "gt" ? label > operand : label < operand;
    }
  }
}

function build(specs: readonly RequirementSpec[]): Requirement[] {
  return specs.map((spec) => createRequirement(spec.key, spec.operator, spec.values));
}

describe("label selector properties", () => {
  it("parsing a selector's string gives an equivalent selector", () => {
    fc.assert(
      fc.property(
        fc.array(requirementArbitrary, { maxLength: 20 }),
        fc.array(labelsArbitrary, { maxLength: 5 }),
        (specs, labelSets) => {
          const selector = selectorFromRequirements(build(specs));
          const reparsed = parseSelector(selector.toString());
          expect(reparsed.toString()).toBe(selector.toString());
          for (const labels of labelSets) expect(reparsed.matches(labels)).toBe(selector.matches(labels));
        },
      ),
    );
  });

  it("a selector matches exactly when every requirement holds in the model", () => {
    fc.assert(
      fc.property(fc.array(requirementArbitrary, { maxLength: 8 }), labelsArbitrary, (specs, labels) => {
        const model = new Map(Object.entries(labels));
        const expected = specs.every((spec) => modelMatches(spec, model));
        expect(selectorFromRequirements(build(specs)).matches(labels)).toBe(expected);
      }),
    );
  });

  it("a selector built from a set matches that set, hostile keys included", () => {
    const keys = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom("__proto__", "constructor", "prototype", "toString"),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.string({ maxLength: 8 })), { maxLength: 8 }), (entries) => {
        const set: LabelMap = Object.fromEntries(entries);
        const selector = selectorFromSet(set);
        expect(selector.matches(set)).toBe(true);
        expect(selector.requirements().length).toBe(Object.keys(set).length);
        if (Object.keys(set).length > 0) expect(selector.matches({})).toBe(false);
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
    );
  });

  it("requirements come out sorted by key", () => {
    fc.assert(
      fc.property(fc.array(requirementArbitrary, { maxLength: 30 }), (specs) => {
        const keys = selectorFromRequirements(build(specs))
          .requirements()
          .map((requirement) => requirement.key);
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });
});

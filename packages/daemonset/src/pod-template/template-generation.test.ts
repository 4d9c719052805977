import { describe, expect, it } from "vitest";
import { canonicalGoInt64, daemonSetTemplateGeneration } from "./template-generation.js";

describe("canonicalGoInt64", () => {
  it.each`
    value                     | expected
    ${"1"}                    | ${"1"}
    ${"0012"}                 | ${"12"}
    ${"+5"}                   | ${"5"}
    ${"-3"}                   | ${"-3"}
    ${"9223372036854775807"}  | ${"9223372036854775807"}
    ${"9223372036854775808"}  | ${undefined}
    ${"-9223372036854775808"} | ${"-9223372036854775808"}
    ${""}                     | ${undefined}
    ${"1.5"}                  | ${undefined}
    ${" 1"}                   | ${undefined}
    ${"1_000"}                | ${undefined}
    ${"abc"}                  | ${undefined}
    ${7}                      | ${"7"}
    ${1.5}                    | ${undefined}
    ${12n}                    | ${"12"}
    ${undefined}              | ${undefined}
  `("reads $value as $expected", ({ value, expected }) => {
    expect(canonicalGoInt64(value)).toBe(expected);
  });
});

describe("daemonSetTemplateGeneration", () => {
  it.each([
    {
      name: "reads the annotation",
      annotations: { "deprecated.daemonset.template.generation": "3" },
      expected: "3",
    },
    {
      name: "normalises leading zeros",
      annotations: { "deprecated.daemonset.template.generation": "03" },
      expected: "3",
    },
    {
      name: "ignores an annotation that is not an integer",
      annotations: { "deprecated.daemonset.template.generation": "x" },
      expected: undefined,
    },
    { name: "gives undefined without the annotation", annotations: { other: "1" }, expected: undefined },
    { name: "gives undefined without annotations", annotations: undefined, expected: undefined },
  ])("$name", ({ annotations, expected }) => {
    expect(
      daemonSetTemplateGeneration({ metadata: { name: "ds", ...(annotations ? { annotations } : {}) } }),
    ).toBe(expected);
  });
});

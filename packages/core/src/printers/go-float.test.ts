import { describe, expect, it } from "vitest";
import { formatGoFloat } from "./go-float.js";

describe("formatGoFloat", () => {
  it.each`
    value                       | expected
    ${0}                        | ${"0"}
    ${-0}                       | ${"-0"}
    ${1.5}                      | ${"1.5"}
    ${-0.25}                    | ${"-0.25"}
    ${100}                      | ${"100"}
    ${123456}                   | ${"123456"}
    ${123456.5}                 | ${"123456.5"}
    ${1234567.5}                | ${"1.2345675e+06"}
    ${1e6}                      | ${"1e+06"}
    ${1e21}                     | ${"1e+21"}
    ${1e300}                    | ${"1e+300"}
    ${0.0001}                   | ${"0.0001"}
    ${0.00001}                  | ${"1e-05"}
    ${1.5e-7}                   | ${"1.5e-07"}
    ${Number.NaN}               | ${"NaN"}
    ${Number.POSITIVE_INFINITY} | ${"+Inf"}
    ${Number.NEGATIVE_INFINITY} | ${"-Inf"}
  `("formats $value as $expected", ({ value, expected }) => {
    expect(formatGoFloat(value)).toBe(expected);
  });
});

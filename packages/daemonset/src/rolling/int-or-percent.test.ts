import { describe, expect, it } from "vitest";
import { scaledValueFromIntOrPercent } from "./int-or-percent.js";

describe("scaledValueFromIntOrPercent", () => {
  it.each`
    value     | total | roundUp  | expected
    ${3}      | ${5}  | ${true}  | ${3}
    ${"25%"}  | ${5}  | ${true}  | ${2}
    ${"25%"}  | ${5}  | ${false} | ${1}
    ${"50%"}  | ${3}  | ${true}  | ${2}
    ${"1%"}   | ${1}  | ${true}  | ${1}
    ${"0%"}   | ${10} | ${true}  | ${0}
    ${"100%"} | ${7}  | ${true}  | ${7}
    ${"+10%"} | ${10} | ${true}  | ${1}
    ${"10%"}  | ${0}  | ${true}  | ${0}
  `("scales $value of $total (round up: $roundUp) to $expected", ({ value, total, roundUp, expected }) => {
    expect(scaledValueFromIntOrPercent(value, total, roundUp)).toBe(expected);
  });

  it.each([
    { name: "an absent value", value: undefined, message: "nil value for IntOrString" },
    {
      name: "a number string without %",
      value: "5",
      message: "invalid value for IntOrString: invalid type: string is not a percentage",
    },
    {
      name: "a percentage that is not a number",
      value: "abc%",
      message:
        'invalid value for IntOrString: invalid value "abc%": strconv.Atoi: parsing "abc": invalid syntax',
    },
    {
      name: "a bare percent sign",
      value: "%",
      message: 'invalid value for IntOrString: invalid value "%": strconv.Atoi: parsing "": invalid syntax',
    },
    {
      name: "a percentage out of the int64 range",
      value: "99999999999999999999%",
      message:
        'invalid value for IntOrString: invalid value "99999999999999999999%": strconv.Atoi: parsing "99999999999999999999": value out of range',
    },
    {
      name: "a number with a fraction",
      value: 1.5,
      message: "invalid value for IntOrString: invalid type: neither int nor percentage",
    },
  ])("rejects $name with upstream's message", ({ value, message }) => {
    expect(() => scaledValueFromIntOrPercent(value, 10, true)).toThrow(message);
  });
});

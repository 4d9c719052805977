import { describe, expect, it } from "vitest";
import { goValueText } from "./go-value-text.js";

describe("goValueText", () => {
  it.each`
    name                                         | value                         | expected
    ${"a nested map prints sorted, as fmt does"} | ${{ spec: { b: 1, a: "x" } }} | ${"map[spec:map[a:x b:1]]"}
    ${"a list prints space-separated"}           | ${[1, "two", true, null]}     | ${"[1 two true <nil>]"}
    ${"a fraction prints as a float64"}          | ${1.5}                        | ${"1.5"}
    ${"a huge number prints with Go's exponent"} | ${1e21}                       | ${"1e+21"}
    ${"an empty map prints as map[]"}            | ${{}}                         | ${"map[]"}
  `("$name", ({ value, expected }) => {
    expect(goValueText(value)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { codePointLength, compareGoStrings, goTrimSpace, sortedGoStrings } from "./go-strings.js";

describe("compareGoStrings", () => {
  it("orders by code point, so a supplementary character sorts after U+FFFD", () => {
    expect(sortedGoStrings(["😀", "\ufffd", "a", "B"])).toEqual(["B", "a", "\ufffd", "😀"]);
    expect(compareGoStrings("ab", "ab")).toBe(0);
    expect(compareGoStrings("a", "ab")).toBeLessThan(0);
  });
});

describe("codePointLength", () => {
  it.each`
    text        | expected
    ${""}       | ${0}
    ${"abc"}    | ${3}
    ${"héllo"}  | ${5}
    ${"😀x"}    | ${2}
    ${"\ud800"} | ${1}
  `("counts $expected code points in $text", ({ text, expected }) => {
    expect(codePointLength(text)).toBe(expected);
  });
});

describe("goTrimSpace", () => {
  it("trims Go's white space set: NEL yes, BOM no", () => {
    expect(goTrimSpace("\u0085 \t text \n\u00a0")).toBe("text");
    expect(goTrimSpace("\ufefftext\ufeff")).toBe("\ufefftext\ufeff");
  });
});

import { describe, expect, it } from "vitest";
import { jsonEqual, semanticallyEqual } from "./object-equality.js";

describe("jsonEqual", () => {
  it.each`
    name                                              | left                          | right                         | equal
    ${"objects with keys in another order are equal"} | ${{ a: 1, b: [1, { c: 2 }] }} | ${{ b: [1, { c: 2 }], a: 1 }} | ${true}
    ${"an absent property equals null"}               | ${{ a: 1, b: null }}          | ${{ a: 1 }}                   | ${true}
    ${"an empty list is not an absent one"}           | ${{ a: [] }}                  | ${{}}                         | ${false}
    ${"list order matters"}                           | ${[1, 2]}                     | ${[2, 1]}                     | ${false}
    ${"a string is not a number"}                     | ${{ a: "1" }}                 | ${{ a: 1 }}                   | ${false}
    ${"an array is not an object"}                    | ${[]}                         | ${{}}                         | ${false}
  `("$name", ({ left, right, equal }) => {
    expect(jsonEqual(left, right)).toBe(equal);
    expect(jsonEqual(right, left)).toBe(equal);
  });
});

describe("semanticallyEqual", () => {
  it.each`
    name                                                  | left                           | right                      | equal
    ${"Go zero values equal an absent field"}             | ${{ a: "", b: 0, c: false }}   | ${{}}                      | ${true}
    ${"an empty map or list equals an absent one"}        | ${{ nodeSelector: {}, x: [] }} | ${{ x: null }}             | ${true}
    ${"a nested map of zero values equals an absent one"} | ${{ a: { b: "" } }}            | ${{}}                      | ${true}
    ${"a changed image is a change"}                      | ${{ image: "nginx:1.26" }}     | ${{ image: "nginx:1.27" }} | ${false}
    ${"a list with one more item is a change"}            | ${[{ a: 1 }]}                  | ${[{ a: 1 }, { a: 2 }]}    | ${false}
    ${"key order does not matter"}                        | ${{ a: 1, b: 2 }}              | ${{ b: 2, a: 1 }}          | ${true}
  `("$name", ({ left, right, equal }) => {
    expect(semanticallyEqual(left, right)).toBe(equal);
    expect(semanticallyEqual(right, left)).toBe(equal);
  });
});

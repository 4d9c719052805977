import { describe, expect, it } from "vitest";
import { jsonEqual, semanticallyEqual, storedObjectEqual } from "./object-equality.js";

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

describe("storedObjectEqual", () => {
  it.each`
    name                                                                  | kind                    | left                                  | right                       | equal
    ${"a ControllerRevision's data with a null differs from one without"} | ${"ControllerRevision"} | ${{ data: { a: null, b: 1 } }}        | ${{ data: { b: 1 } }}       | ${false}
    ${"a ControllerRevision's data in another key order differs"}         | ${"ControllerRevision"} | ${{ data: { a: 1, b: 2 } }}           | ${{ data: { b: 2, a: 1 } }} | ${false}
    ${"a ControllerRevision's typed fields still read null as unset"}     | ${"ControllerRevision"} | ${{ data: { b: 1 }, revision: null }} | ${{ data: { b: 1 } }}       | ${true}
    ${"a DaemonSet's template reads null as unset"}                       | ${"DaemonSet"}          | ${{ spec: { a: null, b: 1 } }}        | ${{ spec: { b: 1 } }}       | ${true}
    ${"a field named data of another kind is typed"}                      | ${"ConfigMap"}          | ${{ data: { a: null } }}              | ${{ data: {} }}             | ${true}
  `("$name", ({ kind, left, right, equal }) => {
    expect(storedObjectEqual(kind, left, right)).toBe(equal);
    expect(storedObjectEqual(kind, right, left)).toBe(equal);
  });
});

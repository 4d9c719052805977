import { describe, expect, it } from "vitest";
import { dropFields } from "./drop-fields.js";

describe("dropFields", () => {
  it.each`
    name                                     | object                                               | paths                                     | expected
    ${"drops a nested field"}                | ${{ spec: { replicas: 3, keep: 1 } }}                | ${["spec.replicas"]}                      | ${{ spec: { keep: 1 } }}
    ${"drops a field inside a list element"} | ${{ spec: { containers: [{ name: "a", foo: 1 }] } }} | ${["spec.containers[0].foo"]}             | ${{ spec: { containers: [{ name: "a" }] } }}
    ${"skips a path that does not resolve"}  | ${{ spec: {} }}                                      | ${["spec.missing.deeper", "status[3].x"]} | ${{ spec: {} }}
    ${"drops several fields"}                | ${{ a: 1, b: { c: 2, d: 3 } }}                       | ${["a", "b.c"]}                           | ${{ b: { d: 3 } }}
  `("$name", ({ object, paths, expected }) => {
    const before = JSON.stringify(object);
    expect(dropFields(object, paths)).toEqual(expected);
    expect(JSON.stringify(object)).toBe(before);
  });

  it("drops an own __proto__ key as plain data", () => {
    const object = JSON.parse('{"metadata":{"__proto__":{"x":1},"name":"a"}}') as object;
    expect(dropFields(object, ["metadata.__proto__"])).toEqual({ metadata: { name: "a" } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

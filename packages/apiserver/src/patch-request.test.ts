import { describe, expect, it } from "vitest";
import { decodePatchBody, patchTypeOf } from "./patch-request.js";

describe("patchTypeOf", () => {
  it.each`
    name                                | contentType                                                | expected
    ${"merge patch"}                    | ${"application/merge-patch+json"}                          | ${"merge"}
    ${"JSON patch"}                     | ${"application/json-patch+json"}                           | ${"json"}
    ${"strategic patch with a charset"} | ${"application/strategic-merge-patch+json; charset=utf-8"} | ${"strategic"}
    ${"server-side apply"}              | ${"application/apply-patch+yaml"}                          | ${"apply"}
  `("$name", ({ contentType, expected }) => {
    expect(patchTypeOf(contentType)).toBe(expected);
  });

  it("refuses a media type that differs only in case, as upstream compares exactly", () => {
    expect(() => patchTypeOf("Application/Merge-Patch+JSON")).toThrow(/unknown format/);
  });
});

describe("decodePatchBody", () => {
  it.each`
    name                                                | type           | body                               | message
    ${"an apply body that is a list is refused"}        | ${"apply"}     | ${"[]"}                            | ${"error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"}
    ${"an apply body of two YAML documents is refused"} | ${"apply"}     | ${"kind: Node\n---\nkind: Node\n"} | ${"error decoding YAML: the apply configuration must be exactly one object"}
    ${"an apply body that is not YAML is refused"}      | ${"apply"}     | ${"a: [b"}                         | ${/^error decoding YAML: /}
    ${"a strategic patch that is not JSON is refused"}  | ${"strategic"} | ${"{"}                             | ${/JSON/}
  `("$name", ({ type, body, message }) => {
    expect(() => decodePatchBody(type, Buffer.from(body))).toThrow(message);
  });

  it("reads a YAML apply configuration", () => {
    expect(
      decodePatchBody("apply", Buffer.from("apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n")),
    ).toEqual({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "a" },
    });
  });
});

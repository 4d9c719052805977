import { describe, expect, it } from "vitest";
import { patchTypeFromContentType } from "./patch-type.js";

describe("patchTypeFromContentType", () => {
  it.each`
    contentType                                                | expected
    ${"application/merge-patch+json"}                          | ${"merge"}
    ${"application/json-patch+json"}                           | ${"json"}
    ${"application/strategic-merge-patch+json"}                | ${"strategic"}
    ${"application/apply-patch+yaml"}                          | ${"apply"}
    ${"application/strategic-merge-patch+json; charset=utf-8"} | ${"strategic"}
    ${"application/json"}                                      | ${undefined}
    ${"application/apply-patch+cbor"}                          | ${undefined}
    ${"Application/Merge-Patch+JSON"}                          | ${undefined}
    ${" application/merge-patch+json"}                         | ${undefined}
    ${""}                                                      | ${undefined}
  `("The media type $contentType is the patch type $expected.", ({ contentType, expected }) => {
    expect(patchTypeFromContentType(contentType)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { fieldManagerFromUserAgent, managerOrUserAgent } from "./field-manager.js";

describe("fieldManagerFromUserAgent", () => {
  it.each`
    name                                                              | userAgent                                             | expected
    ${"kubectl's User-Agent gives kubectl"}                           | ${"kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07"} | ${"kubectl"}
    ${"a User-Agent without a slash is kept whole"}                   | ${"my controller"}                                    | ${"my controller"}
    ${"unprintable characters are dropped"}                           | ${"a\u0007b\tc/1"}                                    | ${"abc"}
    ${"an empty User-Agent gives no manager"}                         | ${""}                                                 | ${""}
    ${"a missing User-Agent gives no manager"}                        | ${undefined}                                          | ${""}
    ${"a long prefix is cut at 128 bytes"}                            | ${`${"x".repeat(200)}/1`}                             | ${"x".repeat(128)}
    ${"a multi-byte character that would pass 128 bytes is left out"} | ${`${"x".repeat(127)}é/1`}                            | ${"x".repeat(127)}
  `("$name", ({ userAgent, expected }) => {
    expect(fieldManagerFromUserAgent(userAgent)).toBe(expected);
  });
});

describe("managerOrUserAgent", () => {
  it.each`
    name                                                  | fieldManager        | userAgent          | expected
    ${"the fieldManager parameter wins"}                  | ${"kubectl-create"} | ${"kubectl/v1.32"} | ${"kubectl-create"}
    ${"an absent parameter falls back on the User-Agent"} | ${null}             | ${"kubectl/v1.32"} | ${"kubectl"}
    ${"an empty parameter falls back on the User-Agent"}  | ${""}               | ${"kubectl/v1.32"} | ${"kubectl"}
    ${"neither gives undefined"}                          | ${null}             | ${undefined}       | ${undefined}
  `("$name", ({ fieldManager, userAgent, expected }) => {
    expect(managerOrUserAgent(fieldManager, userAgent)).toBe(expected);
  });
});

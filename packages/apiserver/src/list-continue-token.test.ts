import { StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { decodeContinueToken, encodeContinueToken } from "./list-continue-token.js";

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

describe("continue tokens", () => {
  it("encodes upstream's token bytes: unpadded base64url of Go's JSON with the NUL escaped", () => {
    const token = encodeContinueToken({ resourceVersion: 42, startKey: "default/web-9\u0000" });
    expect([token, Buffer.from(token, "base64url").toString("utf8")]).toEqual([
      "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NDIsInN0YXJ0IjoiZGVmYXVsdC93ZWItOVx1MDAwMCJ9",
      '{"v":"meta.k8s.io/v1","rv":42,"start":"default/web-9\\u0000"}',
    ]);
  });

  it.each`
    name                                                  | startKey
    ${"round-trips a cluster-wide key"}                   | ${"kube-system/coredns\u0000"}
    ${"round-trips a name with HTML characters escaped"}  | ${"a<b>&c\u0000"}
    ${"round-trips a key whose base64 has - and _ in it"} | ${"??>>\u0000"}
  `("$name", ({ startKey }) => {
    expect(decodeContinueToken(encodeContinueToken({ resourceVersion: 7, startKey }))).toEqual({
      resourceVersion: 7,
      startKey,
    });
  });

  it.each`
    name                                                         | token                                                                | message
    ${"a character outside base64url is reported at its offset"} | ${"abc$def"}                                                         | ${"invalid continue token: continue key is not valid: illegal base64 data at input byte 3"}
    ${"padding is illegal in raw base64url"}                     | ${"YQ=="}                                                            | ${"invalid continue token: continue key is not valid: illegal base64 data at input byte 2"}
    ${"a lone trailing character is reported at the last byte"}  | ${"YWJjZ"}                                                           | ${"invalid continue token: continue key is not valid: illegal base64 data at input byte 4"}
    ${"no bytes at all are the end of JSON input"}               | ${""}                                                                | ${"invalid continue token: continue key is not valid: unexpected end of JSON input"}
    ${"a JSON list is not a token"}                              | ${base64url("[1]")}                                                  | ${"invalid continue token: continue key is not valid: json: cannot unmarshal array into Go value of type storage.continueToken"}
    ${"a string rv is a type error"}                             | ${base64url('{"v":"meta.k8s.io/v1","rv":"5","start":"a"}')}          | ${"invalid continue token: continue key is not valid: json: cannot unmarshal string into Go struct field continueToken.rv of type int64"}
    ${"a fractional rv is a type error"}                         | ${base64url('{"v":"meta.k8s.io/v1","rv":1.5,"start":"a"}')}          | ${"invalid continue token: continue key is not valid: json: cannot unmarshal number 1.5 into Go struct field continueToken.rv of type int64"}
    ${"an unknown version is refused"}                           | ${base64url('{"v":"v2","rv":5,"start":"a"}')}                        | ${"invalid continue token: continue key is not valid: server does not recognize this encoded version v2"}
    ${"rv 0 is refused"}                                         | ${base64url('{"v":"meta.k8s.io/v1","rv":0,"start":"a"}')}            | ${"invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)"}
    ${"an empty start key is refused"}                           | ${base64url('{"v":"meta.k8s.io/v1","rv":5}')}                        | ${"invalid continue token: continue key is not valid: encoded start key empty (version meta.k8s.io/v1)"}
    ${"a start key that climbs out of the prefix is refused"}    | ${base64url('{"v":"meta.k8s.io/v1","rv":5,"start":"../secrets/x"}')} | ${"invalid continue token: continue key is not valid: ../secrets/x"}
    ${"a start key with an empty segment is refused"}            | ${base64url('{"v":"meta.k8s.io/v1","rv":5,"start":"a//b"}')}         | ${"invalid continue token: continue key is not valid: a//b"}
    ${"a __proto__ key is just an unknown field"}                | ${base64url('{"__proto__":{"v":"x"},"rv":5,"start":"a"}')}           | ${"invalid continue token: continue key is not valid: server does not recognize this encoded version "}
  `("$name", ({ token, message }) => {
    let caught: unknown;
    try {
      decodeContinueToken(token);
    } catch (error) {
      caught = error;
    }
    expect(StatusError.isInstance(caught) ? [caught.status.code, caught.status.message] : caught).toEqual([
      400,
      message,
    ]);
  });

  it("matches field names case-insensitively, as Go's decoder does", () => {
    expect(decodeContinueToken(base64url('{"V":"meta.k8s.io/v1","RV":-1,"Start":"/b"}'))).toEqual({
      resourceVersion: -1,
      startKey: "b",
    });
  });
});

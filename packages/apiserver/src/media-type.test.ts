import { describe, expect, it } from "vitest";
import { discoveryRendering, parseAccept, resourceRendering } from "./media-type.js";

describe("parseAccept", () => {
  it("reads media ranges in order with their parameters", () => {
    expect(parseAccept("application/json;as=Table;v=v1;g=meta.k8s.io, */*;q=0.8, nonsense")).toEqual([
      {
        mediaType: "application/json",
        parameters: new Map([
          ["as", "Table"],
          ["v", "v1"],
          ["g", "meta.k8s.io"],
        ]),
      },
      { mediaType: "*/*", parameters: new Map([["q", "0.8"]]) },
    ]);
  });
});

describe("resourceRendering", () => {
  it.each`
    name                                                              | accept                                                                | expected
    ${"kubectl get's Accept asks for a v1 Table"}                     | ${"application/json;as=Table;v=v1;g=meta.k8s.io,application/json"}    | ${{ kind: "table", apiVersion: "meta.k8s.io/v1" }}
    ${"protobuf first is passed over for the JSON after it"}          | ${"application/vnd.kubernetes.protobuf,application/json"}             | ${{ kind: "object" }}
    ${"a Table of an unknown group is passed over"}                   | ${"application/json;as=Table;v=v1;g=example.com,application/json"}    | ${{ kind: "object" }}
    ${"a PartialObjectMetadata conversion is not served: plain JSON"} | ${"application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io"} | ${{ kind: "object" }}
    ${"no Accept is plain JSON"}                                      | ${undefined}                                                          | ${{ kind: "object" }}
  `("$name", ({ accept, expected }) => {
    expect(resourceRendering(accept)).toEqual(expected);
  });
});

describe("discoveryRendering", () => {
  it.each`
    name                                             | accept                                                                    | expected
    ${"v2 aggregated"}                               | ${"application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"} | ${"aggregated"}
    ${"an unknown discovery version is passed over"} | ${"application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList"} | ${"legacy"}
    ${"*/* is legacy"}                               | ${"*/*"}                                                                  | ${"legacy"}
  `("$name", ({ accept, expected }) => {
    expect(discoveryRendering(accept).kind).toBe(expected);
  });
});

import type { Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { compareResourceVersions, ObjectCache } from "./object-cache.js";

describe("compareResourceVersions", () => {
  it.each`
    name                                                | left                   | right                  | order
    ${"equal strings are equal"}                        | ${"42"}                | ${"42"}                | ${0}
    ${"a shorter number is older"}                      | ${"9"}                 | ${"10"}                | ${-1}
    ${"a larger number is newer"}                       | ${"1001"}              | ${"1000"}              | ${1}
    ${"leading zeros compare by value"}                 | ${"007"}               | ${"7"}                 | ${0}
    ${"numbers beyond float precision compare exactly"} | ${"90071992547409931"} | ${"90071992547409930"} | ${1}
    ${"a non-numeric version has no order"}             | ${"abc"}               | ${"1"}                 | ${undefined}
    ${"a missing version has no order"}                 | ${undefined}           | ${"1"}                 | ${undefined}
  `("$name", ({ left, right, order }) => {
    expect(compareResourceVersions(left, right)).toBe(order);
  });
});

describe("ObjectCache observer", () => {
  it("sees every applied insertion, update and removal, and nothing that was ignored", () => {
    const seen: string[] = [];
    const cache = new ObjectCache<Pod>((previous, current) =>
      seen.push(
        `${previous?.metadata?.resourceVersion ?? "-"} -> ${current?.metadata?.resourceVersion ?? "-"}`,
      ),
    );
    const pod = (resourceVersion: string): Pod => ({
      metadata: { name: "p", namespace: "ns", resourceVersion },
    });
    cache.upsert(pod("5"));
    cache.upsert(pod("4"));
    cache.upsert(pod("5"));
    cache.upsert(pod("6"));
    cache.remove("ns", "p", "7");
    cache.upsert(pod("7"));
    cache.remove("ns", "missing");
    cache.upsert(pod("8"));
    expect(seen).toEqual(["- -> 5", "5 -> 6", "6 -> -", "- -> 8"]);
  });
});

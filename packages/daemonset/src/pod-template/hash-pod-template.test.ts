import type { PodTemplateSpec } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashPodTemplate, safeEncodeString } from "./hash-pod-template.js";

const webTemplate: PodTemplateSpec = {
  metadata: { labels: { app: "web" } },
  spec: { containers: [{ name: "web", image: "nginx:1.27" }] },
};

describe("safeEncodeString", () => {
  it.each`
    text            | expected
    ${"0123456789"} | ${"456789bcdf"}
    ${"2748304581"} | ${"6c8d7489d5"}
    ${""}           | ${""}
  `("encodes $text as $expected", ({ text, expected }) => {
    expect(safeEncodeString(text)).toBe(expected);
  });
});

describe("hashPodTemplate", () => {
  // Expected values computed independently: FNV-1a 32 over the sorted-key JSON, then the
  // decimal sum through upstream's SafeEncodeString.
  it.each([
    {
      name: "an empty template hashes the text {}",
      template: {},
      collisionCount: undefined,
      expected: "5859f96865",
    },
    {
      name: "a web template without a collision count",
      template: webTemplate,
      collisionCount: undefined,
      expected: "6c8d7489d5",
    },
    {
      name: "collisionCount 1 mixes in eight more bytes",
      template: webTemplate,
      collisionCount: 1,
      expected: "d898ff9b",
    },
    {
      name: "collisionCount 2 gives yet another hash",
      template: webTemplate,
      collisionCount: 2,
      expected: "8df9bff9f",
    },
    {
      name: "collisionCount 0 counts as no collision count",
      template: webTemplate,
      collisionCount: 0,
      expected: "6c8d7489d5",
    },
  ])("$name", ({ template, collisionCount, expected }) => {
    expect(hashPodTemplate(template, collisionCount)).toBe(expected);
  });

  it("does not depend on the order of the template's keys", () => {
    const reordered: PodTemplateSpec = {
      spec: { containers: [{ image: "nginx:1.27", name: "web" }] },
      metadata: { labels: { app: "web" } },
    };
    expect(hashPodTemplate(reordered)).toBe(hashPodTemplate(webTemplate));
  });

  it("changes when the image changes", () => {
    const changed: PodTemplateSpec = {
      ...webTemplate,
      spec: { containers: [{ name: "web", image: "nginx:1.28" }] },
    };
    expect(hashPodTemplate(changed)).not.toBe(hashPodTemplate(webTemplate));
  });

  it("always renders characters of the safe alphabet only", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string()),
        fc.option(fc.nat(), { nil: undefined }),
        (labels, count) => {
          expect(hashPodTemplate({ metadata: { labels } }, count)).toMatch(
            /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/,
          );
        },
      ),
    );
  });

  it("rejects a collision count that is not an integer", () => {
    expect(() => hashPodTemplate(webTemplate, 1.5)).toThrow("collisionCount must be an integer, got 1.5");
  });
});

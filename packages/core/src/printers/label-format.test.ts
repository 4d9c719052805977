import type { LabelSelector } from "kubernetes-types/meta/v1";
import { describe, expect, it } from "vitest";
import { formatLabelSelector, formatLabels } from "./label-format.js";

describe("formatLabels", () => {
  it.each([
    { name: "no labels print <none>", labels: undefined, expected: "<none>" },
    { name: "null labels print <none>", labels: null, expected: "<none>" },
    { name: "an empty map prints <none>", labels: {}, expected: "<none>" },
    { name: "one label prints k=v", labels: { app: "nginx" }, expected: "app=nginx" },
    { name: "labels are sorted", labels: { tier: "web", app: "nginx" }, expected: "app=nginx,tier=web" },
    {
      name: "the k=v strings are sorted, not the keys, so a-b=2 comes before a=1",
      labels: { a: "1", "a-b": "2" },
      expected: "a-b=2,a=1",
    },
    {
      name: "an empty value prints k=",
      labels: { "node-role.kubernetes.io/control-plane": "" },
      expected: "node-role.kubernetes.io/control-plane=",
    },
  ])("$name", ({ labels, expected }) => {
    expect(formatLabels(labels)).toBe(expected);
  });
});

describe("formatLabelSelector", () => {
  it.each<{ name: string; selector: LabelSelector | null | undefined; expected: string }>([
    { name: "a missing selector prints <none>", selector: undefined, expected: "<none>" },
    { name: "a null selector prints <none>", selector: null, expected: "<none>" },
    { name: "an empty selector prints <none>", selector: {}, expected: "<none>" },
    {
      name: "empty matchLabels and matchExpressions print <none>",
      selector: { matchLabels: {}, matchExpressions: [] },
      expected: "<none>",
    },
    { name: "matchLabels print k=v", selector: { matchLabels: { app: "nginx" } }, expected: "app=nginx" },
    {
      name: "requirements are sorted by key",
      selector: { matchLabels: { tier: "web", app: "nginx" } },
      expected: "app=nginx,tier=web",
    },
    {
      name: "In prints `in` with sorted values",
      selector: { matchExpressions: [{ key: "zone", operator: "In", values: ["b", "a"] }] },
      expected: "zone in (a,b)",
    },
    {
      name: "NotIn prints `notin`",
      selector: { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] },
      expected: "zone notin (a)",
    },
    {
      name: "Exists prints the key alone",
      selector: { matchExpressions: [{ key: "gpu", operator: "Exists" }] },
      expected: "gpu",
    },
    {
      name: "DoesNotExist prints !key",
      selector: { matchExpressions: [{ key: "gpu", operator: "DoesNotExist" }] },
      expected: "!gpu",
    },
    {
      name: "matchLabels and expressions are merged and sorted by key",
      selector: {
        matchLabels: { tier: "web" },
        matchExpressions: [
          { key: "zone", operator: "In", values: ["z2", "z1"] },
          { key: "app", operator: "Exists" },
        ],
      },
      expected: "app,tier=web,zone in (z1,z2)",
    },
    {
      name: "an unknown operator makes the selector an error",
      selector: { matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] },
      expected: "<error>",
    },
    {
      name: "In without values is an error",
      selector: { matchExpressions: [{ key: "a", operator: "In", values: [] }] },
      expected: "<error>",
    },
    {
      name: "Exists with values is an error",
      selector: { matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] },
      expected: "<error>",
    },
    {
      name: "an invalid key is an error",
      selector: { matchLabels: { "bad key": "x" } },
      expected: "<error>",
    },
    { name: "an invalid value is an error", selector: { matchLabels: { app: "-bad" } }, expected: "<error>" },
    { name: "an empty prefix is an error", selector: { matchLabels: { "/app": "x" } }, expected: "<error>" },
    {
      name: "a prefixed key is fine",
      selector: { matchLabels: { "k8s.io/app": "" } },
      expected: "k8s.io/app=",
    },
  ])("$name", ({ selector, expected }) => {
    expect(formatLabelSelector(selector)).toBe(expected);
  });
});

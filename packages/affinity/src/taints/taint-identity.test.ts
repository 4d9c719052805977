import type { Taint } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { matchTaint, taintToString } from "./taint-identity.js";

describe("taintToString", () => {
  // Ported from k8s.io/api core/v1 taint_test.go TestTaintToString.
  it.each([
    {
      name: "Key, value and effect render as key=value:effect.",
      taint: { key: "foo", value: "bar", effect: "NoSchedule" },
      text: "foo=bar:NoSchedule",
    },
    {
      name: "Key and effect render as key:effect.",
      taint: { key: "foo", effect: "NoSchedule" },
      text: "foo:NoSchedule",
    },
    { name: "A key alone renders as the key.", taint: { key: "foo", effect: "" }, text: "foo" },
    {
      name: "Key and value without an effect keep the trailing colon.",
      taint: { key: "foo", value: "bar", effect: "" },
      text: "foo=bar:",
    },
    {
      name: "An empty value is treated as no value.",
      taint: { key: "foo", value: "", effect: "NoExecute" },
      text: "foo:NoExecute",
    },
  ] satisfies ReadonlyArray<{ name: string; taint: Taint; text: string }>)("$name", ({ taint, text }) => {
    expect(taintToString(taint)).toBe(text);
  });
});

describe("matchTaint", () => {
  // Ported from k8s.io/api core/v1 taint_test.go TestMatchTaint.
  it.each([
    {
      name: "Two taints with the same key, value and effect match.",
      left: { key: "foo", value: "bar", effect: "NoSchedule" },
      right: { key: "foo", value: "bar", effect: "NoSchedule" },
      matches: true,
    },
    {
      name: "Two taints with the same key and effect but different values match.",
      left: { key: "foo", value: "bar", effect: "NoSchedule" },
      right: { key: "foo", value: "different-value", effect: "NoSchedule" },
      matches: true,
    },
    {
      name: "Two taints with different keys do not match.",
      left: { key: "foo", value: "bar", effect: "NoSchedule" },
      right: { key: "different-key", value: "bar", effect: "NoSchedule" },
      matches: false,
    },
    {
      name: "Two taints with different effects do not match.",
      left: { key: "foo", value: "bar", effect: "NoSchedule" },
      right: { key: "foo", value: "bar", effect: "PreferNoSchedule" },
      matches: false,
    },
  ] satisfies ReadonlyArray<{ name: string; left: Taint; right: Taint; matches: boolean }>)(
    "$name",
    ({ left, right, matches }) => {
      expect(matchTaint(left, right)).toBe(matches);
    },
  );
});

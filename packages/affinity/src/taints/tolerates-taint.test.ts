import type { Taint, Toleration } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { toleratesTaint, tolerationsTolerateTaint } from "./tolerates-taint.js";

interface ToleratesCase {
  readonly name: string;
  readonly toleration: Toleration;
  readonly taint: Taint;
  readonly tolerated: boolean;
}

const toleratesCases: readonly ToleratesCase[] = [
  // Ported from k8s.io/api core/v1 toleration_test.go.
  {
    name: "An Exists toleration with the taint's key and effect tolerates a taint without a value.",
    toleration: { key: "foo", operator: "Exists", effect: "NoSchedule" },
    taint: { key: "foo", effect: "NoSchedule" },
    tolerated: true,
  },
  {
    name: "An Exists toleration with the taint's key and effect tolerates a taint with a value.",
    toleration: { key: "foo", operator: "Exists", effect: "NoSchedule" },
    taint: { key: "foo", value: "bar", effect: "NoSchedule" },
    tolerated: true,
  },
  {
    name: "An Exists toleration with an empty key tolerates every key of its effect.",
    toleration: { key: "", operator: "Exists", effect: "NoSchedule" },
    taint: { key: "foo", value: "bar", effect: "NoSchedule" },
    tolerated: true,
  },
  {
    name: "An Equal toleration with the taint's key, effect and value tolerates it.",
    toleration: { key: "foo", operator: "Equal", value: "bar", effect: "NoSchedule" },
    taint: { key: "foo", value: "bar", effect: "NoSchedule" },
    tolerated: true,
  },
  {
    name: "An Equal toleration with another value does not tolerate the taint.",
    toleration: { key: "foo", operator: "Equal", value: "value1", effect: "NoSchedule" },
    taint: { key: "foo", value: "value2", effect: "NoSchedule" },
    tolerated: false,
  },
  {
    name: "An Equal toleration with another effect does not tolerate the taint.",
    toleration: { key: "foo", operator: "Equal", value: "bar", effect: "NoSchedule" },
    taint: { key: "foo", value: "bar", effect: "NoExecute" },
    tolerated: false,
  },
  // Further rules of the matcher.
  {
    name: "An Exists toleration without key or effect tolerates every taint.",
    toleration: { operator: "Exists" },
    taint: { key: "anything", value: "x", effect: "NoExecute" },
    tolerated: true,
  },
  {
    name: "A toleration without an effect tolerates the key under every effect.",
    toleration: { key: "foo", operator: "Exists" },
    taint: { key: "foo", effect: "PreferNoSchedule" },
    tolerated: true,
  },
  {
    name: "An omitted operator means Equal, and an absent value equals an empty one.",
    toleration: { key: "foo", effect: "NoSchedule" },
    taint: { key: "foo", value: "", effect: "NoSchedule" },
    tolerated: true,
  },
  {
    name: "An omitted operator means Equal, so a taint with a value is not tolerated by no value.",
    toleration: { key: "foo", effect: "NoSchedule" },
    taint: { key: "foo", value: "bar", effect: "NoSchedule" },
    tolerated: false,
  },
  {
    name: "An empty key with Equal is not rejected by the matcher and compares values only.",
    toleration: { operator: "Equal", value: "bar" },
    taint: { key: "anything", value: "bar", effect: "NoSchedule" },
    tolerated: true,
  },
  {
    name: "An Exists toleration for another key does not tolerate the taint.",
    toleration: { key: "other", operator: "Exists" },
    taint: { key: "foo", effect: "NoSchedule" },
    tolerated: false,
  },
  {
    name: "A Gt operator (not in v1.32) tolerates nothing.",
    toleration: { key: "foo", operator: "Gt", value: "1" },
    taint: { key: "foo", value: "5", effect: "NoSchedule" },
    tolerated: false,
  },
  {
    name: "A Lt operator (not in v1.32) tolerates nothing.",
    toleration: { key: "foo", operator: "Lt", value: "10" },
    taint: { key: "foo", value: "5", effect: "NoSchedule" },
    tolerated: false,
  },
  {
    name: "Operators are case-sensitive, so exists tolerates nothing.",
    toleration: { key: "foo", operator: "exists" },
    taint: { key: "foo", effect: "NoSchedule" },
    tolerated: false,
  },
  {
    name: "tolerationSeconds plays no part in matching.",
    toleration: { key: "foo", operator: "Exists", effect: "NoExecute", tolerationSeconds: 0 },
    taint: { key: "foo", effect: "NoExecute" },
    tolerated: true,
  },
  {
    name: "A key spelled __proto__ is ordinary data.",
    toleration: { key: "__proto__", operator: "Equal", value: "constructor" },
    taint: { key: "__proto__", value: "constructor", effect: "NoSchedule" },
    tolerated: true,
  },
];

describe("toleratesTaint", () => {
  it.each(toleratesCases)("$name", ({ toleration, taint, tolerated }) => {
    expect(toleratesTaint(toleration, taint)).toBe(tolerated);
  });
});

describe("tolerationsTolerateTaint", () => {
  const taint: Taint = { key: "dedicated", value: "gpu", effect: "NoSchedule" };
  it.each([
    { name: "Undefined tolerations tolerate nothing.", tolerations: undefined, tolerated: false },
    { name: "An empty list tolerates nothing.", tolerations: [], tolerated: false },
    {
      name: "A list tolerates the taint when any toleration does.",
      tolerations: [
        { key: "other", operator: "Exists" },
        { key: "dedicated", value: "gpu" },
      ],
      tolerated: true,
    },
    {
      name: "A list does not tolerate the taint when no toleration does.",
      tolerations: [
        { key: "dedicated", value: "cpu" },
        { key: "dedicated", operator: "Exists", effect: "NoExecute" },
      ],
      tolerated: false,
    },
  ] satisfies ReadonlyArray<{ name: string; tolerations: Toleration[] | undefined; tolerated: boolean }>)(
    "$name",
    ({ tolerations, tolerated }) => {
      expect(tolerationsTolerateTaint(tolerations, taint)).toBe(tolerated);
    },
  );
});

import type { Taint, Toleration } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { findUntoleratedTaint, untoleratedTaintReason } from "./find-untolerated-taint.js";
import { doNotScheduleTaintFilter } from "./taint-effects.js";

interface FindCase {
  readonly name: string;
  readonly tolerations: Toleration[] | undefined;
  readonly taints: Taint[] | undefined;
  readonly filter: ((taint: Taint) => boolean) | undefined;
  readonly expected: Taint | undefined;
}

const fooNoSchedule: Toleration = { key: "foo", operator: "Exists", effect: "NoSchedule" };

const cases: readonly FindCase[] = [
  // Ported from component-helpers scheduling/corev1 helpers_test.go TestFindMatchingUntoleratedTaint.
  {
    name: "Empty tolerations tolerate empty taints.",
    tolerations: [],
    taints: [],
    filter: () => true,
    expected: undefined,
  },
  {
    name: "Non-empty tolerations tolerate empty taints.",
    tolerations: [fooNoSchedule],
    taints: [],
    filter: () => true,
    expected: undefined,
  },
  {
    name: "Tolerations that match all taints leave nothing untolerated.",
    tolerations: [fooNoSchedule],
    taints: [{ key: "foo", effect: "NoSchedule" }],
    filter: () => true,
    expected: undefined,
  },
  {
    name: "Untolerated taints that the filter excludes do not count.",
    tolerations: [fooNoSchedule],
    taints: [{ key: "bar", effect: "NoSchedule" }],
    filter: () => false,
    expected: undefined,
  },
  {
    name: "Without a filter every taint counts, so an unmatched taint is returned.",
    tolerations: [fooNoSchedule],
    taints: [{ key: "bar", effect: "NoSchedule" }],
    filter: undefined,
    expected: { key: "bar", effect: "NoSchedule" },
  },
  {
    name: "Only the filtered NoExecute taint is checked, and it is tolerated.",
    tolerations: [{ key: "foo", operator: "Exists", effect: "NoExecute" }],
    taints: [
      { key: "foo", effect: "NoExecute" },
      { key: "bar", effect: "NoSchedule" },
    ],
    filter: (taint) => taint.effect === "NoExecute",
    expected: undefined,
  },
  // The scheduler's use.
  {
    name: "The first untolerated taint in node order is returned.",
    tolerations: [],
    taints: [
      { key: "soft", effect: "PreferNoSchedule" },
      { key: "first", value: "1", effect: "NoExecute" },
      { key: "second", effect: "NoSchedule" },
    ],
    filter: doNotScheduleTaintFilter,
    expected: { key: "first", value: "1", effect: "NoExecute" },
  },
  {
    name: "PreferNoSchedule taints never keep a pod off a node.",
    tolerations: undefined,
    taints: [{ key: "soft", effect: "PreferNoSchedule" }],
    filter: doNotScheduleTaintFilter,
    expected: undefined,
  },
  {
    name: "A node without taints has nothing untolerated.",
    tolerations: undefined,
    taints: undefined,
    filter: doNotScheduleTaintFilter,
    expected: undefined,
  },
];

describe("findUntoleratedTaint", () => {
  it.each(cases)("$name", ({ taints, tolerations, filter, expected }) => {
    expect(findUntoleratedTaint(taints, tolerations, filter)).toEqual(expected);
  });
});

describe("untoleratedTaintReason", () => {
  it.each([
    {
      name: "A taint with a value renders as {key: value}.",
      taint: { key: "dedicated", value: "gpu", effect: "NoSchedule" },
      reason: "node(s) had untolerated taint {dedicated: gpu}",
    },
    {
      name: "A taint without a value keeps the space after the colon.",
      taint: { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" },
      reason: "node(s) had untolerated taint {node.kubernetes.io/not-ready: }",
    },
  ] satisfies ReadonlyArray<{ name: string; taint: Taint; reason: string }>)("$name", ({ taint, reason }) => {
    expect(untoleratedTaintReason(taint)).toBe(reason);
  });
});

describe("doNotScheduleTaintFilter", () => {
  it.each`
    effect                | included
    ${"NoSchedule"}       | ${true}
    ${"NoExecute"}        | ${true}
    ${"PreferNoSchedule"} | ${false}
    ${""}                 | ${false}
  `("The $effect effect is included: $included.", ({ effect, included }) => {
    expect(doNotScheduleTaintFilter({ key: "k", effect })).toBe(included);
  });
});

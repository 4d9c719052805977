import type { Toleration } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  addOrUpdateTolerations,
  daemonSetDefaultTolerations,
  matchToleration,
} from "./daemonset-tolerations.js";

const defaults: Toleration[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
];
const networkUnavailable: Toleration = {
  key: "node.kubernetes.io/network-unavailable",
  operator: "Exists",
  effect: "NoSchedule",
};

describe("daemonSetDefaultTolerations", () => {
  it.each([
    {
      name: "A pod on the pod network gets six tolerations in upstream's order.",
      hostNetwork: false,
      expected: defaults,
    },
    {
      name: "A host-network pod also tolerates network-unavailable, last.",
      hostNetwork: true,
      expected: [...defaults, networkUnavailable],
    },
  ])("$name", ({ hostNetwork, expected }) => {
    expect(daemonSetDefaultTolerations(hostNetwork)).toStrictEqual(expected);
  });

  it("Each call returns fresh objects.", () => {
    const first = daemonSetDefaultTolerations(false);
    expect(first[0]).not.toBe(daemonSetDefaultTolerations(false)[0]);
  });
});

interface MergeCase {
  readonly name: string;
  readonly tolerations: Toleration[] | undefined;
  readonly toAdd: Toleration[];
  readonly expected: Toleration[];
}

const notReady: Toleration = { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" };

const mergeCases: readonly MergeCase[] = [
  {
    name: "Missing tolerations are appended in order.",
    tolerations: undefined,
    toAdd: daemonSetDefaultTolerations(false),
    expected: defaults,
  },
  {
    name: "User tolerations come first and defaults follow.",
    tolerations: [{ key: "dedicated", operator: "Equal", value: "infra" }],
    toAdd: [notReady],
    expected: [{ key: "dedicated", operator: "Equal", value: "infra" }, notReady],
  },
  {
    name: "An identical toleration stays where it is and nothing is appended.",
    tolerations: [{ key: "a", operator: "Exists" }, notReady, { key: "b", operator: "Exists" }],
    toAdd: [notReady],
    expected: [{ key: "a", operator: "Exists" }, notReady, { key: "b", operator: "Exists" }],
  },
  {
    name: "A same-identity toleration with tolerationSeconds is replaced in place, dropping the timeout.",
    tolerations: [
      { ...notReady, tolerationSeconds: 300 },
      { key: "b", operator: "Exists" },
    ],
    toAdd: [notReady],
    expected: [notReady, { key: "b", operator: "Exists" }],
  },
  {
    name: "A user toleration with the operator omitted is another identity, so both are kept.",
    tolerations: [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }],
    toAdd: [notReady],
    expected: [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }, notReady],
  },
  {
    name: "A toleration for the same key with another effect is another identity.",
    tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoSchedule" }],
    toAdd: [notReady],
    expected: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoSchedule" }, notReady],
  },
];

describe("addOrUpdateTolerations", () => {
  it.each(mergeCases)("$name", ({ tolerations, toAdd, expected }) => {
    const before = structuredClone(tolerations);
    expect(addOrUpdateTolerations(tolerations, toAdd)).toStrictEqual(expected);
    expect(tolerations).toStrictEqual(before);
  });

  it("A single toleration can be given instead of a list.", () => {
    expect(addOrUpdateTolerations([], notReady)).toStrictEqual([notReady]);
  });
});

describe("matchToleration", () => {
  it.each([
    {
      name: "Absent and empty fields are the same identity.",
      left: { key: "a", value: "" },
      right: { key: "a" },
      matches: true,
    },
    {
      name: "tolerationSeconds is not part of the identity.",
      left: { key: "a", operator: "Exists", tolerationSeconds: 5 },
      right: { key: "a", operator: "Exists" },
      matches: true,
    },
    {
      name: "Another value is another identity.",
      left: { key: "a", value: "x" },
      right: { key: "a", value: "y" },
      matches: false,
    },
  ] satisfies ReadonlyArray<{ name: string; left: Toleration; right: Toleration; matches: boolean }>)(
    "$name",
    ({ left, right, matches }) => {
      expect(matchToleration(left, right)).toBe(matches);
    },
  );
});
